"""Reads of the ledger: an import's preview (problems and accounts to map) and the budget
follow-up for a date (budget, outcome, forecast, deviation per line and group)."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Sum
from django.db.models.functions import ExtractMonth

from samordna.associations.models import Association
from samordna.core.text import format_date, format_kronor
from samordna.core.uploads import UploadRefused
from samordna.finance.models import Budget, BudgetLine, Forecast, LineGroup
from samordna.finance.selectors import budget_for, budget_lines, latest_forecasts
from samordna.interventions.payable import paid_for_year
from samordna.ledger import files
from samordna.ledger.models import (
    AccountMapping,
    ImportStatus,
    LedgerImport,
    LedgerTransaction,
    Treatment,
)
from samordna.ledger.sie import Ledger, Problem

BALANCE_ACCOUNTS = range(1000, 3000)
RESULT_ACCOUNTS = range(3000, 9000)
MAX_ROW_PROBLEMS = 50
INSATS_NOTE = (
    "Utbetalningarna till insatserna räknas från utbetalningarna som är registrerade i "
    "Samordna, på insatsens budgetrad. Bokföringens konto för utbetalningar till insatser "
    'kopplas därför som "räknas inte — insatsernas utbetalningar räknas från Samordna", '
    "så att ingenting räknas två gånger."
)
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def is_result_account(account: int) -> bool:
    return account in RESULT_ACCOUNTS


# Reading an uploaded file


def read_import(ledger_import: LedgerImport) -> Ledger:
    """The file as it was parsed once, at upload. (An import uploaded before the parsed
    file was kept is read from its file, under the same limits.)"""
    if ledger_import.parsed is not None:
        return files.from_json(ledger_import.parsed)
    try:
        with ledger_import.file.open("rb") as handle:
            data = handle.read(files.LIMITS.max_bytes + 1)
        return files.parse_file(ledger_import.kind, data)
    except UploadRefused as error:
        return files.refused_ledger(ledger_import.get_kind_display(), error)


def current_import(association: Association, year: int) -> LedgerImport | None:
    """The year's imported ledger, without the parsed file (the whole ledger as JSON, read
    only when an upload is previewed or confirmed, never for the imported one)."""
    return (
        LedgerImport.objects.filter(
            association=association, year=year, status=ImportStatus.IMPORTED
        )
        .defer("parsed")
        .first()
    )


def imports_for(association: Association) -> list[LedgerImport]:
    return list(
        LedgerImport.objects.filter(association=association).select_related(
            "uploaded_by", "imported_by"
        )
    )


# Mapping accounts to lines


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class LineFinder:
    """Finds a remembered mapping's line in one budget: by name and group, else by name."""

    def __init__(self, lines: list[BudgetLine]):
        self.lines = lines
        self.by_id = {line.pk: line for line in lines}
        self.by_name_group = {(_key(line.name), line.group): line for line in lines}
        by_name: dict[str, list[BudgetLine]] = {}
        for line in lines:
            by_name.setdefault(_key(line.name), []).append(line)
        self.by_name = {name: found[0] for name, found in by_name.items() if len(found) == 1}

    def line_for(self, mapping: AccountMapping | None) -> BudgetLine | None:
        if mapping is None or mapping.treatment != Treatment.LINE:
            return None
        key = _key(mapping.line_name)
        return self.by_name_group.get((key, mapping.line_group)) or self.by_name.get(key)


def mappings_for(association: Association) -> dict[int, AccountMapping]:
    return {m.account: m for m in AccountMapping.objects.filter(association=association)}


@dataclass
class AccountRow:
    account: int
    name: str
    total: Decimal  # debit positive, credit negative
    count: int
    mapping: AccountMapping | None
    line: BudgetLine | None

    @property
    def choice(self) -> str:
        if self.mapping is None:
            return ""
        if self.mapping.treatment == Treatment.LINE:
            return f"line:{self.line.pk}" if self.line else ""
        return self.mapping.treatment

    @property
    def mapped(self) -> bool:
        return bool(self.choice)

    @property
    def missing_line(self) -> str:
        """The remembered line's name when this year's budget has no such line."""
        if self.mapping and self.mapping.treatment == Treatment.LINE and self.line is None:
            return self.mapping.line_name
        return ""

    @property
    def field_name(self) -> str:
        return f"konto_{self.account}"


