from django.urls import path

from samordna.meetings import public_views
from samordna.meetings.feeds import NoticeFeed

app_name = "public"

urlpatterns = [
    path("", public_views.notices, name="notices"),
    path("arkiv/", public_views.archive, name="archive"),
    path("<slug:slug>/anslag.atom", NoticeFeed(), name="feed"),
    path("<int:pk>/protokoll.pdf", public_views.minutes_pdf, name="minutes_pdf"),
]
