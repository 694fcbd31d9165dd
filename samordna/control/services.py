"""Every write of the control year: the årshjul and its occurrences, the delegationsordning
and the decisions taken under it, the internkontrollplan and its follow-up. Plans adopted in
a § are locked: their rows refuse changes."""

import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Member, Person
from samordna.control import selectors
from samordna.control.models import (
    PRISBASBELOPP,
    AuditAnswer,
    AuditDocument,
    Auditor,
    ConsultationDocument,
    ConsultationRepresentative,
    ControlFollowUp,
    ControlPlan,
    ControlRow,
    CycleItem,
    CycleKind,
    DelegationDecision,
    DelegationOrder,
    DelegationPoint,
    LimitKind,
    MemberConsultation,
    MemberDischarge,
    Occurrence,
    RiskAnalysis,
    RiskRow,
    StoredDocument,
)
from samordna.control.signals import control_plan_adopted, control_report_attached
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.core.text import format_date, format_kronor
from samordna.core.uploads import Limits, read_upload
from samordna.meetings import services as meeting_services
from samordna.meetings.adoption import adoption, editable, record_adoption
from samordna.meetings.models import AgendaItem, Attachment, ItemKind, Meeting, Paragraph
from samordna.meetings.services import papers

DELEGATION_TITLE = "Anmälan av delegationsbeslut"


def _save_changes(record: Any, fields: dict[str, Any], *, by: User, check: Any = None) -> list[str]:
    """Apply the fields that differ, check the record (`check(record)`) and save them with
    history; nothing is saved when nothing changed."""
    changed = apply_changes(record, fields)
    if changed:
        if check is not None:
            check(record)
        save_with_history(record, by=by, update_fields=changed)
    return changed


# The årshjul


# (kind, title, month, day, responsible, to the board); ansvarsfrihet is one item per member.
STATUTORY = [
    (
        CycleKind.ANNUAL_REPORT,
        "Årsredovisning för föregående år till styrelsen och medlemmarna",
        3,
        31,
        "Förbundschef",
        True,
    ),
    (CycleKind.MEMBER_CONSULTATION, "Medlemssamråd", 4, None, "Ordförande", False),
    (
        CycleKind.DISCHARGE,
        "Beslut om årsredovisning och ansvarsfrihet från {member}",
        6,
        30,
        "Förbundschef",
        True,
    ),
    (CycleKind.INTERIM_REPORT, "Delårsrapport per den 31 augusti", 10, 31, "Förbundschef", True),
    (
        CycleKind.INTERNAL_CONTROL,
        "Uppföljning av plan för intern styrning och kontroll",
        10,
        31,
        "Ordförande, vice ordförande och förbundschef",
        True,
    ),
    (
        CycleKind.ALLOCATION,
        "Försäkringskassans beslut om statlig medelstilldelning för nästa år",
        11,
        30,
        "Förbundschef",
        True,
    ),
    (
        CycleKind.BUDGET,
        "Verksamhetsplan och budget för nästa år med plan för två år till",
        11,
        30,
        "Förbundschef",
        True,
    ),
]


def _check_item(item: CycleItem) -> None:
    if not 1 <= item.month <= 12:
        raise ValidationError({"month": "Ange en månad 1–12."})
    if item.day is not None and not 1 <= item.day <= 31:
        raise ValidationError({"day": "Ange en dag 1–31, eller lämna tomt för månadens slut."})
    if item.member is not None and item.member.association_id != item.association_id:
        raise ValidationError({"member": "Medlemmen hör till ett annat förbund."})


@transaction.atomic
def cycle_item_create(*, association: Association, by: User, **fields: Any) -> CycleItem:
    """An item of the förbund's own in the årshjul."""
    item = CycleItem(association=association, **fields)
    _check_item(item)
    save_with_history(item, by=by)
    return item


@transaction.atomic
def cycle_item_update(*, item: CycleItem, by: User, **fields: Any) -> CycleItem:
    _save_changes(item, fields, by=by, check=_check_item)
    return item


