"""The budget's sums: groups, the result budget and the balance budget, in kronor and in
tkr as the förbund's own budget document (Bilaga 16 of 2022-11-25) shows them.

Rounding to tkr is explicit and done once per line: an amount in kronor becomes tkr
rounded half up to whole tkr (193 549 kr → 194), except an exact half tkr, which the
document writes with its decimal (1 844 500 kr → 1 844,5); sums and results in tkr are
the sums of the rounded lines, as in the document (so they can differ by a tkr or two
from the kronor sums rounded).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from samordna.finance.models import (
    BalanceColumn,
    BalanceColumnKind,
    Budget,
    BudgetLine,
    Forecast,
    LineGroup,
)

# The three years of a budget, as BudgetLine fields.
YEAR_FIELDS = ("amount", "plan_next", "plan_after")
COST_GROUPS = [g for g in LineGroup if g != LineGroup.INCOME]
ROUNDING_NOTE = (
    "Belopp i tkr: varje rad avrundas för sig till hela tusental kronor (500 kr och mer "
    "uppåt), utom jämna halva tusental som visas med en decimal (1 844 500 kr = 1 844,5 tkr). "
    "Summor och resultat i tkr är summan av de avrundade raderna, som i förbundets "
    "budgetdokument; de kan därför skilja någon tkr från summan i kronor."
)
HALF = Decimal("0.5")


def tkr(kr: int) -> Decimal:
    """Kronor as tkr the way the budget document writes them (see the module docstring)."""
    exact = Decimal(kr) / 1000
    if (exact / HALF) == (exact / HALF).to_integral_value():
        return exact.normalize() if exact != exact.to_integral_value() else exact.quantize(1)
    return exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def format_tkr(value: Decimal | int | None, *, dash: bool = False) -> str:
    """Decimal('-1844.5') -> '−1 844,5' with no-break spaces; '–' for 0 when `dash`."""
    if value is None:
        return ""
    value = Decimal(value)
    if dash and value == 0:
        return "–"
    sign = "−" if value < 0 else ""
    whole = int(abs(value))
    text = f"{whole:,}".replace(",", "\u00a0")
    fraction = abs(value) - whole
    if fraction:
        text += "," + f"{fraction.normalize():f}".split(".")[1]
    return sign + text


@dataclass
class Figures:
    """The result budget for one column, in kr or tkr."""

    operating_income: Decimal = Decimal(0)
    operating_costs: Decimal = Decimal(0)
    financial_income: Decimal = Decimal(0)
    financial_costs: Decimal = Decimal(0)

    @property
    def net_operating(self) -> Decimal:
        return self.operating_income - self.operating_costs

    @property
    def result(self) -> Decimal:
        return self.net_operating + self.financial_income - self.financial_costs

    @property
    def income(self) -> Decimal:
        return self.operating_income + self.financial_income

    @property
    def costs(self) -> Decimal:
        return self.operating_costs + self.financial_costs

    def add(self, line: BudgetLine, value: Decimal) -> None:
        self.add_amount(line.is_income, line.is_financial, value)

    def add_amount(self, is_income: bool, is_financial: bool, value: Decimal) -> None:
        if is_income and is_financial:
            self.financial_income += value
        elif is_income:
            self.operating_income += value
        elif is_financial:
            self.financial_costs += value
        else:
            self.operating_costs += value


@dataclass
class Row:
    """A line as the document shows it: one budget line, or several merged by
    `summary_name`; kr and tkr per year."""

    name: str
    lines: list[BudgetLine]
    kr: list[int]
    tkr: list[Decimal]


@dataclass
class Group:
    group: str
    label: str
    lines: list[BudgetLine]
    rows: list[Row]
    kr: list[int]
    tkr: list[Decimal]


@dataclass
class BalanceRow:
    label: str
    tkr: list[Decimal]
    kr: list[int]
    total: bool = False
    dash: bool = False


@dataclass
class BudgetSummary:
    budget: Budget
    years: list[int]
    groups: list[Group]
    kr: list[Figures]  # per year of the budget
    tkr: list[Figures]
    previous_kr: Figures | None  # the year before, forecast
    previous_tkr: Figures | None
    balance_columns: list[str]  # headings, four
    balance: list[BalanceRow]
    warnings: list[str] = field(default_factory=list)

    @property
    def income(self) -> Group:
        return self.groups[0]

    @property
    def cost_groups(self) -> list[Group]:
        return self.groups[1:]

    @property
    def result_columns(self) -> list[tuple[str, Figures]]:
        """The result budget in tkr, with the previous year's forecast first if known."""
        columns = []
        if self.previous_tkr is not None:
            columns.append((f"Prognos {self.budget.year - 1}", self.previous_tkr))
        columns.append((f"Budget {self.years[0]}", self.tkr[0]))
        columns.extend((f"Plan {y}", f) for y, f in zip(self.years[1:], self.tkr[1:], strict=True))
        return columns


