"""Addresses of board fees under /f/<förbund>/arvoden/."""

from django.urls import path

from samordna.fees import views

app_name = "fees"

urlpatterns = [
    path("", views.index, name="index"),
    path("sammantraden/<int:pk>/", views.meeting, name="meeting"),
    path("sammantraden/<int:pk>/ny/<str:kind>/", views.claim_create, name="claim_create"),
    path("sammantraden/<int:pk>/faststall/", views.fix, name="fix"),
    path("sammantraden/<int:pk>/till-attest/", views.send, name="send"),
    path("sammantraden/<int:pk>/ateroppna/", views.reopen, name="reopen"),
    path("ersattningar/<int:pk>/", views.claim_update, name="claim_update"),
    path("ersattningar/<int:pk>/ta-bort/", views.claim_delete, name="claim_delete"),
    path("ar/", views.year, name="year"),
    path("ar/arvoden.xlsx", views.year_xlsx, name="year_xlsx"),
    path("installningar/", views.settings, name="settings"),
    path("installningar/grundbelopp/nytt/", views.base_amount_create, name="base_amount_create"),
]
