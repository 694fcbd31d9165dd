"""The public anslagstavla: anslag about justerade minutes, open to all without login.

A resident of a member kommun or region may appeal a decision within three weeks of the
anslag; the justerade minutes stay public afterwards, in the archive.
"""

from functools import partial

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from samordna.meetings import selectors
from samordna.meetings.past import original_content_type

ARCHIVE_PAGE_SIZE = 50


@require_GET
def notices(request: HttpRequest) -> HttpResponse:
    """The anslag that are up today, per förbund."""
    today = timezone.localdate()
    notices = selectors.current_notices(today)
    # Each förbund on the board today offers its Atom feed of anslag.
    feeds = list({n.association_id: n.association for n in notices}.values())
    return render(
        request,
        "meetings/public/notices.html",
        {"today": today, "notices": notices, "feeds": feeds},
    )


@require_GET
def archive(request: HttpRequest) -> HttpResponse:
    """Anslag already taken down, newest first. The page is the same for everyone on the same
    day and is kept nationally (`{% shared_nationally %}`): the page of rows is read only
    when it is built."""
    today = timezone.localdate()
    page = SimpleLazyObject(
        partial(selectors.archive_page, today, request.GET.get("sida"), ARCHIVE_PAGE_SIZE)
    )
    return render(request, "meetings/public/archive.html", {"today": today, "page": page})


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> FileResponse:
    """The justerade minutes (PDF/A) an anslag made known, shown in the browser."""
    approved = selectors.public_minutes(pk)
    if approved is None:
        raise Http404("Det finns inget justerat protokoll för det anslaget.")
    meeting = approved.meeting
    extension = approved.pdf.name.rsplit(".", 1)[-1]
    return FileResponse(
        approved.pdf.open("rb"),
        content_type=original_content_type(approved.pdf.name),
        filename=f"protokoll-{meeting.association.slug}-{meeting.date:%Y-%m-%d}.{extension}",
    )
