"""Addresses of attest and utanordning under /f/<förbund>/attest/."""

from django.urls import path

from samordna.attest import views

app_name = "attest"

urlpatterns = [
    path("", views.index, name="index"),
    path("ordrar/", views.orders, name="orders"),
    path("ordrar/<int:pk>/", views.order, name="order"),
    path("ordrar/<int:pk>/signera/", views.order_approve, name="order_approve"),
    path("ordrar/<int:pk>/makulera/", views.order_cancel, name="order_cancel"),
    path("insatser/<int:instalment_pk>/betala/", views.instalment_pay, name="instalment_pay"),
    path("fakturor/ny/", views.invoice_create, name="invoice_create"),
    path("signaturlistor/", views.lists, name="lists"),
    path("signaturlistor/ny/", views.list_create, name="list_create"),
    path("signaturlistor/<int:year>/", views.list_detail, name="list"),
    path("signaturlistor/<int:year>/anta/", views.list_adopt, name="list_adopt"),
    path("signaturlistor/<int:year>/rader/ny/", views.right_create, name="right_create"),
    path("signaturlistor/<int:year>/rader/<int:pk>/", views.right_update, name="right_update"),
    path(
        "signaturlistor/<int:year>/rader/<int:pk>/ta-bort/",
        views.right_delete,
        name="right_delete",
    ),
]
