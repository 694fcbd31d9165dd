"""Each member's decision on the årsredovisning and ansvarsfrihet: the seeds' decisions in
the demo, the årshjul item it completes, and who reads and writes."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.control import selectors, services
from samordna.control.models import CycleKind, Occurrence
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.control import text_pdf

D = datetime.date


class DischargeTests(SamordnaTestCase):
    def test_the_demo_has_the_decision_paragraph_102_reports(self):
        lines = {
            line.member.name: line.decision
            for line in selectors.discharges_for(self.association, 2021)
        }
        fk = lines["Försäkringskassan"]
        assert fk is not None
        self.assertTrue(fk.report_approved and fk.discharge_granted)
        paragraph = fk.reported_in
        assert paragraph is not None
        self.assertEqual((paragraph.meeting.date, paragraph.number), (D(2022, 10, 21), 102))
        self.assertIsNone(lines["Sundsvalls kommun"])

    def test_a_members_decision_completes_its_item_in_the_arshjul(self):
        kommun = self.association.members.get(name="Sundsvalls kommun")
        services.discharge_record(
            association=self.association,
            member=kommun,
            year=2022,
            body="Kommunfullmäktige",
            decided_on=D(2023, 4, 24),
            report_approved=True,
            discharge_granted=True,
            by=self.office,
        )
        occurrence = Occurrence.objects.get(
            item__association=self.association,
            item__kind=CycleKind.DISCHARGE,
            item__member=kommun,
            year=2023,
        )
        self.assertEqual(occurrence.done_on, D(2023, 4, 24))

    def test_the_decision_as_a_file_is_kept_and_read_by_the_revisor(self):
        kommun = self.association.members.get(name="Sundsvalls kommun")
        upload = SimpleUploadedFile(
            "beslut.pdf", text_pdf(["Kommunfullmäktige beviljar ansvarsfrihet"]), "application/pdf"
        )
        decision = services.discharge_record(
            association=self.association,
            member=kommun,
            year=2022,
            body="Kommunfullmäktige",
            decided_on=D(2023, 4, 24),
            discharge_granted=True,
            file=upload,
            by=self.office,
        )
        self.assertEqual(decision.content_type, "application/pdf")
        self.assertEqual(decision.history.latest().history_user, self.office)
        again = services.discharge_record(
            association=self.association, member=kommun, year=2022, body="KF", by=self.office
        )
        self.assertEqual(again.file.name, decision.file.name)  # recorded again: the file stays
        self.login(self.auditor)
        page = self.client.get(self.url("styrning/ansvarsfrihet/?ar=2022"))
        self.assertContains(page, f"styrning/ansvarsfrihet/{decision.pk}/fil/")
        response = self.client.get(self.url(f"styrning/ansvarsfrihet/{decision.pk}/fil/"))
        self.assertEqual(b"".join(response.streaming_content)[:5], b"%PDF-")  # type: ignore[attr-defined]
        self.login(self.outsider)
        self.assertEqual(
            self.client.get(self.url(f"styrning/ansvarsfrihet/{decision.pk}/fil/")).status_code,
            404,
        )

    def test_a_decision_file_that_is_not_a_pdf_is_refused_and_nothing_is_saved(self):
        kommun = self.association.members.get(name="Sundsvalls kommun")
        with self.assertRaisesMessage(ValidationError, "innehållet är inte en PDF-fil"):
            services.discharge_record(
                association=self.association,
                member=kommun,
                year=2022,
                body="Kommunfullmäktige",
                file=SimpleUploadedFile("beslut.pdf", b"nej", "application/pdf"),
                by=self.office,
            )
        self.assertFalse(self.association.member_discharges.filter(member=kommun).exists())

    def test_a_decision_within_the_year_it_concerns_is_refused(self):
        with self.assertRaisesMessage(ValidationError, "efter årets slut"):
            services.discharge_record(
                association=self.association,
                member=self.association.members.get(name="Sundsvalls kommun"),
                year=2022,
                body="Kommunfullmäktige",
                decided_on=D(2022, 12, 1),
                by=self.office,
            )

    def test_the_revisor_reads_only_the_kansli_writes_and_the_outsider_finds_nothing(self):
        self.login(self.auditor)
        with self.assertNumQueries(5):
            response = self.client.get(self.url("styrning/ansvarsfrihet/?ar=2021"))
        self.assertContains(response, "Beviljad")
        self.assertEqual(self.client.get(self.url("styrning/ansvarsfrihet/ny/")).status_code, 403)
        self.login(self.office)
        self.assertEqual(self.client.get(self.url("styrning/ansvarsfrihet/ny/")).status_code, 200)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("styrning/ansvarsfrihet/")).status_code, 404)


class DischargeYearPageTests(SamordnaTestCase):
    def test_a_year_without_decisions_points_to_the_newest_year_with_them(self):
        decided = sorted(set(self.association.member_discharges.values_list("year", flat=True)))
        self.assertTrue(decided)  # the demo's decisions (003_ § 102, 000_ § 125)
        self.login(self.office)
        response = self.client.get(
            reverse("control:discharges", args=[self.association.slug]) + "?ar=2099"
        )
        self.assertContains(
            response,
            f"Inga medlemmar har registrerat beslut för 2099 ännu. Senaste år med beslut är "
            f'<a class="anchor" href="?ar={decided[-1]}">{decided[-1]}</a>.',
            html=False,
        )
        with_decisions = self.client.get(
            reverse("control:discharges", args=[self.association.slug]) + f"?ar={decided[-1]}"
        )
        self.assertNotContains(with_decisions, "Inga medlemmar har registrerat")
