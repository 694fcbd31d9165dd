"""Every write of the finance app."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Member, MemberKind
from samordna.associations.services import share_problems
from samordna.core.concurrency import lock_version
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.core.validators import validate_sensible_date
from samordna.finance import budgets, contributions, selectors
from samordna.finance.models import (
    INSTALMENTS_PER_YEAR,
    BalanceColumn,
    BalanceColumnKind,
    Budget,
    BudgetLine,
    BudgetStatus,
    ContributionInstalment,
    ContributionSchedule,
    FinancialGoals,
    Forecast,
    LineGroup,
    StateAllocation,
)
from samordna.interventions.models import GrantAmount, Intervention, Outcome
from samordna.meetings.models import Paragraph

MAX_LINE_AMOUNT = 100_000_000  # kr; more than any förbund's whole year


@transaction.atomic
def forecast_set(
    *, line: BudgetLine, by: User, as_of: datetime.date, amount: int, comment: str = ""
) -> Forecast:
    """Record the kansli's forecast for the line's whole year, made on `as_of`."""
    if isinstance(amount, float) or not 0 <= amount <= MAX_LINE_AMOUNT:
        raise ValidationError(
            {"amount": "Prognosen ska vara ett belopp i hela kronor, 0–100 000 000 kr."}
        )
    if as_of.year != line.budget.year:
        raise ValidationError(
            {"as_of": f"Prognosdatumet ska ligga i budgetåret {line.budget.year}."}
        )
    forecast = Forecast(line=line, as_of=as_of, amount=amount, comment=comment.strip(), made_by=by)
    save_with_history(forecast, by=by)
    return forecast


# Allocation and contributions


@transaction.atomic
def state_allocation_set(
    *, association: Association, by: User, year: int, amount: int, reference: str = ""
) -> StateAllocation:
    """Record the state's allocation to the förbund for a year (FK's decision)."""
    if isinstance(amount, float) or not 1 <= amount <= MAX_LINE_AMOUNT:
        raise ValidationError(
            {"amount": "Ange den statliga tilldelningen i hela kronor, 1–100 000 000 kr."}
        )
    allocation = StateAllocation.objects.filter(association=association, year=year).first()
    if allocation is None:
        allocation = StateAllocation(association=association, year=year)
    changed = apply_changes(allocation, {"amount": amount, "reference": reference.strip()})
    if changed or allocation.pk is None:
        save_with_history(allocation, by=by)
    return allocation


@transaction.atomic
def schedule_set(
    *,
    association: Association,
    by: User,
    member: Member,
    year: int,
    frequency: str,
    first_due_on: datetime.date | None = None,
    note: str = "",
) -> ContributionSchedule:
    """Make (or remake) a member's payment schedule for the year from its contribution."""
    if member.association_id != association.pk:
        raise ValidationError("Medlemmen hör inte till förbundet.")
    if frequency not in INSTALMENTS_PER_YEAR:
        raise ValidationError({"frequency": "Välj hur ofta medlemmen betalar."})
    if first_due_on is not None and first_due_on.year != year:
        raise ValidationError({"first_due_on": f"Första förfallodagen ska ligga i {year}."})
    allocation = contributions.state_allocation(association, year)
    if allocation is None:
        raise ValidationError(
            f"Det finns ingen statlig tilldelning för {year}. Registrera den först; "
            "medlemmarnas bidrag räknas ut från den."
        )
    members = contributions.ordered_members(association)
    try:
        parts = contributions.member_parts(members, allocation.total)
    except ValueError as error:
        raise ValidationError(f"Fördelningsnyckeln stämmer inte: {error}") from error
    amount = parts[member.pk]
    if amount <= 0:
        raise ValidationError(
            f"{member} har ingen andel av bidragen (Försäkringskassan betalar statens del)."
        )
    schedule = (
        ContributionSchedule.objects.select_for_update().filter(member=member, year=year).first()
    )
    if schedule is not None:
        if schedule.instalments.filter(paid_on__isnull=False).exists():
            raise ValidationError(
                "Betalplanen har redan inbetalningar och kan inte göras om. "
                "Ändra inbetalningarna en i taget i stället."
            )
        for instalment in schedule.instalments.all():
            delete_with_history(instalment, by=by)
        apply_changes(schedule, {"frequency": frequency, "amount": amount, "note": note.strip()})
    else:
        schedule = ContributionSchedule(
            association=association,
            member=member,
            year=year,
            frequency=frequency,
            amount=amount,
            note=note.strip(),
        )
    save_with_history(schedule, by=by)
    dates = contributions.due_dates(year, frequency, first_due_on)
    for position, (due, part) in enumerate(
        zip(dates, contributions.split_amount(amount, len(dates)), strict=True), start=1
    ):
        save_with_history(
            ContributionInstalment(schedule=schedule, position=position, due_on=due, amount=part),
            by=by,
        )
    return schedule


