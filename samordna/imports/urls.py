"""Addresses under /f/<förbund>/protokoll/."""

from django.urls import path

from samordna.imports import views

app_name = "imports"

urlpatterns = [
    path("sok/", views.protocol_search, name="search"),
    path("importera/", views.import_upload, name="upload"),
    path("importera/<int:pk>/", views.import_preview, name="preview"),
    path("importera/<int:pk>/ta-bort/", views.import_discard, name="discard"),
]
