"""Addresses under /f/<förbund>/protokoll/."""

from django.urls import path

from samordna.imports import views

app_name = "imports"

urlpatterns = [
    path("sok/", views.protocol_search, name="search"),
]