@transaction.atomic
def contribution_payment_record(
    *,
    instalment: ContributionInstalment,
    by: User,
    paid_on: datetime.date | None,
    amount: int | None,
    note: str = "",
) -> ContributionInstalment:
    """Mark an instalment as arrived (date and amount), or clear it with neither."""
    if (paid_on is None) != (amount is None):
        raise ValidationError(
            {"paid_on": "Ange både datum och belopp för inbetalningen, eller inget av dem."}
        )
    if amount is not None and (isinstance(amount, float) or not 1 <= amount <= MAX_LINE_AMOUNT):
        raise ValidationError({"paid_amount": "Ange beloppet i hela kronor."})
    if paid_on is not None and paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "Inbetalningsdagen kan inte ligga i framtiden."})
    if paid_on is not None:
        try:
            validate_sensible_date(paid_on)
        except ValidationError as error:
            raise ValidationError({"paid_on": error.messages}) from error
    changed = apply_changes(
        instalment, {"paid_on": paid_on, "paid_amount": amount, "note": note.strip()}
    )
    if changed:
        save_with_history(instalment, by=by, update_fields=changed)
    return instalment


# Budget

ADOPTED_MESSAGE = (
    "Budgeten är fastställd och kan inte ändras. Ändringar under året görs som prognoser "
    "i budgetuppföljningen, eller i en ny budget som styrelsen fastställer."
)
GROUP_MISSING = "Ange vilken grupp raden hör till (Intäkter, Styrelsen, Administration …)."


def _editable(budget: Budget, version: int) -> Budget:
    """The stored budget, locked, if it is still a draft and nobody changed it since."""
    current = lock_version(budget, version, what="Budgeten")
    if current.status == BudgetStatus.ADOPTED:
        raise ValidationError(ADOPTED_MESSAGE, code="adopted")
    return current


def _bump(budget: Budget, by: User, fields: list[str] | None = None) -> None:
    budget.version += 1
    save_with_history(budget, by=by, update_fields=[*(fields or []), "version"])


def _next_position(budget: Budget) -> int:
    last = budget.lines.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 10


def _closing_equity(budget: Budget) -> int:
    """Equity at the end of `budget`'s year: opening + result, by forecast where there is one."""
    lines = selectors.budget_lines(budget)
    forecasts = selectors.latest_forecasts(budget)
    result = budgets.figures(lines, budgets.forecast_values(forecasts)).result
    return budget.opening_equity + int(result)


