from django.contrib import admin
from django.urls import include, path

from samordna.accounts.views import LoginView, LogoutView
from samordna.control.views import cycle_feed
from samordna.core.home import home
from samordna.meetings.views import calendar_feed

urlpatterns = [
    path("", home, name="home"),
    path("logga-in/", LoginView.as_view(), name="login"),
    path("logga-ut/", LogoutView.as_view(), name="logout"),
    path("drift/forbund/", include("samordna.accounts.operator_urls")),
    path("f/<slug:slug>/", include("samordna.associations.urls")),
    path("f/<slug:slug>/anvandare/", include("samordna.accounts.urls")),
    path("f/<slug:slug>/sammantraden/", include("samordna.meetings.urls")),
    path("f/<slug:slug>/", include("samordna.interventions.urls")),
    path("f/<slug:slug>/uppfoljning/", include("samordna.followup.urls")),
    path("f/<slug:slug>/ekonomi/uppfoljning/", include("samordna.ledger.urls")),
    path("f/<slug:slug>/rapporter/", include("samordna.reports.urls")),
    path("f/<slug:slug>/arvoden/", include("samordna.fees.urls")),
    path("f/<slug:slug>/attest/", include("samordna.attest.urls")),
    path("f/<slug:slug>/protokoll/", include("samordna.imports.urls")),
    path("f/<slug:slug>/uppgifter/", include("samordna.core.urls")),
    path("f/<slug:slug>/styrning/", include("samordna.control.urls")),
    path("f/<slug:slug>/diarium/", include("samordna.records.urls")),
    path("kalender/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path("kalender/<str:token>/arshjul.ics", cycle_feed, name="cycle_feed"),
    path("anslagstavla/", include("samordna.meetings.public_urls")),
    path("protokoll/", include("samordna.imports.public_urls")),
    path("insatser/", include("samordna.interventions.public_urls")),
    path("enkat/", include("samordna.followup.public_survey_urls")),
    path("diarium/", include("samordna.records.public_urls")),
    path("nationellt/uppfoljning/", include("samordna.followup.national_urls")),
    path("", include("samordna.finance.urls")),
    path("admin/", admin.site.urls),
]
