"""The two demo förbund, their members, board and office, as the seed documents name them.

Sources (see ../shared/seeds/):
- Sundsvall: the protocols of 2022-10-21 and 2022-11-25 and Verksamhetsplan 2023
  (Bilaga 16) in 003_…, which lists the board "som för närvarande ingår" with a mandate
  "till och med 2023-03-31", and the signature list (Bilaga 7) naming the vice chair.
- Härnösand–Timrå: the protocol of 2023-11-24 in 000_… (present members, §114 valärende
  for 230913-260331) and the interim report 2020 in 001_….
Where a seed does not state a fact the loader needs (start of a mandate, the kommuner's
key), the value is marked as assumed in the record's note or the `appointed_by` text.
"""

import csv
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from samordna.associations.models import (
    Association,
    BoardSeat,
    FeeBaseAmount,
    Member,
    MemberKind,
    ParagraphNumbering,
    Person,
    QuorumRule,
    SeatKind,
    SeatPosition,
    StaffAssignment,
    StaffRole,
)
from samordna.finance.models import NationalAllocation

D = datetime.date

ALLOCATION_FILE = (
    Path(__file__).resolve().parent.parent
    / "finance"
    / "data"
    / "statlig_medelstilldelning_2023.csv"
)


@dataclass(frozen=True)
class SeatSeed:
    person: str
    member: str
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date
    position: str = SeatPosition.NONE
    appointed_by: str = ""


MEMBERS = {
    "sundsvall": [
        (MemberKind.FK, "Försäkringskassan", "202100-5521", Decimal("50")),
        (MemberKind.AF, "Arbetsförmedlingen", "202100-2114", Decimal("0")),
        (MemberKind.REGION, "Region Västernorrland", "232100-0222", Decimal("25")),
        (MemberKind.KOMMUN, "Sundsvalls kommun", "212000-2411", Decimal("25")),
    ],
    "harnosand-timra": [
        (MemberKind.FK, "Försäkringskassan", "202100-5521", Decimal("50")),
        (MemberKind.AF, "Arbetsförmedlingen", "202100-2114", Decimal("0")),
        (MemberKind.REGION, "Region Västernorrland", "232100-0222", Decimal("25")),
        # The seeds give no key between the two kommuner; the demo splits evenly.
        (MemberKind.KOMMUN, "Härnösands kommun", "212000-2403", Decimal("12.5")),
        (MemberKind.KOMMUN, "Timrå kommun", "212000-2395", Decimal("12.5")),
    ],
}

ASSOCIATIONS: dict[str, dict[str, Any]] = {
    "sundsvall": {
        "name": "Samordningsförbundet i Sundsvall",
        "seat": "Sundsvall",
        "county": "22",
        "postal_address": "Norrmalmsgatan 4, 851 85 Sundsvall",
        "quorum_rule": QuorumRule.AT_LEAST_HALF,  # "beslutför när minst hälften …", Bilaga 16
        "paragraph_numbering": ParagraphNumbering.YEARLY,  # §98-119, then §120-146
        "notice_board": "Förbundets webbplats och huvudmännens anslagstavlor",
        "minutes_kept_at": "Samordningsförbundet i Sundsvall, Kommunhuset rum 612",
        "fee_short_meeting_percent": Decimal("1"),
        "fee_long_meeting_percent": Decimal("2"),
        "fee_long_meeting_after_hours": Decimal("4"),
    },
    "harnosand-timra": {
        "name": "Samordningsförbundet Härnösand–Timrå",
        "seat": "Härnösand",
        "county": "22",
        "quorum_rule": QuorumRule.MORE_THAN_HALF,
        "paragraph_numbering": ParagraphNumbering.YEARLY,  # §108-138 in November
        "notice_board": "Huvudmännens anslagstavla",
        "minutes_kept_at": "Härnösands kommun",
    },
}