@transaction.atomic
def budget_create(
    *, association: Association, by: User, year: int, copy_previous: bool = False
) -> Budget:
    """A draft budget for `year` (with plan for the two after), its income lines from the
    contributions and its insats lines from the decisions; optionally the other lines of
    the previous year's budget, moved one year on."""
    if Budget.objects.filter(association=association, year=year).exists():
        raise ValidationError({"year": f"Det finns redan en budget för {year}."})
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    previous = selectors.budget_for(association, year - 1)
    if copy_previous and previous is None:
        raise ValidationError(
            {"copy_previous": f"Det finns ingen budget för {year - 1} att utgå från."}
        )
    budget = Budget(
        association=association,
        year=year,
        opening_equity=_closing_equity(previous) if previous is not None else 0,
    )
    save_with_history(budget, by=by)
    for kind in BalanceColumnKind:
        save_with_history(BalanceColumn(budget=budget, column=kind), by=by)
    if previous is not None:
        old_columns = {c.column: c for c in previous.balance_columns.all()}
        for kind, source in (
            (BalanceColumnKind.BUDGET, BalanceColumnKind.PLAN_NEXT),
            (BalanceColumnKind.PLAN_NEXT, BalanceColumnKind.PLAN_AFTER),
            (BalanceColumnKind.PLAN_AFTER, BalanceColumnKind.PLAN_AFTER),
            (BalanceColumnKind.PREVIOUS, BalanceColumnKind.BUDGET),
        ):
            old = old_columns.get(source)
            if old is None:
                continue
            column = budget.balance_columns.get(column=kind)
            apply_changes(column, {name: getattr(old, name) for name in BALANCE_FIELDS})
            save_with_history(column, by=by)
    if copy_previous and previous is not None:
        for line in selectors.budget_lines(previous):
            if line.member_id is not None or line.from_decisions:
                continue  # made again below from this year's contributions and decisions
            save_with_history(
                BudgetLine(
                    budget=budget,
                    group=line.group,
                    name=line.name,
                    position=line.position,
                    is_income=line.is_income,
                    is_financial=line.is_financial,
                    intervention=line.intervention,
                    direction=line.direction,
                    summary_name=line.summary_name,
                    amount=line.plan_next,
                    plan_next=line.plan_after,
                    plan_after=line.plan_after,
                    note=line.note,
                ),
                by=by,
            )
    _income_from_contributions(budget, by)
    _lines_from_decisions(budget, by)
    return budget


BALANCE_FIELDS = (
    "fixed_assets",
    "current_assets",
    "provisions",
    "long_term_liabilities",
    "short_term_liabilities",
)
PREVIOUS_FIELDS = (
    "opening_equity",
    "operating_income",
    "operating_costs",
    "financial_income",
    "financial_costs",
)


@transaction.atomic
def budget_update(
    *, budget: Budget, by: User, version: int, opening_equity: int, note: str = ""
) -> Budget:
    """Change the draft budget's opening equity and note."""
    current = _editable(budget, version)
    if isinstance(opening_equity, float) or abs(opening_equity) > MAX_LINE_AMOUNT:
        raise ValidationError({"opening_equity": "Ange eget kapital i hela kronor."})
    changed = apply_changes(current, {"opening_equity": opening_equity, "note": note.strip()})
    _bump(current, by, changed)
    return current


def income_line_name(member: Member, members: list[Member]) -> str:
    """FK pays the state's half, also AF's part: "Försäkringskassan/Arbetsförmedlingen"."""
    if member.kind == MemberKind.FK and any(m.kind == MemberKind.AF for m in members):
        af = next(m for m in members if m.kind == MemberKind.AF)
        return f"{member.name}/{af.name}"
    return member.name


def _income_from_contributions(budget: Budget, by: User) -> int:
    """Income lines per member from the contributions of the budget's three years (a plan
    year without a known allocation keeps what the line says). Returns lines changed."""
    members = contributions.ordered_members(budget.association)
    if share_problems(members):
        return 0
    parts_by_year: list[dict[int, int] | None] = []
    for offset in range(3):
        allocation = contributions.state_allocation(budget.association, budget.year + offset)
        parts_by_year.append(
            contributions.member_parts(members, allocation.total) if allocation else None
        )
    if parts_by_year[0] is None:
        return 0
    existing = {
        line.member_id: line for line in budget.lines.filter(is_income=True, member__isnull=False)
    }
    changed_count = 0
    for position, member in enumerate(members, start=1):
        amounts = [parts[member.pk] if parts else None for parts in parts_by_year]
        line = existing.get(member.pk)
        if not amounts[0] and line is None:
            continue
        if line is None:
            line = BudgetLine(
                budget=budget,
                group=LineGroup.INCOME,
                name=income_line_name(member, members),
                position=position,
                is_income=True,
                member=member,
            )
            fallback = amounts[0]
        else:
            fallback = None
        values = {}
        for name, value in zip(budgets.YEAR_FIELDS, amounts, strict=True):
            if value is not None:
                values[name] = value
            elif fallback is not None:
                values[name] = fallback
        changed = apply_changes(line, values)
        if changed or line.pk is None:
            save_with_history(line, by=by)
            changed_count += 1
    return changed_count


