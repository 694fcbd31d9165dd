"""Addresses of the indicator surveys under /f/<förbund>/uppfoljning/."""

from django.urls import path

from samordna.followup import survey_views as views

urlpatterns = [
    path("enkater/", views.survey_list, name="surveys"),
    path("enkater/ny/", views.questionnaire_create, name="questionnaire_create"),
    path("enkater/<int:pk>/", views.questionnaire_detail, name="questionnaire"),
    path("enkater/<int:pk>/andra/", views.questionnaire_update, name="questionnaire_update"),
    path("enkater/<int:pk>/pastaenden/ny/", views.statement_create, name="statement_create"),
    path("enkater/pastaenden/<int:pk>/andra/", views.statement_update, name="statement_update"),
    path("enkater/pastaenden/<int:pk>/", views.statement_action, name="statement_action"),
    path("enkater/omgangar/ny/", views.round_create, name="round_create"),
    path("enkater/omgangar/<int:pk>/", views.round_detail, name="round"),
    path("enkater/omgangar/<int:pk>/qr.svg", views.round_qr, name="round_qr"),
    path("enkater/omgangar/<int:pk>/stang/", views.round_close, name="round_close"),
    path("enkater/omgangar/<int:pk>/antal/", views.round_expected, name="round_expected"),
    path("enkater/omgangar/<int:pk>/papper/", views.round_paper, name="round_paper"),
    path("enkater/resultat/", views.survey_results, name="survey_results"),
    path("skalor/", views.scales, name="scales"),
]
