"""The årsredovisning's statements from the imported ledger, as förbund apply the law on
municipal accounting (LKBR, 2018:597): resultaträkning, balansräkning and kassaflödesanalys,
each with the previous year beside, and the notes that list each line's accounts.

The year's figures are the imported verifications (result accounts) and the file's stated
balances (`ledger.LedgerBalance`: #IB 0, #UB 0); the previous year's are the same file's
#RES −1, #IB −1 and #UB −1. Balance accounts go to balance-sheet lines by the förbund's
remembered mapping (`BalanceMapping`), else by the BAS class of the number.

A ledger that does not balance is refused with the accounts named: opening balances that do
not add up to zero, a stated closing balance other than the opening plus the year's
verifications, last year's closing balance other than this year's opening, an equity
account booked during the year (the result would not equal the change in equity), or cash
that the cash flow does not explain. Five queries whatever the size of the ledger.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from samordna.associations.models import Association
from samordna.core.text import format_kronor
from samordna.ledger.models import BalanceKind, LedgerBalance, LedgerImport, LedgerTransaction
from samordna.ledger.selectors import current_import
from samordna.reports.models import BalanceLine, BalanceMapping, FigureUnit

ZERO = Decimal(0)
MAX_NAMED = 10
ASSETS = (BalanceLine.FIXED_ASSETS, BalanceLine.RECEIVABLES, BalanceLine.CASH)
LIABILITIES = (BalanceLine.PROVISIONS, BalanceLine.LONG_TERM, BalanceLine.SHORT_TERM)
TABLE_TITLES = {
    "balanskrav": "Balanskravsutredning",
    "resultatrakning": "Resultaträkning",
    "balansrakning": "Balansräkning",
    "kassaflode": "Kassaflödesanalys",
    "noter": "Noter",
}
# Result lines by BAS account ranges: (key, label, first, last).
RESULT_LINES = (
    ("income", "Verksamhetens intäkter", 3000, 3999),
    ("costs", "Verksamhetens kostnader", 4000, 7699),
    ("depreciation", "Avskrivningar", 7700, 7899),
    ("other_costs", "Övriga rörelsekostnader", 7900, 7999),
    ("financial_income", "Finansiella intäkter", 8000, 8399),
    ("financial_costs", "Finansiella kostnader", 8400, 8899),
    ("appropriations", "Bokslutsdispositioner och skatt", 8900, 8999),
)


class Refused(Exception):
    """The ledger cannot make an årsredovisning; the message names the accounts."""


def default_line(account: int) -> str:
    """The balance-sheet line of a BAS balance account by its number."""
    group = account // 100
    if group < 14:
        return BalanceLine.FIXED_ASSETS
    if group < 19:
        return BalanceLine.RECEIVABLES
    if group < 20:
        return BalanceLine.CASH
    if group < 21:
        return BalanceLine.EQUITY
    if group < 23:
        return BalanceLine.PROVISIONS
    if group < 24:
        return BalanceLine.LONG_TERM
    return BalanceLine.SHORT_TERM


def result_line(account: int) -> str:
    for key, _label, first, last in RESULT_LINES:
        if first <= account <= last:
            return key
    return "costs"


def _named(accounts: dict[int, Decimal] | list[int], names: dict[int, str]) -> str:
    listed = sorted(accounts)
    text = ", ".join(f"{a} {names.get(a, '')}".strip() for a in listed[:MAX_NAMED])
    if len(listed) > MAX_NAMED:
        text += f" och {len(listed) - MAX_NAMED} konton till"
    return text


@dataclass
class Row:
    key: str
    label: str
    values: list[tuple[str, Decimal | str]] = field(default_factory=list)
    unit: str = FigureUnit.KRONOR


@dataclass
class Statements:
    year: int
    ledger_import: LedgerImport
    names: dict[int, str]
    result: dict[int, Decimal]  # the year's result accounts (debit positive)
    result_before: dict[int, Decimal] | None
    closing: dict[int, Decimal]  # the year's balance accounts at the end
    closing_before: dict[int, Decimal] | None
    opening: dict[int, Decimal]
    opening_before: dict[int, Decimal] | None
    lines: dict[int, str]  # balance account -> BalanceLine
    income_statement: list[Row] = field(default_factory=list)
    balance_sheet: list[Row] = field(default_factory=list)
    cash_flow: list[Row] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    balance_requirement: list[Row] = field(default_factory=list)

    @property
    def columns(self) -> tuple[str, str]:
        return str(self.year), str(self.year - 1)

    def tables(self) -> dict[str, list[Row]]:
        return {
            "balanskrav": self.balance_requirement,
            "resultatrakning": self.income_statement,
            "balansrakning": self.balance_sheet,
            "kassaflode": self.cash_flow,
            "noter": self.notes,
        }

    def row(self, table: str, key: str) -> Row:
        return next(r for r in self.tables()[table] if r.key == key)

    def value(self, table: str, key: str, column: int = 0) -> Decimal:
        found = self.row(table, key).values[column][1]
        assert isinstance(found, Decimal)
        return found


def _line_sum(balances: dict[int, Decimal], lines: dict[int, str], line: str) -> Decimal:
    return sum((v for a, v in balances.items() if lines[a] == line), ZERO)


def _year_result(result: dict[int, Decimal]) -> Decimal:
    return -sum(result.values(), ZERO)


def _result_rows(result: dict[int, Decimal]) -> dict[str, Decimal]:
    rows = {key: ZERO for key, *_ in RESULT_LINES}
    for account, amount in result.items():
        rows[result_line(account)] -= amount
    return rows


def build(association: Association, year: int) -> Statements:
    """The statements of `year`; raises Refused (Swedish, naming the accounts)."""
    ledger_import = current_import(association, year)
    if ledger_import is None:
        raise Refused(f"Det finns ingen importerad bokföring för {year}.")
    stated: dict[tuple[int, str], dict[int, Decimal]] = {}
    for balance in LedgerBalance.objects.filter(ledger_import=ledger_import):
        stated.setdefault((balance.year_index, balance.kind), {})[balance.account] = balance.amount
    movements = {
        row["account"]: row["total"]
        for row in LedgerTransaction.objects.filter(ledger_import=ledger_import)
        .values("account")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    names = {
        int(k): v
        for k, v in (
            LedgerImport.objects.filter(pk=ledger_import.pk)
            .values_list("parsed__accounts", flat=True)
            .first()
            or {}
        ).items()
    }
    remembered = dict(
        BalanceMapping.objects.filter(association=association).values_list("account", "line")
    )

    opening = stated.get((0, BalanceKind.OPENING), {})
    balance_moves = {a: v for a, v in movements.items() if a < 3000}
    result = {a: v for a, v in movements.items() if a >= 3000}
    if balance_moves and not opening:
        raise Refused(
            "Bokföringen saknar ingående balanser (#IB 0): exportera SIE-filen med "
            "balanserna för att göra en balansräkning."
        )
    if sum(opening.values(), ZERO) != 0:
        raise Refused(
            "De ingående balanserna går inte jämnt ut (differens "
            f"{format_kronor(sum(opening.values(), ZERO))}); kontrollera kontona "
            f"{_named(opening, names)}."
        )
    closing = dict(opening)
    for account, amount in balance_moves.items():
        closing[account] = closing.get(account, ZERO) + amount
    stated_closing = stated.get((0, BalanceKind.CLOSING), {})
    differing = [a for a, v in stated_closing.items() if a < 3000 and closing.get(a, ZERO) != v]
    if differing:
        raise Refused(
            "Bokföringen balanserar inte: den utgående balansen (#UB 0) är inte den ingående "
            f"plus årets verifikationer för konto {_named(differing, names)}."
        )
    closing_before = stated.get((-1, BalanceKind.CLOSING))
    if closing_before is not None:
        differing = [
            a
            for a in set(closing_before) | set(opening)
            if closing_before.get(a, ZERO) != opening.get(a, ZERO)
        ]
        if differing:
            raise Refused(
                "Förra årets utgående balans (#UB -1) är inte årets ingående balans (#IB 0) "
                f"för konto {_named(differing, names)}."
            )
    result_before = stated.get((-1, BalanceKind.RESULT))
    opening_before = stated.get((-1, BalanceKind.OPENING))
    accounts = set(closing) | set(closing_before or {}) | set(opening_before or {})
    lines = {a: remembered.get(a) or default_line(a) for a in accounts}
    found = Statements(
        year=year,
        ledger_import=ledger_import,
        names=names,
        result=result,
        result_before=result_before,
        closing=closing,
        closing_before=closing_before,
        opening=opening,
        opening_before=opening_before,
        lines=lines,
    )
    _income_statement(found)
    _balance_sheet(found)
    _cash_flow(found)
    _notes(found)
    _balance_requirement(found)
    return found


def _pair(now: Decimal, before: Decimal | None) -> list[tuple[str, Decimal | str]]:
    return [("Året", now), ("Föregående år", "–" if before is None else before)]


def _income_statement(s: Statements) -> None:
    now = _result_rows(s.result)
    before = _result_rows(s.result_before) if s.result_before is not None else None
    rows = s.income_statement
    for key, label, *_ in RESULT_LINES[:4]:
        if now[key] or (before and before[key]):
            rows.append(Row(key, label, _pair(now[key], before[key] if before else None)))
    operating = [k for k, *_ in RESULT_LINES[:4]]
    rows.append(
        Row(
            "net",
            "Verksamhetens nettokostnader",
            _pair(
                sum((now[k] for k in operating), ZERO),
                sum((before[k] for k in operating), ZERO) if before else None,
            ),
        )
    )
    for key, label, *_ in RESULT_LINES[4:]:
        if now[key] or (before and before[key]):
            rows.append(Row(key, label, _pair(now[key], before[key] if before else None)))
    rows.append(
        Row(
            "result",
            "Årets resultat",
            _pair(
                _year_result(s.result),
                _year_result(s.result_before) if s.result_before is not None else None,
            ),
        )
    )


def _equity_end(
    s: Statements, closing: dict[int, Decimal], result: Decimal | None, what: str
) -> Decimal:
    """Equity at the year's end: the equity accounts and the year's result, unless the
    closing balances already hold it (a closed year)."""
    booked = -_line_sum(closing, s.lines, BalanceLine.EQUITY)
    unclosed = sum(closing.values(), ZERO)
    if unclosed == 0:
        return booked
    if result is not None and unclosed == result:
        return booked + result
    raise Refused(
        f"{what} balanserar inte: tillgångarna är inte eget kapital och skulder "
        f"(differens {format_kronor(unclosed - (result or ZERO))}); kontrollera kontona "
        f"{_named(closing, s.names)}."
    )


def _balance_sheet(s: Statements) -> None:
    result_now = _year_result(s.result)
    result_before = _year_result(s.result_before) if s.result_before is not None else None
    equity_now = _equity_end(s, s.closing, result_now, "Balansräkningen")
    equity_before = (
        _equity_end(s, s.closing_before, result_before, "Förra årets balansräkning")
        if s.closing_before is not None
        else None
    )

    def line(closing: dict[int, Decimal] | None, key: str, sign: int) -> Decimal | None:
        return None if closing is None else sign * _line_sum(closing, s.lines, key)

    rows = s.balance_sheet
    labels = dict(BalanceLine.choices)
    for key in ASSETS:
        rows.append(
            Row(
                key,
                labels[key],
                _pair(line(s.closing, key, 1) or ZERO, line(s.closing_before, key, 1)),
            )
        )
    assets_now = sum((line(s.closing, k, 1) or ZERO for k in ASSETS), ZERO)
    assets_before = (
        sum((line(s.closing_before, k, 1) or ZERO for k in ASSETS), ZERO)
        if s.closing_before is not None
        else None
    )
    rows.append(Row("assets", "Summa tillgångar", _pair(assets_now, assets_before)))
    rows.append(Row("equity", "Eget kapital", _pair(equity_now, equity_before)))
    rows.append(Row("equity_result", "därav årets resultat", _pair(result_now, result_before)))
    for key in LIABILITIES:
        rows.append(
            Row(
                key,
                labels[key],
                _pair(line(s.closing, key, -1) or ZERO, line(s.closing_before, key, -1)),
            )
        )
    total_now = equity_now + sum((line(s.closing, k, -1) or ZERO for k in LIABILITIES), ZERO)
    total_before = (
        equity_before + sum((line(s.closing_before, k, -1) or ZERO for k in LIABILITIES), ZERO)
        if equity_before is not None and s.closing_before is not None
        else None
    )
    rows.append(
        Row(
            "equity_and_liabilities",
            "Summa eget kapital, avsättningar och skulder",
            _pair(total_now, total_before),
        )
    )
    if assets_now != total_now:
        raise Refused(
            "Balansräkningen balanserar inte: tillgångarna "
            f"{format_kronor(assets_now)}, eget kapital och skulder {format_kronor(total_now)}; "
            f"kontrollera kontona {_named(s.closing, s.names)}."
        )
    equity_start = -_line_sum(s.opening, s.lines, BalanceLine.EQUITY)
    if equity_now - equity_start != result_now:
        booked = [
            a
            for a in s.closing
            if s.lines[a] == BalanceLine.EQUITY and s.closing[a] != s.opening.get(a, ZERO)
        ]
        raise Refused(
            "Årets resultat är inte förändringen av det egna kapitalet: det egna kapitalet har "
            f"bokförts direkt under året på konto {_named(booked, s.names)}."
        )


def _flows(
    s: Statements,
    opening: dict[int, Decimal],
    closing: dict[int, Decimal],
    result: dict[int, Decimal],
) -> dict[str, Decimal]:
    def change(key: str) -> Decimal:
        return _line_sum(closing, s.lines, key) - _line_sum(opening, s.lines, key)

    depreciation = sum((v for a, v in result.items() if result_line(a) == "depreciation"), ZERO)
    operating = (
        _year_result(result)
        + depreciation
        - change(BalanceLine.RECEIVABLES)
        - change(BalanceLine.PROVISIONS)
        - change(BalanceLine.SHORT_TERM)
    )
    investing = -(change(BalanceLine.FIXED_ASSETS) + depreciation)
    financing = -change(BalanceLine.LONG_TERM)
    start = _line_sum(opening, s.lines, BalanceLine.CASH)
    end = _line_sum(closing, s.lines, BalanceLine.CASH)
    return {
        "result": _year_result(result),
        "depreciation": depreciation,
        "receivables": -change(BalanceLine.RECEIVABLES),
        "liabilities": -change(BalanceLine.SHORT_TERM) - change(BalanceLine.PROVISIONS),
        "operating": operating,
        "investing": investing,
        "financing": financing,
        "flow": operating + investing + financing,
        "start": start,
        "end": end,
    }


CASH_FLOW_ROWS = (
    ("result", "Årets resultat"),
    ("depreciation", "Justering för avskrivningar"),
    ("receivables", "Minskning (+) / ökning (−) av kortfristiga fordringar"),
    ("liabilities", "Ökning (+) / minskning (−) av kortfristiga skulder och avsättningar"),
    ("operating", "Kassaflöde från den löpande verksamheten"),
    ("investing", "Kassaflöde från investeringsverksamheten"),
    ("financing", "Kassaflöde från finansieringsverksamheten"),
    ("flow", "Årets kassaflöde"),
    ("start", "Likvida medel vid årets början"),
    ("end", "Likvida medel vid årets slut"),
)


def _cash_flow(s: Statements) -> None:
    now = _flows(s, s.opening, s.closing, s.result)
    before = (
        _flows(s, s.opening_before, s.closing_before, s.result_before)
        if s.opening_before is not None
        and s.closing_before is not None
        and s.result_before is not None
        else None
    )
    for figures, what in ((now, "året"), (before, "föregående år")):
        if figures is not None and figures["start"] + figures["flow"] != figures["end"]:
            cash = [a for a in s.closing if s.lines[a] == BalanceLine.CASH]
            raise Refused(
                f"Kassaflödet för {what} förklarar inte likvida medel "
                f"({format_kronor(figures['start'])} + {format_kronor(figures['flow'])} ≠ "
                f"{format_kronor(figures['end'])}); kontrollera kontona {_named(cash, s.names)}."
            )
    for key, label in CASH_FLOW_ROWS:
        s.cash_flow.append(Row(key, label, _pair(now[key], before[key] if before else None)))


def _notes(s: Statements) -> None:
    """Each result and balance line's accounts, numbered as the notes of the statements."""
    number = 0
    for key, label, *_ in RESULT_LINES:
        accounts = sorted(
            a for a in set(s.result) | set(s.result_before or {}) if result_line(a) == key
        )
        if not accounts:
            continue
        number += 1
        for account in accounts:
            before = (s.result_before or {}).get(account, ZERO)
            s.notes.append(
                Row(
                    f"{key}-{account}",
                    f"Not {number} {label}: {account} {s.names.get(account, '')}".strip(),
                    _pair(
                        -s.result.get(account, ZERO),
                        -before if s.result_before is not None else None,
                    ),
                )
            )
    balance_labels = dict(BalanceLine.choices)
    for key, label in balance_labels.items():
        accounts = sorted(a for a in s.lines if s.lines[a] == key)
        if not accounts:
            continue
        number += 1
        sign = 1 if key in ASSETS else -1
        for account in accounts:
            s.notes.append(
                Row(
                    f"{key}-{account}",
                    f"Not {number} {label}: {account} {s.names.get(account, '')}".strip(),
                    _pair(
                        sign * s.closing.get(account, ZERO),
                        sign * s.closing_before.get(account, ZERO)
                        if s.closing_before is not None
                        else None,
                    ),
                )
            )


