"""A closed year's handlingar (or a closed ärende's) as an archive package in the layout of
Riksarkivet's FGS Paketstruktur, which is built on E-ARK's Common Specification for
Information Packages:

    <förbund>-<år>/METS.xml                       every file with its SHA-256
    <förbund>-<år>/metadata/descriptive/diarium.xml   ärenden and handlingar, secrecy included
    <förbund>-<år>/representations/rep1/data/…    the files, and the year's diarieförteckning

The files are the ones kept (minutes as their PDF/A, uploads as they came; see the note
in the report for what is not yet converted). The package is for the förbund's archive, so
secret parts are whole and marked; it is never given to the public as it is."""

import datetime
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.associations.models import Association
from samordna.core.documents import page_context, render_pdf
from samordna.records.models import Case, Handling

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"
ET.register_namespace("", METS_NS)
ET.register_namespace("xlink", XLINK_NS)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class PackedFile:
    path: str  # inside the package's root folder
    data: bytes
    mimetype: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in text).strip("-") or "x"


def year_handlings(association: Association, year: int) -> list[Handling]:
    return list(
        Handling.objects.filter(association=association, date__year=year)
        .select_related("case", "document_type")
        .prefetch_related("files")
        .order_by("case__year", "case__number", "sequence")
    )


def case_handlings(case: Case) -> list[Handling]:
    return list(
        case.handlings.select_related("case", "document_type")
        .prefetch_related("files")
        .order_by("sequence")
    )


def _register_pdf(
    association: Association, year: int, handlings: list[Handling], case: Case | None
) -> bytes:
    heading = f"Dnr {case.dnr}" if case else str(year)
    context = {
        "association": association,
        "year": year,
        "case": case,
        "heading": heading,
        "handlings": handlings,
        **page_context(association.name, f"Diarieförteckning {heading}"),
    }
    return render_pdf("records/documents/register.html", context, archival=True)