@transaction.atomic
def cycle_statutory_create(*, association: Association, by: User) -> list[CycleItem]:
    """The statutory items of DOMAIN §3.6 that the förbund lacks; ansvarsfrihet per member."""
    existing = {(i.kind, i.member_id) for i in association.cycle_items.all()}
    made = []
    for kind, title, month, day, responsible, to_board in STATUTORY:
        members: list[Member | None] = (
            list(association.members.all()) if kind == CycleKind.DISCHARGE else [None]
        )
        for member in members:
            if (kind, member.pk if member else None) in existing:
                continue
            item = CycleItem(
                association=association,
                kind=kind,
                title=title.format(member=member.name if member else ""),
                member=member,
                month=month,
                day=day,
                responsible=responsible,
                to_board=to_board,
            )
            save_with_history(item, by=by)
            made.append(item)
    return made


def _meeting_for(item: CycleItem, due_on: datetime.date) -> Meeting | None:
    """The board's last meeting on or before the due date that year, else the first after."""
    if not item.to_board:
        return None
    meetings = Meeting.objects.filter(association_id=item.association_id, date__year=due_on.year)
    before = meetings.filter(date__lte=due_on).order_by("-date").first()
    return before or meetings.filter(date__gt=due_on).order_by("date").first()


@transaction.atomic
def cycle_year_create(*, association: Association, year: int, by: User) -> list[Occurrence]:
    """The year's occurrences of every active item not yet in it, each placed at a meeting."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    have = set(
        Occurrence.objects.filter(item__association=association, year=year).values_list(
            "item_id", flat=True
        )
    )
    made = []
    for item in association.cycle_items.filter(active=True).select_related("association"):
        if item.pk in have:
            continue
        due_on = item.due_in(year)
        occurrence = Occurrence(
            item=item, year=year, due_on=due_on, meeting=_meeting_for(item, due_on)
        )
        save_with_history(occurrence, by=by)
        made.append(occurrence)
    return made


@transaction.atomic
def occurrence_update(*, occurrence: Occurrence, by: User, **fields: Any) -> Occurrence:
    """Move an occurrence to another meeting or date, or mark it done."""
    meeting = fields.get("meeting")
    if meeting is not None and meeting.association_id != occurrence.item.association_id:
        raise ValidationError({"meeting": "Sammanträdet hör till ett annat förbund."})
    done_on = fields.get("done_on")
    if done_on is not None and done_on > timezone.localdate():
        raise ValidationError({"done_on": "Datumet kan inte ligga i framtiden."})
    _save_changes(occurrence, fields, by=by)
    return occurrence


@transaction.atomic
def occurrence_to_agenda(*, occurrence: Occurrence, by: User) -> AgendaItem:
    """Put the occurrence on its meeting's agenda draft (once)."""
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    if occurrence.agenda_item_id is not None:
        raise ValidationError("Punkten står redan på dagordningen.")
    meeting = occurrence.meeting
    if meeting is None:
        raise ValidationError({"meeting": "Välj först vilket sammanträde punkten går till."})
    if hasattr(meeting, "approved_minutes"):
        raise ValidationError("Sammanträdets protokoll är justerat; dagordningen är låst.")
    item = meeting_services.agenda_item_add(
        meeting=meeting,
        by=by,
        title=occurrence.item.title,
        kind=ItemKind.DECISION if occurrence.item.kind != CycleKind.OWN else ItemKind.REPORT,
        presenter=occurrence.item.responsible,
    )
    occurrence.agenda_item = item
    save_with_history(occurrence, by=by, update_fields=["agenda_item"])
    return item


@transaction.atomic
def meeting_cycle_to_agenda(*, meeting: Meeting, by: User) -> list[AgendaItem]:
    """Put every årshjul item of the meeting not yet there (and not done) on its agenda."""
    if hasattr(meeting, "approved_minutes"):
        raise ValidationError("Sammanträdets protokoll är justerat; dagordningen är låst.")
    waiting = Occurrence.objects.filter(
        meeting=meeting, agenda_item__isnull=True, done_on__isnull=True
    ).order_by("due_on", "item__title")
    return [occurrence_to_agenda(occurrence=o, by=by) for o in waiting]


# Adoption in a § (every plan): locked while a draft is changed, locked for good once adopted

Plan = TypeVar("Plan", DelegationOrder, ControlPlan, RiskAnalysis)

