"""Addresses of the participant counts, included under /f/<förbund>/uppfoljning/ in the
"followup" namespace."""

from django.urls import path

from samordna.followup import count_views

urlpatterns = [
    path("", count_views.overview, name="overview"),
    path(
        "siffror/ny/<int:intervention_pk>/<int:year>/<int:number>/",
        count_views.report_start,
        name="report_start",
    ),
    path("siffror/<int:pk>/", count_views.report_detail, name="report"),
    path("siffror/<int:pk>/godkann/", count_views.report_approve, name="report_approve"),
    path("siffror/<int:pk>/oppna/", count_views.report_reopen, name="report_reopen"),
    path("planerat/<int:intervention_pk>/<int:year>/", count_views.planned, name="planned"),
    path("installningar/", count_views.settings, name="settings"),
    path("import/", count_views.import_counts, name="import"),
    path("import/<int:pk>/", count_views.import_detail, name="import_detail"),
    path("import/mall.xlsx", count_views.import_template, {"kind": "xlsx"}, name="import_template"),
    path(
        "import/mall.csv", count_views.import_template, {"kind": "csv"}, name="import_template_csv"
    ),
]