def granted_by_intervention(association: Association, year: int) -> dict[int, list[int]]:
    """Money granted per insats for `year` and the two after, parts to another party
    included, from decisions granted in full or in part; in one query."""
    rows = (
        GrantAmount.objects.filter(
            decision__association=association,
            decision__outcome__in=[Outcome.GRANTED, Outcome.PARTLY],
            decision__application__intervention__isnull=False,
            year__in=[year, year + 1, year + 2],
        )
        .values("decision__application__intervention_id", "year")
        .annotate(total=Sum("amount"))
    )
    result: dict[int, list[int]] = {}
    for row in rows:
        sums = result.setdefault(row["decision__application__intervention_id"], [0, 0, 0])
        sums[row["year"] - year] += row["total"]
    return result


def _lines_from_decisions(budget: Budget, by: User) -> int:
    """One line per granted insats in Beslutade insatser, its amounts from the decisions.
    A line whose insats has no granted money left in the three years is kept at 0."""
    granted = granted_by_intervention(budget.association, budget.year)
    lines: dict[int, BudgetLine] = {
        line.intervention_id: line
        for line in budget.lines.filter(from_decisions=True).select_related("intervention")
        if line.intervention_id is not None
    }
    interventions = {
        i.pk: i for i in Intervention.objects.filter(pk__in=granted.keys() - lines.keys())
    }
    changed_count = 0
    position = _next_position(budget)
    for intervention_id in sorted(set(granted) | set(lines)):
        amounts = granted.get(intervention_id, [0, 0, 0])
        line = lines.get(intervention_id)
        if line is None:
            intervention = interventions[intervention_id]
            line = BudgetLine(
                budget=budget,
                group=LineGroup.INTERVENTIONS,
                name=intervention.name,
                position=position,
                intervention=intervention,
                from_decisions=True,
            )
            position += 10
        changed = apply_changes(line, dict(zip(budgets.YEAR_FIELDS, amounts, strict=True)))
        if changed or line.pk is None:
            save_with_history(line, by=by)
            changed_count += 1
    return changed_count


@transaction.atomic
def budget_refresh(*, budget: Budget, by: User, version: int) -> int:
    """Hämta från besluten och bidragen: insats lines from the decisions, income lines from
    the contributions. Returns how many lines changed."""
    current = _editable(budget, version)
    changed = _lines_from_decisions(current, by) + _income_from_contributions(current, by)
    _bump(current, by)
    return changed


LINE_FIELDS = (
    "group",
    "is_income",
    "name",
    "position",
    "is_financial",
    "intervention",
    "direction",
    "summary_name",
    "amount",
    "plan_next",
    "plan_after",
    "note",
)


def _check_line(line: BudgetLine, budget: Budget) -> None:
    errors: dict[str, str] = {}
    if not line.group:
        errors["group"] = GROUP_MISSING
    if not line.name.strip():
        errors["name"] = "Ge raden ett namn."
    for name in budgets.YEAR_FIELDS:
        value = getattr(line, name)
        if isinstance(value, float) or not 0 <= value <= MAX_LINE_AMOUNT:
            errors[name] = "Ange beloppet i hela kronor, 0–100 000 000 kr."
    if line.intervention is not None and line.intervention.association_id != budget.association_id:
        errors["intervention"] = "Insatsen hör inte till förbundet."
    if line.group == LineGroup.INCOME and line.intervention is not None:
        errors["intervention"] = "En intäktsrad kan inte avse en insats."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def line_save(
    *,
    budget: Budget,
    by: User,
    version: int,
    fields: dict[str, Any],
    line: BudgetLine | None = None,
) -> BudgetLine:
    """Add a line to the draft budget, or change one; generated amounts stay generated."""
    current = _editable(budget, version)
    values = {k: v for k, v in fields.items() if k in LINE_FIELDS}
    if values.get("position") is None:
        values.pop("position", None)
    for name in ("name", "group", "summary_name", "note"):
        if name in values or line is None:
            values[name] = (values.get(name) or "").strip()
    if line is None:
        line = BudgetLine(budget=current, position=_next_position(current))
    elif line.budget_id != current.pk:
        raise ValidationError("Raden hör inte till budgeten.")
    generated = line.from_decisions or line.member_id is not None
    if generated:
        kept = ["amount", "plan_next", "plan_after", "group", "intervention"]
        if line.member_id is not None:
            kept = ["amount", "group"]  # the plan years may be typed when not yet decided
        for name in kept:
            if name in values and values[name] != getattr(line, name):
                raise ValidationError(
                    {
                        name: "Beloppet hämtas från besluten och kan inte skrivas in."
                        if line.from_decisions
                        else "Budgetåret hämtas från medlemsbidragen och kan inte skrivas in."
                    }
                )
    group = values.get("group", line.group)
    financial = values.get("is_financial", line.is_financial)
    if group == LineGroup.INCOME or line.member_id is not None:
        values["is_income"] = True
    else:
        # Outside Intäkter only a financial item may be income (Ränteintäkter).
        values["is_income"] = bool(values.get("is_income", line.is_income)) and financial
    apply_changes(line, values)
    _check_line(line, current)
    save_with_history(line, by=by)
    _bump(current, by)
    return line