LOCKED = {
    DelegationOrder: "Delegationsordningen för {plan.year} är antagen av styrelsen och kan inte "
    "ändras. Ändringar görs i en ny delegationsordning som styrelsen antar.",
    ControlPlan: "{plan} är antagen av styrelsen och låst. Gör en ny version för ändringar.",
    RiskAnalysis: "{plan} är antagen av styrelsen och låst. Ändringar görs i nästa års analys.",
}
# What a plan must hold before the board can adopt it: (its rows, the refusal without any).
CONTENT = {
    DelegationOrder: ("points", "Delegationsordningen har inga punkter."),
    ControlPlan: ("rows", "Planen har inga kontrollmoment."),
    RiskAnalysis: ("rows", "Analysen har inga risker."),
}


def _editable(plan: Plan) -> Plan:
    """The plan locked for the change; refused once the board has adopted it."""
    return editable(plan, lambda locked: LOCKED[type(locked)].format(plan=locked))


def _adopt(
    plan: Plan,
    *,
    by: User,
    paragraph: Paragraph | None,
    earlier_reference: str,
    adopted_on: datetime.date | None,
) -> Plan:
    """The board adopted the plan in a §; from now on it is locked."""
    locked = _editable(plan)
    children, empty = CONTENT[type(plan)]
    if not getattr(locked, children).exists():
        raise ValidationError(empty)
    found = adoption(
        association_id=locked.association_id,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
        what="planen",
    )
    record_adoption(locked, found, by=by)
    plan.__dict__.update(locked.__dict__)
    return locked


# Delegation


