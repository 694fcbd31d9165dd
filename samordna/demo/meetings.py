"""The demo förbund's meetings: those the seed protocols record, and the meeting plans
they decided (Sundsvall 2022-10-21 § 114 for 2023, Härnösand–Timrå 2023-11-24 § 133 for 2024).

The protocols give dates and places; where a time is not stated, 09.00–12.00 is used as
in both plans, and the meeting's note says so.
"""

import datetime

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.meetings import services
from samordna.meetings.models import Meeting, Presence, RecusalKind
from samordna.meetings.services import RollCallEntry

D = datetime.date
T = datetime.time

ASSUMED = "Tid antagen (anges inte i protokollet)."

MEETINGS = {
    "sundsvall": [
        (D(2022, 10, 21), T(9), T(12), "Sundsvalls kommun, rum 654 a, Busbacken", ASSUMED, ""),
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

ENTERED_BY = {"sundsvall": "jan.andersson", "harnosand-timra": "ulrika.sahlin"}


def load_meetings(associations: dict[str, Association]) -> None:
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
    load_sundsvall_november(associations["sundsvall"])


# Sundsvall 2022-11-25 (003_…): the roll call as the protocol records it and the first of
# its paragraphs, with the jäv of § 132. The remaining §§ are not yet in the demo.
NOVEMBER_PRESENT = ["Nordenö", "Väst", "Pettersson", "Kempe", "Qvarnlöf", "Burman"]
NOVEMBER_ABSENT = ["Jonsson", "Persbo"]
NOVEMBER_PARAGRAPHS = [
    (
        120,
        "Sammanträdet öppnas",
        "",
        "Ordförande Christina Nordenö förklarar mötet öppnat och hälsar alla välkomna.",
        "",
    ),
    (
        121,
        "Fastställande av dagordning",
        "",
        "Peter Petersson har en övrig fråga och förbundschefen lyfter två frågor.",
        "Att med ovannämnda tillägg fastställa upprättat förslag till dagordning.",
    ),
    (
        122,
        "Val av justerare",
        "",
        "",
        "Att utse Peter Pettersson att jämte ordförande justera dagens protokoll.",
    ),
    (
        123,
        "Föregående protokoll 221021",
        "",
        "(Bilaga 1)",
        "Att protokollet från styrelsemötet 221021 läggs till handlingarna",
    ),
    (
        132,
        "Ansökan om medel för Arbetskonsulent för personer med aktivitetsersättning på "
        "Arbetsmarknadsstorget inför 2023 och 2024 från Individ och arbetsmarknadsförvaltning, "
        "Sundsvalls kommun",
        "",
        "(Bilaga 10)\n\nDenna ansökan avser en finansiering av en arbetskonsulent för personer "
        "med aktivitetsersättning från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun "
        "under 2023 och 2024. Ansökan avser finansiering av personalkostnader, lokalkostnad samt "
        "data/IT för en arbetskonsulent för personer med aktivitetsersättning. Detta till en "
        "kostnad av 709 000 kr för 2023 och 722 000 för 2024.",
        "Att bevilja medel med 709 000 kr till arbetskonsulent för personer med "
        "aktivitetsersättning för 2023 och 722 000 kr för 2024 under förutsättning att förbundet "
        "får bidrag från huvudmännen för 2024.\n"
        "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal tecknats "
        "och resterande del efter att redovisning inkommit för 2023 och godkänts av styrelsen.",
    ),
]
NOVEMBER_RECUSALS = {132: [("Väst", RecusalKind.DECISION), ("Burman", RecusalKind.DISCUSSION)]}


def load_sundsvall_november(association: Association) -> None:
    meeting = association.meetings.get(date=D(2022, 11, 25))
    if meeting.paragraphs.exists():
        return
    director = User.objects.get(username=ENTERED_BY["sundsvall"])
    seats = {
        s.person.last_name: s
        for s in association.board_seats.filter(
            starts_on__lte=meeting.date, ends_on__gte=meeting.date
        ).select_related("person")
    }
    services.roll_call_record(
        meeting=meeting,
        by=director,
        entries=[RollCallEntry(seat=seats[n], presence=Presence.PRESENT) for n in NOVEMBER_PRESENT]
        + [RollCallEntry(seat=seats[n], presence=Presence.ABSENT) for n in NOVEMBER_ABSENT],
    )
    for number, title, case_number, matter, decision in NOVEMBER_PARAGRAPHS:
        paragraph = services.paragraph_create(
            meeting=meeting,
            by=director,
            number=number,
            title=title,
            case_number=case_number,
            matter=matter,
        )
        for last_name, kind in NOVEMBER_RECUSALS.get(number, []):
            services.recusal_set(paragraph=paragraph, seat=seats[last_name], kind=kind, by=director)
        services.paragraph_update(paragraph=paragraph, by=director, decision=decision)
