from django.urls import path

from samordna.followup import national_views

app_name = "national"

# The national view (/nationellt/uppfoljning/), for national readers.
urlpatterns = [
    path("", national_views.overview, name="overview"),
]
# Under /f/<förbund>/uppfoljning/ in the "followup" namespace: the förbund's public export.
forbund_patterns = [
    path("export/offentlig.csv", national_views.public_export, name="public_export"),
]
