from django.urls import path  # noqa: F401

app_name = "national"

# The national view (/nationellt/uppfoljning/), for national readers.
urlpatterns: list = []
# Under /f/<förbund>/uppfoljning/ in the "followup" namespace: the förbund's public export.
forbund_patterns: list = []
