"""Pages of the agenda typed once: §§ drafted from it, §§ moved and deleted before
justering, and a new agenda from the previous meeting's or a saved template."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from samordna.core.http import AuthedRequest
from samordna.core.views import form_page, move_or_delete_action, post_action
from samordna.meetings import selectors
from samordna.meetings.forms import AgendaStartForm, AgendaTemplateForm
from samordna.meetings.models import Paragraph
from samordna.meetings.permissions import meeting_for as _meeting
from samordna.meetings.permissions import unless_locked as _unless_locked
from samordna.meetings.services import agenda


def _numbers(drafted: list[Paragraph]) -> str:
    first, last = drafted[0].number, drafted[-1].number
    numbers = f"§ {first}" if first == last else f"§ {first}–{last}"
    return f"Dagordningen är gjord till paragrafer: {numbers}."


@require_POST
@login_required
def draft(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Make a § draft of each agenda item that has none."""
    _, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    return post_action(
        request,
        lambda: agenda.paragraphs_from_agenda(meeting=meeting, by=request.user),
        done_message=_numbers,
        done_url=reverse("meetings:detail", args=[slug, pk]),
    )


@require_POST
@login_required
def paragraph_action(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    """Move a § up or down, or take it out of the minutes; the numbers follow."""
    _, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    paragraph = get_object_or_404(meeting.paragraphs, pk=par_pk)
    return move_or_delete_action(
        request,
        move=lambda up: agenda.paragraph_move(paragraph=paragraph, by=request.user, up=up),
        delete=lambda: agenda.paragraph_delete(paragraph=paragraph, by=request.user),
        deleted_message=f"§ {paragraph.number} {paragraph.title} är borttagen; "
        "paragraferna efter har fått nya nummer.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
    )


@require_http_methods(["GET", "POST"])
@login_required
def start(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Replace the agenda with the previous meeting's or a saved template."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    previous = selectors.previous_meeting(meeting)
    templates = {str(t.pk): t for t in association.agenda_templates.all()}
    choices = []
    if previous is not None:
        choices.append(("foregaende", f"Dagordningen från sammanträdet {previous.date:%Y-%m-%d}"))
    choices += [(f"mall-{key}", f"Mallen {t.name}") for key, t in templates.items()]

    def save(data: dict) -> None:
        source = data["source"]
        template = templates.get(source.removeprefix("mall-"))
        agenda.agenda_start_from(
            meeting=meeting,
            by=request.user,
            previous=previous if source == "foregaende" else None,
            template=template if source.startswith("mall-") else None,
        )

    return form_page(
        request,
        form=AgendaStartForm(request.POST or None, choices=choices),
        save=save,
        done_message="Dagordningen är ersatt.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="meetings/agenda_start.html",
        context={"association": association, "meeting": meeting, "has_choices": bool(choices)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def template_save(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Save the meeting's agenda as a template for later meetings."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    return form_page(
        request,
        form=AgendaTemplateForm(request.POST or None),
        save=lambda data: agenda.agenda_template_save(
            meeting=meeting, by=request.user, name=data["name"], association=association
        ),
        done_message="Dagordningen är sparad som mall.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Spara dagordningen som mall: {meeting}"},
    )
