from django.urls import path  # noqa: F401

app_name = "survey"

# /enkat/<token>/: the anonymous answer form, no login.
urlpatterns: list = []
