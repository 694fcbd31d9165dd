"""Addresses of the follow-up under /f/<förbund>/uppfoljning/. Each area keeps its own list:
counts in `count_urls`, surveys in `survey_urls`, dashboards and goals in `dashboard_urls`,
the public export in `national_urls.forbund_patterns`."""

from samordna.followup import count_urls, dashboard_urls, national_urls, survey_urls

app_name = "followup"

urlpatterns = [
    *count_urls.urlpatterns,
    *survey_urls.urlpatterns,
    *dashboard_urls.urlpatterns,
    *national_urls.forbund_patterns,
]
