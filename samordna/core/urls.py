"""Addresses under /f/<förbund>/uppgifter/: the progress of background tasks."""

from django.urls import path

from samordna.core import views

app_name = "core"

urlpatterns = [
    path("<int:pk>/", views.progress, name="progress"),
    path("<int:pk>/igen/", views.progress_retry, name="progress_retry"),
]
