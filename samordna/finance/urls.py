from django.urls import path

from samordna.finance import views

app_name = "finance"

F = "f/<slug:slug>/ekonomi/"

urlpatterns = [
    path("medelstilldelning/<int:year>/", views.allocation_table, name="allocation_table"),
    path("nationellt/", views.national_overview, name="national"),
    path(F, views.overview, name="overview"),
    path(F + "bidrag/<int:year>/", views.contribution_list, name="contributions"),
    path(F + "bidrag/<int:year>/tilldelning/", views.allocation_set, name="allocation_set"),
    path(
        F + "bidrag/<int:year>/betalplan/<int:member_pk>/",
        views.schedule_set,
        name="schedule_set",
    ),
    path(F + "bidrag/inbetalning/<int:pk>/", views.contribution_payment, name="payment"),
    path(F + "budget/ny/", views.budget_create, name="budget_create"),
    path(F + "budget/<int:year>/", views.budget_detail, name="budget"),
    path(F + "budget/<int:year>/andra/", views.budget_update, name="budget_update"),
    path(F + "budget/<int:year>/rad/ny/", views.line_create, name="line_create"),
    path(F + "budget/<int:year>/rad/<int:pk>/", views.line_update, name="line_update"),
    path(F + "budget/<int:year>/rad/<int:pk>/ta-bort/", views.line_delete, name="line_delete"),
    path(F + "budget/<int:year>/hamta/", views.budget_refresh, name="budget_refresh"),
    path(F + "budget/<int:year>/balans/", views.balance_update, name="balance_update"),
    path(F + "budget/<int:year>/faststall/", views.budget_adopt, name="budget_adopt"),
    path(F + "budget/<int:year>/budget.xlsx", views.budget_xlsx, name="budget_xlsx"),
    path(F + "budget/<int:year>/budget.pdf", views.budget_pdf, name="budget_pdf"),
    path(F + "mal/", views.goal_list, name="goals"),
    path(F + "mal/andra/", views.goals_update, name="goals_update"),
]
