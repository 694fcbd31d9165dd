"""Every write of the control year: the årshjul and its occurrences, the delegationsordning
and the decisions taken under it, the internkontrollplan and its follow-up. Plans adopted in
a § are locked: their rows refuse changes."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Member, Person
from samordna.control import selectors
from samordna.control.models import (
    PRISBASBELOPP,
    AdoptedInParagraph,
    ControlFollowUp,
    ControlPlan,
    ControlRow,
    CycleItem,
    CycleKind,
    DelegationDecision,
    DelegationOrder,
    DelegationPoint,
    LimitKind,
    MemberDischarge,
    Occurrence,
    RiskAnalysis,
    RiskRow,
)
from samordna.control.signals import control_plan_adopted, control_report_attached
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.core.text import format_kronor
from samordna.meetings import services as meeting_services
from samordna.meetings.models import AgendaItem, Attachment, ItemKind, Meeting, Paragraph

DELEGATION_TITLE = "Anmälan av delegationsbeslut"

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
    changed = apply_changes(item, fields)
    if changed:
        _check_item(item)
        save_with_history(item, by=by, update_fields=changed)
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
    changed = apply_changes(occurrence, fields)
    if changed:
        save_with_history(occurrence, by=by, update_fields=changed)
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


# Adoption in a § (both plans)


def _adopt(
    plan: AdoptedInParagraph,
    *,
    association_id: int,
    by: User,
    paragraph: Paragraph | None,
    earlier_reference: str,
    adopted_on: datetime.date | None,
) -> None:
    earlier_reference = earlier_reference.strip()
    if paragraph is not None:
        if paragraph.meeting.association_id != association_id:
            raise ValidationError({"paragraph": "Paragrafen hör till ett annat förbund."})
        adopted_on = paragraph.meeting.date
        earlier_reference = ""
    elif not earlier_reference:
        raise ValidationError(
            {
                "paragraph": "Välj paragrafen där styrelsen antog planen, "
                "eller ange var beslutet finns."
            }
        )
    elif adopted_on is None:
        raise ValidationError({"adopted_on": "Ange när styrelsen antog planen."})
    if adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": "Datumet kan inte ligga i framtiden."})
    plan.paragraph = paragraph
    plan.earlier_reference = earlier_reference
    plan.adopted_on = adopted_on
    save_with_history(plan, by=by, update_fields=["paragraph", "earlier_reference", "adopted_on"])


# Delegation


def _editable_order(order: DelegationOrder) -> DelegationOrder:
    locked = DelegationOrder.objects.select_for_update().get(pk=order.pk)
    if locked.adopted:
        raise ValidationError(
            f"Delegationsordningen för {locked.year} är antagen av styrelsen och kan inte "
            "ändras. Ändringar görs i en ny delegationsordning som styrelsen antar."
        )
    return locked


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
    locked = _editable_order(order)
    top = locked.points.aggregate(top=Max("number"))["top"] or 0
    point = DelegationPoint(order=locked, number=top + 1, **fields)
    _check_point(locked, point)
    save_with_history(point, by=by)
    return point


@transaction.atomic
def delegation_point_update(*, point: DelegationPoint, by: User, **fields: Any) -> DelegationPoint:
    locked = _editable_order(point.order)
    changed = apply_changes(point, fields)
    _check_point(locked, point)
    if changed:
        save_with_history(point, by=by)
    return point


@transaction.atomic
def delegation_point_delete(*, point: DelegationPoint, by: User) -> None:
    _editable_order(point.order)
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
    locked = _editable_order(order)
    if not locked.points.exists():
        raise ValidationError("Delegationsordningen har inga punkter.")
    _adopt(
        locked,
        association_id=locked.association_id,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )
    order.__dict__.update(locked.__dict__)
    return locked


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


def _editable_plan(plan: ControlPlan) -> ControlPlan:
    locked = ControlPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.adopted:
        raise ValidationError(
            f"{locked} är antagen av styrelsen och låst. Gör en ny version för ändringar."
        )
    return locked


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
    locked = _editable_plan(plan)
    top = locked.rows.aggregate(top=Max("position"))["top"] or 0
    row = ControlRow(plan=locked, position=top + 1, **fields)
    save_with_history(row, by=by)
    return row


@transaction.atomic
def control_row_update(*, row: ControlRow, by: User, **fields: Any) -> ControlRow:
    _editable_plan(row.plan)
    changed = apply_changes(row, fields)
    if changed:
        save_with_history(row, by=by, update_fields=changed)
    return row


@transaction.atomic
def control_row_delete(*, row: ControlRow, by: User) -> None:
    _editable_plan(row.plan)
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
    locked = _editable_plan(plan)
    if not locked.rows.exists():
        raise ValidationError("Planen har inga kontrollmoment.")
    _adopt(
        locked,
        association_id=locked.association_id,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )
    plan.__dict__.update(locked.__dict__)
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
    attachment = meeting_services.attachment_add(
        meeting=item.meeting, by=by, title=title, file=upload, item=item
    )
    control_report_attached.send(sender=ControlPlan, plan=plan, attachment=attachment, by=by)
    return attachment


# Risk- och väsentlighetsanalys


def _editable_analysis(analysis: RiskAnalysis) -> RiskAnalysis:
    locked = RiskAnalysis.objects.select_for_update().get(pk=analysis.pk)
    if locked.adopted:
        raise ValidationError(
            f"{locked} är antagen av styrelsen och låst. Ändringar görs i nästa års analys."
        )
    return locked


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
    locked = _editable_analysis(analysis)
    if not 1 <= threshold <= 16:
        raise ValidationError({"threshold": "Tröskeln är ett riskvärde 1–16."})
    locked.threshold = threshold
    save_with_history(locked, by=by, update_fields=["threshold"])
    analysis.threshold = threshold
    return locked


@transaction.atomic
def risk_row_add(*, analysis: RiskAnalysis, by: User, **fields: Any) -> RiskRow:
    locked = _editable_analysis(analysis)
    top = locked.rows.aggregate(top=Max("position"))["top"] or 0
    row = RiskRow(analysis=locked, position=top + 1, **fields)
    _check_risk(row)
    save_with_history(row, by=by)
    return row


@transaction.atomic
def risk_row_update(*, row: RiskRow, by: User, **fields: Any) -> RiskRow:
    _editable_analysis(row.analysis)
    changed = apply_changes(row, fields)
    _check_risk(row)
    if changed:
        save_with_history(row, by=by, update_fields=changed)
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
    locked = _editable_analysis(analysis)
    if not locked.rows.exists():
        raise ValidationError("Analysen har inga risker.")
    _adopt(
        locked,
        association_id=locked.association_id,
        by=by,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
    )
    analysis.__dict__.update(locked.__dict__)
    return locked


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
) -> MemberDischarge:
    """A member's decision on the year's årsredovisning and ansvarsfrihet; recorded again, it
    replaces the earlier. The member's ansvarsfrihet in the årshjul is then done."""
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
