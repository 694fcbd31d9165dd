"""Public addresses: the search of justerade protocols, /protokoll/sok/."""

from django.urls import path

from samordna.imports import views

app_name = "protocol_search"

urlpatterns = [
    path("sok/", views.public_search, name="search"),
]