@transaction.atomic
def delegation_order_create(
    *, association: Association, year: int, by: User, note: str = ""
) -> DelegationOrder:
    """A draft delegationsordning for a year, starting from the latest year's points."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    if DelegationOrder.objects.filter(association=association, year=year).exists():
        raise ValidationError({"year": f"Det finns redan en delegationsordning för {year}."})
    order = DelegationOrder(association=association, year=year, note=note.strip())
    save_with_history(order, by=by)
    earlier = association.delegation_orders.filter(year__lt=year).order_by("-year").first()
    if earlier is not None:
        for point in earlier.points.all():
            point.pk = None
            point.order = order
            save_with_history(point, by=by)
    return order


def _check_point(order: DelegationOrder, point: DelegationPoint) -> None:
    for person in (point.delegate, point.deputy):
        if person is not None and person.association_id != order.association_id:
            raise ValidationError({"delegate": "Personen hör till ett annat förbund."})
    if point.deputy_id is not None and point.deputy_id == point.delegate_id:
        raise ValidationError({"deputy": "Ersättaren ska vara en annan person än delegaten."})
    if point.limit_kind == LimitKind.AMOUNT and not point.limit_amount:
        raise ValidationError({"limit_amount": "Ange gränsen i kronor."})
    if point.limit_kind != LimitKind.AMOUNT:
        point.limit_amount = None
    if point.limit_kind == LimitKind.PRISBASBELOPP:
        if point.limit_multiple is not None and point.limit_multiple <= 0:
            raise ValidationError({"limit_multiple": "Ange ett antal prisbasbelopp över noll."})
    else:
        point.limit_multiple = None


@transaction.atomic
def delegation_point_add(*, order: DelegationOrder, by: User, **fields: Any) -> DelegationPoint:
    """A point of a delegationsordning not yet adopted."""
    locked = _editable(order)
    top = locked.points.aggregate(top=Max("number"))["top"] or 0
    point = DelegationPoint(order=locked, number=top + 1, **fields)
    _check_point(locked, point)
    save_with_history(point, by=by)
    return point


@transaction.atomic
def delegation_point_update(*, point: DelegationPoint, by: User, **fields: Any) -> DelegationPoint:
    locked = _editable(point.order)
    changed = apply_changes(point, fields)
    _check_point(locked, point)
    if changed:
        save_with_history(point, by=by)
    return point


@transaction.atomic
def delegation_point_delete(*, point: DelegationPoint, by: User) -> None:
    _editable(point.order)
    delete_with_history(point, by=by)


@transaction.atomic
def delegation_order_adopt(
    *,
    order: DelegationOrder,
    by: User,
    paragraph: Paragraph | None = None,
    earlier_reference: str = "",
    adopted_on: datetime.date | None = None,
) -> DelegationOrder:
    """The board adopted the delegationsordning in a §; from now on it is locked."""
    return _adopt(
        order,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )


def _check_decision(decision: DelegationDecision, point: DelegationPoint) -> None:
    order = DelegationOrder.objects.get(pk=point.order_id)
    if order.association_id != decision.association_id:
        raise ValidationError({"point": "Delegationspunkten hör till ett annat förbund."})
    if not order.adopted:
        raise ValidationError(
            {"point": f"Delegationsordningen för {order.year} är inte antagen av styrelsen."}
        )
    if decision.decided_on.year != order.year:
        raise ValidationError(
            {
                "decided_on": f"Beslutet är fattat {decision.decided_on:%Y-%m-%d}; "
                f"delegationsordningen gäller {order.year}."
            }
        )
    if decision.decided_on > timezone.localdate():
        raise ValidationError({"decided_on": "Beslutsdatumet kan inte ligga i framtiden."})
    if decision.decided_by_id not in {point.delegate_id, point.deputy_id}:
        raise ValidationError(
            {
                "decided_by": f"{decision.decided_by} har ingen delegation för ”{point.matter}”. "
                f"Delegat är {point.delegate}"
                + (f", ersättare {point.deputy}." if point.deputy else ".")
            }
        )
    try:
        limit = point.limit_in(decision.decided_on.year)
    except KeyError as error:
        raise ValidationError(
            {
                "amount": f"Prisbasbeloppet för {decision.decided_on.year} finns inte i Samordna; "
                "gränsen kan inte prövas."
            }
        ) from error
    if limit is not None:
        if decision.amount is None:
            raise ValidationError(
                {"amount": f"Ange beloppet: delegationen gäller {point.limit_text}."}
            )
        if decision.amount > limit:
            pbb = (
                f" (ett prisbasbelopp är {format_kronor(PRISBASBELOPP[decision.decided_on.year])} "
                f"{decision.decided_on.year})"
                if point.limit_kind == LimitKind.PRISBASBELOPP
                else ""
            )
            raise ValidationError(
                {
                    "amount": f"Beslutet på {format_kronor(decision.amount)} överstiger "
                    f"delegationen: {point.limit_text}{pbb}. Ett sådant beslut fattas av "
                    "styrelsen."
                }
            )


@transaction.atomic
def delegation_decision_register(
    *,
    association: Association,
    point: DelegationPoint,
    decided_on: datetime.date,
    decided_by: Person,
    matter: str,
    by: User,
    amount: int | None = None,
    reference: str = "",
) -> DelegationDecision:
    """Register a decision taken under delegation; it is put before the next meeting."""
    if not matter.strip():
        raise ValidationError({"matter": "Ange vad beslutet gäller."})
    decision = DelegationDecision(
        association=association,
        point=point,
        decided_on=decided_on,
        decided_by=decided_by,
        matter=matter.strip(),
        amount=amount,
        reference=reference.strip(),
        registered_by=by,
    )
    _check_decision(decision, point)
    save_with_history(decision, by=by)
    meeting = selectors.meeting_reporting(association, decided_on)
    if meeting is not None:
        delegation_agenda_ensure(meeting=meeting, by=by)
    return decision


def delegation_agenda_ensure(*, meeting: Meeting, by: User) -> AgendaItem | None:
    """The standing 'Anmälan av delegationsbeslut' on the meeting's agenda, once."""
    if hasattr(meeting, "approved_minutes"):
        return None
    existing = meeting.items.filter(title__iexact=DELEGATION_TITLE).first()
    if existing is not None:
        return existing
    return meeting_services.agenda_item_add(
        meeting=meeting, by=by, title=DELEGATION_TITLE, kind=ItemKind.REPORT
    )


def delegation_mark_reported(*, meeting: Meeting, by: User) -> list[DelegationDecision]:
    """At justering: the decisions the minutes list are recorded as reported there."""
    decisions = selectors.decisions_reported_to(meeting, approved=False)
    for decision in decisions:
        if decision.reported_at_id is None:
            decision.reported_at = meeting
            save_with_history(decision, by=by, update_fields=["reported_at"])
    return decisions


# Internkontroll


