from django.urls import path

from samordna.associations import views

app_name = "associations"

urlpatterns = [
    path("", views.start, name="start"),
    path("forbundet/", views.association_detail, name="detail"),
    path("forbundet/andra/", views.association_settings, name="settings"),
    path("medlemmar/", views.member_list, name="members"),
    path("medlemmar/ny/", views.member_create, name="member_create"),
    path("medlemmar/<int:pk>/andra/", views.member_update, name="member_update"),
    path("medlemmar/fordelningsnyckel/", views.member_shares, name="member_shares"),
    path("personer/", views.person_list, name="people"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/", views.person_detail, name="person"),
    path("personer/<int:pk>/andra/", views.person_update, name="person_update"),
    path("styrelsen/", views.board, name="board"),
    path("styrelsen/uppdrag/", views.seat_list, name="seats"),
    path("styrelsen/ny/", views.board_enter, name="board_enter"),
    path("styrelsen/uppdrag/nytt/", views.seat_create, name="seat_create"),
    path("styrelsen/uppdrag/<int:pk>/andra/", views.seat_update, name="seat_update"),
    path("kansliet/", views.staff_list, name="staff"),
    path("kansliet/ny/", views.staff_create, name="staff_create"),
    path("kansliet/<int:pk>/andra/", views.staff_update, name="staff_update"),
    path("historik/<str:kind>/<int:pk>/", views.history, name="history"),
]
