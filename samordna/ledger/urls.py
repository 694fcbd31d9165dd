"""Addresses under /f/<förbund>/ekonomi/uppfoljning/."""

from django.urls import path

from samordna.ledger import views

app_name = "ledger"

urlpatterns = [
    path("", views.followup, name="followup"),
    path("uppfoljning.xlsx", views.followup_xlsx, name="followup_xlsx"),
    path("uppfoljning.pdf", views.followup_pdf, name="followup_pdf"),
    path("bilaga/", views.attach, name="attach"),
    path("rad/<int:line>/prognos/", views.forecast, name="forecast"),
    path("import/", views.imports, name="imports"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/lamna/", views.import_discard, name="import_discard"),
]
