from django.urls import path

from samordna.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.user_list, name="users"),
    path("ny/", views.user_create, name="user_create"),
    path("<int:pk>/andra/", views.user_update, name="user_update"),
    path("<int:pk>/hav-sparr/", views.user_unlock, name="user_unlock"),
]
