"""Old protocols brought in: upload (one file or a zip), read once and kept as a pending
import; the kansli checks and corrects the parse, then confirms it as one historical
justerad meeting (`meetings.services.past_meetings.register_past_meeting`) with the file
as its original."""

import datetime
import difflib
import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, BoardSeat, Person
from samordna.associations.selectors import board_on
from samordna.core.models import TaskProgress
from samordna.core.services import delete_with_history, progress_start, save_with_history
from samordna.core.text import format_kronor
from samordna.imports.archive import MAX_MEMBER_BYTES, read_zip
from samordna.imports.extract import Refused, extract
from samordna.imports.minutes import swedish
from samordna.imports.minutes.checks import check_people, fold
from samordna.imports.minutes.parse import parse
from samordna.imports.models import ImportBatch, PendingImport
from samordna.imports.stored import stored
from samordna.interventions.models import Application, Outcome
from samordna.interventions.selectors import sought_by_year
from samordna.interventions.services import OPEN, grants
from samordna.interventions.services.grants import AmountInput
from samordna.meetings.models import ApprovedMinutes, Paragraph, Presence
from samordna.meetings.past import PastParagraph
from samordna.meetings.services.past_meetings import register_past_meeting
from samordna.meetings.services.proceedings import RollCallEntry

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
READABLE_SUFFIXES = {".pdf", ".docx", ".txt"}
# Names this close (difflib ratio on the folded names) are the same person misspelt.
NAME_MATCH_RATIO = 0.85


@dataclass
class UploadResult:
    created: list[PendingImport] = field(default_factory=list)
    # One Swedish message per file not kept, naming the file.
    refused: list[str] = field(default_factory=list)
    # A zip is read in the background: the task that reads it.
    progress: TaskProgress | None = None


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def already_imported(association: Association, sha256: str) -> str | None:
    """Why a file with this hash cannot be imported again, or None."""
    approved = (
        ApprovedMinutes.objects.filter(meeting__association=association, sha256=sha256)
        .select_related("meeting")
        .first()
    )
    if approved is not None:
        return (
            "filen är redan importerad: den är originalet till sammanträdet "
            f"{approved.meeting.date:%Y-%m-%d}."
        )
    pending = PendingImport.objects.filter(association=association, sha256=sha256).first()
    if pending is not None:
        return f"filen är redan uppladdad och väntar på granskning (som {pending.filename})."
    return None


def upload_protocols(*, association: Association, by: User, upload: UploadedFile) -> UploadResult:
    """Read one protocol file or a zip of many. Each readable protocol is kept as a pending
    import with its parse; every other file gets a message naming it and nothing is saved
    for it."""
    name = PurePosixPath(upload.name or "protokoll").name
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        return UploadResult(refused=[f"{name}: filen är större än 100 MB."])
    data = upload.read()
    result = UploadResult()
    if not data:
        result.refused.append(f"{name}: filen är tom.")
        return result
    if name.lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                archive.infolist()
        except (zipfile.BadZipFile, ValueError):
            result.refused.append(f"{name}: zip-arkivet är skadat och kan inte läsas.")
            return result
        result.progress = _batch_start(association, by, name, data)
        return result
    if len(data) > MAX_MEMBER_BYTES:
        result.refused.append(f"{name}: filen är större än 25 MB.")
        return result
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        result.refused.append(
            f"{name}: bara PDF, Word (.docx), text (.txt) och zip-arkiv med sådana filer läses."
        )
        return result
    _one(association, by, name, data, result)
    return result


@transaction.atomic
def _batch_start(association: Association, by: User, name: str, data: bytes) -> TaskProgress:
    """Keep the zip and read it in the background; its page shows how far it has come."""
    batch = ImportBatch(association=association, filename=name[-255:], created_by=by)
    batch.file.save(name, ContentFile(data), save=False)
    save_with_history(batch, by=by)
    upload_url = reverse("imports:upload", args=[association.slug])
    progress = progress_start(
        title=f"Inläsning av protokollen i {name}",
        task_path="samordna.imports.tasks.zip_read_task",
        arguments={"batch_id": batch.pk, "by_id": by.pk},
        by=by,
        association=association,
        done_url=f"{upload_url}?zip={batch.pk}",
    )
    batch.progress = progress
    save_with_history(batch, by=by, update_fields=["progress"])
    return progress


