import datetime
from decimal import Decimal

from django.test import SimpleTestCase

from samordna.core.text import format_date, format_kronor, format_percent, swedish_sorted


class SwedishFormattingTests(SimpleTestCase):
    def test_amounts_have_space_grouping_and_kr(self):
        self.assertEqual(format_kronor(1873000), "1\u00a0873\u00a0000\u00a0kr")
        self.assertEqual(format_kronor(0), "0\u00a0kr")
        self.assertEqual(format_kronor(-466000), "−466\u00a0000\u00a0kr")

    def test_decimal_amounts_round_half_up_to_whole_kronor(self):
        self.assertEqual(format_kronor(Decimal("680.76")), "681\u00a0kr")
        self.assertEqual(format_kronor(Decimal("0.5")), "1\u00a0kr")

    def test_dates_read_as_in_swedish_documents(self):
        self.assertEqual(format_date(datetime.date(2023, 11, 24)), "24 november 2023")

    def test_percent_uses_decimal_comma(self):
        self.assertEqual(format_percent(Decimal("12.50")), "12,5\u00a0%")
        self.assertEqual(format_percent(Decimal("50.00")), "50\u00a0%")


class SwedishSortingTests(SimpleTestCase):
    def test_a_ring_a_umlaut_o_umlaut_come_after_z_in_that_order(self):
        names = ["Öberg", "Ängel", "Zetterlund", "Åberg", "Andersson", "edén", "Eriksson"]
        self.assertEqual(
            swedish_sorted(names),
            ["Andersson", "edén", "Eriksson", "Zetterlund", "Åberg", "Ängel", "Öberg"],
        )