def line_values(line: BudgetLine) -> list[int]:
    return [getattr(line, name) for name in YEAR_FIELDS]


def _rows(lines: list[BudgetLine]) -> list[Row]:
    rows: list[Row] = []
    merged: dict[str, Row] = {}
    for line in lines:
        values = line_values(line)
        rounded = [tkr(v) for v in values]
        key = line.summary_name.strip()
        if key and key in merged:
            row = merged[key]
            row.lines.append(line)
            row.kr = [a + b for a, b in zip(row.kr, values, strict=True)]
            row.tkr = [a + b for a, b in zip(row.tkr, rounded, strict=True)]
            continue
        row = Row(key or line.name, [line], values, rounded)
        rows.append(row)
        if key:
            merged[key] = row
    return rows


def figures(lines: list[BudgetLine], values: dict[int, int] | None = None) -> Figures:
    """The result budget in kr for the budget year; `values` replaces a line's amount
    (a forecast)."""
    result = Figures()
    for line in lines:
        amount = line.amount if values is None else values.get(line.pk, line.amount)
        result.add(line, Decimal(amount))
    return result


def forecast_values(forecasts: dict[int, Forecast]) -> dict[int, int]:
    return {line_id: f.amount for line_id, f in forecasts.items()}


def previous_figures(
    previous: Budget | None,
    previous_lines: list[BudgetLine],
    previous_forecasts: dict[int, Forecast],
    column: BalanceColumn | None,
) -> tuple[Figures | None, Decimal | None]:
    """The year before: its result budget in kr by forecast (or budget), and its equity at
    the start of the year; from its budget in Samordna, else from the typed column."""
    if previous is not None:
        return (
            figures(previous_lines, forecast_values(previous_forecasts)),
            Decimal(previous.opening_equity),
        )
    if column is None or column.operating_income is None:
        return None, None
    typed = Figures(
        Decimal(column.operating_income or 0),
        Decimal(column.operating_costs or 0),
        Decimal(column.financial_income or 0),
        Decimal(column.financial_costs or 0),
    )
    opening = None if column.opening_equity is None else Decimal(column.opening_equity)
    return typed, opening


def _tkr_figures(figs: Figures) -> Figures:
    return Figures(
        *(
            tkr(int(v))
            for v in (
                figs.operating_income,
                figs.operating_costs,
                figs.financial_income,
                figs.financial_costs,
            )
        )
    )


def summarize(
    budget: Budget,
    lines: list[BudgetLine],
    columns: list[BalanceColumn],
    *,
    previous: Budget | None = None,
    previous_lines: list[BudgetLine] | None = None,
    previous_forecasts: dict[int, Forecast] | None = None,
) -> BudgetSummary:
    """Groups, result budget and balance budget of `budget`, with the warnings."""
    years = [budget.year, budget.year + 1, budget.year + 2]
    groups = []
    for group in LineGroup:
        members = [line for line in lines if line.group == group]
        rows = _rows(members)
        # Income listed among costs (Ränteintäkter under Administration) counts against them.
        signs = [-1 if group != LineGroup.INCOME and row.lines[0].is_income else 1 for row in rows]
        groups.append(
            Group(
                group.value,
                "Intäkter" if group == LineGroup.INCOME else group.label,
                members,
                rows,
                [sum(s * r.kr[i] for s, r in zip(signs, rows, strict=True)) for i in range(3)],
                [
                    sum((s * r.tkr[i] for s, r in zip(signs, rows, strict=True)), Decimal(0))
                    for i in range(3)
                ],
            )
        )
    kr_columns, tkr_columns = [], []
    for name in YEAR_FIELDS:
        in_kr, in_tkr = Figures(), Figures()
        for line in lines:
            in_kr.add(line, Decimal(getattr(line, name)))
            in_tkr.add(line, tkr(getattr(line, name)))
        kr_columns.append(in_kr)
        tkr_columns.append(in_tkr)
    by_kind = {c.column: c for c in columns}
    prev_kr, prev_opening = previous_figures(
        previous, previous_lines or [], previous_forecasts or {}, by_kind.get("previous")
    )
    prev_tkr = _tkr_figures(prev_kr) if prev_kr is not None else None
    summary = BudgetSummary(
        budget=budget,
        years=years,
        groups=groups,
        kr=kr_columns,
        tkr=tkr_columns,
        previous_kr=prev_kr,
        previous_tkr=prev_tkr,
        balance_columns=[
            f"Prognos {budget.year - 1}",
            *(f"Budget {years[0]}",),
            *(f"Plan {y}" for y in years[1:]),
        ],
        balance=[],
    )
    summary.balance = _balance(summary, by_kind, prev_opening)
    summary.warnings = _warnings(summary)
    return summary