Report = Callable[[int, int, str], None]


def batch_read(*, batch: ImportBatch, by: User, report: Report) -> UploadResult:
    """Read every protocol in a kept zip: each readable one becomes its own pending import
    (in its own transaction, so a failure halfway leaves whole imports and nothing half
    saved), every other file a Swedish message naming it. Read again after a failure, the
    protocols this zip already gave are counted, not refused as duplicates."""
    result = UploadResult()
    name = batch.filename
    if batch.finished_at is not None:
        raise ValidationError(f"{name} är redan inläst.")
    with batch.file.open("rb") as kept:
        data = kept.read()
    try:
        unpacked = read_zip(data, name)
    except Refused as error:
        unpacked = None
        result.refused.append(error.message)
    if unpacked is not None:
        result.refused.extend(unpacked.skipped)
        if not unpacked.members:
            result.refused.append(f"{name}: zip-arkivet innehåller inga protokoll att läsa.")
        total = len(unpacked.members)
        for done, member in enumerate(unpacked.members):
            report(done, total, f"{member.name} läses ({done + 1} av {total}).")
            _one(batch.association, by, f"{name}/{member.name}", member.data, result, batch)
    with transaction.atomic():
        current = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        current.refused = result.refused
        current.finished_at = timezone.now()
        current.file.delete(save=False)
        save_with_history(current, by=by, update_fields=["refused", "finished_at", "file"])
    batch.refresh_from_db()
    return result


def _one(
    association: Association,
    by: User,
    name: str,
    data: bytes,
    result: UploadResult,
    batch: ImportBatch | None = None,
) -> None:
    sha256 = _digest(data)
    if batch is not None:
        earlier = PendingImport.objects.filter(
            association=association, sha256=sha256, batch=batch
        ).first()
        if earlier is not None:  # read before a failure, or twice in the same zip
            if earlier.filename != name[-255:]:
                result.refused.append(
                    f"{name}: samma fil som {earlier.filename} i arkivet; den läses en gång."
                )
            else:
                result.created.append(earlier)
            return
    reason = already_imported(association, sha256)
    if reason:
        result.refused.append(f"{name}: {reason}")
        return
    try:
        extracted = extract(data, name)
        parsed = parse(extracted)
    except Refused as error:
        result.refused.append(error.message)
        return
    data_parsed = stored(parsed, extracted)
    if parsed.date is not None:
        board = board_on(association, parsed.date)
        known = [str(seat.person) for seat in board.ordinary + board.substitutes]
        data_parsed["problems"] += [
            {"field": p.field, "message": p.message, "line": p.line}
            for p in check_people(parsed, known)
        ]
    base = PurePosixPath(name).name
    pending = PendingImport(
        association=association,
        filename=name[-255:],
        sha256=sha256,
        parsed=data_parsed,
        created_by=by,
        batch=batch,
    )
    with transaction.atomic():
        pending.file.save(base, ContentFile(data), save=False)
        try:
            save_with_history(pending, by=by)
        except ValidationError:
            pending.file.delete(save=False)
            raise
    result.created.append(pending)


@transaction.atomic
def discard_import(*, pending: PendingImport, by: User) -> None:
    if pending.meeting_id:
        raise ValidationError("Protokollet är redan importerat och kan inte tas bort här.")
    pending.file.delete(save=False)
    delete_with_history(pending, by=by)


# Names


def name_key(name: str) -> str:
    """ "Christina Nordenö (S)", "CHRISTINA NORDENÖ", "Christina Nordeno": one key."""
    return fold(swedish.strip_party(name))


