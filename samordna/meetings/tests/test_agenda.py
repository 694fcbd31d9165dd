"""The agenda typed once: items become § drafts, §§ move and go with their numbers
following, and a new meeting starts from the previous agenda or a saved template."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse

from samordna.associations.models import OpeningStyle
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import selectors, services
from samordna.meetings.locking import MinutesLocked
from samordna.meetings.models import AgendaTemplate, ItemKind, Meeting, Presence
from samordna.meetings.services import agenda, proceedings
from samordna.meetings.services.proceedings import RollCallEntry

D = datetime.date
T = datetime.time


class AgendaTestCase(SamordnaTestCase):
    def setUp(self):
        # Per-meeting numbering keeps the numbers of this meeting its own.
        self.meeting = services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2023, 2, 24),
            starts_at=T(9),
            ends_at=T(12),
            place="Kommunhuset rum 612",
            adjustment_on=D(2023, 3, 1),
            adjustment_place="Kommunhuset",
        )
        self.budget = services.agenda_item_add(
            meeting=self.meeting,
            by=self.office,
            title="Budgetuppföljning",
            kind=ItemKind.DECISION,
            case_number="Dnr 23:4",
            presenter="Jan Andersson",
            description="<p>Utfallet per januari.</p><script>x</script>",
            proposal="<p>Att godkänna uppföljningen.</p>",
        )

    def titles(self) -> list[tuple[int, str]]:
        return [(p.number, p.title) for p in self.meeting.paragraphs.all()]


class DraftTests(AgendaTestCase):
    def test_each_item_becomes_its_paragraph_draft_in_the_agendas_order(self):
        drafted = agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        first = drafted[0].number
        self.assertEqual(
            [title for _, title in self.titles()],
            [
                "Sammanträdet öppnas",
                "Godkännande av dagordning",
                "Val av justerare",
                "Föregående protokoll",
                "Budgetuppföljning",
                "Nästa sammanträde",
                "Sammanträdet avslutas",
            ],
        )
        self.assertEqual([n for n, _ in self.titles()], list(range(first, first + 7)))
        budget = self.meeting.paragraphs.get(title="Budgetuppföljning")
        self.assertEqual(budget.case_number, "Dnr 23:4")
        self.assertIn("<p>Utfallet per januari.</p>", budget.matter)
        self.assertNotIn("script", budget.matter)
        self.assertIn("Föredragande: Jan Andersson", budget.matter)
        self.assertEqual(budget.proposal, "<p>Att godkänna uppföljningen.</p>")
        self.budget.refresh_from_db()
        self.assertEqual(self.budget.paragraph, budget)
        self.assertEqual(budget.history.get().history_user, self.office)
        adjusters = self.meeting.paragraphs.get(title="Val av justerare")
        self.assertIn("Justering 2023-03-01, Kommunhuset.", adjusters.matter)
        following = (
            Meeting.objects.filter(association=self.association, date__gt=self.meeting.date)
            .order_by("date")
            .first()
        )
        assert following is not None
        self.assertIn(
            f"{following.date:%Y-%m-%d}",
            self.meeting.paragraphs.get(title="Nästa sammanträde").matter,
        )

    def test_drafting_again_adds_only_the_new_items(self):
        agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        count = self.meeting.paragraphs.count()
        with self.assertRaises(ValidationError) as caught:
            agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        self.assertEqual(
            caught.exception.messages, ["Alla punkter på dagordningen har redan en paragraf."]
        )
        services.agenda_item_add(
            meeting=self.meeting, by=self.office, title="Övrigt", kind=ItemKind.OTHER
        )
        agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        self.assertEqual(self.meeting.paragraphs.count(), count + 1)

    def test_unnumbered_formalities_get_no_paragraph(self):
        self.association.opening_style = OpeningStyle.UNNUMBERED
        self.association.save()
        self.meeting.refresh_from_db()
        agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        self.assertEqual([title for _, title in self.titles()], ["Budgetuppföljning"])

    def test_a_justerad_meeting_gets_no_drafts(self):
        justerad = self.association.meetings.get(date=D(2022, 11, 25))
        with self.assertRaises(MinutesLocked):
            agenda.paragraphs_from_agenda(meeting=justerad, by=self.office)


class ParagraphOrderTests(AgendaTestCase):
    def setUp(self):
        super().setUp()
        agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        self.first = self.meeting.paragraphs.earliest("number").number

    def test_a_deleted_paragraph_leaves_no_gap(self):
        previous = self.meeting.paragraphs.get(title="Föregående protokoll")
        proceedings.roll_call_record(
            meeting=self.meeting,
            by=self.office,
            entries=[
                RollCallEntry(
                    seat=seat,
                    presence=Presence.PRESENT,
                    until_number=self.first + 5 if seat.person.last_name == "Kempe" else None,
                )
                for seat in selectors.board_seats_at(self.meeting)
                if seat.kind == "ordinary"
            ],
        )
        agenda.paragraph_delete(paragraph=previous, by=self.office)
        numbers = [n for n, _ in self.titles()]
        self.assertEqual(numbers, list(range(self.first, self.first + 6)))
        self.assertNotIn("Föregående protokoll", [t for _, t in self.titles()])
        # Lina Kempe left after "Nästa sammanträde"; her bound follows its new number.
        kempe = self.meeting.attendances.get(seat__person__last_name="Kempe")
        self.assertEqual(kempe.until_number, self.first + 4)
        self.assertEqual(previous.history.latest().history_type, "-")
        self.assertEqual(previous.history.latest().history_user, self.office)
        # The agenda item stays, without its §: it can be drafted again.
        item = self.meeting.items.get(title="Föregående protokoll")
        self.assertIsNone(item.paragraph)
        # The next § takes the next free number; none is used up.
        paragraph = proceedings.paragraph_create(meeting=self.meeting, by=self.office, title="Ny")
        self.assertEqual(paragraph.number, self.first + 6)

    def test_paragraphs_move_and_keep_their_numbers_in_order(self):
        budget = self.meeting.paragraphs.get(title="Budgetuppföljning")
        number = budget.number
        agenda.paragraph_move(paragraph=budget, by=self.office, up=True)
        budget.refresh_from_db()
        self.assertEqual(budget.number, number - 1)
        self.assertEqual(self.meeting.paragraphs.get(number=number).title, "Föregående protokoll")
        first = self.meeting.paragraphs.get(number=self.first)
        with self.assertRaises(ValidationError) as caught:
            agenda.paragraph_move(paragraph=first, by=self.office, up=True)
        self.assertEqual(caught.exception.messages, ["Paragrafen står redan först."])

    def test_a_paragraph_of_a_justerad_meeting_cannot_be_deleted(self):
        justerad = self.association.meetings.get(date=D(2022, 11, 25))
        with self.assertRaises(MinutesLocked):
            agenda.paragraph_delete(
                paragraph=justerad.paragraphs.earliest("number"), by=self.office
            )

    def test_yearly_numbers_are_not_moved_under_a_later_meeting(self):
        # Sundsvall numbers through the year; the 2023-01-27 meeting is earlier, so a §
        # of it cannot go once this later meeting has §§ numbered after it.
        january = self.association.meetings.get(date=D(2023, 1, 27))
        paragraph = proceedings.paragraph_create(
            meeting=january, by=self.office, title="Tillfällig"
        )
        with self.assertRaises(ValidationError) as caught:
            agenda.paragraph_delete(paragraph=paragraph, by=self.office)
        self.assertIn(
            "numreringen löper vidare i sammanträdet 2023-02-24", caught.exception.messages[0]
        )
        self.assertTrue(january.paragraphs.filter(pk=paragraph.pk).exists())


class StartFromTests(AgendaTestCase):
    def test_a_meeting_starts_from_a_saved_template(self):
        template = agenda.agenda_template_save(
            meeting=self.meeting, by=self.office, name="Budgetmöte", association=self.association
        )
        self.assertEqual(template.items.count(), 7)
        later = services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2023, 3, 24),
            starts_at=T(9),
            ends_at=T(12),
            place="Kommunhuset",
        )
        agenda.agenda_start_from(meeting=later, by=self.office, template=template)
        self.assertEqual(
            [i.title for i in later.items.all()], [i.title for i in self.meeting.items.all()]
        )
        self.assertEqual(later.items.get(title="Budgetuppföljning").case_number, "")

    def test_a_meeting_starts_from_the_previous_agenda(self):
        later = services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2023, 3, 3),
            starts_at=T(9),
            ends_at=T(12),
            place="Kommunhuset",
        )
        self.assertEqual(selectors.previous_meeting(later), self.meeting)
        agenda.agenda_start_from(meeting=later, by=self.office, previous=self.meeting)
        self.assertIn("Budgetuppföljning", [i.title for i in later.items.all()])

    def test_an_agenda_already_drafted_is_not_replaced(self):
        agenda.paragraphs_from_agenda(meeting=self.meeting, by=self.office)
        template = agenda.agenda_template_save(
            meeting=self.meeting, by=self.office, name="Mall", association=self.association
        )
        with self.assertRaises(ValidationError):
            agenda.agenda_start_from(meeting=self.meeting, by=self.office, template=template)

    def test_another_forbunds_template_is_refused(self):
        template = AgendaTemplate.objects.create(association=self.other, name="Deras")
        with self.assertRaises(ValidationError):
            agenda.agenda_start_from(meeting=self.meeting, by=self.office, template=template)


class AgendaPageTests(AgendaTestCase):
    def url(self, name: str, *args) -> str:
        return reverse(f"meetings:{name}", args=["sundsvall", self.meeting.pk, *args])

    def test_the_kansli_drafts_and_deletes_through_the_pages(self):
        self.login(self.office)
        response = self.client.post(self.url("agenda_draft"))
        self.assertRedirects(response, self.url("detail"))
        self.assertEqual(self.meeting.paragraphs.count(), 7)
        paragraph = self.meeting.paragraphs.get(title="Föregående protokoll")
        response = self.client.post(
            self.url("paragraph_action", paragraph.pk), {"action": "delete"}, follow=True
        )
        self.assertContains(response, "paragraferna efter har fått nya nummer")
        self.assertEqual(self.meeting.paragraphs.count(), 6)

    def test_the_template_pages(self):
        self.login(self.office)
        self.assertEqual(self.client.get(self.url("agenda_template")).status_code, 200)
        response = self.client.post(self.url("agenda_template"), {"name": ""})
        self.assertContains(response, "Detta fält måste fyllas i.", status_code=400)
        self.client.post(self.url("agenda_template"), {"name": "Budgetmöte"})
        template = AgendaTemplate.objects.get(association=self.association, name="Budgetmöte")
        response = self.client.get(self.url("agenda_start"))
        self.assertContains(response, "Mallen Budgetmöte")
        response = self.client.post(self.url("agenda_start"), {"source": f"mall-{template.pk}"})
        self.assertRedirects(response, self.url("detail"))

    def test_a_reader_may_not_and_an_outsider_sees_nothing(self):
        self.login(self.board)
        self.assertEqual(self.client.post(self.url("agenda_draft")).status_code, 403)
        self.assertEqual(self.client.get(self.url("agenda_start")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.post(self.url("agenda_draft")).status_code, 404)
        self.assertFalse(self.meeting.paragraphs.exists())
