from django.urls import path

from samordna.finance import views

app_name = "finance"

urlpatterns = [
    path("medelstilldelning/<int:year>/", views.allocation_table, name="allocation_table"),
    path("nationellt/", views.national_overview, name="national"),
]