@transaction.atomic
def control_plan_create(
    *, association: Association, year: int, by: User, introduction: str = ""
) -> ControlPlan:
    """A draft plan for a year, starting from the rows of the latest earlier plan."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    if ControlPlan.objects.filter(association=association, year=year).exists():
        raise ValidationError(
            {"year": f"Det finns redan en plan för {year}. Gör en ny version av den i stället."}
        )
    earlier = association.control_plans.filter(year__lt=year).first()
    plan = ControlPlan(
        association=association,
        year=year,
        introduction=introduction or (earlier.introduction if earlier else ""),
    )
    save_with_history(plan, by=by)
    if earlier is not None:
        _copy_rows(earlier, plan, by=by)
    return plan


def _copy_rows(source: ControlPlan, target: ControlPlan, *, by: User) -> None:
    for row in source.rows.all():
        row.pk = None
        row.plan = target
        save_with_history(row, by=by)


@transaction.atomic
def control_plan_new_version(*, plan: ControlPlan, by: User) -> ControlPlan:
    """A new draft version of an adopted plan, to change it; the board adopts it again."""
    if not plan.adopted:
        raise ValidationError("Planen är inte antagen ännu; ändra den direkt.")
    top = ControlPlan.objects.filter(association=plan.association, year=plan.year).aggregate(
        top=Max("version")
    )["top"]
    if ControlPlan.objects.filter(
        association=plan.association, year=plan.year, adopted_on__isnull=True
    ).exists():
        raise ValidationError(f"Det finns redan ett utkast till en ny version för {plan.year}.")
    draft = ControlPlan(
        association=plan.association,
        year=plan.year,
        version=(top or 0) + 1,
        introduction=plan.introduction,
    )
    save_with_history(draft, by=by)
    _copy_rows(plan, draft, by=by)
    return draft


@transaction.atomic
def control_row_add(*, plan: ControlPlan, by: User, **fields: Any) -> ControlRow:
    locked = _editable(plan)
    top = locked.rows.aggregate(top=Max("position"))["top"] or 0
    row = ControlRow(plan=locked, position=top + 1, **fields)
    save_with_history(row, by=by)
    return row


@transaction.atomic
def control_row_update(*, row: ControlRow, by: User, **fields: Any) -> ControlRow:
    _editable(row.plan)
    _save_changes(row, fields, by=by)
    return row


@transaction.atomic
def control_row_delete(*, row: ControlRow, by: User) -> None:
    _editable(row.plan)
    delete_with_history(row, by=by)


@transaction.atomic
def control_plan_adopt(
    *,
    plan: ControlPlan,
    by: User,
    paragraph: Paragraph | None = None,
    earlier_reference: str = "",
    adopted_on: datetime.date | None = None,
) -> ControlPlan:
    """The board adopted the plan in a §; from now on it is locked."""
    locked = _adopt(
        plan,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )
    control_plan_adopted.send(sender=ControlPlan, plan=locked, by=by)
    return locked


@transaction.atomic
def control_followup_record(
    *,
    row: ControlRow,
    by: User,
    period: str,
    followed_up_on: datetime.date,
    done: bool,
    method: str = "",
    finding: str = "",
    deviation: bool = False,
    action: str = "",
    action_owner: str = "",
    action_due: datetime.date | None = None,
) -> ControlFollowUp:
    """The follow-up of one control for a period; recorded again, it replaces the earlier."""
    if not ControlPlan.objects.get(pk=row.plan_id).adopted:
        raise ValidationError("Bara en plan som styrelsen antagit följs upp.")
    period = period.strip()
    if not period:
        raise ValidationError({"period": "Ange vilken period uppföljningen gäller."})
    if followed_up_on > timezone.localdate():
        raise ValidationError({"followed_up_on": "Datumet kan inte ligga i framtiden."})
    if deviation and not (action.strip() and action_owner.strip() and action_due):
        raise ValidationError({"action": "En avvikelse behöver en åtgärd med ansvarig och datum."})
    if not done and not finding.strip():
        raise ValidationError({"finding": "Skriv varför kontrollen inte blev gjord."})
    followup = ControlFollowUp.objects.filter(row=row, period=period).first() or ControlFollowUp(
        row=row, period=period
    )
    for name, value in {
        "followed_up_on": followed_up_on,
        "done": done,
        "method": method.strip(),
        "finding": finding.strip(),
        "deviation": deviation,
        "action": action.strip(),
        "action_owner": action_owner.strip(),
        "action_due": action_due,
    }.items():
        setattr(followup, name, value)
    save_with_history(followup, by=by)
    return followup


@transaction.atomic
def control_report_attach(
    *, plan: ControlPlan, period: str, item: AgendaItem, by: User, pdf: bytes
) -> Attachment:
    """The follow-up report as the next Bilaga of a meeting, on its agenda item."""
    if item.meeting.association_id != plan.association_id:
        raise ValidationError({"item": "Punkten hör till ett annat förbund."})
    upload = SimpleUploadedFile(
        f"internkontroll-{plan.year}-{period}.pdf".replace(" ", "-"),
        pdf,
        content_type="application/pdf",
    )
    title = f"Uppföljning av {str(plan)[0].lower()}{str(plan)[1:]}, {period}"
    attachment = papers.attachment_add(
        meeting=item.meeting, by=by, title=title, file=upload, item=item
    )
    control_report_attached.send(sender=ControlPlan, plan=plan, attachment=attachment, by=by)
    return attachment


# Risk- och väsentlighetsanalys


def _check_risk(row: RiskRow) -> None:
    if not row.risk.strip():
        raise ValidationError({"risk": "Beskriv risken."})
    for name in ("consequence", "probability"):
        if getattr(row, name) not in (1, 2, 3, 4):
            raise ValidationError({name: "Ange ett värde 1–4."})


@transaction.atomic
def risk_analysis_create(
    *, association: Association, year: int, by: User, threshold: int = 6
) -> RiskAnalysis:
    """A draft analysis for a year, starting from the latest earlier year's risks."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    if RiskAnalysis.objects.filter(association=association, year=year).exists():
        raise ValidationError(
            {"year": f"Det finns redan en risk- och väsentlighetsanalys för {year}."}
        )
    earlier = association.risk_analyses.filter(year__lt=year).first()
    analysis = RiskAnalysis(
        association=association, year=year, threshold=earlier.threshold if earlier else threshold
    )
    save_with_history(analysis, by=by)
    if earlier is not None:
        for row in earlier.rows.all():
            row.pk = None
            row.analysis = analysis
            save_with_history(row, by=by)
    return analysis


