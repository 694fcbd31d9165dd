"""The money of an insats: the board's decision in a §, its conditions and payment plan,
the agreement, each payment, and what returns to the förbund when an insats ends under
budget.

Rules that guard public money live here: nothing is paid before the decision is in force
(justerad), before the agreement is signed, before its condition is met or before the report
it waits for is approved; never more than what was granted; and a form sent twice records one
payment.
"""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.services import delete_with_history, save_with_history
from samordna.core.text import format_date, format_kronor
from samordna.interventions import payable
from samordna.interventions.models import (
    MAX_AMOUNT,
    Agreement,
    Application,
    ApplicationStatus,
    ConditionMet,
    DecisionCondition,
    GrantAmount,
    GrantDecision,
    Instalment,
    Intervention,
    Outcome,
    Payment,
    PaymentPlan,
    Release,
    Report,
    ReportKind,
    ReportStatus,
    Trigger,
)
from samordna.interventions.rules import budget_by_year
from samordna.interventions.selectors import settings_for
from samordna.interventions.services import OPEN
from samordna.interventions.signals import agreement_signed
from samordna.meetings.models import Paragraph
from samordna.meetings.services import proceedings


@dataclass(frozen=True)
class AmountInput:
    """One line of the decision: money for a year, to the applicant or another party."""

    year: int
    amount: int
    plan: str = PaymentPlan.HALF_THEN_REPORT
    recipient: str = ""  # empty: the applicant
    purpose: str = ""
    condition: int | None = None  # index into the decision's conditions


def _years(years: Sequence[int]) -> str:
    years = sorted(set(years))
    if len(years) == 1:
        return str(years[0])
    return ", ".join(str(y) for y in years[:-1]) + f" och {years[-1]}"


def decision_clauses(
    application: Application,
    *,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str],
) -> list[str]:
    """The decision as "Att"-clauses for the minutes, in the förbund's usual words."""
    name = application.name
    if outcome == Outcome.REFUSED:
        return [f"Att avslå ansökan om medel till {name}."]
    main = sorted((a for a in amounts if not a.recipient), key=lambda a: a.year)
    others = [a for a in amounts if a.recipient]
    money = " och ".join(f"{format_kronor(a.amount)} för {a.year}" for a in main)
    verb = "Att delvis bevilja ansökan och bevilja" if outcome == Outcome.PARTLY else "Att bevilja"
    first = f"{verb} medel med {money} till {name}" if main else f"{verb} ansökan"
    if conditions:
        first += " under förutsättning att " + " och att ".join(c.rstrip(".") for c in conditions)
    clauses = [first + "."]
    by_plan: dict[str, list[int]] = defaultdict(list)
    for line in main:
        by_plan[line.plan].append(line.year)
    for plan, years in by_plan.items():
        when = _years(years)
        if plan == PaymentPlan.HALF_THEN_REPORT:
            clauses.append(
                f"Att betala ut hälften av de beviljade medlen för {when} i samband med att "
                f"avtal tecknats och resterande del efter att redovisning inkommit för {when} "
                "och godkänts av styrelsen."
            )
        elif plan == PaymentPlan.AGREEMENT:
            clauses.append(f"Att betala ut de beviljade medlen för {when} när avtal tecknats.")
        elif plan == PaymentPlan.FINAL_REPORT:
            clauses.append(
                "Att betala ut de beviljade medlen när slutrapporten inkommit och godkänts av "
                "styrelsen."
            )
        else:
            clauses.append(f"Att betala ut de beviljade medlen för {when} mot faktura.")
    several_years = len({a.year for a in amounts}) > 1
    for line in others:
        purpose = f" för {line.purpose}" if line.purpose else ""
        year = f" för {line.year}" if several_years else ""
        clauses.append(
            f"Att avsätta {format_kronor(line.amount)}{purpose} till {line.recipient}{year}."
        )
    clauses.append("Att förbundschefen upprättar avtal.")
    return clauses