# Sundsvall's board "för närvarande" (Bilaga 16); the term ends 2023-03-31 and, as the
# kommun and region appoint after each election, is taken to have begun 2019-04-01.
_SUNDSVALL_TERM = (D(2019, 4, 1), D(2023, 3, 31))
_SUNDSVALL_NOTE = "Mandatperiod t.o.m. 2023-03-31 enligt Verksamhetsplan 2023; start antagen."
_HT_TERM = (D(2023, 4, 1), D(2027, 3, 31))
_HT_NOTE = "Mandatperiod antagen 2023-04-01–2027-03-31 (närvarande 2023-11-24)."

SEATS = {
    "sundsvall": [
        SeatSeed(
            "Christina Nordenö",
            "Region Västernorrland",
            SeatKind.ORDINARY,
            *_SUNDSVALL_TERM,
            SeatPosition.CHAIR,
            _SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Jonas Väst",
            "Sundsvalls kommun",
            SeatKind.ORDINARY,
            *_SUNDSVALL_TERM,
            SeatPosition.VICE_CHAIR,
            _SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Peter Pettersson",
            "Arbetsförmedlingen",
            SeatKind.ORDINARY,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Lina Kempe",
            "Försäkringskassan",
            SeatKind.ORDINARY,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Sanna Jonsson",
            "Region Västernorrland",
            SeatKind.SUBSTITUTE,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Thomas Burman",
            "Sundsvalls kommun",
            SeatKind.SUBSTITUTE,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Lotta Qvarnlöf",
            "Försäkringskassan",
            SeatKind.SUBSTITUTE,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
        SeatSeed(
            "Pia Persbo",
            "Arbetsförmedlingen",
            SeatKind.SUBSTITUTE,
            *_SUNDSVALL_TERM,
            appointed_by=_SUNDSVALL_NOTE,
        ),
    ],
    "harnosand-timra": [
        SeatSeed(
            "Monica Fällström",
            "Härnösands kommun",
            SeatKind.ORDINARY,
            *_HT_TERM,
            SeatPosition.CHAIR,
            _HT_NOTE,
        ),
        SeatSeed("Lars Kempe", "Timrå kommun", SeatKind.ORDINARY, *_HT_TERM, appointed_by=_HT_NOTE),
        SeatSeed(
            "Niklas Edén",
            "Region Västernorrland",
            SeatKind.ORDINARY,
            D(2023, 9, 13),
            D(2026, 3, 31),
            appointed_by="Regionfullmäktige 2023-09-13, protokoll 2023-11-24 § 114",
        ),
        SeatSeed(
            "Lotta Qvarnlöf",
            "Försäkringskassan",
            SeatKind.ORDINARY,
            *_HT_TERM,
            appointed_by=_HT_NOTE,
        ),
    ],
}

# Everyone named in the seeds who acts for the förbund, with a note where useful.
PEOPLE = {
    "sundsvall": {
        "Christina Nordenö": "",
        "Jonas Väst": "",
        "Peter Pettersson": "",
        "Lina Kempe": "",
        "Sanna Jonsson": "",
        "Thomas Burman": "",
        "Lotta Qvarnlöf": "",
        "Pia Persbo": "",
        "Jan Andersson": "Förbundschef och sekreterare vid styrelsens sammanträden.",
        "Emil Ulander": "Utvecklingsledare, lokalt ansvarig för Insatskatalogen.",
        "Eva Sonidsson": "Förtroendevald revisor, Region Västernorrland.",
        # Utanordning of all payments: "Servicecenter Ekonomi, Sundsvalls kommun", two in
        # concert (Bilaga 6-7 of 2022-11-25); the seeds name the unit, not its people.
        "Maria Sjöberg": "Servicecenter Ekonomi, Sundsvalls kommun (namnet antaget i demon).",
        "Anders Lund": "Servicecenter Ekonomi, Sundsvalls kommun (namnet antaget i demon).",
    },
    "harnosand-timra": {
        "Monica Fällström": "",
        "Lars Kempe": "",
        "Niklas Edén": "",
        "Lotta Qvarnlöf": "",
        "Lena Loo": "Utsedd av Arbetsförmedlingen till ordinarie ledamot; beslutsunderlaget "
        "hade inte kommit in 2023-11-24 (§ 108), därför inget registrerat uppdrag.",
        "Ulrika Sahlin": "Förbundschef.",
    },
}

STAFF = {
    "sundsvall": [
        # The seeds show them in office from the protocol of 2022-10-21 on; that is the start.
        ("Jan Andersson", StaffRole.DIRECTOR, "Sundsvalls kommun", 100, D(2022, 10, 21)),
        ("Emil Ulander", StaffRole.DEVELOPMENT_LEAD, "Sundsvalls kommun", 100, D(2022, 10, 21)),
    ],
    "harnosand-timra": [
        # 001_… §1.4.2: "anställd av Timrå kommun, men tjänsten köps av förbundet".
        # In office at the meeting of 2023-11-24, the earliest seed that names her.
        ("Ulrika Sahlin", StaffRole.DIRECTOR, "Timrå kommun", 100, D(2023, 11, 24)),
    ],
}

FEE_BASE_AMOUNTS = {
    "sundsvall": [
        (D(2022, 4, 1), 68_076, "Grundbelopp från 2022-04-01, protokoll 2022-11-25 § 127"),
    ],
}

# The allocation list spells some names differently from the förbund's own documents.
ALLOCATION_NAMES = {
    "Samordningsförbundet i Sundsvall": "sundsvall",
    "Samordningsförbundet Härnösand-Timrå": "harnosand-timra",
}


def _split_name(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.rpartition(" ")
    return first, last


def load_associations() -> dict[str, Association]:
    associations = {}
    for slug, fields in ASSOCIATIONS.items():
        association, _ = Association.objects.get_or_create(slug=slug, defaults=fields)
        associations[slug] = association

        members = {}
        for kind, name, orgnr, share in MEMBERS[slug]:
            members[name], _ = Member.objects.get_or_create(
                association=association,
                name=name,
                defaults={"kind": kind, "organisation_number": orgnr, "share_percent": share},
            )

        people = {}
        for full_name, note in PEOPLE[slug].items():
            first, last = _split_name(full_name)
            people[full_name], _ = Person.objects.get_or_create(
                association=association,
                first_name=first,
                last_name=last,
                defaults={"note": note},
            )

        for seat in SEATS[slug]:
            member = members[seat.member]
            BoardSeat.objects.get_or_create(
                association=association,
                person=people[seat.person],
                member=member,
                starts_on=seat.starts_on,
                defaults={
                    "kind": seat.kind,
                    "position": seat.position,
                    "ends_on": seat.ends_on,
                    "appointed_by": seat.appointed_by,
                    "receives_fee": member.kind not in (MemberKind.FK, MemberKind.AF),
                },
            )

        for full_name, role, employer, extent, starts_on in STAFF[slug]:
            StaffAssignment.objects.get_or_create(
                association=association,
                person=people[full_name],
                role=role,
                starts_on=starts_on,
                defaults={"employed_by": members[employer], "extent_percent": extent},
            )

        for valid_from, amount, decided_by in FEE_BASE_AMOUNTS.get(slug, []):
            FeeBaseAmount.objects.get_or_create(
                association=association,
                valid_from=valid_from,
                defaults={"amount": amount, "decided_by": decided_by},
            )
    return associations


def load_national_allocation(associations: dict[str, Association]) -> int:
    """FK's allocation decision for 2023, one row per förbund in the country (003_… § 131)."""
    with ALLOCATION_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        slug = ALLOCATION_NAMES.get(row["samordningsforbund"])
        NationalAllocation.objects.get_or_create(
            year=2023,
            association_name=row["samordningsforbund"],
            defaults={
                "county": row["lan"],
                "fk_area": row["verksamhetsomrade"],
                "amount": int(row["belopp_kr"]),
                "association": associations.get(slug) if slug else None,
            },
        )
    return len(rows)
