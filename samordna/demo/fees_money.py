"""Demo data for board fees: Sundsvall's fee lists for its seed meetings of 2022-10-21 and
2022-11-25, computed from the roll calls by the rule of § 127 (1 % of the grundbelopp
68 076 kr up to 4 hours; both meetings 09.00–12.00 as the demo assumes), with a few
invented claims marked "antaget i demon", and both lists fastställda by the förbundschef
on the day their minutes were justerade.

The rates for travel and loss of earnings are not in the seeds: they are assumed here.
Härnösand–Timrå has no fee rule in the seeds, so its pages show that.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.fees import services
from samordna.fees.models import ClaimKind, ExpenseClaim, FeeList, FeeSettings

STOCKHOLM = ZoneInfo("Europe/Stockholm")

ASSUMED = "Antaget i demon."

# Fastställd on the day the minutes were justerade (an assumption of the demo).
FIXED_AT = {
    datetime.date(2022, 10, 21): datetime.datetime(2022, 11, 1, 10, tzinfo=STOCKHOLM),
    datetime.date(2022, 11, 25): datetime.datetime(2022, 12, 5, 10, tzinfo=STOCKHOLM),
}

CLAIMS = [
    (
        datetime.date(2022, 11, 25),
        "Thomas Burman",
        ClaimKind.LOSS,
        {
            "hours": Decimal("4"),
            "hourly_rate": 285,
            "basis": "Intyg från arbetsgivaren om timlön 285 kr",
            "note": ASSUMED,
        },
    ),
    (
        datetime.date(2022, 10, 21),
        "Sanna Jonsson",
        ClaimKind.TRAVEL,
        {
            "from_place": "Härnösand",
            "to_place": "Sundsvall och tillbaka",
            "km": Decimal("104"),
            "note": ASSUMED,
        },
    ),
    (
        datetime.date(2022, 11, 25),
        "Christina Nordenö",
        ClaimKind.TRAVEL,
        {
            "from_place": "Timrå",
            "to_place": "Sundsvall och tillbaka",
            "amount": 96,
            "note": f"Bussbiljett. {ASSUMED}",
        },
    ),
]


def _person(association: Association, full_name: str) -> Person:
    first, _, last = full_name.rpartition(" ")
    return Person.objects.get(association=association, first_name=first, last_name=last)


def load_fees(associations: dict[str, Association]) -> None:
    """Load what is missing."""
    association = associations["sundsvall"]
    director = User.objects.get(username="jan.andersson")
    if not FeeSettings.objects.filter(association=association).exists():
        services.fee_settings_save(
            association=association,
            by=director,
            km_rate=Decimal("2.50"),
            loss_max_per_hour=600,
            loss_max_hours=Decimal("8"),
            note="Sundsvalls kommuns reglemente (2022-11-25 § 127). Beloppen antagna i demon.",
        )
    meetings = {m.date: m for m in association.meetings.filter(date__year=2022)}
    if FeeList.objects.filter(meeting__in=meetings.values()).exists():
        return
    for day, name, kind, fields in CLAIMS:
        meeting = meetings[day]
        person = _person(association, name)
        if not ExpenseClaim.objects.filter(meeting=meeting, person=person, kind=kind).exists():
            services.claim_create(meeting=meeting, person=person, kind=kind, by=director, **fields)
    for day in sorted(meetings):
        services.fee_list_fix(meeting=meetings[day], by=director, at=FIXED_AT[day])