@transaction.atomic
def risk_analysis_update(*, analysis: RiskAnalysis, by: User, threshold: int) -> RiskAnalysis:
    locked = _editable(analysis)
    if not 1 <= threshold <= 16:
        raise ValidationError({"threshold": "Tröskeln är ett riskvärde 1–16."})
    locked.threshold = threshold
    save_with_history(locked, by=by, update_fields=["threshold"])
    analysis.threshold = threshold
    return locked


@transaction.atomic
def risk_row_add(*, analysis: RiskAnalysis, by: User, **fields: Any) -> RiskRow:
    locked = _editable(analysis)
    top = locked.rows.aggregate(top=Max("position"))["top"] or 0
    row = RiskRow(analysis=locked, position=top + 1, **fields)
    _check_risk(row)
    save_with_history(row, by=by)
    return row


@transaction.atomic
def risk_row_update(*, row: RiskRow, by: User, **fields: Any) -> RiskRow:
    _editable(row.analysis)
    _save_changes(row, fields, by=by, check=_check_risk)
    return row


@transaction.atomic
def risk_analysis_adopt(
    *,
    analysis: RiskAnalysis,
    by: User,
    paragraph: Paragraph | None = None,
    earlier_reference: str = "",
    adopted_on: datetime.date | None = None,
) -> RiskAnalysis:
    """The board adopted the analysis in a §; from now on it is locked."""
    return _adopt(
        analysis,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )


# Ansvarsfrihet


