"""Every write of the diarium: the Dnr series, ärenden and handlingar (registered by the
kansli or by themselves when something happens elsewhere in Samordna), secrecy, requests for
copies, the dokumenthanteringsplan and the gallring it decides. Each records who acted."""

import datetime
import hashlib
import secrets
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import get_valid_filename

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.control.models import DelegationDecision
from samordna.core.documents import page_context, render_pdf
from samordna.core.services import (
    apply_changes,
    delete_with_history,
    email_queue,
    progress_start,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.core.uploads import Limits, UploadRefused, check_zip, read_upload
from samordna.meetings import services as meeting_services
from samordna.meetings.models import (
    AgendaItem,
    Attachment,
    ItemKind,
    Meeting,
    Paragraph,
)
from samordna.meetings.services import papers
from samordna.records import selectors
from samordna.records.models import (
    DNR_PLACEHOLDERS,
    ArchivePackage,
    Case,
    CaseStatus,
    CopyRequest,
    DnrCounter,
    DocumentType,
    Handling,
    HandlingDirection,
    HandlingFile,
    Registry,
    Retention,
    WeedingEntry,
    WeedingList,
    format_dnr,
    year_closed,
)

ARCHIVE_TASK = selectors.ARCHIVE_TASK
UPLOAD_LIMITS = Limits(
    max_bytes=25 * 1024 * 1024,
    max_rows=0,
    max_columns=0,
    max_cell_chars=0,
    max_unpacked_bytes=100 * 1024 * 1024,
)
# Requests for copies one address may send in an hour.
COPY_REQUESTS_PER_HOUR = 5

# The registry and its plan


@transaction.atomic
def registry_for(association: Association, *, by: User | None = None) -> Registry:
    """The förbund's diarium, saved with the default dokumenthanteringsplan the first time
    something is written to it (reads use `selectors.registry_of` and `plan_of`)."""
    registry = Registry.objects.filter(association=association).first()
    if registry is not None:
        return registry
    registry, created = Registry.objects.get_or_create(association=association)
    if created:
        for code, name, retention, years, always in selectors.DEFAULT_PLAN:
            DocumentType.objects.get_or_create(
                association=association,
                code=code,
                defaults={
                    "name": name,
                    "retention": retention,
                    "years": years,
                    "always_kept": always,
                },
            )
    return registry


def check_dnr_format(pattern: str) -> None:
    if "{nr}" not in pattern:
        raise ValidationError({"dnr_format": "Formen måste innehålla {nr}."})
    rest = pattern
    for placeholder in DNR_PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    if "{" in rest or "}" in rest:
        raise ValidationError(
            {"dnr_format": "Använd bara {år}, {åå} och {nr} inom klammerparenteser."}
        )


@transaction.atomic
def registry_update(*, association: Association, by: User, dnr_format: str) -> Registry:
    registry = registry_for(association)
    dnr_format = dnr_format.strip()
    check_dnr_format(dnr_format)
    if apply_changes(registry, {"dnr_format": dnr_format}):
        save_with_history(registry, by=by, update_fields=["dnr_format"])
    return registry


def _check_type(document_type: DocumentType) -> None:
    if document_type.always_kept and document_type.retention != Retention.KEEP:
        raise ValidationError(
            {"retention": "Protokoll, beslut och årsredovisningar bevaras alltid."}
        )
    if document_type.retention == Retention.YEARS and not document_type.years:
        raise ValidationError({"years": "Ange efter hur många år handlingen gallras."})
    if document_type.retention != Retention.YEARS:
        document_type.years = None


@transaction.atomic
def document_type_create(*, association: Association, by: User, **fields: Any) -> DocumentType:
    """A new row of the dokumenthanteringsplan."""
    registry_for(association)
    document_type = DocumentType(association=association, **fields)
    if DocumentType.objects.filter(association=association, code=document_type.code).exists():
        raise ValidationError({"code": "Det finns redan en handlingstyp med den koden."})
    _check_type(document_type)
    save_with_history(document_type, by=by)
    return document_type


@transaction.atomic
def document_type_update(*, document_type: DocumentType, by: User, **fields: Any) -> DocumentType:
    current = DocumentType.objects.select_for_update().get(pk=document_type.pk)
    changed = apply_changes(current, fields)
    _check_type(current)
    if changed:
        save_with_history(current, by=by, update_fields=[*changed, "years"])
    document_type.__dict__.update(current.__dict__)
    return current


def document_type_of(association: Association, code: str) -> DocumentType:
    """The förbund's document type `code` (the plan is made when missing)."""
    registry_for(association)
    return DocumentType.objects.get(association=association, code=code)


# Dnr and ärenden


def dnr_next(association: Association, year: int) -> tuple[int, str]:
    """The next number of the year's series and its Dnr. The series' row is locked until
    the transaction ends, so two registrations at once wait for each other."""
    registry = registry_for(association)
    counter, _ = DnrCounter.objects.get_or_create(association=association, year=year)
    counter = DnrCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, format_dnr(
        registry.dnr_format, year=year, number=counter.last_number
    )


def _check_case_links(case: Case) -> None:
    association_id = case.association_id
    for name in ("application", "intervention", "meeting", "control_plan"):
        linked = getattr(case, name)
        if linked is not None and linked.association_id != association_id:
            raise ValidationError({name: "Hör till ett annat förbund."})
    if case.paragraph is not None and case.paragraph.meeting.association_id != association_id:
        raise ValidationError({"paragraph": "Hör till ett annat förbund."})
    if case.officer is not None and case.officer.association_id != association_id:
        raise ValidationError({"officer": "Handläggaren hör till ett annat förbund."})


@transaction.atomic
def case_open(
    *,
    association: Association,
    by: User | None,
    title: str,
    opened_on: datetime.date | None = None,
    source_key: str = "",
    **links: Any,
) -> Case:
    """A new ärende with the next Dnr of its year's series."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Skriv vad ärendet gäller."})
    if source_key:
        existing = Case.objects.filter(association=association, source_key=source_key).first()
        if existing is not None:
            return existing
    opened_on = opened_on or timezone.localdate()
    number, dnr = dnr_next(association, opened_on.year)
    case = Case(
        association=association,
        year=opened_on.year,
        number=number,
        dnr=dnr,
        title=title[:300],
        opened_on=opened_on,
        source_key=source_key,
        **links,
    )
    _check_case_links(case)
    save_with_history(case, by=by)
    return case


@transaction.atomic
def case_update(*, case: Case, by: User, **fields: Any) -> Case:
    current = Case.objects.select_for_update().get(pk=case.pk)
    if "title" in fields:
        fields["title"] = fields["title"].strip()
        if not fields["title"]:
            raise ValidationError({"title": "Skriv vad ärendet gäller."})
    changed = apply_changes(current, fields)
    if changed:
        _check_case_links(current)
        save_with_history(current, by=by, update_fields=changed)
        if "title" in changed:
            for handling in current.handlings.select_related("case"):
                _refresh_search(handling)
    case.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def case_close(*, case: Case, by: User, closed_on: datetime.date | None = None) -> Case:
    """The ärende is done (avslutat); handlingar weeded vid inaktualitet may go after this."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.status == CaseStatus.CLOSED:
        raise ValidationError("Ärendet är redan avslutat.")
    current.status = CaseStatus.CLOSED
    current.closed_on = closed_on or timezone.localdate()
    save_with_history(current, by=by, update_fields=["status", "closed_on"])
    case.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def case_reopen(*, case: Case, by: User) -> Case:
    current = Case.objects.select_for_update().get(pk=case.pk)
    current.status = CaseStatus.OPEN
    current.closed_on = None
    save_with_history(current, by=by, update_fields=["status", "closed_on"])
    case.__dict__.update(current.__dict__)
    return current


# Handlingar


def _refresh_search(handling: Handling) -> None:
    """The texts the register's search reads: all of it, and what the public may see."""
    case = handling.case
    everything = [case.dnr, handling.number, case.title, handling.description]
    public = [case.dnr, handling.number, case.title]
    everything += [handling.organisation, handling.person_name]
    if not handling.secret_description:
        public.append(handling.description)
    if not handling.secret_organisation:
        public.append(handling.organisation)
    search_text = " ".join(p for p in everything if p).lower()
    public_text = " ".join(p for p in public if p).lower()
    Handling.objects.filter(pk=handling.pk).update(search_text=search_text, public_text=public_text)
    handling.search_text, handling.public_text = search_text, public_text


def detected_type(data: bytes, filename: str) -> str:
    """The file's type from its first bytes; refused when it is none Samordna keeps."""
    lower = filename.lower()
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        check_zip(data, UPLOAD_LIMITS)
        if lower.endswith(".docx"):
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if lower.endswith(".xlsx"):
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif lower.endswith((".txt", ".eml")) and b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return "message/rfc822" if lower.endswith(".eml") else "text/plain"
    raise UploadRefused(
        "Filen är inte en PDF, en bild (PNG, JPEG), ett Word- eller Excel-dokument eller "
        "text (e-post sparad som .eml)."
    )


def _store(handling: Handling, filename: str, data: bytes, content_type: str) -> HandlingFile:
    name = get_valid_filename(filename)[-150:] or "fil"
    stored = HandlingFile(
        handling=handling,
        filename=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    return stored


def read_files(uploads: Sequence[UploadedFile]) -> list[tuple[str, bytes, str]]:
    """Each upload read once under the limits, with its detected type."""
    files = []
    for upload in uploads:
        data = read_upload(upload, UPLOAD_LIMITS)
        name = upload.name or "fil"
        files.append((name, data, detected_type(data, name)))
    return files


def _check_secrecy(handling: Handling) -> None:
    if handling.is_secret:
        problems = {}
        if not handling.osl_chapter:
            problems["osl_chapter"] = "Ange kapitlet i offentlighets- och sekretesslagen."
        elif not 1 <= handling.osl_chapter <= 44:
            problems["osl_chapter"] = "OSL har kapitel 1–44."
        if not handling.osl_section.strip():
            problems["osl_section"] = "Ange paragrafen, t.ex. 1 eller 1 a."
        if not handling.secrecy_reason.strip():
            problems["secrecy_reason"] = "Skriv skälet till sekretessen."
        if problems:
            raise ValidationError(problems)
    else:
        handling.osl_chapter = None
        handling.osl_section = ""
        handling.secrecy_reason = ""


@transaction.atomic
def handling_register(
    *,
    case: Case,
    by: User | None,
    direction: str,
    date: datetime.date,
    description: str,
    document_type: DocumentType,
    organisation: str = "",
    person_name: str = "",
    files: Sequence[tuple[str, bytes, str]] = (),
    source_key: str = "",
    secret_description: bool = False,
    secret_organisation: bool = False,
    secret_files: bool = False,
    osl_chapter: int | None = None,
    osl_section: str = "",
    secrecy_reason: str = "",
) -> Handling:
    """A handling in the ärende, with the next löpnummer and its files (read by
    `read_files`)."""
    association = case.association
    if source_key:
        existing = Handling.objects.filter(association=association, source_key=source_key).first()
        if existing is not None:
            return existing
    if document_type.association_id != association.pk:
        raise ValidationError({"document_type": "Handlingstypen hör till ett annat förbund."})
    if date > timezone.localdate():
        raise ValidationError({"date": "Datumet kan inte ligga i framtiden."})
    locked = Case.objects.select_for_update().get(pk=case.pk)
    top = locked.handlings.aggregate(top=Max("sequence"))["top"] or 0
    handling = Handling(
        association=association,
        case=locked,
        sequence=top + 1,
        direction=direction,
        date=date,
        description=description.strip()[:500],
        organisation=organisation.strip()[:300],
        person_name=person_name.strip()[:200],
        document_type=document_type,
        source_key=source_key,
        registered_by=by,
        secret_description=secret_description,
        secret_organisation=secret_organisation,
        secret_files=secret_files,
        osl_chapter=osl_chapter,
        osl_section=osl_section.strip(),
        secrecy_reason=secrecy_reason.strip(),
    )
    if not handling.description:
        raise ValidationError({"description": "Beskriv handlingen."})
    _check_secrecy(handling)
    save_with_history(handling, by=by)
    for name, data, content_type in files:
        _store(handling, name, data, content_type)
    _refresh_search(handling)
    if direction == HandlingDirection.INCOMING:
        # What comes in is reported at the next meeting: its agenda gets the item.
        upcoming = selectors.next_meeting(association, timezone.localdate())
        if upcoming is not None:
            incoming_item_ensure(meeting=upcoming, by=by)
    return handling


@transaction.atomic
def handling_mark_secrecy(
    *,
    handling: Handling,
    by: User,
    secret_description: bool,
    secret_organisation: bool,
    secret_files: bool,
    osl_chapter: int | None,
    osl_section: str,
    secrecy_reason: str,
) -> Handling:
    """Mark (or lift) secrecy under a chapter and section of OSL with a reason; the marking
    and who made it are in the handling's history."""
    current = Handling.objects.select_for_update().select_related("case").get(pk=handling.pk)
    fields = {
        "secret_description": secret_description,
        "secret_organisation": secret_organisation,
        "secret_files": secret_files,
        "osl_chapter": osl_chapter,
        "osl_section": osl_section.strip(),
        "secrecy_reason": secrecy_reason.strip(),
    }
    for name, value in fields.items():
        setattr(current, name, value)
    _check_secrecy(current)
    save_with_history(current, by=by, update_fields=list(fields))
    _refresh_search(current)
    handling.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def handling_add_files(
    *, handling: Handling, by: User, files: Sequence[tuple[str, bytes, str]]
) -> list[HandlingFile]:
    Handling.objects.select_for_update().get(pk=handling.pk)
    stored = [_store(handling, name, data, content_type) for name, data, content_type in files]
    # The handling's history says the files changed.
    save_with_history(handling, by=by, update_fields=[])
    return stored


# Requests for copies from the public register


def _address_hash(association: Association, address: str) -> str:
    return hashlib.sha256(
        f"{django_settings.SECRET_KEY}:kopia:{association.pk}:{address}".encode()
    ).hexdigest()


@transaction.atomic
def copy_request_submit(
    *,
    association: Association,
    handling: Handling,
    email: str,
    name: str = "",
    message: str = "",
    address: str = "",
    now: datetime.datetime | None = None,
) -> CopyRequest:
    """Someone asks for a copy of a public handling: the request is registered as an
    incoming handling in the same ärende and waits for the kansli."""
    now = now or timezone.now()
    if handling.association_id != association.pk:
        raise ValidationError("Handlingen finns inte i förbundets diarium.")
    address_hash = _address_hash(association, address) if address else ""
    if address_hash:
        recent = CopyRequest.objects.filter(
            address_hash=address_hash, created_at__gte=now - datetime.timedelta(hours=1)
        ).count()
        if recent >= COPY_REQUESTS_PER_HOUR:
            raise ValidationError(
                "Du har redan skickat flera begäranden den senaste timmen. Försök igen senare "
                "eller ring förbundet."
            )
    case = handling.case
    registered = handling_register(
        case=case,
        by=None,
        direction=HandlingDirection.INCOMING,
        date=timezone.localtime(now).date(),
        description=f"Begäran om kopia av handling {handling.number}",
        document_type=document_type_of(association, "begaran"),
        # A private person's name is kept for the kansli only, never in the public register.
        person_name=name.strip() or email.strip(),
    )
    request = CopyRequest(
        association=association,
        handling=handling,
        requested_number=handling.number,
        registered_as=registered,
        name=name.strip()[:200],
        email=email.strip(),
        message=message.strip()[:2000],
        address_hash=address_hash,
    )
    save_with_history(request, by=None)
    if association.email:
        email_queue(
            key=f"copy-request:{request.pk}",
            to=[association.email],
            template="records/email/copy_request",
            context={"request": request, "association": association},
            association=association,
        )
    return request


@transaction.atomic
def copy_request_done(
    *, request: CopyRequest, by: User, done_on: datetime.date | None = None
) -> CopyRequest:
    """The kansli answered the request (sent the copy or a decision to refuse it)."""
    current = CopyRequest.objects.select_for_update().get(pk=request.pk)
    if current.done_on is not None:
        raise ValidationError("Begäran är redan besvarad.")
    current.done_on = done_on or timezone.localdate()
    current.done_by = by
    save_with_history(current, by=by, update_fields=["done_on", "done_by"])
    request.__dict__.update(current.__dict__)
    return current


# Gallring


@transaction.atomic
def weeding_list_create(*, association: Association, year: int, by: User) -> WeedingList:
    """The year's gallringslista with what the plan lets be weeded, to be decided."""
    if WeedingList.objects.filter(association=association, year=year).exists():
        raise ValidationError({"year": f"Det finns redan en gallringslista för {year}."})
    weeding_list = WeedingList(association=association, year=year)
    save_with_history(weeding_list, by=by)
    candidates = selectors.weeding_candidates(association, year)
    if not candidates:
        raise ValidationError({"year": f"Planen ger inget att gallra {year}."})
    WeedingEntry.objects.bulk_create(
        WeedingEntry(
            weeding_list=weeding_list,
            handling=handling,
            number=handling.number,
            description=handling.description,
            document_type=handling.document_type.name,
            dated=handling.date,
            files=len(handling.files.all()),
        )
        for handling in candidates
    )
    return weeding_list


@transaction.atomic
def weeding_list_decide(
    *,
    weeding_list: WeedingList,
    by: User,
    decided_on: datetime.date,
    paragraph: Paragraph | None = None,
    delegation_decision: DelegationDecision | None = None,
) -> WeedingList:
    """The gallringslista is decided in a § or by a delegation decision."""
    current = WeedingList.objects.select_for_update().get(pk=weeding_list.pk)
    if current.decided:
        raise ValidationError("Gallringslistan är redan beslutad.")
    if (paragraph is None) == (delegation_decision is None):
        raise ValidationError("Ange antingen paragrafen eller delegationsbeslutet.")
    association_id = current.association_id
    if paragraph is not None and paragraph.meeting.association_id != association_id:
        raise ValidationError({"paragraph": "Paragrafen hör till ett annat förbund."})
    if delegation_decision is not None and delegation_decision.association_id != association_id:
        raise ValidationError({"delegation_decision": "Beslutet hör till ett annat förbund."})
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": "Datumet kan inte ligga i framtiden."})
    current.paragraph = paragraph
    current.delegation_decision = delegation_decision
    current.decided_on = decided_on
    save_with_history(
        current, by=by, update_fields=["paragraph", "delegation_decision", "decided_on"]
    )
    weeding_list.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def weeding_execute(*, weeding_list: WeedingList, by: User) -> int:
    """Delete what a decided gallringslista names, each with a log row; the files leave
    storage once the deletion is committed. Returns how many were weeded."""
    current = WeedingList.objects.select_for_update().get(pk=weeding_list.pk)
    if not current.decided:
        raise ValidationError("Gallringslistan måste beslutas innan något gallras.")
    if current.weeded_at is not None:
        raise ValidationError("Gallringslistan är redan verkställd.")
    now = timezone.now()
    weeded = 0
    allowed = {h.pk for h in selectors.weeding_candidates(current.association, current.year)}
    for entry in current.entries.select_related("handling__document_type"):
        handling = entry.handling
        # What the plan no longer lets go (a type changed since the list) stays.
        if handling is None or handling.pk not in allowed:
            continue
        paths = [(f.file.storage, f.file.name) for f in handling.files.all()]
        delete_with_history(handling, by=by)
        for storage, name in paths:
            transaction.on_commit(partial(storage.delete, name))
        # The handling's row is gone; the entry (its foreign key now empty) is the log.
        WeedingEntry.objects.filter(pk=entry.pk).update(weeded_at=now, weeded_by=by)
        weeded += 1
    current.weeded_at = now
    save_with_history(current, by=by, update_fields=["weeded_at"])
    weeding_list.__dict__.update(current.__dict__)
    return weeded


# The archive


@transaction.atomic
def archive_export_start(*, association: Association, year: int, by: User, done_url: str = ""):
    """Build the year's archive package in the background."""
    if not year_closed(year, timezone.localdate()):
        raise ValidationError({"year": "Bara ett avslutat år kan arkiveras."})
    return progress_start(
        title=f"Arkivpaket {year}",
        task_path=ARCHIVE_TASK,
        arguments={"association_id": association.pk, "year": year, "by_id": by.pk},
        by=by,
        association=association,
        done_url=done_url,
    )


def archive_case_export_start(*, case: Case, by: User, done_url: str = ""):
    """Build a closed ärende's archive package in the background."""
    if case.status != CaseStatus.CLOSED:
        raise ValidationError("Bara ett avslutat ärende kan arkiveras. Avsluta ärendet först.")
    return progress_start(
        title=f"Arkivpaket Dnr {case.dnr}",
        task_path=ARCHIVE_TASK,
        arguments={
            "association_id": case.association_id,
            "year": case.year,
            "by_id": by.pk,
            "case_id": case.pk,
        },
        by=by,
        association=case.association,
        done_url=done_url,
    )


def archive_package_save(
    *,
    association: Association,
    year: int,
    by: User | None,
    data: bytes,
    files: int,
    case: Case | None = None,
) -> ArchivePackage:
    package = ArchivePackage(
        association=association,
        year=year,
        case=case,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        files=files,
        created_by=by,
    )
    stamp = secrets.token_hex(4)
    scope = f"dnr-{case.year}-{case.number}" if case else str(year)
    package.file.save(
        f"arkivpaket-{association.slug}-{scope}-{stamp}.zip", ContentFile(data), save=False
    )
    save_with_history(package, by=by)
    return package


# The next meeting's "Inkomna handlingar"

INCOMING_TITLE = selectors.INCOMING_TITLE


def incoming_item_ensure(*, meeting: Meeting, by: User | None) -> AgendaItem | None:
    """The standing item "Inkomna handlingar" on a meeting's agenda, once (none on justerade
    minutes); its list comes from the register whenever the agenda is shown."""
    if hasattr(meeting, "approved_minutes"):
        return None
    existing = meeting.items.filter(title__iexact=INCOMING_TITLE).first()
    if existing is not None:
        return existing
    return meeting_services.agenda_item_add(
        meeting=meeting, by=by, title=INCOMING_TITLE, kind=ItemKind.REPORT, standing=True
    )


@transaction.atomic
def incoming_to_meeting(*, association: Association, by: User, today: datetime.date) -> Attachment:
    """The list of what came in since the last meeting, from the register, as the next
    Bilaga of the next meeting on its item "Inkomna handlingar" (added when missing)."""
    incoming = selectors.incoming_for_next_meeting(association, today)
    meeting = incoming.meeting
    if meeting is None:
        raise ValidationError("Det finns inget kommande sammanträde att anmäla handlingarna till.")
    item = incoming_item_ensure(meeting=meeting, by=by)
    if item is None:
        raise ValidationError("Nästa sammanträdes protokoll är redan justerat.")
    since = f" sedan {format_date(incoming.since)}" if incoming.since else ""
    pdf = render_pdf(
        "records/documents/incoming.html",
        {
            "association": association,
            "meeting": meeting,
            "since": incoming.since,
            "handlings": incoming.handlings,
            **page_context(association.name, INCOMING_TITLE),
        },
    )
    upload = SimpleUploadedFile(
        f"inkomna-handlingar-{meeting.date:%Y-%m-%d}.pdf", pdf, content_type="application/pdf"
    )
    return papers.attachment_add(
        meeting=meeting, by=by, title=f"{INCOMING_TITLE}{since}", file=upload, item=item
    )
