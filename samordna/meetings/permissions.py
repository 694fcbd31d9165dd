"""Access to a förbund's meetings, shared by the pages of the meetings app."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from samordna.associations.models import Association
from samordna.associations.permissions import (
    association_for,
    can_manage,
    can_read_registers,
    require,
)
from samordna.core.http import AuthedRequest
from samordna.meetings.locking import LOCKED_MESSAGE
from samordna.meetings.models import ApprovedMinutes, Meeting


def meeting_for(
    request: AuthedRequest, slug: str, pk: int, *, manage: bool = False
) -> tuple[Association, Meeting]:
    """The förbund's meeting `pk` for a reader, or with `manage` for the kansli only."""
    association = association_for(request.user, slug)
    require(can_manage(request.user) if manage else can_read_registers(request.user))
    meetings = association.meetings.select_related("association", "secretary")
    return association, get_object_or_404(meetings, pk=pk)


def unless_locked(request: AuthedRequest, slug: str, meeting: Meeting) -> HttpResponse | None:
    """Justerade minutes are not offered for editing (the store refuses it anyway)."""
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        messages.error(request, LOCKED_MESSAGE)
        return redirect("meetings:detail", slug=slug, pk=meeting.pk)
    return None