@dataclass
class Replacement:
    """What importing the file does to the year's current import: how many transactions
    it has against the file's, month by month."""

    previous: LedgerImport
    before: dict[int, int]  # month -> transactions in the current import
    after: dict[int, int]  # month -> transactions in the new file

    @property
    def shrinking(self) -> list[tuple[int, int, int]]:
        """(month, before, after) for each month that loses transactions."""
        return [
            (month, count, self.after.get(month, 0))
            for month, count in sorted(self.before.items())
            if self.after.get(month, 0) < count
        ]

    @property
    def removed(self) -> int:
        return sum(before - after for _, before, after in self.shrinking)

    @property
    def summary(self) -> str:
        previous = self.previous
        until = f" till och med {format_date(previous.last_date)}" if previous.last_date else ""
        return (
            f"Importen ersätter {previous.filename} med {previous.transaction_count} "
            f"transaktioner{until}; den nya filen har {sum(self.after.values())}."
        )

    @property
    def removal(self) -> str:
        """The months the replacement takes transactions away from, or ""."""
        if not self.shrinking:
            return ""
        months = ", ".join(
            f"{MONTHS[month - 1]} ({before} → {after})" for month, before, after in self.shrinking
        )
        return (
            f"Ersättningen tar bort {self.removed} transaktioner: den nya filen har färre "
            f"transaktioner än den importerade i {months}."
        )


