from django.urls import path

from samordna.accounts import operator_views

app_name = "operator"

urlpatterns = [
    path("", operator_views.association_list, name="associations"),
    path("nytt/", operator_views.association_create, name="association_create"),
    path("<int:pk>/andra/", operator_views.association_update, name="association_update"),
]