def _check_amounts(
    application: Application,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str],
) -> None:
    if outcome == Outcome.REFUSED:
        if amounts:
            raise ValidationError({"amounts": "Ett avslag beviljar inga belopp."})
        return
    if not amounts:
        raise ValidationError({"amounts": "Ange vilket belopp som beviljas och för vilket år."})
    period = application.years
    sought = budget_by_year(application.budget_lines.all())
    main_years: set[int] = set()
    for line in amounts:
        if not 1 <= line.amount <= MAX_AMOUNT:
            raise ValidationError(
                {"amounts": f"Beloppet för {line.year} ska vara 1–{format_kronor(MAX_AMOUNT)}."}
            )
        if line.year not in period:
            raise ValidationError(
                {"amounts": f"{line.year} ligger utanför ansökans period ({_years(period)})."}
            )
        if line.condition is not None and not 0 <= line.condition < len(conditions):
            raise ValidationError({"amounts": "Beloppet hänvisar till ett villkor som saknas."})
        if line.plan not in PaymentPlan.values:
            raise ValidationError({"amounts": "Välj hur beloppet betalas ut."})
        if line.recipient:
            continue
        if line.year in main_years:
            raise ValidationError(
                {"amounts": f"{line.year} har två belopp till sökanden. Slå ihop dem."}
            )
        main_years.add(line.year)
        if line.amount > sought.get(line.year, 0):
            raise ValidationError(
                {
                    "amounts": f"Beviljat belopp för {line.year} ({format_kronor(line.amount)}) "
                    f"är större än det sökta ({format_kronor(sought.get(line.year, 0))})."
                }
            )
    total = sum(line.amount for line in amounts)
    sought_total = sum(sought.values())
    if outcome == Outcome.GRANTED and total < sought_total:
        raise ValidationError(
            {
                "outcome": f"Beviljat ({format_kronor(total)}) är mindre än sökt "
                f"({format_kronor(sought_total)}). Välj Delvis beviljad, eller ändra beloppen."
            }
        )
    if outcome == Outcome.PARTLY and total >= sought_total:
        raise ValidationError({"outcome": "Hela det sökta beloppet beviljas. Välj Beviljad."})


def _plan_reports(
    decision: GrantDecision, application: Application, years: list[int], *, by: User
) -> dict[int, Report]:
    """A redovisning for each year but the last, and the slutrapport."""
    settings = settings_for(decision.association)
    assert application.intervention is not None and application.ends_on is not None
    reports: dict[int, Report] = {}
    for year in years:
        final = year == years[-1]
        if final:
            due = application.ends_on + datetime.timedelta(days=settings.final_report_days)
        else:
            day = settings.yearly_report_due
            due = datetime.date(year + 1, day.month, day.day)
        report = Report(
            association=decision.association,
            intervention=application.intervention,
            decision=decision,
            kind=ReportKind.FINAL if final else ReportKind.INTERIM,
            title="Slutrapport" if final else f"Redovisning {year}",
            year=year,
            due_on=due,
        )
        save_with_history(report, by=by)
        reports[year] = report
    return reports


def _plan_instalments(grant: GrantAmount, reports: dict[int, Report], *, by: User) -> None:
    start = datetime.date(grant.year, 1, 1)
    final = reports[max(reports)]
    if grant.plan == PaymentPlan.HALF_THEN_REPORT:
        # "Hälften": the first instalment takes the lower half of an odd amount.
        first = grant.amount // 2
        parts = [
            (first, Trigger.AGREEMENT, None),
            (grant.amount - first, Trigger.REPORT, reports[grant.year]),
        ]
    elif grant.plan == PaymentPlan.AGREEMENT:
        parts = [(grant.amount, Trigger.AGREEMENT, None)]
    elif grant.plan == PaymentPlan.FINAL_REPORT:
        parts = [(grant.amount, Trigger.REPORT, final)]
    else:
        parts = [(grant.amount, Trigger.INVOICE, None)]
    for position, (amount, trigger, report) in enumerate(parts, start=1):
        instalment = Instalment(
            grant=grant,
            position=position,
            amount=amount,
            trigger=trigger,
            report=report,
            not_before=start,
        )
        save_with_history(instalment, by=by)


def decision_check(
    application: Application,
    *,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str] = (),
) -> None:
    """The checks `decision_record` makes, without saving: for a preview of the clauses."""
    if application.status not in OPEN:
        raise ValidationError(
            f"Ansökan är {application.get_status_display().lower()}; bara inskickade ansökningar "
            "som inte är beslutade kan beslutas."
        )
    if any(not c.strip() for c in conditions):
        raise ValidationError({"conditions": "Ett villkor saknar text."})
    _check_amounts(application, outcome, amounts, conditions)


