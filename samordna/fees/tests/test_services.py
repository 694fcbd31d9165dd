"""Fee lists from the roll call, claims and their checks, fastställande, reopening with a
reason, the history of changes and what is handed on for payment."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.associations.models import BoardSeat, FeeBaseAmount, Person
from samordna.attest import services as attest_services
from samordna.core.history import history_of
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.fees_money import load_fees
from samordna.fees import rules, selectors, services
from samordna.fees.models import ClaimKind, ExpenseClaim, FeeLine, FeeList, FeeSettings
from samordna.fees.tests.helpers import meeting_on, reopened, roll_call, set_times

T = datetime.time
NBSP = "\u00a0"


def person(case: SamordnaTestCase, surname: str) -> Person:
    return Person.objects.get(association=case.association, last_name=surname)


def fees_by_name(fees: selectors.MeetingFees) -> dict[str, int]:
    return {row.person.last_name: row.fee for row in fees.rows}


class DemoListTests(SamordnaTestCase):
    def test_the_seed_meetings_are_fastställda_by_the_rule(self):
        fees = selectors.meeting_fees_of(meeting_on(self.association, "2022-11-25"))
        self.assertTrue(fees.is_fixed)
        self.assertEqual(
            fees_by_name(fees),
            {
                "Nordenö": 681,
                "Väst": 681,
                "Burman": 681,
                "Kempe": 0,
                "Pettersson": 0,
                "Qvarnlöf": 0,
            },
        )
        kempe = next(row for row in fees.rows if row.person.last_name == "Kempe")
        self.assertEqual(kempe.explanation, "Anställd hos Försäkringskassan – inget arvode")
        burman = next(row for row in fees.rows if row.person.last_name == "Burman")
        self.assertEqual((burman.loss, burman.total), (1140, 1821))
        self.assertIn("Antaget i demon", burman.claims[0].note)
        self.assertEqual(fees.total, 3 * 681 + 1140 + 96)

    def test_the_demo_lists_are_fastställda_on_the_day_of_justering(self):
        fee_list = FeeList.objects.get(meeting=meeting_on(self.association, "2022-11-25"))
        self.assertEqual(timezone.localtime(fee_list.fixed_at).date(), datetime.date(2022, 12, 5))
        self.assertEqual(fee_list.fixed_by, self.office)

    def test_loading_the_demo_again_changes_nothing(self):
        def counts() -> list[int]:
            return [
                model.objects.count() + model.history.count()
                for model in (FeeList, FeeLine, ExpenseClaim, FeeSettings)
            ]

        before = counts()
        load_fees({"sundsvall": self.association, "harnosand-timra": self.other})
        self.assertEqual(counts(), before)

    def test_a_substitute_serving_for_a_member_is_paid(self):
        fees = selectors.meeting_fees_of(meeting_on(self.association, "2022-10-21"))
        burman = next(row for row in fees.rows if row.person.last_name == "Burman")
        self.assertEqual(burman.fee, 681)
        self.assertIn("tjänstgör för Jonas Väst", burman.presence)
        self.assertNotIn("Väst", fees_by_name(fees))  # absent

    def test_the_year_list_per_person_in_swedish_order(self):
        year = selectors.year_list(self.association, 2022)
        self.assertEqual(
            [p.person.last_name for p in year.people], ["Burman", "Jonsson", "Nordenö", "Väst"]
        )
        self.assertEqual((year.fee, year.loss, year.travel), (6 * 681, 1140, 260 + 96))
        burman = year.people[0]
        self.assertEqual([e.meeting.date.day for e in burman.entries], [21, 25])
        self.assertEqual(burman.total, 2 * 681 + 1140)

    def test_a_förbund_without_a_rule_gets_a_clear_message(self):
        meeting = self.other.meetings.get(date="2023-11-24")
        fees = selectors.meeting_fees_of(meeting)
        self.assertIn(rules.NO_RULE_MESSAGE, fees.problems)
        self.assertTrue(all(row.fee == 0 for row in fees.rows))
        self.assertTrue(fees.rows)
        office = self.other.users.get(username="ulrika.sahlin")
        with self.assertRaisesMessage(ValidationError, "ingen regel för sammanträdesarvoden"):
            services.fee_list_fix(meeting=meeting, by=office)


class ComputedListTests(SamordnaTestCase):
    """A planned meeting of 2023 gets its roll call and its length in the tests."""

    def setUp(self):
        self.meeting = meeting_on(self.association, "2023-01-27")
        roll_call(
            self.meeting,
            self.office,
            {"Nordenö": "present", "Väst": "remote", "Kempe": "present", "Burman": "absent"},
        )

    def computed(self) -> dict[str, int]:
        return fees_by_name(selectors.meeting_fees_of(self.meeting))

    def test_exactly_four_hours_is_the_short_fee_and_over_is_the_long(self):
        set_times(self.meeting, self.office, T(9), T(13))
        self.assertEqual(self.computed(), {"Nordenö": 681, "Väst": 681, "Kempe": 0})
        set_times(self.meeting, self.office, T(9), T(13, 30))
        self.assertEqual(self.computed(), {"Nordenö": 1362, "Väst": 1362, "Kempe": 0})

    def test_present_at_a_distance_is_present(self):
        fees = selectors.meeting_fees_of(self.meeting)
        vast = next(row for row in fees.rows if row.person.last_name == "Väst")
        self.assertEqual(vast.presence, "Närvarande på distans")

    def test_a_seat_set_to_no_fee_gets_none(self):
        seat = BoardSeat.objects.get(association=self.association, person__last_name="Nordenö")
        seat.receives_fee = False
        seat.save()
        self.assertEqual(self.computed()["Nordenö"], 0)

    def test_the_grundbelopp_of_the_meeting_day_applies(self):
        FeeBaseAmount.objects.create(
            association=self.association, valid_from=datetime.date(2023, 4, 1), amount=71_000
        )
        # 2023-01-27 is before 1 April: still 68 076.
        self.assertEqual(self.computed()["Nordenö"], 681)
        # A meeting from 1 April uses the new amount (the seat is extended for the test).
        BoardSeat.objects.filter(association=self.association).update(
            ends_on=datetime.date(2027, 3, 31)
        )
        april = meeting_on(self.association, "2023-04-28")
        roll_call(april, self.office, {"Nordenö": "present"})
        fees = selectors.meeting_fees_of(april)
        self.assertEqual(fees_by_name(fees)["Nordenö"], 710)
        self.assertEqual(fees.warnings, [])

    def test_a_grundbelopp_not_indexed_on_1_april_is_warned_about(self):
        BoardSeat.objects.filter(association=self.association).update(
            ends_on=datetime.date(2027, 3, 31)
        )
        april = meeting_on(self.association, "2023-04-28")
        roll_call(april, self.office, {"Nordenö": "present"})
        fees = selectors.meeting_fees_of(april)
        self.assertEqual(len(fees.warnings), 1)
        self.assertIn("räknas upp varje 1 april", fees.warnings[0])
        self.assertEqual(fees.problems, [])

    def test_fixing_keeps_the_fees_as_computed(self):
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        seat = BoardSeat.objects.get(association=self.association, person__last_name="Nordenö")
        seat.receives_fee = False
        seat.save()
        base = self.association.fee_base_amounts.get()
        base.amount = 99_999
        base.save()
        self.assertEqual(self.computed()["Nordenö"], 681)
        line = FeeLine.objects.get(fee_list__meeting=self.meeting, person=seat.person)
        self.assertEqual((line.base_amount, line.percent), (68_076, Decimal("1.00")))

    def test_a_meeting_without_roll_call_cannot_be_fixed(self):
        meeting = meeting_on(self.association, "2023-02-21")
        with self.assertRaisesMessage(ValidationError, "Inget upprop"):
            services.fee_list_fix(meeting=meeting, by=self.office)
        self.assertFalse(FeeList.objects.filter(meeting=meeting, status="fixed").exists())


class ClaimTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = reopened(self.association, self.office)

    def claim(self, surname: str, kind: str = ClaimKind.LOSS, **fields) -> ExpenseClaim:
        return services.claim_create(
            meeting=self.meeting, person=person(self, surname), kind=kind, by=self.office, **fields
        )

    def assert_refused(self, field: str, text: str, surname: str = "Väst", **fields) -> None:
        kind = fields.pop("kind", ClaimKind.LOSS)
        with self.assertRaises(ValidationError) as caught:
            self.claim(surname, kind, **fields)
        errors = caught.exception.message_dict
        self.assertIn(field, errors, errors)
        self.assertIn(text, " ".join(errors[field]))

    def test_loss_of_earnings_by_the_hour(self):
        claim = self.claim("Väst", hours=Decimal("3.5"), hourly_rate=301, basis="Lönebesked")
        self.assertEqual(claim.amount, 1054)  # 1 053,50 → 1 054
        self.assertEqual(claim.description.replace(NBSP, " "), "3,5 tim × 301 kr/tim; Lönebesked")

    def test_loss_of_earnings_as_an_amount(self):
        claim = self.claim("Väst", amount=900, basis="Intyg från arbetsgivaren")
        self.assertEqual((claim.amount, claim.hours), (900, None))

    def test_travel_by_car_at_the_förbund_rate(self):
        claim = self.claim(
            "Väst",
            ClaimKind.TRAVEL,
            from_place="Njurunda",
            to_place="Sundsvall",
            km=Decimal("12.3"),
        )
        self.assertEqual((claim.amount, claim.km_rate), (31, Decimal("2.50")))  # 30,75 → 31
        self.assertEqual(
            claim.description.replace(NBSP, " "), "Njurunda–Sundsvall, 12,3 km × 2,5 kr/km"
        )

    def test_travel_by_ticket(self):
        claim = self.claim(
            "Väst", ClaimKind.TRAVEL, from_place="Timrå", to_place="Sundsvall", amount=96
        )
        self.assertEqual((claim.amount, claim.km), (96, None))

    def test_someone_not_present_cannot_claim(self):
        self.assert_refused("person", "inte närvarande", surname="Persbo", amount=500, basis="x")
        # Nor the förbundschef, a guest and not on the roll call.
        self.assert_refused("person", "inte närvarande", surname="Andersson", amount=5, basis="x")

    def test_absurd_and_negative_figures_are_refused(self):
        self.assert_refused(
            "hours", "större än noll", hours=Decimal("-1"), hourly_rate=200, basis="x"
        )
        self.assert_refused(
            "hours", "Högst 8 timmar", hours=Decimal("9"), hourly_rate=200, basis="x"
        )
        self.assert_refused(
            "hourly_rate", "Högst 600", hours=Decimal("2"), hourly_rate=900, basis="x"
        )
        self.assert_refused("amount", "orimligt stort", amount=50_000, basis="x")
        self.assert_refused("amount", "större än noll", amount=-5, basis="x")
        self.assert_refused(
            "km",
            "Orimligt lång",
            kind=ClaimKind.TRAVEL,
            from_place="A",
            to_place="B",
            km=Decimal("2500"),
        )
        self.assert_refused(
            "km",
            "större än noll",
            kind=ClaimKind.TRAVEL,
            from_place="A",
            to_place="B",
            km=Decimal("-3"),
        )
        self.assert_refused(
            "amount",
            "orimligt stort",
            kind=ClaimKind.TRAVEL,
            from_place="A",
            to_place="B",
            amount=20_000,
        )

    def test_incomplete_claims_are_explained(self):
        self.assert_refused("hours", "Ange antal timmar", basis="x")
        self.assert_refused(
            "amount", "inte båda", hours=Decimal("2"), hourly_rate=200, amount=400, basis="x"
        )
        self.assert_refused("hourly_rate", "Ange belopp per timme", hours=Decimal("2"), basis="x")
        self.assert_refused("basis", "grundar sig på", amount=400)
        self.assert_refused(
            "from_place", "började", kind=ClaimKind.TRAVEL, to_place="B", km=Decimal("5")
        )
        self.assert_refused("km", "kilometer", kind=ClaimKind.TRAVEL, from_place="A", to_place="B")

    def test_one_loss_claim_per_person_and_meeting(self):
        self.claim("Väst", amount=400, basis="Intyg")
        self.assert_refused("person", "redan begärt", amount=300, basis="Intyg")
        self.claim("Väst", ClaimKind.TRAVEL, from_place="A", to_place="B", amount=50)

    def test_a_meeting_not_yet_held_takes_no_claims(self):
        future = self.association.meetings.order_by("date").last()
        assert future is not None
        future.date = datetime.date.today() + datetime.timedelta(days=30)
        future.save()
        with self.assertRaisesMessage(ValidationError, "har inte hållits ännu"):
            services.claim_create(
                meeting=future,
                person=person(self, "Väst"),
                kind=ClaimKind.LOSS,
                by=self.office,
                amount=100,
                basis="x",
            )

    def test_a_fastställd_list_refuses_every_change(self):
        claim = self.claim("Väst", amount=400, basis="Intyg")
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        with self.assertRaisesMessage(ValidationError, "fastställd"):
            self.claim("Nordenö", amount=400, basis="Intyg")
        with self.assertRaisesMessage(ValidationError, "fastställd"):
            services.claim_update(claim=claim, by=self.office, amount=500, basis="Intyg")
        with self.assertRaisesMessage(ValidationError, "fastställd"):
            services.claim_delete(claim=claim, by=self.office)
        claim.refresh_from_db()
        self.assertEqual(claim.amount, 400)

    def test_reopening_needs_a_reason_and_is_logged(self):
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        with self.assertRaises(ValidationError) as caught:
            services.fee_list_reopen(meeting=self.meeting, by=self.office, reason=" ")
        self.assertIn("reason", caught.exception.message_dict)
        services.fee_list_reopen(meeting=self.meeting, by=self.office, reason="Resa saknades.")
        fee_list = FeeList.objects.get(meeting=self.meeting)
        self.assertEqual((fee_list.status, fee_list.reopen_reason), ("open", "Resa saknades."))
        self.assertFalse(fee_list.lines.exists())
        entries = history_of(fee_list)
        self.assertEqual(entries[0].who, "Jan Andersson")
        changed = {c.field: c.new for c in entries[0].changes}
        self.assertEqual(changed["Skäl för återöppning"], "Resa saknades.")
        self.assertEqual(changed["Status"], "Ej fastställd")
        # Created and fixed in the demo, reopened in setUp, fixed and reopened here.
        self.assertEqual([e.action for e in entries], ["Ändrad"] * 4 + ["Skapad"])

    def test_claim_history_records_who_and_what(self):
        claim = self.claim("Väst", amount=400, basis="Intyg")
        services.claim_update(claim=claim, by=self.chair, amount=450, basis="Intyg")
        entries = history_of(claim)
        self.assertEqual([e.action for e in entries], ["Ändrad", "Skapad"])
        self.assertEqual(entries[0].who, "Christina Nordenö")
        self.assertIn("Belopp (kr)", [c.field for c in entries[0].changes])

    def test_fee_payments_for_a_fastställd_list(self):
        with self.assertRaisesMessage(ValidationError, "inte fastställd"):
            selectors.fee_payments(self.meeting)
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        payments = selectors.fee_payments(self.meeting)
        self.assertEqual(
            [(p.last_name, amount) for p, amount, _ in payments],
            [("Burman", 1821), ("Nordenö", 777), ("Väst", 681)],
        )
        self.assertEqual(
            payments[0][2].replace(NBSP, " "),
            "Styrelsemöte 25 november 2022: sammanträdesarvode 681 kr, "
            "förlorad arbetsförtjänst 1 140 kr",
        )

    def test_a_fastställd_list_goes_to_attest_one_order_per_person(self):
        with self.assertRaisesMessage(ValidationError, "inte fastställd"):
            services.fee_list_send_for_payment(meeting=self.meeting, by=self.office)
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        orders = services.fee_list_send_for_payment(meeting=self.meeting, by=self.office)
        self.assertEqual(
            [(o.payee, o.amount, o.kind, o.status) for o in orders],
            [
                ("Thomas Burman", 1821, "fee", "registered"),
                ("Christina Nordenö", 777, "fee", "registered"),
                ("Jonas Väst", 681, "fee", "registered"),
            ],
        )
        # Sent twice (two clicks): the same orders.
        again = services.fee_list_send_for_payment(meeting=self.meeting, by=self.office)
        self.assertEqual([o.pk for o in again], [o.pk for o in orders])
        fee_list = FeeList.objects.get(meeting=self.meeting)
        self.assertEqual(selectors.fee_orders(fee_list), orders)
        # The list cannot be reopened under orders that are still alive.
        with self.assertRaisesMessage(ValidationError, "skickad till attest"):
            services.fee_list_reopen(meeting=self.meeting, by=self.office, reason="Fel resa.")

    def test_the_chair_cannot_attest_her_own_fee(self):
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        orders = services.fee_list_send_for_payment(meeting=self.meeting, by=self.office)
        own = next(o for o in orders if o.payee == "Christina Nordenö")
        self.assertEqual(own.connected_person, person(self, "Nordenö"))
        with self.assertRaises(ValidationError):
            attest_services.order_approve(
                order=own, by=self.chair, step="attest", token="chair-own-fee"
            )


class SettingsTests(SamordnaTestCase):
    def test_a_new_grundbelopp(self):
        base = services.base_amount_create(
            association=self.association,
            by=self.office,
            valid_from=datetime.date(2023, 4, 1),
            amount=71_000,
            decided_by="HR-direktören",
        )
        self.assertEqual(history_of(base)[0].who, "Jan Andersson")

    def test_a_grundbelopp_is_refused_twice_or_behind_a_fastställd_list(self):
        with self.assertRaises(ValidationError) as caught:
            services.base_amount_create(
                association=self.association,
                by=self.office,
                valid_from=datetime.date(2022, 4, 1),
                amount=0,
            )
        errors = caught.exception.message_dict
        self.assertIn("Det finns redan ett grundbelopp", " ".join(errors["valid_from"]))
        self.assertIn("fastställda arvodeslistor", " ".join(errors["valid_from"]))
        self.assertIn("större än noll", " ".join(errors["amount"]))

    def test_rates_are_saved_with_history(self):
        saved = services.fee_settings_save(
            association=self.association,
            by=self.office,
            km_rate=Decimal("3.00"),
            loss_max_per_hour=500,
            loss_max_hours=Decimal("6"),
            note="",
        )
        self.assertEqual(selectors.settings_of(self.association).km_rate, Decimal("3.00"))
        self.assertEqual(history_of(saved)[0].action, "Ändrad")
