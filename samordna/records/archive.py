"""A closed year's handlingar (or a closed ärende's) as an archive package in the layout of
Riksarkivet's FGS Paketstruktur, which is built on E-ARK's Common Specification for
Information Packages:

    <förbund>-<år>/METS.xml                           every file with its SHA-256
    <förbund>-<år>/metadata/descriptive/diarium.xml   ärenden and handlingar, secrecy included
    <förbund>-<år>/schemas/…                          the schemas METS.xml and diarium.xml follow
    <förbund>-<år>/representations/rep1/data/…        every file as PDF/A (the archival form),
                                                      and the year's diarieförteckning
    <förbund>-<år>/representations/rep2/data/…        the originals of the files converted

A file that is PDF/A already is kept as it is; any other (an image, a text, an e-mail, a
Word or Excel document, a PDF that is not PDF/A) is rendered again as PDF/A by
`records.conversion`, and its original is kept beside it as a second representation, which
E-ARK CSIP allows; diarium.xml and METS (USE, GROUPID) say which is the archival form. A file
that cannot be converted stops the package, named. METS.xml and diarium.xml are validated
against their schemas before the package is kept. The package is for the förbund's archive,
so secret parts are whole and marked; it is never given to the public as it is."""

import datetime
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils import timezone
from lxml import etree

from samordna.associations.models import Association
from samordna.core.documents import page_context, render_pdf
from samordna.records import conversion
from samordna.records.models import Case, Handling

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
CSIP_PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"
ET.register_namespace("", METS_NS)
ET.register_namespace("xlink", XLINK_NS)
ET.register_namespace("xsi", XSI_NS)
ET.register_namespace("csip", CSIP_NS)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

ARCHIVAL = "representations/rep1/data"
ORIGINALS = "representations/rep2/data"
# The schemas kept in records/data and copied into every package's schemas/ folder.
SCHEMA_DIR = Path(__file__).resolve().parent / "data"
SCHEMA_FILES = ("mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd", "diarium.xsd")
# The address mets.xsd imports XLink from; the validation reads the local copy instead.
XLINK_LOCATION = "http://www.loc.gov/standards/xlink/xlink.xsd"
# METS file/@USE: which copy is the one to keep.
USE_ARCHIVAL = "Arkivform"
USE_ORIGINAL = "Ursprungligt format"


@dataclass(frozen=True)
class PackedFile:
    path: str  # inside the package's root folder
    data: bytes
    mimetype: str
    use: str = ""
    group: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class KeptFile:
    """A registered file as it is in the package: its archival form and, when that was
    converted, where its original is."""

    name: str
    registered_sha256: str
    archival: PackedFile
    converted: bool
    original: PackedFile | None


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
    association: Association, year: int, rows: list[tuple[Handling, list[KeptFile]]]
) -> bytes:
    root = ET.Element("diarium", {"forbund": association.name, "ar": str(year)})
    cases: dict[int, ET.Element] = {}
    for handling, kept in rows:
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
        for item in kept:
            file_element = ET.SubElement(
                element, "fil", {"namn": item.name, "registrerad-sha256": item.registered_sha256}
            )
            ET.SubElement(
                file_element,
                "arkivform",
                {
                    "sokvag": item.archival.path,
                    "format": conversion.ARCHIVAL_FORMAT,
                    "sha256": item.archival.sha256,
                    "omvandlad": "ja" if item.converted else "nej",
                },
            )
            if item.original is not None:
                ET.SubElement(
                    file_element,
                    "original",
                    {
                        "sokvag": item.original.path,
                        "filtyp": item.original.mimetype,
                        "sha256": item.original.sha256,
                    },
                )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _group_of(path: str) -> str:
    if path.startswith("representations/"):
        return "/".join(path.split("/", 3)[:3])
    return path.split("/", 1)[0]


GROUP_USE = {
    "metadata": "Descriptive",
    "schemas": "Schemas",
    ARCHIVAL: "Representations/rep1/data",
    ORIGINALS: "Representations/rep2/data",
}


