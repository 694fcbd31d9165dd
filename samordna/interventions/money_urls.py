"""Addresses of the money of insatser under /f/<förbund>/: the decision in a §, the
agreement, conditions, payments and the slutreglering."""

from django.urls import path

from samordna.interventions import money_views as views

urlpatterns = [
    path(
        "insatser/beslut/paragraf/<int:par_pk>/",
        views.decision_create,
        name="decision_create",
    ),
    path(
        "insatser/beslut/<int:pk>/ta-tillbaka/",
        views.decision_withdraw,
        name="decision_withdraw",
    ),
    path(
        "ansokningar/<int:pk>/tidigare-beslut/",
        views.decision_earlier,
        name="decision_earlier",
    ),
    path("insatser/beslut/<int:pk>/avtal/", views.agreement, name="agreement"),
    path(
        "insatser/beslut/<int:pk>/avtal/undertecknat/",
        views.agreement_sign,
        name="agreement_sign",
    ),
    path("insatser/beslut/<int:pk>/avtal.pdf", views.agreement_pdf, name="agreement_pdf"),
    path("insatser/beslut/<int:pk>/avtal.docx", views.agreement_docx, name="agreement_docx"),
    path("insatser/villkor/<int:pk>/uppfyllt/", views.condition_met, name="condition_met"),
    path("insatser/<int:pk>/slutreglering/", views.close, name="close"),
]
