from django.test import SimpleTestCase
from django.urls import reverse

from samordna.core.links import ROW, row_link


class RowLinkTests(SimpleTestCase):
    def test_a_row_link_is_the_reversed_url_of_the_row(self):
        report = row_link("interventions:report", "sundsvall", ROW, ROW)
        application = row_link("interventions:application", "sundsvall")
        for first, second in ((1, 2), (987654322, 987654321), (40, 40)):
            with self.subTest(ids=(first, second)):
                self.assertEqual(
                    report(first, second),
                    reverse("interventions:report", args=["sundsvall", first, second]),
                )
                self.assertEqual(
                    application(first),
                    reverse("interventions:application", args=["sundsvall", first]),
                )

    def test_the_id_may_stand_before_other_arguments(self):
        start = row_link("followup:report_start", "sundsvall", ROW, 2023, 1)
        self.assertEqual(
            start(17), reverse("followup:report_start", args=["sundsvall", 17, 2023, 1])
        )

    def test_the_number_of_ids_is_checked(self):
        with self.assertRaises(ValueError):
            row_link("interventions:report", "sundsvall", ROW, ROW)(1)

    def test_a_fixed_argument_that_looks_like_a_stand_in_is_refused(self):
        with self.assertRaises(ValueError):
            row_link("followup:report_start", "sundsvall", ROW, 987654321, 1)