def _create(
    application: Application,
    *,
    by: User,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str],
    decided_on: datetime.date,
    paragraph: Paragraph | None = None,
    earlier_reference: str = "",
) -> GrantDecision:
    current = Application.objects.select_for_update().get(pk=application.pk)
    decision_check(current, outcome=outcome, amounts=amounts, conditions=conditions)
    conditions = [c.strip() for c in conditions]
    decision = GrantDecision(
        association=current.association,
        application=current,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        decided_on=decided_on,
        outcome=outcome,
    )
    save_with_history(decision, by=by)
    saved_conditions = []
    for text in conditions:
        condition = DecisionCondition(decision=decision, text=text)
        save_with_history(condition, by=by)
        saved_conditions.append(condition)
    if amounts:
        years = sorted({line.year for line in amounts})
        reports = _plan_reports(decision, current, years, by=by)
        for line in sorted(amounts, key=lambda a: (a.year, a.recipient)):
            grant = GrantAmount(
                decision=decision,
                year=line.year,
                amount=line.amount,
                recipient=line.recipient.strip(),
                purpose=line.purpose.strip(),
                plan=line.plan,
                condition=None if line.condition is None else saved_conditions[line.condition],
            )
            save_with_history(grant, by=by)
            _plan_instalments(grant, reports, by=by)
        _extend_intervention(current, by=by)
    current.status = ApplicationStatus.DECIDED
    current.version += 1
    save_with_history(current, by=by, update_fields=["status", "version"])
    application.__dict__.update(current.__dict__)
    return decision


def _extend_intervention(application: Application, *, by: User) -> None:
    """The insats runs over the periods of its granted applications."""
    intervention = application.intervention
    assert intervention is not None
    starts = [d for d in (intervention.starts_on, application.starts_on) if d]
    ends = [d for d in (intervention.ends_on, application.ends_on) if d]
    intervention.starts_on = min(starts) if starts else None
    intervention.ends_on = max(ends) if ends else None
    intervention.direction = application.direction or intervention.direction
    intervention.esf = application.esf == "yes"
    save_with_history(
        intervention, by=by, update_fields=["starts_on", "ends_on", "direction", "esf"]
    )


@transaction.atomic
def decision_record(
    *,
    application: Application,
    paragraph: Paragraph,
    by: User,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str] = (),
    write_text: bool = True,
) -> GrantDecision:
    """The board's decision on an application, recorded in a § of its minutes; the §'s
    decision text is written from it (and stays editable until justering)."""
    meeting = paragraph.meeting
    if meeting.association_id != application.association_id:
        raise ValidationError("Paragrafen hör till ett annat förbund.")
    if application.submitted_at and meeting.date < timezone.localdate(application.submitted_at):
        raise ValidationError("Sammanträdet hölls innan ansökan kom in.")
    decision = _create(
        application,
        by=by,
        outcome=outcome,
        amounts=amounts,
        conditions=conditions,
        decided_on=meeting.date,
        paragraph=paragraph,
    )
    if write_text:
        clauses = decision_clauses(
            application, outcome=outcome, amounts=amounts, conditions=conditions
        )
        proceedings.paragraph_update(paragraph=paragraph, by=by, decision="\n".join(clauses))
    return decision


@transaction.atomic
def decision_register_earlier(
    *,
    application: Application,
    by: User,
    reference: str,
    decided_on: datetime.date,
    outcome: str,
    amounts: Sequence[AmountInput],
    conditions: Sequence[str] = (),
) -> GrantDecision:
    """A decision the board took before the förbund used Samordna, from its minutes."""
    if not reference.strip():
        raise ValidationError({"reference": "Ange var beslutet finns, t.ex. 2023-02-10 § 12."})
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": "Ett tidigare beslut kan inte ha ett datum framåt."})
    return _create(
        application,
        by=by,
        outcome=outcome,
        amounts=amounts,
        conditions=conditions,
        decided_on=decided_on,
        earlier_reference=reference.strip(),
    )