def _diarium_xml(
    association: Association, year: int, rows: list[tuple[Handling, list[str]]]
) -> bytes:
    root = ET.Element("diarium", {"forbund": association.name, "ar": str(year)})
    cases: dict[int, ET.Element] = {}
    for handling, paths in rows:
        case = handling.case
        if case.pk not in cases:
            cases[case.pk] = ET.SubElement(
                root,
                "arende",
                {
                    "dnr": case.dnr,
                    "status": case.get_status_display(),
                    "registrerat": str(case.opened_on),
                },
            )
            ET.SubElement(cases[case.pk], "rubrik").text = case.title
        element = ET.SubElement(
            cases[case.pk],
            "handling",
            {
                "nummer": handling.number,
                "slag": handling.get_direction_display(),
                "datum": str(handling.date),
                "handlingstyp": handling.document_type.name,
                "bevarande": handling.document_type.rule,
            },
        )
        ET.SubElement(element, "beskrivning").text = handling.description
        if handling.organisation:
            ET.SubElement(element, "organisation").text = handling.organisation
        if handling.person_name:
            ET.SubElement(element, "privatperson").text = handling.person_name
        if handling.is_secret:
            secrecy = ET.SubElement(
                element,
                "sekretess",
                {
                    "lagrum": handling.osl,
                    "beskrivning": "ja" if handling.secret_description else "nej",
                    "organisation": "ja" if handling.secret_organisation else "nej",
                    "filer": "ja" if handling.secret_files else "nej",
                },
            )
            secrecy.text = handling.secrecy_reason
        for path in paths:
            ET.SubElement(element, "fil", {"sokvag": path})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _mets(
    package_id: str, association: Association, files: list[PackedFile], created: str
) -> bytes:
    root = ET.Element(
        f"{{{METS_NS}}}mets",
        {
            "OBJID": package_id,
            "LABEL": f"Diarium {package_id}",
            "TYPE": "Diarium",
            "PROFILE": CSIP_PROFILE,
        },
    )
    header = ET.SubElement(
        root, f"{{{METS_NS}}}metsHdr", {"CREATEDATE": created, "RECORDSTATUS": "NEW"}
    )
    agent = ET.SubElement(
        header, f"{{{METS_NS}}}agent", {"ROLE": "CREATOR", "TYPE": "ORGANIZATION"}
    )
    ET.SubElement(agent, f"{{{METS_NS}}}name").text = association.name
    software = ET.SubElement(
        header, f"{{{METS_NS}}}agent", {"ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"}
    )
    ET.SubElement(software, f"{{{METS_NS}}}name").text = "Samordna"
    file_sec = ET.SubElement(root, f"{{{METS_NS}}}fileSec")
    groups = {
        "metadata": ET.SubElement(file_sec, f"{{{METS_NS}}}fileGrp", {"USE": "Descriptive"}),
        "representations": ET.SubElement(
            file_sec, f"{{{METS_NS}}}fileGrp", {"USE": "Representations/rep1/data"}
        ),
    }
    struct = ET.SubElement(root, f"{{{METS_NS}}}structMap", {"TYPE": "PHYSICAL", "LABEL": "CSIP"})
    division = ET.SubElement(struct, f"{{{METS_NS}}}div", {"LABEL": package_id})
    for number, packed in enumerate(files, start=1):
        file_id = f"ID{number:06d}"
        group = groups[packed.path.split("/", 1)[0]]
        element = ET.SubElement(
            group,
            f"{{{METS_NS}}}file",
            {
                "ID": file_id,
                "MIMETYPE": packed.mimetype,
                "SIZE": str(len(packed.data)),
                "CREATED": created,
                "CHECKSUM": packed.sha256,
                "CHECKSUMTYPE": "SHA-256",
            },
        )
        ET.SubElement(
            element,
            f"{{{METS_NS}}}FLocat",
            {"LOCTYPE": "URL", f"{{{XLINK_NS}}}type": "simple", f"{{{XLINK_NS}}}href": packed.path},
        )
        pointer = ET.SubElement(division, f"{{{METS_NS}}}fptr", {"FILEID": file_id})
        pointer.tail = None
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def build_package(
    association: Association,
    year: int,
    *,
    case: Case | None = None,
    report: Callable[[int, int, str], None] | None = None,
    now: datetime.datetime | None = None,
) -> tuple[bytes, int]:
    """The zip of the year's package (or, with `case`, of that ärende's) and how many files
    it holds. A stored file whose bytes no longer match the SHA-256 taken when it was
    registered stops the export."""
    now = now or timezone.now()
    created = timezone.localtime(now).replace(microsecond=0).isoformat()
    if case is not None:
        handlings = case_handlings(case)
        if not handlings:
            raise ValidationError(f"Ärende {case.dnr} har inga handlingar.")
        key = _safe(case.dnr)
    else:
        handlings = year_handlings(association, year)
        if not handlings:
            raise ValidationError(f"Diariet har inga handlingar från {year}.")
        key = str(year)
    package_id = f"{association.slug}-{key}"
    packed: list[PackedFile] = []
    rows: list[tuple[Handling, list[str]]] = []
    total = len(handlings)
    for index, handling in enumerate(handlings, start=1):
        folder = f"representations/rep1/data/{_safe(handling.case.dnr)}/{handling.sequence:03d}"
        paths = []
        for stored in handling.files.all():
            with stored.file.open("rb") as source:
                data = source.read()
            if hashlib.sha256(data).hexdigest() != stored.sha256:
                raise ValidationError(
                    f"Filen {stored.filename} i handling {handling.number} har ändrats sedan "
                    "den registrerades (kontrollsumman stämmer inte). Arkivpaketet skapas inte."
                )
            path = f"{folder}/{_safe(stored.filename)}"
            packed.append(PackedFile(path, data, stored.content_type))
            paths.append(path)
        rows.append((handling, paths))
        if report is not None and (index % 50 == 0 or index == total):
            report(index, total + 1, f"{index} av {total} handlingar packade.")
    packed.append(
        PackedFile(
            f"representations/rep1/data/diarieforteckning-{key}.pdf",
            _register_pdf(association, year, handlings, case),
            "application/pdf",
        )
    )
    packed.insert(
        0,
        PackedFile(
            "metadata/descriptive/diarium.xml",
            _diarium_xml(association, year, rows),
            "text/xml",
        ),
    )
    mets = _mets(package_id, association, packed, created)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(f"{package_id}/METS.xml", FIXED_TIME), mets)
        for item in packed:
            info = zipfile.ZipInfo(f"{package_id}/{item.path}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, item.data)
    return buffer.getvalue(), len(packed) + 1