def _balance(
    summary: BudgetSummary, by_kind: dict[str, BalanceColumn], prev_opening: Decimal | None
) -> list[BalanceRow]:
    kinds = [k.value for k in BalanceColumnKind]
    cols = [by_kind.get(k) or BalanceColumn(column=k) for k in kinds]
    # Equity: balanserat eget kapital and the year's result per column, kr and tkr.
    prev_result_kr = summary.previous_kr.result if summary.previous_kr else Decimal(0)
    prev_result_tkr = summary.previous_tkr.result if summary.previous_tkr else Decimal(0)
    opening_kr = [prev_opening or Decimal(0), Decimal(summary.budget.opening_equity)]
    opening_tkr = [tkr(int(opening_kr[0])), tkr(summary.budget.opening_equity)]
    result_kr = [prev_result_kr, *(f.result for f in summary.kr)]
    result_tkr = [prev_result_tkr, *(f.result for f in summary.tkr)]
    for i in (2, 3):
        opening_kr.append(opening_kr[i - 1] + result_kr[i - 1])
        opening_tkr.append(opening_tkr[i - 1] + result_tkr[i - 1])

    def row(label: str, kr: list, *, total: bool = False, dash: bool = False) -> BalanceRow:
        kr_ints = [int(v) for v in kr]
        return BalanceRow(label, [tkr(v) for v in kr_ints], kr_ints, total, dash)

    def summed(label: str, parts: list[BalanceRow], *, dash: bool = False) -> BalanceRow:
        return BalanceRow(
            label,
            [sum((p.tkr[i] for p in parts), Decimal(0)) for i in range(4)],
            [sum(p.kr[i] for p in parts) for i in range(4)],
            True,
            dash,
        )

    fixed = row("Anläggningstillgångar", [c.fixed_assets for c in cols], dash=True)
    current = row("Omsättningstillgångar", [c.current_assets for c in cols])
    assets = summed("Summa tillgångar", [fixed, current])
    opening = BalanceRow("Balanserat eget kapital", opening_tkr, [int(v) for v in opening_kr])
    result = BalanceRow("Årets resultat", result_tkr, [int(v) for v in result_kr])
    equity = summed("Summa eget kapital", [opening, result])
    provisions = row("Summa avsättningar", [c.provisions for c in cols], total=True, dash=True)
    long_term = row("Långfristiga skulder", [c.long_term_liabilities for c in cols], dash=True)
    short_term = row("Kortfristiga skulder", [c.short_term_liabilities for c in cols])
    liabilities = summed("Summa skulder", [long_term, short_term])
    whole = summed(
        "Summa eget kapital, avsättningar och skulder", [equity, provisions, liabilities]
    )
    return [
        fixed,
        current,
        assets,
        opening,
        result,
        equity,
        provisions,
        long_term,
        short_term,
        liabilities,
        whole,
    ]


def closing_equity(summary: BudgetSummary) -> Decimal:
    """Equity at the end of the budget year, kr (opening + budgeted result)."""
    return Decimal(summary.budget.opening_equity) + summary.kr[0].result


def _warnings(summary: BudgetSummary) -> list[str]:
    warnings = []
    for year, figs in zip(summary.years, summary.tkr, strict=True):
        if figs.result != 0:
            kind = "överskott" if figs.result > 0 else "underskott"
            warnings.append(
                f"{'Budgeten' if year == summary.years[0] else 'Planen'} för {year} är inte i "
                f"balans: intäkter {format_tkr(figs.income)} tkr, kostnader "
                f"{format_tkr(figs.costs)} tkr, {kind} {format_tkr(abs(figs.result))} tkr."
            )
    balance = {r.label: r for r in summary.balance}
    assets = balance["Summa tillgångar"]
    whole = balance["Summa eget kapital, avsättningar och skulder"]
    if any(assets.kr):
        for heading, a, w in zip(summary.balance_columns, assets.tkr, whole.tkr, strict=True):
            if a != w:
                warnings.append(
                    f"Balansbudgeten går inte ihop för {heading}: summa tillgångar "
                    f"{format_tkr(a)} tkr, summa eget kapital, avsättningar och skulder "
                    f"{format_tkr(w)} tkr."
                )
    return warnings
