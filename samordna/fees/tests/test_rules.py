"""The fee rule on its own: short and long meetings, the 4-hour boundary, rounding half up
to whole kronor and the grundbelopp in force on a date."""

import datetime
from decimal import Decimal

from django.test import SimpleTestCase

from samordna.associations.models import Association, FeeBaseAmount
from samordna.fees import rules
from samordna.fees.selectors import base_amount_on

T = datetime.time
SUNDSVALL = rules.FeeRule(Decimal("1"), Decimal("2"), Decimal("4"))


class FeeRuleTests(SimpleTestCase):
    def fee(self, starts: datetime.time, ends: datetime.time, base: int = 68_076) -> int:
        hours = rules.meeting_hours(starts, ends)
        return rules.fee_for(rule=SUNDSVALL, base_amount=base, hours=hours).amount

    def test_a_meeting_up_to_four_hours_gives_one_percent(self):
        self.assertEqual(self.fee(T(9), T(12)), 681)  # 680,76 → 681

    def test_exactly_four_hours_is_still_a_short_meeting(self):
        self.assertEqual(rules.meeting_hours(T(9), T(13)), Decimal("4.00"))
        self.assertEqual(self.fee(T(9), T(13)), 681)

    def test_a_minute_over_four_hours_gives_two_percent(self):
        self.assertEqual(self.fee(T(9), T(13, 1)), 1362)  # 1 361,52 → 1 362

    def test_a_whole_day_gives_two_percent(self):
        self.assertEqual(self.fee(T(9), T(16)), 1362)

    def test_rounding_is_half_up_to_whole_kronor(self):
        self.assertEqual(self.fee(T(9), T(12), base=68_050), 681)  # 680,50 (not 680)
        self.assertEqual(self.fee(T(9), T(12), base=68_049), 680)  # 680,49
        self.assertEqual(self.fee(T(9), T(12), base=68_150), 682)  # 681,50 (not banker's)
        fee = rules.fee_for(rule=SUNDSVALL, base_amount=68_076, hours=Decimal(3))
        self.assertEqual(fee.exact, Decimal("680.76"))

    def test_meeting_length_to_the_minute(self):
        self.assertEqual(rules.meeting_hours(T(9), T(12, 20)), Decimal("3.33"))
        self.assertEqual(rules.meeting_hours(T(13, 30), T(15)), Decimal("1.50"))

    def test_a_rule_needs_all_three_parts(self):
        association = Association(
            fee_short_meeting_percent=Decimal("1"), fee_long_meeting_percent=Decimal("2")
        )
        self.assertIsNone(rules.rule_for(association))
        association.fee_long_meeting_after_hours = Decimal("4")
        self.assertEqual(rules.rule_for(association), SUNDSVALL)

    def test_the_rule_in_words(self):
        self.assertEqual(
            SUNDSVALL.text,
            "Upp till och med 4 timmar: 1\u00a0% av grundbeloppet; längre sammanträde: 2\u00a0%.",
        )

    def test_explanation_shows_the_exact_amount_and_the_rounding(self):
        fee = rules.fee_for(rule=SUNDSVALL, base_amount=68_076, hours=Decimal("3.00"))
        text = rules.fee_explanation(fee, base_amount=68_076, hours=Decimal("3.00"))
        self.assertEqual(
            text.replace("\u00a0", " "),
            "1 % av 68 076 kr = 680,76 kr, avrundat 681 kr (sammanträdet 3 tim)",
        )


class BaseAmountTests(SimpleTestCase):
    bases = [
        FeeBaseAmount(valid_from=datetime.date(2022, 4, 1), amount=68_076),
        FeeBaseAmount(valid_from=datetime.date(2023, 4, 1), amount=71_000),
    ]

    def test_the_grundbelopp_changes_on_1_april(self):
        on = lambda day: base_amount_on(self.bases, day)  # noqa: E731
        self.assertEqual(on(datetime.date(2023, 3, 31)).amount, 68_076)  # type: ignore[union-attr]
        self.assertEqual(on(datetime.date(2023, 4, 1)).amount, 71_000)  # type: ignore[union-attr]
        self.assertIsNone(on(datetime.date(2022, 3, 31)))


class FormatTests(SimpleTestCase):
    def test_decimals_the_swedish_way(self):
        self.assertEqual(rules.format_decimal(Decimal("2.50")), "2,5")
        self.assertEqual(rules.format_decimal(Decimal("4.0")), "4")
        self.assertEqual(rules.format_decimal(Decimal("100")), "100")
        self.assertEqual(rules.format_decimal(None), "")
