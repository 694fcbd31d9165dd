"""The dashboards, their exports and the goals, under /f/<förbund>/uppfoljning/."""

from django.urls import path

from samordna.followup import dashboard_views as views

urlpatterns = [
    path("forbundet/", views.association_dashboard, name="association"),
    path("forbundet/export.xlsx", views.association_xlsx, name="association_xlsx"),
    path("forbundet/export.csv", views.association_csv, name="association_csv"),
    path("insatser/<int:pk>/", views.intervention_dashboard, name="intervention"),
    path(
        "insatser/<int:pk>/uppfoljning-finsam.xlsx",
        views.intervention_finsam,
        name="intervention_finsam",
    ),
    path("mal/", views.goals, name="goals"),
    path("mal/ny/", views.goal_create, name="goal_create"),
    path("mal/<int:pk>/andra/", views.goal_update, name="goal_update"),
    path("mal/<int:pk>/ta-bort/", views.goal_delete, name="goal_delete"),
]
