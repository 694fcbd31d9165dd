"""Addresses of the control year under /f/<förbund>/styrning/."""

from django.urls import path

from samordna.control import views

app_name = "control"

urlpatterns = [
    path("", views.cycle, name="cycle"),
    path("arshjul.ics", views.cycle_ics, name="cycle_ics"),
    path("arshjul/lagstadgade/", views.statutory_create, name="statutory_create"),
    path("arshjul/ar/", views.year_create, name="year_create"),
    path("arshjul/punkter/ny/", views.item_create, name="item_create"),
    path("arshjul/punkter/<int:pk>/", views.item_update, name="item_update"),
    path("arshjul/handelser/<int:pk>/", views.occurrence_update, name="occurrence_update"),
    path(
        "arshjul/handelser/<int:pk>/dagordning/",
        views.occurrence_to_agenda,
        name="occurrence_to_agenda",
    ),
    path("delegation/", views.delegation, name="delegation"),
    path("delegation/ny/", views.order_create, name="order_create"),
    path("delegation/beslut/nytt/", views.decision_create, name="decision_create"),
    path("delegation/<int:year>/", views.order, name="order"),
    path("delegation/<int:year>/anta/", views.order_adopt, name="order_adopt"),
    path("delegation/<int:year>/punkter/ny/", views.point_create, name="point_create"),
    path("delegation/<int:year>/punkter/<int:pk>/", views.point_update, name="point_update"),
    path("ansvarsfrihet/", views.discharges, name="discharges"),
    path("ansvarsfrihet/ny/", views.discharge_create, name="discharge_create"),
    path("risker/", views.risks, name="risks"),
    path("risker/ny/", views.risk_create, name="risk_create"),
    path("risker/<int:year>/", views.risk, name="risk"),
    path("risker/<int:year>/troskel/", views.risk_update, name="risk_update"),
    path("risker/<int:year>/anta/", views.risk_adopt, name="risk_adopt"),
    path("risker/<int:year>/rader/ny/", views.risk_row_create, name="risk_row_create"),
    path("risker/<int:year>/rader/<int:pk>/", views.risk_row_update, name="risk_row_update"),
    path("internkontroll/", views.plans, name="plans"),
    path("internkontroll/ny/", views.plan_create, name="plan_create"),
    path("internkontroll/<int:pk>/", views.plan, name="plan"),
    path("internkontroll/<int:pk>/anta/", views.plan_adopt, name="plan_adopt"),
    path("internkontroll/<int:pk>/ny-version/", views.plan_version, name="plan_version"),
    path("internkontroll/<int:pk>/rader/ny/", views.row_create, name="row_create"),
    path("internkontroll/<int:pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("internkontroll/<int:pk>/bilaga/", views.report_attach, name="report_attach"),
    path("internkontroll/rader/<int:pk>/", views.row_update, name="row_update"),
    path("internkontroll/rader/<int:pk>/uppfoljning/", views.followup_create, name="followup"),
]