@transaction.atomic
def decision_withdraw(*, decision: GrantDecision, by: User) -> None:
    """Take back a decision recorded in the wrong § or with the wrong figures, before the
    minutes are justerade; the application goes back to beredning."""
    if hasattr(decision, "agreement"):
        raise ValidationError("Avtal är upprättat; beslutet kan inte tas tillbaka.")
    application = Application.objects.select_for_update().get(pk=decision.application_id)
    for report in decision.reports.all():
        if report.status != ReportStatus.DUE:
            raise ValidationError("Insatsen har redan börjat rapportera; beslutet står.")
    paragraph = decision.paragraph
    if paragraph is not None and paragraph.decision.strip() == "\n".join(
        _clauses_of(decision, application)
    ):
        # The § says what this decision wrote into it; a withdrawn decision leaves no text.
        proceedings.paragraph_update(paragraph=paragraph, by=by, decision="")
    for grant in decision.amounts.all():
        for instalment in grant.instalments.all():
            delete_with_history(instalment, by=by)
    for report in decision.reports.all():
        delete_with_history(report, by=by)
    for grant in decision.amounts.all():
        delete_with_history(grant, by=by)
    for condition in decision.conditions.all():
        delete_with_history(condition, by=by)
    delete_with_history(decision, by=by)
    application.status = ApplicationStatus.PREPARATION
    application.version += 1
    save_with_history(application, by=by, update_fields=["status", "version"])
    if application.intervention is not None:
        _recompute_span(application.intervention, by=by)


def _recompute_span(intervention: Intervention, *, by: User) -> None:
    """After a decision is taken back the insats runs over what is still granted, and over
    the period it was registered with (its first history entry), if any."""
    first = intervention.history.earliest()
    periods = [(first.starts_on, first.ends_on)]
    periods += Application.objects.filter(
        intervention=intervention, decision__isnull=False, decision__amounts__isnull=False
    ).values_list("starts_on", "ends_on")
    starts = [s for s, _ in periods if s]
    ends = [e for _, e in periods if e]
    intervention.starts_on = min(starts) if starts else None
    intervention.ends_on = max(ends) if ends else None
    save_with_history(intervention, by=by, update_fields=["starts_on", "ends_on"])


def _clauses_of(decision: GrantDecision, application: Application) -> list[str]:
    """The clauses `decision_record` wrote for a saved decision."""
    conditions = list(decision.conditions.all())
    index = {c.pk: i for i, c in enumerate(conditions)}
    amounts = [
        AmountInput(
            year=grant.year,
            amount=grant.amount,
            plan=grant.plan,
            recipient=grant.recipient,
            purpose=grant.purpose,
            condition=None if grant.condition_id is None else index[grant.condition_id],
        )
        for grant in decision.amounts.all()
    ]
    return decision_clauses(
        application,
        outcome=decision.outcome,
        amounts=amounts,
        conditions=[c.text for c in conditions],
    )


# Agreement


@transaction.atomic
def agreement_draw_up(
    *, decision: GrantDecision, by: User, drawn_up_on: datetime.date | None = None
) -> Agreement:
    """The förbundschef draws up the agreement once the decision is in force."""
    if decision.outcome == Outcome.REFUSED:
        raise ValidationError("Ett avslag ger inget avtal.")
    if not payable.decision_in_force(decision):
        raise ValidationError("Avtal upprättas när protokollet med beslutet är justerat.")
    if Agreement.objects.filter(decision=decision).exists():
        raise ValidationError("Avtal är redan upprättat.")
    association = Association.objects.select_for_update().get(pk=decision.association_id)
    day = drawn_up_on or timezone.localdate()
    prefix = f"{day.year}-"
    count = Agreement.objects.filter(association=association, number__startswith=prefix).count()
    agreement = Agreement(
        association=association,
        decision=decision,
        number=f"{prefix}{count + 1:02d}",
        drawn_up_on=day,
    )
    save_with_history(agreement, by=by)
    return agreement


@transaction.atomic
def agreement_sign(
    *, agreement: Agreement, by: User, signed_on: datetime.date, signed_note: str = ""
) -> Agreement:
    """Record the day the last party signed; payments that wait for it may start."""
    if signed_on < agreement.drawn_up_on:
        raise ValidationError(
            {"signed_on": f"Avtalet upprättades {format_date(agreement.drawn_up_on)}."}
        )
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "Datumet kan inte ligga i framtiden."})
    if agreement.signed_on is not None:
        raise ValidationError("Avtalet är redan undertecknat.")
    agreement.signed_on = signed_on
    agreement.signed_note = signed_note.strip()
    save_with_history(agreement, by=by, update_fields=["signed_on", "signed_note"])
    agreement_signed.send(sender=Agreement, agreement=agreement, by=by)
    return agreement


