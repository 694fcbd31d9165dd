"""The förbund's rule for sammanträdesarvode, as plain functions.

Sundsvall (2022-11-25 § 127, following Sundsvalls kommun): a meeting up to and including
4 hours gives 1 % of the grundbelopp, a longer one 2 %; the grundbelopp is indexed every
1 April. The meeting's length is taken from its start and end: whoever is present at the
roll call attended the meeting, even if they came late or left early.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from samordna.associations.models import Association
from samordna.core.text import NBSP, format_kronor, format_percent

NO_RULE_MESSAGE = (
    "Förbundet har ingen regel för sammanträdesarvoden. Kansliet lägger in regeln "
    "(procent av grundbeloppet och gränsen för längre sammanträden) i förbundets inställningar."
)


@dataclass(frozen=True)
class FeeRule:
    short_percent: Decimal
    long_percent: Decimal
    long_after_hours: Decimal

    @property
    def text(self) -> str:
        return (
            f"Upp till och med {format_decimal(self.long_after_hours)} timmar: "
            f"{format_percent(self.short_percent)} av grundbeloppet; längre sammanträde: "
            f"{format_percent(self.long_percent)}."
        )


@dataclass(frozen=True)
class Fee:
    percent: Decimal
    exact: Decimal  # before rounding
    amount: int


def rule_for(association: Association) -> FeeRule | None:
    """The förbund's fee rule, or None when it has none (all three parts are needed)."""
    parts = (
        association.fee_short_meeting_percent,
        association.fee_long_meeting_percent,
        association.fee_long_meeting_after_hours,
    )
    if any(part is None for part in parts):
        return None
    short, long, after = parts
    assert short is not None and long is not None and after is not None
    return FeeRule(short, long, after)


def round_kronor(value: Decimal) -> int:
    """Whole kronor, half up: 680,76 → 681, 680,50 → 681, 680,49 → 680."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def meeting_hours(starts_at: datetime.time, ends_at: datetime.time) -> Decimal:
    """The length of a meeting in hours, to the minute (two decimals)."""
    day = datetime.date(2000, 1, 1)
    seconds = (
        datetime.datetime.combine(day, ends_at) - datetime.datetime.combine(day, starts_at)
    ).total_seconds()
    return (Decimal(int(seconds)) / Decimal(3600)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def fee_for(*, rule: FeeRule, base_amount: int, hours: Decimal) -> Fee:
    """Up to and including the limit the short percentage, over it the long one."""
    percent = rule.short_percent if hours <= rule.long_after_hours else rule.long_percent
    exact = Decimal(base_amount) * percent / Decimal(100)
    return Fee(percent=percent, exact=exact, amount=round_kronor(exact))


def format_decimal(value: Decimal | None) -> str:
    """Decimal('2.50') → '2,5'; Decimal('4.0') → '4'."""
    if value is None:
        return ""
    normal = value.normalize()
    if normal == normal.to_integral():
        normal = normal.quantize(Decimal(1))
    return f"{normal:f}".replace(".", ",")


def fee_explanation(fee: Fee, *, base_amount: int, hours: Decimal) -> str:
    exact = f"{fee.exact.quantize(Decimal('0.01')):f}".replace(".", ",")
    return (
        f"{format_percent(fee.percent)} av {format_kronor(base_amount)} = {exact}{NBSP}kr, "
        f"avrundat {format_kronor(fee.amount)} (sammanträdet {format_decimal(hours)}{NBSP}tim)"
    )
