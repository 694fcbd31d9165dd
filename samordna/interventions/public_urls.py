"""The public Insatskatalogen under /insatser/."""

from django.urls import path

from samordna.interventions import public_views

app_name = "catalogue"

urlpatterns = [
    path("", public_views.search, name="search"),
    path("<int:pk>/", public_views.detail, name="detail"),
]
