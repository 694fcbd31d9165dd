import datetime

from django.test import SimpleTestCase

from samordna.core.holidays import days_off, easter_sunday, next_weekday

D = datetime.date


class HolidayTests(SimpleTestCase):
    def test_easter(self):
        self.assertEqual(
            [easter_sunday(y) for y in (2022, 2023, 2024, 2025, 2026)],
            [D(2022, 4, 17), D(2023, 4, 9), D(2024, 3, 31), D(2025, 4, 20), D(2026, 4, 5)],
        )

    def test_days_off_2023(self):
        off = days_off(2023)
        for day in [
            D(2023, 4, 7),  # långfredagen
            D(2023, 4, 10),  # annandag påsk
            D(2023, 5, 18),  # Kristi himmelsfärdsdag
            D(2023, 6, 23),  # midsommarafton
            D(2023, 11, 4),  # alla helgons dag
            D(2023, 12, 26),
        ]:
            self.assertIn(day, off)
        self.assertNotIn(D(2023, 6, 22), off)

    def test_a_time_limit_runs_on_to_the_next_weekday(self):
        # Sundsvall's anslag of 2022-12-05: three weeks end on annandag jul, a Monday.
        self.assertEqual(next_weekday(D(2022, 12, 26)), D(2022, 12, 27))
        self.assertEqual(next_weekday(D(2023, 12, 30)), D(2024, 1, 2))  # lördag, nyårsafton …
        self.assertEqual(next_weekday(D(2024, 1, 2)), D(2024, 1, 2))
