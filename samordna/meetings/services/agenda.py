"""The agenda typed once: each item becomes the draft of its §, the §§ are reordered and
deleted before justering with their numbers following, and a new meeting starts from the
previous meeting's agenda or from a saved template.

Which meeting's agenda a new one may start from is read by
`selectors.previous_meeting`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.html import escape

from samordna.accounts.models import User
from samordna.associations.models import Association, OpeningStyle, ParagraphNumbering
from samordna.core.services import delete_with_history, save_with_history
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked
from samordna.meetings.models import (
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    ApprovedMinutes,
    Attendance,
    Guest,
    Meeting,
    Paragraph,
)
from samordna.meetings.selectors import adjustment_line, minutes_rows, neighbour_meetings
from samordna.meetings.services import sanitised
from samordna.meetings.services.proceedings import _check_recorded_decisions, next_paragraph_number

NEXT_MEETING = "Nästa sammanträde"
ADJUSTERS = "Val av justerare"


def _refuse_if_justerad(meeting: Meeting) -> None:
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)


def _draft_matter(item: AgendaItem) -> str:
    """The § text drafted from the item: its description, föredragande and underlag, and
    for the standing items what the plan and the meeting's record already say."""
    blocks = [item.description] if item.description else []
    meeting = item.meeting
    if item.standing and item.title == NEXT_MEETING and not item.description:
        _, following = neighbour_meetings(meeting)
        if following is not None:
            blocks.append(
                f"<p>{following.date:%Y-%m-%d} kl. {following.starts_at:%H.%M}, "
                f"{escape(following.place)}.</p>"
            )
    if item.standing and item.title == ADJUSTERS and (where := adjustment_line(meeting)):
        blocks.append(f"<p>Justering {escape(where)}.</p>")
    if item.presenter:
        blocks.append(f"<p>Föredragande: {escape(item.presenter)}</p>")
    papers = [f"Bilaga {a.number} {a.title}" for a in item.attachments.all()]
    if papers:
        blocks.append(f"<p>Underlag: {escape(', '.join(papers))}</p>")
    return "".join(blocks)


@transaction.atomic
def paragraphs_from_agenda(*, meeting: Meeting, by: User) -> list[Paragraph]:
    """Draft a § from each agenda item that has none yet, in the agenda's order.

    A förbund that writes its opening formalities unnumbered gets no § for the standing
    items; the minutes print them in their frame instead."""
    meeting = Meeting.objects.select_for_update().select_related("association").get(pk=meeting.pk)
    _refuse_if_justerad(meeting)
    items = meeting.items.filter(paragraph__isnull=True).prefetch_related("attachments")
    if meeting.association.opening_style == OpeningStyle.UNNUMBERED:
        items = items.filter(standing=False)
    drafted = []
    for item in items:
        paragraph = Paragraph(
            meeting=meeting,
            number=next_paragraph_number(meeting),
            title=item.title,
            case_number=item.case_number,
            **sanitised({"matter": _draft_matter(item), "proposal": item.proposal}),
        )
        save_with_history(paragraph, by=by)
        item.paragraph = paragraph
        save_with_history(item, by=by, update_fields=["paragraph"])
        drafted.append(paragraph)
    if not drafted:
        raise ValidationError("Alla punkter på dagordningen har redan en paragraf.")
    return drafted


def _shift_bounds(meeting: Meeting, *, after: int, by: User) -> None:
    """Upprop and guests bounded by § numbers follow the §§ that moved down one."""
    for model in (Attendance, Guest):
        for row in model.objects.filter(meeting=meeting):
            changed = []
            for name in ("from_number", "until_number"):
                value = getattr(row, name)
                if value is not None and value > after:
                    setattr(row, name, value - 1)
                    changed.append(name)
            if changed:
                save_with_history(row, by=by, update_fields=changed)


@transaction.atomic
def paragraph_delete(*, paragraph: Paragraph, by: User) -> None:
    """Take a § out of the minutes before justering; the §§ after it move up a number, so
    that no number is left unused."""
    meeting = (
        Meeting.objects.select_for_update()
        .select_related("association")
        .get(pk=paragraph.meeting_id)
    )
    _refuse_if_justerad(meeting)
    paragraph = Paragraph.objects.get(pk=paragraph.pk)
    if paragraph.immediately_approved:
        raise ValidationError(f"§ {paragraph.number} är omedelbart justerad och kan inte tas bort.")
    if paragraph.tasks.exists():
        raise ValidationError(f"§ {paragraph.number} har gett uppdrag. Ta bort uppdragen först.")
    if meeting.association.paragraph_numbering == ParagraphNumbering.YEARLY:
        later = (
            Meeting.objects.filter(
                association=meeting.association,
                date__year=meeting.date.year,
                date__gt=meeting.date,
                paragraphs__isnull=False,
            )
            .order_by("date")
            .first()
        )
        if later is not None:
            raise ValidationError(
                f"§ {paragraph.number} kan inte tas bort: numreringen löper vidare i "
                f"sammanträdet {later.date:%Y-%m-%d}, som redan har paragrafer."
            )
    number = paragraph.number
    for child in [*paragraph.stand_ins.all(), *paragraph.recusals.all()]:
        delete_with_history(child, by=by)
    item = AgendaItem.objects.filter(paragraph=paragraph).first()
    if item is not None:
        item.paragraph = None
        save_with_history(item, by=by, update_fields=["paragraph"])
    try:
        delete_with_history(paragraph, by=by)
    except ProtectedError as error:  # a decision on an application, report or budget
        raise ValidationError(
            f"§ {number} har beslut knutna till sig (ansökan, rapport, budget eller "
            "attesträtt). Ta bort besluten först."
        ) from error
    for later_paragraph in meeting.paragraphs.filter(number__gt=number).order_by("number"):
        later_paragraph.number -= 1
        save_with_history(later_paragraph, by=by, update_fields=["number"])
    _shift_bounds(meeting, after=number, by=by)
    _check_recorded_decisions(minutes_rows(meeting))


