"""The kansli's entry for an insats in Insatskatalogen (in the "interventions" namespace)."""

from django.urls import path

from samordna.interventions import catalogue_views

urlpatterns = [
    path(
        "insatser/<int:pk>/katalog/",
        catalogue_views.catalogue_edit,
        name="catalogue_edit",
    ),
]