def replacement_for(ledger_import: LedgerImport, ledger: Ledger) -> Replacement | None:
    previous = (
        current_import(ledger_import.association, ledger_import.year)
        if ledger_import.status == ImportStatus.PENDING
        else None
    )
    if previous is None or previous.pk == ledger_import.pk:
        return None
    before = dict(
        LedgerTransaction.objects.filter(ledger_import=previous)
        .order_by()
        .annotate(month=ExtractMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    after: dict[int, int] = {}
    for row in ledger.transactions:
        if row.date.year == ledger_import.year:
            after[row.date.month] = after.get(row.date.month, 0) + 1
    return Replacement(previous, before, after)


@dataclass
class Preview:
    ledger_import: LedgerImport
    ledger: Ledger
    budget: Budget | None
    lines: list[BudgetLine]
    problems: list[Problem]
    accounts: list[AccountRow]
    balance_accounts: int
    other_accounts: list[int]
    more_problems: int = 0
    replacement: Replacement | None = None
    # Warnings that must be confirmed before the import: the file's own doubts, and a
    # replacement that would take transactions or months away from the year.
    doubts: list[Problem] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return self.ledger.warnings

    @property
    def must_confirm(self) -> bool:
        return bool(self.doubts)

    @property
    def unmapped(self) -> list[AccountRow]:
        return [row for row in self.accounts if not row.mapped]

    @property
    def ready(self) -> bool:
        return not self.problems and not self.more_problems and not self.unmapped

    @property
    def first_date(self) -> datetime.date | None:
        return min((t.date for t in self.ledger.transactions), default=None)

    @property
    def last_date(self) -> datetime.date | None:
        return max((t.date for t in self.ledger.transactions), default=None)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def year_problems(ledger: Ledger, association: Association, year: int) -> list[Problem]:
    """What makes a readable file wrong for this förbund and budget year."""
    found: list[Problem] = []
    current = ledger.current_year
    if current is not None and year not in {current[0].year, current[1].year}:
        found.append(
            Problem(
                ledger.year_lines.get(0),
                f"filen gäller räkenskapsåret {current[0]:%Y-%m-%d}–{current[1]:%Y-%m-%d} "
                f"(#RAR 0), inte budgetåret {year}.",
            )
        )
    ours, theirs = _digits(association.organisation_number), _digits(ledger.organisation_number)
    if ours and theirs and ours[-10:] != theirs[-10:]:
        found.append(
            Problem(
                None,
                f"Filen gäller organisationsnummer {ledger.organisation_number} (#ORGNR), "
                f"men {association.name} har {association.organisation_number}.",
            )
        )
    outside = [t for t in ledger.transactions if t.date.year != year]
    for row in outside[:MAX_ROW_PROBLEMS]:
        found.append(
            Problem(row.line, f"transaktionen är daterad {row.date:%Y-%m-%d}, utanför {year}.")
        )
    if len(outside) > MAX_ROW_PROBLEMS:
        found.append(
            Problem(
                None, f"Ytterligare {len(outside) - MAX_ROW_PROBLEMS} rader ligger utanför {year}."
            )
        )
    return found


def preview(ledger_import: LedgerImport, ledger: Ledger | None = None) -> Preview:
    """The import as the user must see it before it counts: the file's problems, and each
    result account with transactions, its sum and what it maps to in the year's budget."""
    association = ledger_import.association
    ledger = ledger if ledger is not None else read_import(ledger_import)
    budget = budget_for(association, ledger_import.year)
    lines = budget_lines(budget) if budget else []
    problems = list(ledger.problems)
    if budget is None:
        problems.append(Problem(None, f"Det finns ingen budget för {ledger_import.year}."))
    if not ledger.problems:
        problems.extend(year_problems(ledger, association, ledger_import.year))
    totals: dict[int, Decimal] = {}
    counts: dict[int, int] = {}
    for row in ledger.transactions:
        totals[row.account] = totals.get(row.account, Decimal(0)) + row.amount
        counts[row.account] = counts.get(row.account, 0) + 1
    mappings = mappings_for(association)
    finder = LineFinder(lines)
    accounts = []
    for account in sorted(a for a in totals if is_result_account(a)):
        mapping = mappings.get(account)
        name = ledger.accounts.get(account) or (mapping.account_name if mapping else "")
        accounts.append(
            AccountRow(
                account, name, totals[account], counts[account], mapping, finder.line_for(mapping)
            )
        )
    replacement = replacement_for(ledger_import, ledger)
    doubts = list(ledger.doubts)
    if replacement is not None and not problems:
        doubts += _replacement_doubts(replacement, ledger)
    return Preview(
        replacement=replacement,
        doubts=doubts,
        ledger_import=ledger_import,
        ledger=ledger,
        budget=budget,
        lines=lines,
        problems=problems,
        accounts=accounts,
        balance_accounts=len([a for a in totals if a in BALANCE_ACCOUNTS]),
        other_accounts=sorted(
            a for a in totals if a not in BALANCE_ACCOUNTS and not is_result_account(a)
        ),
        more_problems=ledger.more_problems,
    )


def _replacement_doubts(replacement: Replacement, ledger: Ledger) -> list[Problem]:
    found = []
    previous_last = replacement.previous.last_date
    last = max((t.date for t in ledger.transactions), default=None)
    if previous_last and last and last < previous_last:
        found.append(
            Problem(
                None,
                f"Den nya filen slutar {format_date(last)}, men bokföringen som är importerad "
                f"för {replacement.previous.year} går till {format_date(previous_last)}: "
                "perioden blir kortare. Är filen hel?",
            )
        )
    if replacement.removal:
        found.append(Problem(None, replacement.removal))
    return found


# The follow-up


@dataclass
class Figures:
    budget: int = 0
    outcome: Decimal = Decimal(0)
    forecast: int = 0

    @property
    def deviation(self) -> int:
        return self.forecast - self.budget

    @property
    def deviation_signed(self) -> str:
        return signed(self.deviation)

    # The amounts as the page shows them, so that a row of the page is plain lookups.
    @property
    def budget_text(self) -> str:
        return format_kronor(self.budget)

    @property
    def outcome_text(self) -> str:
        return format_kronor(self.outcome)

    @property
    def forecast_text(self) -> str:
        return format_kronor(self.forecast)

    @property
    def deviation_marker(self) -> str:
        """An arrow as well as the sign, read out as words by the template."""
        return "▲" if self.deviation > 0 else "▼" if self.deviation < 0 else "="

    def add(self, other: "Figures", sign: int = 1) -> None:
        self.budget += sign * other.budget
        self.outcome += sign * other.outcome
        self.forecast += sign * other.forecast


@dataclass
class LineFollowup:
    line: BudgetLine
    figures: Figures
    forecast: Forecast | None
    accounts: list[int] = field(default_factory=list)
    ledger_outcome: Decimal = Decimal(0)
    paid_out: int = 0  # insats payments recorded in Samordna
    forecast_url: str = ""  # where the user sets the line's forecast, when they may

    @property
    def deviation(self) -> int:
        return self.figures.deviation

    @property
    def deviation_words(self) -> str:
        return deviation_text(self.figures.deviation, is_income=self.line.is_income)

    @property
    def used_percent(self) -> int | None:
        if not self.figures.budget:
            return None
        return round(self.figures.outcome * 100 / self.figures.budget)


@dataclass
class GroupFollowup:
    key: str
    label: str
    is_income: bool
    lines: list[LineFollowup]
    figures: Figures

    @property
    def deviation_words(self) -> str:
        return deviation_text(self.figures.deviation, is_income=self.is_income)


@dataclass
class NotCounted:
    account: int
    name: str
    treatment: str
    total: Decimal


@dataclass
class FollowUp:
    association: Association
    budget: Budget
    date: datetime.date
    ledger_import: LedgerImport | None
    groups: list[GroupFollowup]
    income: Figures
    costs: Figures
    result: Figures
    not_counted: list[NotCounted]
    unmapped_accounts: list[int]
    payments_total: int

    @property
    def result_words(self) -> str:
        deviation = self.result.deviation
        if deviation == 0:
            return "enligt budget"
        return "bättre resultat än budget" if deviation > 0 else "sämre resultat än budget"

    @property
    def income_words(self) -> str:
        return deviation_text(self.income.deviation, is_income=True)

    @property
    def costs_words(self) -> str:
        return deviation_text(self.costs.deviation, is_income=False)

    @property
    def lines(self) -> list[LineFollowup]:
        return [row for group in self.groups for row in group.lines]

    @property
    def demo(self) -> bool:
        return bool(self.ledger_import and self.ledger_import.demo)


def followup_dates(budget: Budget, today: datetime.date) -> datetime.date:
    """The default date: today within the budget year, else the year's end (or start)."""
    if today.year == budget.year:
        return today
    return (
        datetime.date(budget.year, 12, 31)
        if today.year > budget.year
        else datetime.date(budget.year, 1, 1)
    )


def followup(association: Association, budget: Budget, date: datetime.date) -> FollowUp:
    """Budget, outcome up to `date`, forecast made on or before it and the deviation per
    line, group and result. A fixed number of queries, whatever the data: the lines, the
    current import, the account sums, the mappings, the payments and the forecasts."""
    # The lines alone: the follow-up shows no line's member or insats, only its name.
    lines = list(BudgetLine.objects.filter(budget=budget).order_by("position", "pk"))
    ledger_import = current_import(association, budget.year)
    sums = {
        row["account"]: row["total"]
        for row in LedgerTransaction.objects.filter(
            ledger_import__association=association,
            ledger_import__year=budget.year,
            ledger_import__status=ImportStatus.IMPORTED,
            date__lte=date,
        )
        .values("account")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    mappings = mappings_for(association)
    paid = {
        row["intervention"]: row["total"]
        for row in paid_for_year(budget.year, until=date)
        .filter(association=association)
        .values(intervention=F("grant__decision__application__intervention"))
        .annotate(total=Sum("amount"))
        .order_by()
    }
    forecasts = latest_forecasts(budget, as_of=date)

    finder = LineFinder(lines)
    per_line: dict[int, list[int]] = {}
    not_counted: list[NotCounted] = []
    unmapped: list[int] = []
    for account, total in sorted(sums.items()):
        if not is_result_account(account):
            continue
        mapping = mappings.get(account)
        line = finder.line_for(mapping)
        if line is not None:
            per_line.setdefault(line.pk, []).append(account)
        elif mapping is not None and mapping.treatment != Treatment.LINE:
            not_counted.append(
                NotCounted(account, mapping.account_name, mapping.get_treatment_display(), total)
            )
        else:
            unmapped.append(account)

    rows: dict[str, list[LineFollowup]] = {}
    for line in lines:
        accounts = per_line.get(line.pk, [])
        ledger_total = sum((sums[a] for a in accounts), Decimal(0))
        ledger_outcome = -ledger_total if line.is_income else ledger_total
        paid_out = paid.get(line.intervention_id, 0) if line.intervention_id else 0
        forecast = forecasts.get(line.pk)
        figures = Figures(
            budget=line.amount,
            outcome=ledger_outcome + paid_out,
            forecast=forecast.amount if forecast else line.amount,
        )
        rows.setdefault(line.group, []).append(
            LineFollowup(line, figures, forecast, accounts, ledger_outcome, paid_out)
        )

    groups: list[GroupFollowup] = []
    income, costs = Figures(), Figures()
    for key, label in LineGroup.choices:
        if key not in rows:
            continue
        group_is_income = key == LineGroup.INCOME
        total = Figures()
        for row in rows[key]:
            total.add(row.figures, 1 if row.line.is_income == group_is_income else -1)
            (income if row.line.is_income else costs).add(row.figures)
        groups.append(GroupFollowup(key, label, group_is_income, rows[key], total))
    result = Figures()
    result.add(income)
    result.add(costs, -1)
    return FollowUp(
        association=association,
        budget=budget,
        date=date,
        ledger_import=ledger_import,
        groups=groups,
        income=income,
        costs=costs,
        result=result,
        not_counted=not_counted,
        unmapped_accounts=unmapped,
        payments_total=sum(paid.values()),
    )


def deviation_text(amount: int, *, is_income: bool) -> str:
    """The deviation in words, so that no reader needs colour to tell more from less."""
    if amount == 0:
        return "enligt budget"
    if is_income:
        return "mer intäkter än budget" if amount > 0 else "mindre intäkter än budget"
    return "högre kostnad än budget" if amount > 0 else "lägre kostnad än budget"


def signed(amount: int | Decimal) -> str:
    """+120 000 kr / −5 000 kr / 0 kr, for deviations."""
    text = format_kronor(amount)
    return f"+{text}" if amount > 0 else text