@transaction.atomic
def line_delete(*, line: BudgetLine, by: User, version: int) -> None:
    """Remove a line from the draft budget (an insats line comes back with the decisions)."""
    current = _editable(line.budget, version)
    delete_with_history(line, by=by)
    _bump(current, by)


@transaction.atomic
def balance_save(
    *, budget: Budget, by: User, version: int, columns: dict[str, dict[str, int | None]]
) -> Budget:
    """The balance budget's columns; the previous year's forecast also carries the opening
    equity into the budget year when that year has no budget here."""
    current = _editable(budget, version)
    existing = {c.column: c for c in current.balance_columns.all()}
    for kind in BalanceColumnKind:
        values = columns.get(kind.value)
        if values is None:
            continue
        column = existing.get(kind.value) or BalanceColumn(budget=current, column=kind.value)
        allowed = BALANCE_FIELDS + (PREVIOUS_FIELDS if kind == BalanceColumnKind.PREVIOUS else ())
        changed = apply_changes(column, {k: v for k, v in values.items() if k in allowed})
        if changed or column.pk is None:
            save_with_history(column, by=by)
    fields: list[str] = []
    previous_column = (
        existing.get(BalanceColumnKind.PREVIOUS)
        or current.balance_columns.filter(column=BalanceColumnKind.PREVIOUS).first()
    )
    has_previous_budget = Budget.objects.filter(
        association=current.association, year=current.year - 1
    ).exists()
    if (
        previous_column is not None
        and not has_previous_budget
        and previous_column.opening_equity is not None
        and previous_column.operating_income is not None
    ):
        closing = previous_column.opening_equity + int(
            budgets.previous_figures(None, [], {}, previous_column)[0].result  # type: ignore[union-attr]
        )
        fields = apply_changes(current, {"opening_equity": closing})
    _bump(current, by, fields)
    return current


@transaction.atomic
def budget_adopt(*, budget: Budget, by: User, version: int, paragraph: Paragraph) -> Budget:
    """Record that the board adopted the budget in `paragraph`; the budget is then locked."""
    current = _editable(budget, version)
    if paragraph.meeting.association_id != current.association_id:
        raise ValidationError({"paragraph": "Paragrafen hör inte till förbundets sammanträden."})
    if not current.lines.exists():
        raise ValidationError("En budget utan rader kan inte fastställas.")
    if current.lines.filter(group="").exists():
        raise ValidationError(GROUP_MISSING)
    fields = apply_changes(
        current,
        {
            "status": BudgetStatus.ADOPTED,
            "paragraph": paragraph,
            "adopted_on": paragraph.meeting.date,
        },
    )
    _bump(current, by, fields)
    return current


# Financial goals


@transaction.atomic
def goals_save(*, association: Association, by: User, fields: dict[str, Any]) -> FinancialGoals:
    """The förbund's financial goals."""
    goals = FinancialGoals.objects.filter(association=association).first() or FinancialGoals(
        association=association
    )
    names = [
        "equity_ceiling_percent",
        "equity_floor",
        "individual_share_percent",
        "balanced_budget",
        "no_loans",
    ]
    errors = {}
    for name in ("equity_ceiling_percent", "individual_share_percent"):
        value = fields.get(name)
        if value is None or not Decimal(0) <= Decimal(value) <= Decimal(100):
            errors[name] = "Ange en procentsats mellan 0 och 100."
    if errors:
        raise ValidationError(errors)
    changed = apply_changes(goals, {n: fields[n] for n in names if n in fields})
    if changed or goals.pk is None:
        save_with_history(goals, by=by)
    return goals