def match_person(name: str, people: list[Person]) -> Person | None:
    """The förbund's person this name is, tolerating case, diacritics, a party label and a
    typo; None when no one is close enough (or two are equally close)."""
    key = name_key(name)
    if not key:
        return None
    exact = [p for p in people if name_key(f"{p.first_name} {p.last_name}") == key]
    if len(exact) == 1:
        return exact[0]
    scored = sorted(
        (
            (
                difflib.SequenceMatcher(
                    None, key, name_key(f"{p.first_name} {p.last_name}")
                ).ratio(),
                p,
            )
            for p in people
        ),
        key=lambda pair: -pair[0],
    )
    if not scored or scored[0][0] < NAME_MATCH_RATIO:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def _split_name(name: str) -> tuple[str, str]:
    words = swedish.strip_party(name).split()
    if len(words) < 2:
        raise ValidationError(f"”{name}” är inte ett för- och efternamn; rätta namnet.")
    return " ".join(words[:-1]), words[-1]


# Confirming


NEW = "new"


@dataclass
class AttendanceRow:
    name: str
    role: str  # "member" | "substitute" | "other"
    present: bool = True
    remote: bool = False
    # Taking part in the decisions: for an ersättare, serving for an absent ledamot.
    voting: bool = False
    serves_for: str = ""
    organisation: str = ""
    from_number: int | None = None
    until_number: int | None = None
    person: str = NEW  # a Person's pk, or NEW


@dataclass
class ImportParagraphRow:
    """One § of an old protocol as the kansli confirms it in the preview (the minutes' own
    § with its quorum is `meetings.selectors.ParagraphRow`)."""

    number: int
    title: str
    case_number: str = ""
    matter: str = ""
    proposal: str = ""
    decision: str = ""
    recused: list[str] = field(default_factory=list)
    # Amount, start, end, as the protocol grants them; kept on the import, and recorded
    # as the board's decision in this § on the chosen application (an open application of
    # the insats the § is about, a pk) when there is one.
    grants: list[tuple[int, datetime.date | None, datetime.date | None]] = field(
        default_factory=list
    )
    application: str = ""


@dataclass
class MeetingFacts:
    date: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    place: str
    approved_on: datetime.date
    posted_on: datetime.date
    taken_down_on: datetime.date
    chair: str = ""
    secretary: str = ""
    adjusters: list[str] = field(default_factory=list)


class _People:
    """The förbund's people by name; a name not among them becomes a new person, created in
    the confirming transaction."""

    def __init__(self, association: Association, by: User):
        self.association = association
        self.by = by
        self.people = list(Person.objects.filter(association=association))

    def get(self, name: str, choice: str = "") -> Person:
        if choice and choice != NEW:
            person = next((p for p in self.people if str(p.pk) == choice), None)
            if person is None:
                raise ValidationError(f"{name}: den valda personen hör inte till förbundet.")
            return person
        found = match_person(name, self.people) if choice != NEW else None
        if found is not None:
            return found
        key = name_key(name)
        created = next((p for p in self.people if name_key(str(p)) == key), None)
        if created is not None:
            return created
        first, last = _split_name(name)
        person = Person(association=self.association, first_name=first, last_name=last)
        save_with_history(person, by=self.by)
        self.people.append(person)
        return person


def _absent_and_serving(
    board: list[BoardSeat], entries: list[RollCallEntry], voting: list[int]
) -> list[RollCallEntry]:
    """The upprop as the board register completes it: a seat the protocol does not name
    was absent; a tjänstgörande ersättare whose protocol does not say for whom serves for
    the absent ledamot the register gives (personal ersättare first, else the only absent
    ledamot of the same member)."""
    named = {entry.seat.pk for entry in entries}
    absent = [
        RollCallEntry(seat=seat, presence=Presence.ABSENT) for seat in board if seat.pk not in named
    ]
    absent_ordinary = [
        e.seat
        for e in [*entries, *absent]
        if e.presence == Presence.ABSENT and e.seat.kind == "ordinary"
    ]
    served = {e.serves_for.pk for e in entries if e.serves_for is not None}
    completed = []
    for entry in entries:
        if entry.seat.pk in voting and entry.serves_for is None:
            free = [s for s in absent_ordinary if s.pk not in served]
            personal = [s for s in free if s.pk == entry.seat.substitute_for_id]
            same_member = [s for s in free if s.member_id == entry.seat.member_id]
            choice = personal or (same_member if len(same_member) == 1 else [])
            if choice:
                entry = RollCallEntry(
                    seat=entry.seat,
                    presence=entry.presence,
                    serves_for=choice[0],
                    from_number=entry.from_number,
                    until_number=entry.until_number,
                )
                served.add(choice[0].pk)
        completed.append(entry)
    return completed + absent


