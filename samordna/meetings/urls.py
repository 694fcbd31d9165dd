from django.urls import path

from samordna.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_plan, name="plan"),
    path("nytt/", views.meeting_create, name="create"),
    path("kalender/ny-adress/", views.calendar_feed_renew, name="feed_renew"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/andra/", views.meeting_update, name="update"),
    path("<int:pk>/kalender.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/dagordning/ny/", views.item_create, name="item_create"),
    path("<int:pk>/dagordning/<int:item_pk>/andra/", views.item_update, name="item_update"),
    path("<int:pk>/dagordning/<int:item_pk>/", views.item_action, name="item_action"),
]
