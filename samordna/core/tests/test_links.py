from django.test import SimpleTestCase
from django.urls import reverse

from samordna.core.links import row_link


class RowLinkTests(SimpleTestCase):
    def test_a_row_link_is_the_reversed_url_of_the_row(self):
        report = row_link("interventions:report", "sundsvall", ids=2)
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

    def test_the_number_of_ids_is_checked(self):
        with self.assertRaises(ValueError):
            row_link("interventions:report", "sundsvall", ids=2)(1)
