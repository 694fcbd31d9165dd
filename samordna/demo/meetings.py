"""The demo förbund's meetings: those the seed protocols record, and the meeting plans
they decided (Sundsvall 2022-10-21 § 114 for 2023, Härnösand–Timrå 2023-11-24 § 133 for 2024).

The protocols give dates and places; where a time is not stated, 09.00–12.00 is used as
in both plans, and the meeting's note says so. The minutes of the three seed meetings are
loaded by `samordna.demo.minutes`.
"""

import datetime
from collections.abc import Callable

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.demo.minutes import ENTERED_BY, load_protocols
from samordna.demo.protocols import Protocol
from samordna.meetings import services
from samordna.meetings.models import Meeting

D = datetime.date
T = datetime.time

ASSUMED = "Tid antagen (anges inte i protokollet)."

MEETINGS = {
    "sundsvall": [
        (D(2022, 10, 21), T(9), T(12), "Sundsvalls kommun, rum 654 a, busbacken", ASSUMED, ""),
        (
            D(2022, 11, 25),
            T(9),
            T(12),
            "Arbetsmarknadstorget i Sundsvall, röda konferensen, våning 5",
            ASSUMED,
            "",
        ),
        *[
            (day, T(9), T(12), "Meddelas i kallelsen", note, "2022-10-21 § 114")
            for day, note in [
                (D(2023, 1, 27), ""),
                (D(2023, 2, 21), "Heldag, gemensamt möte med strategigruppen"),
                (D(2023, 3, 17), "Beslut om årsredovisningen, bjuda in ev. nya ledamöter"),
                (D(2023, 4, 3), "Konstituerande styrelsemöte"),
                (D(2023, 4, 28), ""),
                (D(2023, 5, 26), ""),
                (
                    D(2023, 8, 29),
                    "Heldag, planering, verksamhetsplan och budget, gemensamt med strategigruppen",
                ),
                (D(2023, 9, 29), ""),
                (D(2023, 10, 27), ""),
                (D(2023, 11, 24), "Beslut om budget och verksamhetsplan 2023–2025"),
            ]
        ],
    ],
    "harnosand-timra": [
        (
            D(2023, 11, 24),
            T(9),
            T(13),
            "Arbetsmarknadstorget Härnösand, Köpmangatan 5",
            "Sluttid antagen; mötet pågick efter kl. 12.00 (§ 125–138).",
            "",
        ),
        (D(2024, 2, 2), T(9), T(12), "Timrå", "", "2023-11-24 § 133"),
        (D(2024, 3, 22), T(9), T(12), "Härnösand", "", "2023-11-24 § 133"),
        (D(2024, 5, 31), T(9), T(12), "Timrå", "", "2023-11-24 § 133"),
        (D(2024, 9, 13), T(9), T(12), "Härnösand", "", "2023-11-24 § 133"),
        (D(2024, 10, 11), T(9), T(15), "Timrå", "Verksamhetsplaneringsdag", "2023-11-24 § 133"),
        (D(2024, 11, 29), T(9), T(12), "Härnösand", "", "2023-11-24 § 133"),
    ],
}


def load_meetings(
    associations: dict[str, Association],
    before_justering: Callable[[Protocol, Meeting], None] | None = None,
) -> None:
    for slug, rows in MEETINGS.items():
        association = associations[slug]
        director = User.objects.get(username=ENTERED_BY[slug])
        for day, starts_at, ends_at, place, note, planned_in in rows:
            if Meeting.objects.filter(association=association, date=day).exists():
                continue
            services.meeting_create(
                association=association,
                by=director,
                date=day,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place,
                note=note,
                planned_in=planned_in,
            )
    load_protocols(associations, before_justering)