@transaction.atomic
def condition_mark_met(
    *, condition: DecisionCondition, by: User, met_on: datetime.date, note: str = ""
) -> ConditionMet:
    """The kansli notes that a condition of the decision is met; its money may be paid."""
    if ConditionMet.objects.filter(condition=condition).exists():
        raise ValidationError("Villkoret är redan markerat som uppfyllt.")
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": "Datumet kan inte ligga i framtiden."})
    met = ConditionMet(condition=condition, met_on=met_on, note=note.strip())
    save_with_history(met, by=by)
    return met


# Payments


@transaction.atomic
def payment_record(
    *,
    instalment: Instalment,
    by: User,
    amount: int,
    paid_on: datetime.date,
    token: str,
    reference: str = "",
) -> tuple[Payment, bool]:
    """Record a payment by the plan. Returns (payment, created): the same form sent twice
    (the same `token`) gives back the first payment and records nothing more.

    Only `samordna.attest.services` calls this: `instalment_pay` decides whether a part is
    paid directly or through a payment order (the year has an adopted signature list), and
    an order's second utanordning records its payment here."""
    existing = Payment.objects.filter(request_token=token).first()
    if existing is not None:
        return existing, False
    grant = instalment.grant
    # One decision's payments are recorded one at a time: the check of what remains and
    # the new row are one step for everyone else.
    decision = GrantDecision.objects.select_for_update().get(pk=grant.decision_id)
    existing = Payment.objects.filter(request_token=token).first()
    if existing is not None:
        return existing, False
    if not 1 <= amount <= MAX_AMOUNT:
        raise ValidationError({"amount": "Beloppet ska vara minst 1 kr."})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "Utbetalningsdatumet kan inte ligga i framtiden."})
    if paid_on < decision.decided_on:
        raise ValidationError(
            {
                "paid_on": "Utbetalningen kan inte vara gjord före beslutet om insatsen "
                f"({format_date(decision.decided_on)})."
            }
        )
    payable.state_of(decision).payable(instalment, paid_on).check(amount)
    payment = Payment(
        association_id=decision.association_id,
        grant=grant,
        instalment=instalment,
        amount=amount,
        paid_on=paid_on,
        reference=reference.strip(),
        recorded_by=by,
        request_token=token,
    )
    try:
        with transaction.atomic():
            save_with_history(payment, by=by)
    except (IntegrityError, ValidationError):
        # The same form, sent at the same moment from another tab, got there first.
        first = Payment.objects.filter(request_token=token).first()
        if first is None:
            raise
        return first, False
    return payment, True


@transaction.atomic
def intervention_close(
    *, intervention: Intervention, by: User, closed_on: datetime.date, note: str
) -> list[Release]:
    """Slutreglering: what was granted and not paid returns to the förbund's equity."""
    if intervention.closed_on is not None:
        raise ValidationError("Insatsen är redan slutreglerad.")
    if not note.strip():
        raise ValidationError(
            {
                "note": "Skriv varför insatsen slutregleras, t.ex. slutrapport "
                "godkänd 2023-11-24 § 118."
            }
        )
    if closed_on > timezone.localdate():
        raise ValidationError({"closed_on": "Datumet kan inte ligga i framtiden."})
    decisions = list(
        payable.decisions_with_plan(
            GrantDecision.objects.select_for_update(of=("self",)).filter(
                application__intervention=intervention
            )
        )
    )
    states = payable.grant_states(decisions)
    releases = []
    for decision in decisions:
        state = states[decision.pk]
        for grant in decision.amounts.all():
            left = state.remaining(grant)
            if left > 0:
                release = Release(
                    grant=grant, amount=left, released_on=closed_on, reason=note.strip()
                )
                save_with_history(release, by=by)
                releases.append(release)
    intervention.closed_on = closed_on
    intervention.closing_note = note.strip()
    save_with_history(intervention, by=by, update_fields=["closed_on", "closing_note"])
    return releases