@transaction.atomic
def paragraph_move(*, paragraph: Paragraph, by: User, up: bool) -> None:
    """Swap a § with the one before or after it; the numbers stay in order."""
    meeting = Meeting.objects.select_for_update().get(pk=paragraph.meeting_id)
    _refuse_if_justerad(meeting)
    paragraphs = list(meeting.paragraphs.order_by("number"))
    index = next(i for i, p in enumerate(paragraphs) if p.pk == paragraph.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(paragraphs):
        raise ValidationError(
            "Paragrafen står redan först." if up else "Paragrafen står redan sist."
        )
    this, other = paragraphs[index], paragraphs[other_index]
    if this.immediately_approved or other.immediately_approved:
        raise ValidationError("En omedelbart justerad paragraf kan inte flyttas.")
    this_number, other_number = this.number, other.number
    this.number = 0  # out of the way of the unique number while the two swap
    save_with_history(this, by=by, update_fields=["number"])
    other.number = this_number
    save_with_history(other, by=by, update_fields=["number"])
    this.number = other_number
    save_with_history(this, by=by, update_fields=["number"])
    _check_recorded_decisions(minutes_rows(meeting))


def _copy_items(meeting: Meeting, points: list[dict], *, by: User) -> None:
    for position, point in enumerate(points, start=1):
        save_with_history(AgendaItem(meeting=meeting, position=position, **point), by=by)


@transaction.atomic
def agenda_start_from(
    *,
    meeting: Meeting,
    by: User,
    previous: Meeting | None = None,
    template: AgendaTemplate | None = None,
) -> None:
    """Replace the agenda of a meeting not yet drafted with the previous meeting's agenda
    or a saved template (titles, slag, föredragande and the standing points)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _refuse_if_justerad(meeting)
    if (previous is None) == (template is None):
        raise ValidationError("Välj antingen föregående sammanträde eller en mall.")
    if meeting.items.filter(paragraph__isnull=False).exists():
        raise ValidationError(
            "Dagordningen har redan blivit paragrafer och kan inte bytas ut. "
            "Lägg till punkterna en och en i stället."
        )
    if previous is not None:
        if previous.association_id != meeting.association_id or previous.pk == meeting.pk:
            raise ValidationError({"source": "Välj ett annat sammanträde i samma förbund."})
        points = [
            {
                "title": i.title,
                "kind": i.kind,
                "presenter": i.presenter,
                "standing": i.standing,
            }
            for i in previous.items.all()
        ]
    else:
        assert template is not None
        if template.association_id != meeting.association_id:
            raise ValidationError({"source": "Mallen hör till ett annat förbund."})
        points = [
            {
                "title": i.title,
                "kind": i.kind,
                "presenter": i.presenter,
                "description": i.description,
                "standing": i.standing,
            }
            for i in template.items.all()
        ]
    if not points:
        raise ValidationError({"source": "Den dagordningen är tom."})
    for item in meeting.items.all():
        delete_with_history(item, by=by)
    _copy_items(meeting, points, by=by)


@transaction.atomic
def agenda_template_save(
    *, meeting: Meeting, by: User, name: str, association: Association
) -> AgendaTemplate:
    """Save the meeting's agenda as a template under `name` (replacing one of that name)."""
    if meeting.association_id != association.pk:
        raise ValidationError("Sammanträdet hör till ett annat förbund.")
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Ge mallen ett namn."})
    items = list(meeting.items.all())
    if not items:
        raise ValidationError("Dagordningen är tom.")
    template = AgendaTemplate.objects.filter(association=association, name=name).first()
    if template is None:
        template = AgendaTemplate(association=association, name=name)
        save_with_history(template, by=by)
    for old in template.items.all():
        delete_with_history(old, by=by)
    for position, item in enumerate(items, start=1):
        point = AgendaTemplateItem(
            template=template,
            position=position,
            title=item.title,
            kind=item.kind,
            presenter=item.presenter,
            description=item.description,
            standing=item.standing,
        )
        save_with_history(point, by=by)
    return template