# Balanskravsutredning. A samordningsförbund keeps its books under LKBR and kommunallagen's
# rules on the economy as a kommun does (lagen (2003:1210) om finansiell samordning av
# rehabiliteringsinsatser), so its förvaltningsberättelse holds the balanskravsutredning of
# LKBR (2018:597) 11 kap.: the balanskravsresultat of 11 kap. 10 § is årets resultat less
# every realisationsvinst, adjusted for unrealised gains and losses on securities (valued at
# fair value, LKBR 7 kap.), less what is reserved to and plus what is taken from a
# resultatutjämningsreserv (kommunallagen (2017:725) 11 kap. 14 §). A negative
# balanskravsresultat is to be restored during the three following years (kommunallagen
# 11 kap. 12 §, the decision at the latest in the third year's budget).
# The accounts are BAS's: realisationsvinster are the gains booked on 3970–3979 (vinst vid
# avyttring av anläggningstillgångar) and on 8220–8229 and 8350–8359 (resultat vid
# försäljning av värdepapper, long and short holdings), account by account, since a loss
# stays in the result (only an exception in law takes it out); unrealised changes in value
# are 8290–8299 (värdering till verkligt värde). A förbund has no resultatutjämningsreserv
# (11 kap. 14 § gives it to kommuner and regioner), so those two rows are zero and say so.
REALISATION_ACCOUNTS = ((3970, 3979), (8220, 8229), (8350, 8359))
UNREALISED_ACCOUNTS = ((8290, 8299),)
RESTORE_YEARS = 3


