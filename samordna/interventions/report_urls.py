"""Addresses of the reports from the insatser, included under /f/<förbund>/ in the
"interventions" namespace."""

from django.urls import path

from samordna.interventions import report_views

urlpatterns = [
    path(
        "insatser/<int:pk>/rapporter/<int:report_pk>/",
        report_views.report_detail,
        name="report",
    ),
    path(
        "insatser/<int:pk>/rapporter/<int:report_pk>/tillbaka/",
        report_views.report_return,
        name="report_return",
    ),
    path(
        "insatser/<int:pk>/rapporter/<int:report_pk>/underskrift/",
        report_views.report_sign,
        name="report_sign",
    ),
    path(
        "insatser/beslut/<int:decision_pk>/rapport/ny/",
        report_views.report_request,
        name="report_request",
    ),
    path(
        "insatser/rapporter/godkann/<int:par_pk>/",
        report_views.report_approve,
        name="report_approve",
    ),
]
