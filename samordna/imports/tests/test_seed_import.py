"""The three seed protocols imported from their text files, through the upload and preview
pages, into a förbund that has the demo's board register but no meetings, give the same §§
(number, title, decision), attendance, jäv, justerare and decisions as the demo's
hand-written meetings (`samordna.demo.protocols`)."""

import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.accounts.models import User
from samordna.associations.models import Association, BoardSeat, Member, Person
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.associations import ASSOCIATIONS
from samordna.imports.models import PendingImport
from samordna.imports.tests.minutes_fixtures import FIXTURES, SEEDS
from samordna.imports.tests.test_import_pages import form_data
from samordna.meetings.models import Meeting, SignerRole


def _text(value: str) -> str:
    return re.sub(r"\s+", " ", value or "").strip()


def _heading(value: str) -> str:
    """The demo writes the same kind of heading with and without a final full stop
    (2022-10-21 § 102 with, 2022-11-25 §§ 124, 127, 130, 141 without); the importer drops
    it, so the comparison does too."""
    return _text(value).rstrip(".")


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


def summary(meeting: Meeting) -> dict[str, Any]:
    """What a meeting holds that the protocol states: its §§, roll call, guests, jäv, signers."""
    return {
        "paragraphs": [
            (p.number, _heading(p.title), _text(p.decision), _text(p.case_number))
            for p in meeting.paragraphs.order_by("number")
        ],
        "roll_call": sorted(
            (
                _name(a.seat.person),
                a.presence,
                _name(a.serves_for.person) if a.serves_for else None,
                a.from_number,
                a.until_number,
            )
            for a in meeting.attendances.select_related("seat__person", "serves_for__person")
        ),
        "guests": sorted(g.name for g in meeting.guests.all()),
        "recusals": sorted(
            (r.paragraph.number, _name(r.seat.person))
            for p in meeting.paragraphs.all()
            for r in p.recusals.select_related("seat__person", "paragraph")
        ),
        "chair": sorted(
            _name(s.person) for s in meeting.signers.all() if s.role == SignerRole.CHAIR
        ),
        "adjusters": sorted(
            _name(s.person) for s in meeting.signers.all() if s.role == SignerRole.ADJUSTER
        ),
        "secretary": _name(meeting.secretary) if meeting.secretary else None,
        "place": meeting.place,
    }


class SeedImportTests(SamordnaTestCase):
    def empty_forbund_like(self, slug: str) -> tuple[Association, User]:
        """A new förbund with the demo's members, people and board seats, and no meetings."""
        demo = Association.objects.get(slug=slug)
        fields = {**ASSOCIATIONS[slug], "name": f"{ASSOCIATIONS[slug]['name']} (import)"}
        association = Association.objects.create(slug=f"{slug}-import", **fields)
        members = {}
        for member in Member.objects.filter(association=demo):
            members[member.pk] = Member.objects.create(
                association=association,
                kind=member.kind,
                name=member.name,
                organisation_number=member.organisation_number,
                share_percent=member.share_percent,
            )
        people = {}
        for person in Person.objects.filter(association=demo):
            people[person.pk] = Person.objects.create(
                association=association, first_name=person.first_name, last_name=person.last_name
            )
        seats = {}
        for seat in BoardSeat.objects.filter(association=demo).order_by("pk"):
            seats[seat.pk] = BoardSeat.objects.create(
                association=association,
                person=people[seat.person_id],
                member=members[seat.member_id],
                kind=seat.kind,
                position=seat.position,
                starts_on=seat.starts_on,
                ends_on=seat.ends_on,
                appointed_by=seat.appointed_by,
            )
        for seat in BoardSeat.objects.filter(association=demo, substitute_for__isnull=False):
            copy = seats[seat.pk]
            copy.substitute_for = seats[seat.substitute_for_id or 0]
            copy.save()
        office = User.objects.create(
            username=f"kansli.{slug}-import", role="office", association=association
        )
        return association, office

    def import_seed(self, association: Association, source: str, demo: Meeting) -> Meeting:
        """Upload the seed, open its preview and confirm what it shows, unchanged but for
        the meeting's times."""
        upload = reverse("imports:upload", args=[association.slug])
        data = (FIXTURES / source).read_bytes()
        response = self.client.post(upload, {"file": SimpleUploadedFile(source, data)})
        pending = PendingImport.objects.get(association=association, filename=source)
        self.assertRedirects(
            response, reverse("imports:preview", args=[association.slug, pending.pk])
        )
        response = self.client.get(response["Location"])
        posted = form_data(response)
        # The seeds state no times (the demo marks its own as assumed): the kansli types them.
        posted["m-starts_at"] = posted.get("m-starts_at") or demo.starts_at.strftime("%H:%M")
        posted["m-ends_at"] = posted.get("m-ends_at") or demo.ends_at.strftime("%H:%M")
        response = self.client.post(response.request["PATH_INFO"], posted)
        self.assertEqual(response.status_code, 302, response.content.decode()[-3000:])
        pending.refresh_from_db()
        assert pending.meeting is not None
        return pending.meeting

    def test_the_seed_protocols_import_as_the_demo_holds_them(self):
        for seed in SEEDS:
            with self.subTest(seed.name):
                slug = "sundsvall" if "sundsvall" in seed.source else "harnosand-timra"
                association = Association.objects.filter(slug=f"{slug}-import").first()
                if association is None:
                    association, office = self.empty_forbund_like(slug)
                else:
                    office = User.objects.get(username=f"kansli.{slug}-import")
                self.client.force_login(office)
                day = seed.expected()["date"]
                demo = Meeting.objects.get(association__slug=slug, date=day)
                imported = self.import_seed(association, seed.source, demo)
                got, want = summary(imported), summary(demo)
                for key in want:
                    self.assertEqual(got[key], want[key], f"{seed.name}: {key}")