@transaction.atomic
def discharge_record(
    *,
    association: Association,
    member: Member,
    year: int,
    body: str,
    by: User,
    decided_on: datetime.date | None = None,
    report_approved: bool | None = None,
    discharge_granted: bool | None = None,
    reference: str = "",
    reported_in: Paragraph | None = None,
    file: UploadedFile | None = None,
) -> MemberDischarge:
    """A member's decision on the year's årsredovisning and ansvarsfrihet, with the decision
    as a PDF or Word file if there is one; recorded again, it replaces the earlier (a file
    recorded before stays unless a new one comes). The member's ansvarsfrihet in the årshjul
    is then done."""
    if member.association_id != association.pk:
        raise ValidationError({"member": "Medlemmen hör till ett annat förbund."})
    if reported_in is not None and reported_in.meeting.association_id != association.pk:
        raise ValidationError({"reported_in": "Paragrafen hör till ett annat förbund."})
    if not body.strip():
        raise ValidationError({"body": "Ange vilket organ som beslutade."})
    if decided_on is not None and decided_on > timezone.localdate():
        raise ValidationError({"decided_on": "Datumet kan inte ligga i framtiden."})
    if decided_on is not None and decided_on.year <= year:
        raise ValidationError(
            {
                "decided_on": f"Beslutet om {year} fattas efter årets slut, "
                "när årsredovisningen finns."
            }
        )
    content_type, data = _read_file(file) if file else ("", b"")
    discharge = MemberDischarge.objects.filter(member=member, year=year).first() or (
        MemberDischarge(association=association, member=member, year=year)
    )
    for name, value in {
        "body": body.strip(),
        "decided_on": decided_on,
        "report_approved": report_approved,
        "discharge_granted": discharge_granted,
        "reference": reference.strip(),
        "reported_in": reported_in,
    }.items():
        setattr(discharge, name, value)
    if data:
        discharge.content_type = content_type
        _save_with_file(discharge, data, by=by)
    else:  # recorded again without a file: the earlier file stays
        save_with_history(discharge, by=by)
    if discharge_granted is not None:
        occurrence = Occurrence.objects.filter(
            item__association=association,
            item__kind=CycleKind.DISCHARGE,
            item__member=member,
            year=year + 1,
            done_on__isnull=True,
        ).first()
        if occurrence is not None:
            done_on = decided_on or (reported_in.meeting.date if reported_in else None)
            occurrence.done_on = min(done_on or timezone.localdate(), timezone.localdate())
            save_with_history(occurrence, by=by, update_fields=["done_on"])
    return discharge


# Documents (revision, medlemssamråd)

# A PDF or Word file of at most 20 MB, as a meeting's papers; read through the upload limits.
DOCUMENT_LIMITS = Limits(
    max_bytes=papers.ATTACHMENT_MAX_BYTES,
    max_rows=0,
    max_columns=0,
    max_cell_chars=0,
    max_unpacked_bytes=0,
)


def _read_file(file: UploadedFile) -> tuple[str, bytes]:
    """The file's type (PDF or Word by its content) and bytes, read within the limits."""
    try:
        content_type = papers.attachment_type(file)
        data = read_upload(file, DOCUMENT_LIMITS)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return content_type, data


def _save_with_file(record: Any, data: bytes, *, by: User) -> None:
    """Store the file and save the record with history; the file does not stay behind if
    the save is refused."""
    record.file.save(f"handling{record.extension}", ContentFile(data), save=False)
    try:
        save_with_history(record, by=by)
    except ValidationError:
        record.file.delete(save=False)
        raise


def _store(document: StoredDocument, file: UploadedFile, *, by: User) -> None:
    document.content_type, data = _read_file(file)
    document.size = len(data)
    document.uploaded_by = by
    _save_with_file(document, data, by=by)


# Revision


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})


def _check_auditor(auditor: Auditor) -> None:
    _check_year(auditor.year)
    if not auditor.name.strip():
        raise ValidationError({"name": "Ange revisorns namn."})
    if auditor.appointed_by.association_id != auditor.association_id:
        raise ValidationError({"appointed_by": "Medlemmen hör till ett annat förbund."})
    others = Auditor.objects.filter(
        association_id=auditor.association_id, year=auditor.year, name__iexact=auditor.name.strip()
    ).exclude(pk=auditor.pk)
    if others.exists():
        raise ValidationError({"name": f"{auditor.name} är redan revisor för {auditor.year}."})


@transaction.atomic
def auditor_add(*, association: Association, by: User, **fields: Any) -> Auditor:
    """An auditor of the förbund for a year, appointed by one of its members."""
    auditor = Auditor(association=association, **fields)
    _check_auditor(auditor)
    save_with_history(auditor, by=by)
    return auditor


@transaction.atomic
def auditor_update(*, auditor: Auditor, by: User, **fields: Any) -> Auditor:
    _save_changes(auditor, fields, by=by, check=_check_auditor)
    return auditor


