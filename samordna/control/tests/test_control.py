"""The control year: the årshjul and what the kansli's start page shows, the delegation log
that reports itself to the next meeting, and the internkontrollplan from draft through
adoption and follow-up to the report on a meeting's agenda."""

import datetime
import zoneinfo

import time_machine
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from icalendar import Calendar

from samordna.accounts.models import User
from samordna.control import selectors, services
from samordna.control.models import (
    ControlPlan,
    CycleKind,
    DelegationOrder,
    DelegationPoint,
    Occurrence,
)
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services as meeting_services
from samordna.meetings.documents import _minutes_context
from samordna.meetings.models import Attachment, Meeting
from samordna.meetings.selectors import minutes_of
from samordna.meetings.services import justering, proceedings
from samordna.meetings.tests.helpers import unapproved_copy

D = datetime.date
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


class ControlCase(SamordnaTestCase):
    def person(self, last_name: str):
        return self.association.people.get(last_name=last_name)

    def meeting(self, day: datetime.date) -> Meeting:
        return self.association.meetings.get(date=day)


class CycleTests(ControlCase):
    def test_the_statutory_items_include_ansvarsfrihet_from_each_member(self):
        items = self.association.cycle_items.filter(kind=CycleKind.DISCHARGE)
        self.assertEqual(
            {i.member_id for i in items}, set(self.association.members.values_list("pk", flat=True))
        )
        again = services.cycle_statutory_create(association=self.association, by=self.office)
        self.assertEqual(again, [])

    def test_a_year_places_each_board_item_at_the_last_meeting_before_it_falls_due(self):
        budget = Occurrence.objects.get(
            item__association=self.association, item__kind=CycleKind.BUDGET, year=2023
        )
        self.assertEqual(budget.due_on, D(2023, 11, 30))
        self.assertEqual(budget.meeting, self.meeting(D(2023, 11, 24)))
        consultation = Occurrence.objects.get(
            item__association=self.association, item__kind=CycleKind.MEMBER_CONSULTATION, year=2023
        )
        self.assertIsNone(consultation.meeting)

    def test_the_panel_shows_what_is_late_and_what_falls_due_in_sixty_days(self):
        panel = selectors.due_panel(self.association, D(2026, 12, 6))
        self.assertEqual([o.item.kind for o in panel.late], [CycleKind.INTERIM_REPORT])
        self.assertEqual(
            [(o.due_on, o.item.title) for o in panel.due],
            [
                (D(2026, 12, 15), "Kalenderinbjudningar till nästa års sammanträden"),
                (D(2027, 1, 31), "Deltagarsiffror för förra året i Uppföljning Finsam"),
            ],
        )
        self.assertFalse(panel.behind)

    def test_the_panel_says_where_the_latest_year_is_when_the_wheel_is_behind(self):
        panel = selectors.due_panel(self.association, D(2029, 3, 1))
        self.assertTrue(panel.behind)
        self.assertEqual(panel.latest_year, 2027)

    def test_the_kansli_start_page_lists_the_items_and_the_ledamot_does_not_see_them(self):
        self.login(self.office)
        page = self.client.get(self.url("")).content.decode()
        self.assertIn("De närmaste 60 dagarna", page)
        self.login(self.board)
        page = self.client.get(self.url("")).content.decode()
        self.assertNotIn("De närmaste 60 dagarna", page)

    def test_an_occurrence_goes_onto_its_meeting_agenda_once(self):
        occurrence = Occurrence.objects.get(
            item__association=self.association, item__kind=CycleKind.BUDGET, year=2023
        )
        item = services.occurrence_to_agenda(occurrence=occurrence, by=self.office)
        self.assertEqual(item.meeting, self.meeting(D(2023, 11, 24)))
        self.assertEqual(item.title, occurrence.item.title)
        with self.assertRaisesMessage(ValidationError, "redan på dagordningen"):
            services.occurrence_to_agenda(occurrence=occurrence, by=self.office)

    def test_a_justerad_meeting_takes_no_new_agenda_item(self):
        occurrence = Occurrence.objects.get(
            item__association=self.association, item__kind=CycleKind.BUDGET, year=2022
        )
        self.assertEqual(occurrence.meeting, self.meeting(D(2022, 11, 25)))
        with self.assertRaisesMessage(ValidationError, "justerat"):
            services.occurrence_to_agenda(occurrence=occurrence, by=self.office)

    def test_the_calendar_has_each_occurrence_as_a_day(self):
        self.login(self.auditor)
        response = self.client.get(self.url("styrning/arshjul.ics"))
        self.assertEqual(response.status_code, 200)
        events = Calendar.from_ical(response.content).walk("VEVENT")
        count = Occurrence.objects.filter(item__association=self.association).count()
        self.assertEqual(len(events), count)
        self.assertTrue(any("Delårsrapport" in str(e["summary"]) for e in events))

    def test_the_calendar_subscription_answers_to_the_feed_token_only(self):
        feed = meeting_services.calendar_feed_renew(association=self.association, by=self.office)
        response = self.client.get(f"/kalender/{feed.token}/arshjul.ics")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"BEGIN:VCALENDAR", response.content)
        self.assertEqual(self.client.get("/kalender/fel/arshjul.ics").status_code, 404)