ROLE_LABELS = {"member": "Ledamot", "substitute": "Ersättare"}


def open_applications(association: Association) -> list[Application]:
    """The applications a § of an old protocol can decide: sent in and not yet decided
    (the kansli enters an application that came on paper before importing its decision)."""
    return list(
        Application.objects.filter(association=association, status__in=OPEN)
        .select_related("intervention")
        .order_by("name", "pk")
    )


def _grant_decisions(
    association: Association, date: datetime.date, paragraphs: list[ImportParagraphRow]
) -> dict[int, tuple[Application, str, list[AmountInput]]]:
    """The board's decision each § with grants makes on its chosen application: one amount
    per calendar year, granted in full or in part as the application sought."""
    applications = {str(a.pk): a for a in open_applications(association)}
    decisions: dict[int, tuple[Application, str, list[AmountInput]]] = {}
    chosen: dict[str, int] = {}
    for paragraph in paragraphs:
        if not paragraph.application:
            continue
        application = applications.get(paragraph.application)
        if application is None:
            raise ValidationError(
                f"§ {paragraph.number}: ansökan finns inte bland förbundets inskickade, "
                "obeslutade ansökningar."
            )
        if not paragraph.grants:
            raise ValidationError(
                f"§ {paragraph.number}: ange de beviljade medlen för att registrera beslutet om "
                f"{application.name}."
            )
        if paragraph.application in chosen:
            raise ValidationError(
                f"§ {paragraph.number}: ansökan {application.name} beslutas redan i "
                f"§ {chosen[paragraph.application]}."
            )
        chosen[paragraph.application] = paragraph.number
        amounts = []
        for amount, start, end in paragraph.grants:
            years = {d.year for d in (start, end) if d} or {date.year}
            if len(years) > 1:
                raise ValidationError(
                    f"§ {paragraph.number}: {format_kronor(amount)} gäller flera år "
                    f"({start:%Y-%m-%d}–{end:%Y-%m-%d}); dela upp beloppet på en rad per år."
                )
            amounts.append(AmountInput(year=years.pop(), amount=amount))
        total = sum(a.amount for a in amounts)
        sought = sum(sought_by_year(application).values())
        outcome = Outcome.GRANTED if total >= sought else Outcome.PARTLY
        decisions[paragraph.number] = (application, outcome, amounts)
    return decisions


