"""The public diarium under /diarium/<förbund>/."""

from django.urls import path

from samordna.records import public_views

app_name = "records_public"

urlpatterns = [
    path("<slug:slug>/", public_views.public_register, name="register"),
    path("<slug:slug>/kopia/<int:pk>/", public_views.copy_request, name="copy_request"),
    path("<slug:slug>/tack/", public_views.copy_thanks, name="copy_thanks"),
]