class DelegationTests(ControlCase):
    order: DelegationOrder
    courses: DelegationPoint
    procurement: DelegationPoint

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.order = DelegationOrder.objects.get(association=cls.association, year=2023)
        cls.courses, cls.procurement = list(cls.order.points.order_by("number"))

    def register(self, **fields):
        values = {
            "association": self.association,
            "point": self.procurement,
            "decided_on": D(2023, 2, 1),
            "decided_by": self.person("Nordenö"),
            "matter": "Direktupphandling av konferenslokal",
            "amount": 20_000,
            "by": self.office,
        }
        return services.delegation_decision_register(**{**values, **fields})

    def test_the_demo_holds_bilaga_5_adopted_in_paragraph_128(self):
        self.assertEqual(self.order.source, "Styrelsemöte 2022-11-25 § 128")
        self.assertEqual(self.procurement.limit_in(2023), 52_500)
        self.assertEqual(self.procurement.limit_text, "högst ett prisbasbelopp per objekt")

    def test_a_decision_above_the_limit_is_refused_in_swedish(self):
        with self.assertRaisesMessage(ValidationError, "överstiger delegationen"):
            self.register(amount=52_501)
        self.assertEqual(self.register(amount=52_500).amount, 52_500)

    def test_a_person_without_the_delegation_is_refused(self):
        with self.assertRaisesMessage(ValidationError, "har ingen delegation"):
            self.register(decided_by=self.person("Pettersson"))
        self.assertEqual(self.register(decided_by=self.person("Väst")).decided_by.last_name, "Väst")

    def test_a_decision_outside_the_orders_year_is_refused(self):
        with self.assertRaisesMessage(ValidationError, "delegationsordningen gäller 2023"):
            self.register(decided_on=D(2022, 12, 20))

    def test_an_adopted_order_is_locked(self):
        with self.assertRaisesMessage(ValidationError, "kan inte ändras"):
            services.delegation_point_update(point=self.courses, by=self.office, matter="Annat")

    def test_a_decision_after_one_meeting_stands_in_the_next_meetings_minutes(self):
        november = self.meeting(D(2022, 11, 25))
        december = unapproved_copy(november, D(2023, 1, 5), by=self.office)
        before = self.register(decided_on=D(2023, 1, 3), matter="Tryck av årsberättelse")
        self.assertTrue(december.items.filter(title="Anmälan av delegationsbeslut").exists())
        people = {p.last_name: p for p in self.association.people.all()}
        justering.signers_set(
            meeting=december,
            by=self.office,
            chair=people["Nordenö"],
            adjusters=[people["Pettersson"]],
        )
        secretary = User.objects.filter(person=december.secretary).first() or self.office
        justering.minutes_confirm(meeting=december, by=secretary, now=at(D(2023, 1, 5), 14))
        justering.minutes_approve(meeting=december, by=self.chair, now=at(D(2023, 1, 5), 15))
        justering.minutes_approve(meeting=december, by=self.board, now=at(D(2023, 1, 6), 9))
        before.refresh_from_db()
        self.assertEqual(before.reported_at, december)

        after = self.register(decided_on=D(2023, 1, 9), matter="Konferenslokal för planeringsdagen")
        january = self.meeting(D(2023, 1, 27))
        self.assertTrue(january.items.filter(title="Anmälan av delegationsbeslut").exists())
        minutes = minutes_of(january)
        self.assertIn(after, minutes.delegation_decisions)
        self.assertNotIn(before, minutes.delegation_decisions)
        printed = render_to_string("meetings/documents/minutes.html", _minutes_context(minutes))
        self.assertIn("Anmälan av delegationsbeslut", printed)
        self.assertIn("Konferenslokal för planeringsdagen", printed)
        self.assertNotIn("Tryck av årsberättelse", printed)
        self.assertEqual(minutes_of(december).delegation_decisions, [before])

    def test_the_list_stands_under_the_paragraph_of_that_name(self):
        january = self.meeting(D(2023, 1, 27))
        paragraph = proceedings.paragraph_create(
            meeting=january, by=self.office, title="Anmälan av delegationsbeslut"
        )
        minutes = minutes_of(january)
        self.assertEqual(minutes.delegation_paragraph_id, paragraph.pk)
        printed = render_to_string("meetings/documents/minutes.html", _minutes_context(minutes))
        self.assertEqual(printed.count("Anmälan av delegationsbeslut"), 1)
        self.assertIn("Direktupphandling av tryck av informationsfolder", printed)

    def test_the_registration_form_refuses_above_the_limit(self):
        self.login(self.office)
        response = self.client.post(
            self.url("styrning/delegation/beslut/nytt/"),
            {
                "point": self.procurement.pk,
                "decided_on": "2023-02-01",
                "decided_by": self.person("Nordenö").pk,
                "matter": "Ny projektor",
                "amount": "60 000",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "överstiger delegationen", status_code=400)


class ControlPlanTests(ControlCase):
    def test_the_demo_holds_bilaga_2_adopted_in_paragraph_125(self):
        plan = ControlPlan.objects.get(association=self.association, year=2023)
        self.assertEqual(plan.source, "Styrelsemöte 2022-11-25 § 125")
        self.assertEqual(
            list(plan.rows.values_list("process", flat=True)),
            [
                "Attest",
                "Delegering",
                "Diarie och arkivering",
                "Uppföljning budget",
                "Uppföljning av verksamhetens mål",
            ],
        )
        report = selectors.control_report(
            selectors.plan_with_rows(self.association).get(year=2022), "2022"
        )
        self.assertEqual(report.summary, "Granskningen visar inte på några avvikelser.")

    def test_draft_adoption_followup_with_a_deviation_and_the_report_on_the_agenda(self):
        plan = services.control_plan_create(association=self.association, year=2024, by=self.office)
        self.assertEqual(plan.rows.count(), 5)  # from 2023
        row = services.control_row_add(
            plan=plan,
            by=self.office,
            process="Arvoden",
            control_step="Arvoden betalas enligt beslutade grunder",
            responsible="Förbundschef",
            frequency="Två gånger per år",
            method="Stickprov",
        )
        january = self.meeting(D(2023, 1, 27))
        paragraph = proceedings.paragraph_create(
            meeting=january,
            by=self.office,
            title="Beslut om plan för intern styrning och kontroll 2024",
        )
        services.control_plan_adopt(plan=plan, by=self.office, paragraph=paragraph)
        self.assertEqual(plan.adopted_on, D(2023, 1, 27))
        with self.assertRaisesMessage(ValidationError, "Gör en ny version"):
            services.control_row_update(row=row, by=self.office, method="Alla")

        with self.assertRaisesMessage(ValidationError, "En avvikelse behöver en åtgärd"):
            services.control_followup_record(
                row=row,
                by=self.office,
                period="2024 T1",
                followed_up_on=D(2024, 4, 30),
                done=True,
                deviation=True,
            )
        services.control_followup_record(
            row=row,
            by=self.office,
            period="2024 T1",
            followed_up_on=D(2024, 4, 30),
            done=True,
            method="Stickprov av tio utbetalningar",
            finding="Ett arvode betalades med fel grundbelopp.",
            deviation=True,
            action="Rätta utbetalningen och stämma av grundbeloppet varje april",
            action_owner="Förbundschef",
            action_due=D(2024, 5, 31),
        )
        report = selectors.control_report(
            selectors.plan_with_rows(self.association).get(pk=plan.pk), "2024 T1"
        )
        self.assertEqual(len(report.deviations), 1)
        self.assertEqual(len(report.missing), 5)

        february = self.meeting(D(2023, 2, 21))
        item = meeting_services.agenda_item_add(
            meeting=february, by=self.office, title="Uppföljning av internkontrollen", kind="report"
        )
        self.login(self.office)
        response = self.client.post(
            self.url(f"styrning/internkontroll/{plan.pk}/bilaga/"),
            {"period": "2024 T1", "item": item.pk},
        )
        self.assertRedirects(response, self.url(f"sammantraden/{february.pk}/"))
        attachment = Attachment.objects.get(meeting=february, item=item)
        self.assertIn("2024 T1", attachment.title)
        self.assertEqual(attachment.content_type, "application/pdf")

    def test_a_new_version_copies_the_rows_and_is_a_draft(self):
        plan = ControlPlan.objects.get(association=self.association, year=2023)
        draft = services.control_plan_new_version(plan=plan, by=self.office)
        self.assertEqual((draft.year, draft.version, draft.adopted), (2023, 2, False))
        self.assertEqual(draft.rows.count(), plan.rows.count())
        with self.assertRaisesMessage(ValidationError, "redan ett utkast"):
            services.control_plan_new_version(plan=plan, by=self.office)

    def test_the_report_pdf_is_a_pdf(self):
        plan = ControlPlan.objects.get(association=self.association, year=2022)
        self.login(self.auditor)
        response = self.client.get(self.url(f"styrning/internkontroll/{plan.pk}/rapport.pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))


class AccessTests(ControlCase):
    def read_pages(self) -> list[str]:
        plan = ControlPlan.objects.get(association=self.association, year=2023)
        return [
            "styrning/",
            "styrning/?ar=2022",
            "styrning/delegation/",
            "styrning/delegation/2023/",
            "styrning/internkontroll/",
            f"styrning/internkontroll/{plan.pk}/",
        ]

    def write_pages(self) -> list[str]:
        plan = ControlPlan.objects.get(association=self.association, year=2023)
        occurrence = Occurrence.objects.filter(item__association=self.association).first()
        assert occurrence is not None
        row = plan.rows.earliest("position")
        return [
            "styrning/arshjul/punkter/ny/",
            f"styrning/arshjul/handelser/{occurrence.pk}/",
            "styrning/delegation/ny/",
            "styrning/delegation/beslut/nytt/",
            "styrning/delegation/2023/anta/",
            "styrning/internkontroll/ny/",
            f"styrning/internkontroll/{plan.pk}/bilaga/",
            f"styrning/internkontroll/rader/{row.pk}/uppfoljning/",
        ]

    def test_every_reader_reads_and_the_revisor_among_them(self):
        for reader in (self.office, self.chair, self.board, self.auditor, self.finance):
            self.login(reader)
            for page in self.read_pages():
                with self.subTest(user=reader.username, page=page):
                    self.assertEqual(self.client.get(self.url(page)).status_code, 200)

    def test_only_the_kansli_writes(self):
        self.login(self.office)
        for page in self.write_pages():
            with self.subTest(page=page):
                self.assertEqual(self.client.get(self.url(page)).status_code, 200)
        for reader in (self.auditor, self.board):
            self.login(reader)
            for page in self.write_pages():
                with self.subTest(user=reader.username, page=page):
                    self.assertEqual(self.client.get(self.url(page)).status_code, 403)

    def test_the_applicant_may_not_and_the_outsider_finds_nothing(self):
        for visitor, status in ((self.applicant, 403), (self.outsider, 404)):
            self.login(visitor)
            for page in self.read_pages():
                with self.subTest(user=visitor.username, page=page):
                    self.assertEqual(self.client.get(self.url(page)).status_code, status)

    def test_another_forbunds_records_are_not_found(self):
        plan = ControlPlan.objects.get(association=self.association, year=2023)
        self.login(self.outsider)
        other = f"/f/{self.other.slug}/styrning/"
        self.assertEqual(self.client.get(f"{other}internkontroll/{plan.pk}/").status_code, 404)
        self.assertEqual(self.client.get(f"{other}delegation/2023/").status_code, 404)

    def test_writes_refuse_get_where_they_only_post(self):
        self.login(self.office)
        self.assertEqual(self.client.get(self.url("styrning/arshjul/ar/")).status_code, 405)

    def test_the_list_pages_pin_their_queries(self):
        plan = ControlPlan.objects.get(association=self.association, year=2022)
        pages = {
            "styrning/": 5,
            "styrning/?ar=2022": 5,
            "styrning/delegation/": 4,
            "styrning/delegation/2023/": 6,
            "styrning/internkontroll/": 3,
            f"styrning/internkontroll/{plan.pk}/": 5,
        }
        self.login(self.office)
        for page, count in pages.items():
            with self.subTest(page=page), self.assertNumQueries(count):
                self.client.get(self.url(page))
        order = DelegationOrder.objects.get(association=self.association, year=2023)
        point = order.points.get(number=1)
        for day in (2, 3, 4):
            services.delegation_decision_register(
                association=self.association,
                point=point,
                decided_on=D(2023, 2, day),
                decided_by=self.person("Nordenö"),
                matter=f"Kurs {day}",
                by=self.office,
            )
        services.cycle_item_create(
            association=self.association,
            by=self.office,
            title="Extra punkt",
            month=5,
            responsible="Förbundschef",
        )
        services.cycle_year_create(association=self.association, year=2022, by=self.office)
        services.control_plan_create(association=self.association, year=2025, by=self.office)
        for page, count in pages.items():
            with self.subTest(page=page, more=True), self.assertNumQueries(count):
                self.client.get(self.url(page))


class CycleYearPageTests(SamordnaTestCase):
    def test_this_year_without_events_shows_the_latest_year_and_says_so(self):
        years = selectors.cycle_years(self.association)
        assert years, "the demo has an årshjul"
        today = D(years[0] + 2, 6, 1)
        url = reverse("control:cycle", args=[self.association.slug])
        with time_machine.travel(datetime.datetime(today.year, 6, 1, 12), tick=False):
            self.login(self.office)
            response = self.client.get(url)
            asked = self.client.get(url, {"ar": today.year})
        self.assertContains(
            response,
            f"Årshjulet har inga händelser för {today.year} ännu. Här visas {years[0]}, "
            "det senaste året med händelser.",
        )
        self.assertContains(
            asked,
            f"Årshjulet har inga händelser för {today.year}. Senaste år med händelser är "
            f'<a class="anchor" href="?ar={years[0]}">{years[0]}</a>.',
            html=False,
        )