def _in(account: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(first <= account <= last for first, last in ranges)


def _requirement(result: dict[int, Decimal]) -> dict[str, Decimal]:
    """The balanskravsutredning of one year's result accounts (debit positive)."""
    year_result = _year_result(result)
    # A gain is a credit (negative) balance; each account's gain, never its loss.
    gains = sum((-v for a, v in result.items() if _in(a, REALISATION_ACCOUNTS) and v < 0), ZERO)
    unrealised = sum((-v for a, v in result.items() if _in(a, UNREALISED_ACCOUNTS)), ZERO)
    adjusted = year_result - gains - unrealised
    to_reserve = from_reserve = ZERO  # no resultatutjämningsreserv (see above)
    outcome = adjusted - to_reserve + from_reserve
    return {
        "result": year_result,
        "realisation_gains": -gains,
        "unrealised": -unrealised,
        "adjusted": adjusted,
        "to_reserve": -to_reserve,
        "from_reserve": from_reserve,
        "requirement_result": outcome,
        "to_restore": -outcome if outcome < 0 else ZERO,
    }


REQUIREMENT_ROWS = (
    ("result", "Årets resultat enligt resultaträkningen"),
    ("realisation_gains", "Avgår: samtliga realisationsvinster"),
    ("unrealised", "Justering för orealiserade vinster och förluster i värdepapper"),
    ("adjusted", "Årets resultat efter balanskravsjusteringar"),
    ("to_reserve", "Reservering till resultatutjämningsreserv (förbundet har ingen)"),
    ("from_reserve", "Ianspråktagande av resultatutjämningsreserv (förbundet har ingen)"),
    ("requirement_result", "Balanskravsresultat"),
    ("to_restore", "Negativt balanskravsresultat att återställa inom tre år"),
)


def _verdict(year: int, figures: dict[str, Decimal]) -> str:
    if figures["requirement_result"] >= 0:
        return "uppfyllt"
    return (
        f"inte uppfyllt: {format_kronor(figures['to_restore'])} ska återställas "
        f"senast {year + RESTORE_YEARS}"
    )


def _balance_requirement(s: Statements) -> None:
    now = _requirement(s.result)
    before = _requirement(s.result_before) if s.result_before is not None else None
    rows = s.balance_requirement
    for key, label in REQUIREMENT_ROWS:
        rows.append(Row(key, label, _pair(now[key], before[key] if before else None)))
    rows.append(
        Row(
            "verdict",
            "Balanskravet",
            [
                ("Året", _verdict(s.year, now)),
                ("Föregående år", "–" if before is None else _verdict(s.year - 1, before)),
            ],
            unit=FigureUnit.TEXT,
        )
    )
    if before is not None and before["to_restore"]:
        # Last year's deficit is restored by this year's surplus, as far as it goes.
        left = max(before["to_restore"] - max(now["requirement_result"], ZERO), ZERO)
        rows.append(
            Row(
                "restore_before",
                f"Kvar att återställa av {s.year - 1} års underskott "
                f"(senast {s.year - 1 + RESTORE_YEARS})",
                _pair(left, None),
            )
        )