@transaction.atomic
def confirm_import(
    *,
    pending: PendingImport,
    by: User,
    facts: MeetingFacts,
    attendance: list[AttendanceRow],
    paragraphs: list[ImportParagraphRow],
) -> ApprovedMinutes:
    """Save the checked parse as one historical justerad meeting, the file as its original;
    the people it names that the förbund does not have are created in the same transaction."""
    pending = PendingImport.objects.select_for_update().get(pk=pending.pk)
    if pending.meeting_id:
        raise ValidationError("Protokollet är redan importerat.")
    duplicate = ApprovedMinutes.objects.filter(
        meeting__association=pending.association, sha256=pending.sha256
    ).first()
    if duplicate is not None:
        raise ValidationError(
            f"{pending.filename}: filen är redan importerad: den är originalet till "
            f"sammanträdet {duplicate.meeting.date:%Y-%m-%d}."
        )
    association = pending.association
    people = _People(association, by)
    board = board_on(association, facts.date)
    seats: dict[int, BoardSeat] = {
        seat.person_id: seat for seat in board.ordinary + board.substitutes
    }

    def seat_of(name: str, choice: str = "") -> BoardSeat | None:
        return seats.get(people.get(name, choice).pk)

    entries: list[RollCallEntry] = []
    voting_substitutes: dict[int, bool] = {}
    guests: list[dict] = []
    for row in attendance:
        seat = seat_of(row.name, row.person) if row.role != "other" else None
        if seat is not None:
            serves_for = None
            if row.serves_for.strip():
                serves_for = seat_of(row.serves_for)
                if serves_for is None:
                    raise ValidationError(
                        f"{row.name} tjänstgör för {row.serves_for}, som inte satt i styrelsen "
                        f"{facts.date:%Y-%m-%d}."
                    )
            presence = (
                Presence.ABSENT
                if not row.present
                else (Presence.REMOTE if row.remote else Presence.PRESENT)
            )
            voting_substitutes[seat.pk] = row.voting and row.present and not serves_for
            entries.append(
                RollCallEntry(
                    seat=seat,
                    presence=presence,
                    serves_for=serves_for,
                    from_number=row.from_number,
                    until_number=row.until_number,
                )
            )
        elif row.present:
            if row.role != "other":
                people.get(row.name, row.person)
            role = row.organisation
            if row.role != "other":
                label = f"{ROLE_LABELS[row.role]} (inte i styrelseregistret den dagen)"
                role = f"{label}, {role}" if role else label
            guests.append(
                {
                    "name": swedish.strip_party(row.name)[:200],
                    "role": role[:200],
                    "from_number": row.from_number,
                    "until_number": row.until_number,
                }
            )
    entries = _absent_and_serving(
        board.ordinary + board.substitutes,
        entries,
        [pk for pk, voting in voting_substitutes.items() if voting],
    )
    past: list[PastParagraph] = []
    for paragraph in paragraphs:
        recusals = []
        notes = []
        for name in paragraph.recused:
            seat = seat_of(name)
            if seat is None:
                # Jäv is recorded on a board seat; one the register lacks is kept in words.
                notes.append(
                    f"{name} anmälde jäv (hade inget uppdrag i styrelseregistret "
                    f"{facts.date:%Y-%m-%d})."
                )
            else:
                recusals.append((seat, "decision"))
        past.append(
            PastParagraph(
                number=paragraph.number,
                title=paragraph.title[:300],
                case_number=paragraph.case_number,
                matter=paragraph.matter,
                proposal=paragraph.proposal,
                decision=paragraph.decision,
                minutes_notes=" ".join(notes),
                recusals=tuple(recusals),
            )
        )
    chair = people.get(facts.chair) if facts.chair.strip() else None
    secretary = people.get(facts.secretary) if facts.secretary.strip() else None
    adjusters = [people.get(name) for name in facts.adjusters if name.strip()]
    decisions = _grant_decisions(association, facts.date, paragraphs)
    pending.file.open("rb")
    try:
        original = SimpleUploadedFile(PurePosixPath(pending.file.name).name, pending.file.read())
    finally:
        pending.file.close()

    def record_decisions(saved: dict[int, Paragraph]) -> None:
        for number, (application, outcome, amounts) in decisions.items():
            try:
                grants.decision_record(
                    application=application,
                    paragraph=saved[number],
                    by=by,
                    outcome=outcome,
                    amounts=amounts,
                    write_text=False,
                )
            except ValidationError as error:
                raise ValidationError(
                    f"§ {number}, beslutet om {application.name}: {' '.join(error.messages)}"
                ) from error

    approved = register_past_meeting(
        association=association,
        by=by,
        date=facts.date,
        starts_at=facts.starts_at,
        ends_at=facts.ends_at,
        place=facts.place,
        approved_on=facts.approved_on,
        posted_on=facts.posted_on,
        taken_down_on=facts.taken_down_on,
        original=original,
        paragraphs=past,
        attendance=entries,
        guests=guests,
        secretary=secretary,
        chair=chair,
        adjusters=adjusters,
        note=f"Importerat från {pending.filename}.",
        imported=True,
        in_paragraphs=record_decisions,
    )
    pending.meeting = approved.meeting
    pending.parsed = {
        **pending.parsed,
        "confirmed_grants": {
            str(p.number): [
                {"amount": amount, "start": _day(start), "end": _day(end)}
                for amount, start, end in p.grants
            ]
            for p in paragraphs
            if p.grants
        },
        "grant_decisions": {
            str(number): application.pk for number, (application, _, _) in decisions.items()
        },
    }
    save_with_history(pending, by=by)
    return approved