def _mets(
    package_id: str, association: Association, files: list[PackedFile], created: str
) -> bytes:
    root = ET.Element(
        f"{{{METS_NS}}}mets",
        {
            "OBJID": package_id,
            "LABEL": f"Diarium {package_id}",
            "TYPE": "Textual",
            "PROFILE": CSIP_PROFILE,
            f"{{{CSIP_NS}}}OAISPACKAGETYPE": "SIP",
            f"{{{CSIP_NS}}}CONTENTINFORMATIONTYPE": "OTHER",
            f"{{{CSIP_NS}}}OTHERCONTENTINFORMATIONTYPE": "Samordna diarium",
            f"{{{XSI_NS}}}schemaLocation": (
                f"{METS_NS} schemas/mets.xsd {XLINK_NS} schemas/xlink.xsd "
                f"{CSIP_NS} schemas/DILCISExtensionMETS.xsd"
            ),
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
    struct = ET.SubElement(root, f"{{{METS_NS}}}structMap", {"TYPE": "PHYSICAL", "LABEL": "CSIP"})
    division = ET.SubElement(struct, f"{{{METS_NS}}}div", {"LABEL": package_id})
    groups: dict[str, tuple[ET.Element, ET.Element]] = {}
    for number, packed in enumerate(files, start=1):
        key = _group_of(packed.path)
        if key not in groups:
            use = GROUP_USE[key]
            groups[key] = (
                ET.SubElement(file_sec, f"{{{METS_NS}}}fileGrp", {"USE": use}),
                ET.SubElement(division, f"{{{METS_NS}}}div", {"LABEL": use}),
            )
        group, part = groups[key]
        file_id = f"ID{number:06d}"
        attributes = {
            "ID": file_id,
            "MIMETYPE": packed.mimetype,
            "SIZE": str(len(packed.data)),
            "CREATED": created,
            "CHECKSUM": packed.sha256,
            "CHECKSUMTYPE": "SHA-256",
        }
        if packed.use:
            attributes["USE"] = packed.use
        if packed.group:
            attributes["GROUPID"] = packed.group
        element = ET.SubElement(group, f"{{{METS_NS}}}file", attributes)
        ET.SubElement(
            element,
            f"{{{METS_NS}}}FLocat",
            {"LOCTYPE": "URL", f"{{{XLINK_NS}}}type": "simple", f"{{{XLINK_NS}}}href": packed.path},
        )
        ET.SubElement(part, f"{{{METS_NS}}}fptr", {"FILEID": file_id})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# Validation against the schemas


class _SchemaResolver(etree.Resolver):
    """Each schema import from the given files by its name (XLink's address included), so
    that validating never reads the network or a file elsewhere."""

    def __init__(self, schemas: dict[str, bytes]):
        super().__init__()
        self.schemas = schemas

    def resolve(self, system_url, public_id, context):
        name = (system_url or "").rsplit("/", 1)[-1]
        if name in self.schemas:
            return self.resolve_string(self.schemas[name], context, base_url=name)
        return None


def schema_files() -> dict[str, bytes]:
    """The schemas kept with Samordna (records/data), by file name."""
    return {name: (SCHEMA_DIR / name).read_bytes() for name in SCHEMA_FILES}


def _schema(schemas: dict[str, bytes], wrapper: bytes) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_SchemaResolver(schemas))
    return etree.XMLSchema(etree.fromstring(wrapper, parser, base_url="wrapper.xsd"))


METS_WRAPPER = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="{XLINK_NS}" schemaLocation="xlink.xsd"/>
  <xs:import namespace="{METS_NS}" schemaLocation="mets.xsd"/>
  <xs:import namespace="{CSIP_NS}" schemaLocation="DILCISExtensionMETS.xsd"/>
</xs:schema>""".encode()
DIARIUM_WRAPPER = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:include schemaLocation="diarium.xsd"/>
</xs:schema>"""


def metadata_problems(
    mets: bytes, diarium: bytes, schemas: dict[str, bytes] | None = None
) -> list[str]:
    """What in METS.xml and diarium.xml breaks their schemas (METS 1.12 with E-ARK CSIP's
    extension, and Samordna's diarium.xsd); empty when both are valid."""
    schemas = schemas if schemas is not None else schema_files()
    problems = []
    for label, document, wrapper in [
        ("METS.xml", mets, METS_WRAPPER),
        ("diarium.xml", diarium, DIARIUM_WRAPPER),
    ]:
        schema = _schema(schemas, wrapper)
        parsed = etree.fromstring(document, etree.XMLParser(no_network=True))
        if not schema.validate(parsed):
            problems += [f"{label} rad {e.line}: {e.message}" for e in schema.error_log]
    return problems


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
    registered, or that cannot be made PDF/A, stops the export with its name."""
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
    archival: list[PackedFile] = []
    originals: list[PackedFile] = []
    rows: list[tuple[Handling, list[KeptFile]]] = []
    refused: list[str] = []
    total = len(handlings)
    for index, handling in enumerate(handlings, start=1):
        folder = f"{_safe(handling.case.dnr)}/{handling.sequence:03d}"
        kept = []
        for stored in handling.files.all():
            with stored.file.open("rb") as source:
                data = source.read()
            if hashlib.sha256(data).hexdigest() != stored.sha256:
                raise ValidationError(
                    f"Filen {stored.filename} i handling {handling.number} har ändrats sedan "
                    "den registrerades (kontrollsumman stämmer inte). Arkivpaketet skapas inte."
                )
            try:
                pdf, converted = conversion.archival_form(
                    data,
                    stored.content_type,
                    filename=stored.filename,
                    association_name=association.name,
                )
            except conversion.NotConvertible as error:
                refused.append(f"{stored.filename} i handling {handling.number} ({error})")
                continue
            name = _safe(stored.filename)
            group = f"G{stored.pk}"
            pdf_name = name if name.lower().endswith(".pdf") else f"{name}.pdf"
            kept_pdf = PackedFile(
                f"{ARCHIVAL}/{folder}/{pdf_name}",
                pdf,
                conversion.PDF,
                USE_ARCHIVAL,
                group if converted else "",
            )
            archival.append(kept_pdf)
            original = None
            if converted:
                original = PackedFile(
                    f"{ORIGINALS}/{folder}/{name}",
                    data,
                    stored.content_type,
                    USE_ORIGINAL,
                    group,
                )
                originals.append(original)
            kept.append(KeptFile(stored.filename, stored.sha256, kept_pdf, converted, original))
        rows.append((handling, kept))
        if report is not None and (index % 20 == 0 or index == total):
            report(index, total + 1, f"{index} av {total} handlingar packade.")
    if refused:
        raise ValidationError(
            "Arkivpaketet skapas inte: "
            + ("filen" if len(refused) == 1 else f"{len(refused)} filer")
            + " kan inte göras om till PDF/A: "
            + "; ".join(refused)
            + ". Ersätt filen med en PDF/A eller en PDF och försök igen."
        )
    archival.append(
        PackedFile(
            f"{ARCHIVAL}/diarieforteckning-{key}.pdf",
            _register_pdf(association, year, handlings, case),
            conversion.PDF,
            USE_ARCHIVAL,
        )
    )
    diarium = _diarium_xml(association, year, rows)
    schemas = schema_files()
    packed = [
        PackedFile("metadata/descriptive/diarium.xml", diarium, "text/xml"),
        *(PackedFile(f"schemas/{n}", schemas[n], "application/xml") for n in SCHEMA_FILES),
        *archival,
        *originals,
    ]
    mets = _mets(package_id, association, packed, created)
    problems = metadata_problems(mets, diarium, schemas)
    if problems:
        raise ValidationError(
            "Arkivpaketets metadata följer inte sina scheman, så paketet skapas inte: "
            + "; ".join(problems[:5])
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(f"{package_id}/METS.xml", FIXED_TIME), mets)
        for item in packed:
            info = zipfile.ZipInfo(f"{package_id}/{item.path}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, item.data)
    return buffer.getvalue(), len(packed) + 1