@transaction.atomic
def audit_document_add(
    *,
    association: Association,
    by: User,
    year: int,
    kind: str,
    title: str,
    received_on: datetime.date,
    file: UploadedFile,
    auditor: Auditor | None = None,
    recommendations: str = "",
) -> AuditDocument:
    """A report or recommendations from the auditors, as a PDF or Word file."""
    _check_year(year)
    if auditor is not None and auditor.association_id != association.pk:
        raise ValidationError({"auditor": "Revisorn hör till ett annat förbund."})
    if not title.strip():
        raise ValidationError({"title": "Ange handlingens rubrik."})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": "Datumet kan inte ligga i framtiden."})
    document = AuditDocument(
        association=association,
        year=year,
        kind=kind,
        title=title.strip(),
        received_on=received_on,
        auditor=auditor,
        recommendations=recommendations.strip(),
    )
    _store(document, file, by=by)
    return document


@transaction.atomic
def audit_answer_record(
    *,
    document: AuditDocument,
    by: User,
    answered_on: datetime.date,
    answer: str,
    paragraph: Paragraph | None = None,
) -> AuditAnswer:
    """The board's answer to the auditors' document, dated (and its § when decided)."""
    if not answer.strip():
        raise ValidationError({"answer": "Skriv styrelsens svar."})
    if answered_on > timezone.localdate():
        raise ValidationError({"answered_on": "Datumet kan inte ligga i framtiden."})
    if answered_on < document.received_on:
        raise ValidationError(
            {"answered_on": f"Handlingen kom in {format_date(document.received_on)}."}
        )
    if paragraph is not None:
        if paragraph.meeting.association_id != document.association_id:
            raise ValidationError({"paragraph": "Paragrafen hör till ett annat förbund."})
        answered_on = paragraph.meeting.date
    found = AuditAnswer(
        document=document, answered_on=answered_on, answer=answer.strip(), paragraph=paragraph
    )
    save_with_history(found, by=by)
    return found


# Medlemssamråd


def _complete_consultation(consultation: MemberConsultation, *, by: User) -> None:
    """A medlemssamråd held completes the year's medlemssamråd in the årshjul."""
    if consultation.held_on > timezone.localdate():
        return
    occurrence = Occurrence.objects.filter(
        item__association_id=consultation.association_id,
        item__kind=CycleKind.MEMBER_CONSULTATION,
        year=consultation.held_on.year,
        done_on__isnull=True,
    ).first()
    if occurrence is not None:
        occurrence.done_on = consultation.held_on
        save_with_history(occurrence, by=by, update_fields=["done_on"])


@transaction.atomic
def consultation_create(
    *,
    association: Association,
    by: User,
    held_on: datetime.date,
    place: str = "",
    notes: str = "",
) -> MemberConsultation:
    consultation = MemberConsultation(
        association=association, held_on=held_on, place=place.strip(), notes=notes.strip()
    )
    save_with_history(consultation, by=by)
    _complete_consultation(consultation, by=by)
    return consultation


@transaction.atomic
def consultation_update(
    *, consultation: MemberConsultation, by: User, **fields: Any
) -> MemberConsultation:
    if _save_changes(consultation, fields, by=by):
        _complete_consultation(consultation, by=by)
    return consultation


@transaction.atomic
def representative_add(
    *, consultation: MemberConsultation, by: User, member: Member, name: str, assignment: str = ""
) -> ConsultationRepresentative:
    """Who represented a member at the medlemssamråd."""
    if member.association_id != consultation.association_id:
        raise ValidationError({"member": "Medlemmen hör till ett annat förbund."})
    if not name.strip():
        raise ValidationError({"name": "Ange representantens namn."})
    representative = ConsultationRepresentative(
        consultation=consultation, member=member, name=name.strip(), assignment=assignment.strip()
    )
    save_with_history(representative, by=by)
    return representative


@transaction.atomic
def consultation_document_add(
    *, consultation: MemberConsultation, by: User, title: str, file: UploadedFile
) -> ConsultationDocument:
    if not title.strip():
        raise ValidationError({"title": "Ange handlingens rubrik."})
    document = ConsultationDocument(consultation=consultation, title=title.strip())
    _store(document, file, by=by)
    return document
