"""Each förbund's anslag as an Atom feed, so that a member's anslagstavla or website can
follow the justerade protocols without anyone copying them by hand."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from samordna.associations.models import Association
from samordna.core.text import format_date
from samordna.meetings.models import Notice

FEED_SIZE = 50


def feed_notices(association: Association, today: datetime.date) -> QuerySet[Notice]:
    """The förbund's anslag as posted, newest first; never a meeting registered afterwards,
    whose anslag was before Samordna and is no notice now."""
    return (
        Notice.objects.filter(
            association=association,
            posted_on__lte=today,
            meeting__approved_minutes__isnull=False,
            meeting__approved_minutes__registered_afterwards=False,
        )
        .select_related("meeting")
        .order_by("-posted_on", "-meeting__date", "-pk")
    )


class NoticeFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Association:  # type: ignore[override]
        return get_object_or_404(Association, slug=slug)

    def title(self, obj: Association) -> str:
        return f"Anslag – {obj.name}"

    def subtitle(self, obj: Association) -> str:
        return (
            "Justerade protokoll från styrelsens sammanträden, tillkännagivna genom anslag "
            f"på {obj.notice_board}."
        )

    def link(self, obj: Association) -> str:
        return reverse("public:notices")

    def feed_url(self, obj: Association) -> str:
        return reverse("public:feed", args=[obj.slug])

    def author_name(self, obj: Association) -> str:
        return obj.name

    def items(self, obj: Association) -> list[Notice]:
        return list(feed_notices(obj, timezone.localdate())[:FEED_SIZE])

    def item_title(self, item: Notice) -> str:
        return f"Protokoll från styrelsens sammanträde {format_date(item.meeting.date)}"

    def item_description(self, item: Notice) -> str:
        return (
            f"Paragrafer: {item.numbers}. Anslaget uppsatt {format_date(item.posted_on)} på "
            f"{item.posted_at_place}, tas ned {format_date(item.taken_down_on)}. "
            f"Förvaringsplats för protokollet: {item.kept_at}. "
            f"Sista dag att överklaga: {format_date(item.appeal_ends_on)}."
        )

    def item_link(self, item: Notice) -> str:
        return reverse("public:minutes_pdf", args=[item.pk])

    def item_guid(self, item: Notice) -> str:
        return f"urn:samordna:anslag:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Notice) -> datetime.datetime:
        midnight = datetime.datetime.combine(item.posted_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item: Notice) -> datetime.datetime:
        return self.item_pubdate(item)
