"""The control year in the demo, from `003_…`:

- Sundsvall's plan för intern styrning och kontroll 2023 (Bilaga 2) adopted in § 125 of
  2022-11-25, and the 2022 plan's follow-up that § 104 of 2022-10-21 reports (the chair and
  vice chair's sample check on 10 October: "Granskningen visar inte på några avvikelser").
  The 2022 plan itself is not in the seeds: it has the 2023 plan's rows, antaget i demon.
- The delegationsordning 2023 (Bilaga 5) adopted in § 128: two matters delegated to the
  chair. The ersättare and the two decisions taken under it in January 2023 (reported to
  the meeting of 2023-01-27) are antagna i demon.
- The risk- och väsentlighetsanalys 2023 (Bilaga 3) adopted in § 126, with the threshold
  (riskvärde over 6 needs a control) antagen i demon: the staff-absence risk over six
  months (3 × 3) has no control in the plan, and the pages say so.
- Ansvarsfrihet: Försäkringskassan's decisions on the årsredovisning and ansvarsfrihet for
  2021 (Sundsvall, reported in § 102 of 2022-10-21) and for 2022 (Härnösand–Timrå, § 125 of
  2023-11-24); the protocols do not give the decisions' dates.
- The årshjul: the statutory items with Sundsvall's own, for 2022 and 2023 (placed at the
  seed meetings and the 2023 meeting plan) and for 2026 and 2027, so that the kansli's start
  page shows what falls due around today.
"""

import datetime

from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.control import services
from samordna.control.models import (
    ControlPlan,
    CycleKind,
    DelegationOrder,
    LimitKind,
    MemberDischarge,
    Occurrence,
    RiskAnalysis,
)
from samordna.meetings.models import Paragraph

D = datetime.date
OFFICE = "jan.andersson"
OFFICER = "Verkställande tjänsteman"
BOARD = "Styrelsen"
PERIODIC = "Kvartalsvis samt delårsbokslut och årsbokslut"
PRIORITISED = "Efter prioritering i styrelse"

INTRODUCTION = (
    "Samordningsförbundet upprättar plan för intern styrning och kontroll för att säkerställa "
    "att Samordningsförbundets beslutade mål uppnås. Internkontroll är viktigt för styrning "
    "och uppföljning av verksamheten.\n\n"
    "Syftet med den interna kontrollen är att säkerställa att verksamheterna sköts på ett "
    "ändamålsenligt, effektivt och säkert sätt. I arbetet med internkontroll tydliggörs "
    "risker och brister i verksamheten.\n\n"
    "För att Samordningsförbundet skall uppnå en god kontrollmiljö förutsätts att följande "
    "dokument upprättats: förbundsordning, attest- och delegeringsordning, budget, "
    "firmatecknare, verksamhetsplan, årsredovisning och delårsbokslut upprättade enligt god sed."
)

# Bilaga 2: (process, kontrollmoment, frekvens, risk from Bilaga 3)
CONTROL_ROWS = [
    (
        "Attest",
        "Att gällande rutiner och regelverk följs och att attestförteckning är aktuell",
        PRIORITISED,
        "Attester tas på felaktig nivå",
    ),
    (
        "Delegering",
        "Kontroll att delegeringsordningen följs",
        PRIORITISED,
        "Beslut tas på felaktig delegation",
    ),
    (
        "Diarie och arkivering",
        "Kontroll att diarie och arkivering sker enligt regelverk",
        PRIORITISED,
        "Handlingar diarieförs, arkiveras eller gallras inte korrekt",
    ),
    (
        "Uppföljning budget",
        "Budget i balans",
        PERIODIC,
        "Budget följs inte; felaktiga utbetalningar",
    ),
    (
        "Uppföljning av verksamhetens mål",
        "Verksamhetsplan",
        PERIODIC,
        "Verksamhetens mål uppfylls inte",
    ),
]

SICK = (
    "Verkställande tjänsteman eller utvecklingsledare på Samordningsförbundet drabbas av "
    "sjukfrånvaro"
)
# Bilaga 3: (process, risk, väsentlighet, sannolikhet, riskhantering, controlled under)
RISKS = [
    (
        "Attest",
        "Attester tas på felaktig nivå",
        3,
        1,
        "Attest ordning antagen av styrelsen följs",
        "Attest",
    ),
    (
        "Delegation",
        "Beslut tas på felaktig delegation",
        3,
        1,
        "Delegationsordningen antagen av styrelsen följs",
        "Delegering",
    ),
    (
        "Diarie och arkivering",
        "Handlingar diarieförs inte korrekt",
        2,
        2,
        "Rutiner antagna av styrelsen följs",
        "Diarie och arkivering",
    ),
    (
        "Diarie och arkivering",
        "Handlingar arkiveras inte korrekt",
        2,
        2,
        "Rutiner antagna av styrelsen följs",
        "Diarie och arkivering",
    ),
    (
        "Diarie och arkivering",
        "Handlingar gallras inte korrekt",
        2,
        2,
        "Rutiner antagna av styrelsen följs",
        "Diarie och arkivering",
    ),
    (
        "Uppföljning budget",
        "Budget följs inte",
        4,
        1,
        "Regelbunden ekonomisk rapport vid styrelsemöten",
        "Uppföljning budget",
    ),
    (
        "Uppföljning budget",
        "Felaktiga utbetalningar",
        4,
        1,
        "Rutiner antagna av styrelsen följs Regelbunden ekonomisk rapport",
        "Uppföljning budget",
    ),
    (
        "Uppföljning av verksamhetens mål",
        "Verksamhetens mål uppfylls inte",
        1,
        1,
        "Uppföljning sker i delårsrapporter/årsrapporter, muntliga dragningar för styrelsen "
        "och vid styrgruppsmöte.",
        "Uppföljning av verksamhetens mål",
    ),
    (
        "Uppföljning av verksamhetens mål",
        "Projekt/ Insatsplan följs inte",
        3,
        2,
        "Uppföljning sker vid styrgruppsmöten.",
        "Uppföljning av verksamhetens mål",
    ),
    (
        "",
        f"{SICK}. Vid hel frånvaro från 1 vecka upp till 6 månader.",
        3,
        2,
        "Verkställande tjänsteman eller utvecklingsledaren täcker upp för varandra vid "
        "frånvaron och får tillgång till varandras mail. Ordförande i förbundet stödjer detta "
        "arbete",
        "",
    ),
    ("", f"{SICK}, längre än 6 månader.", 3, 3, "Anställa vikarie", ""),
]

# Sundsvall's own årshjul items, beside the statutory ones: (title, month, day, responsible).
OWN_ITEMS = [
    (
        "Plan för intern styrning och kontroll, risk- och väsentlighetsanalys och "
        "delegationsordning för nästa år",
        11,
        30,
        "Förbundschef",
        True,
    ),
    ("Sammanträdesplan för nästa år", 10, 31, "Förbundschef", True),
    ("Kalenderinbjudningar till nästa års sammanträden", 12, 15, "Förbundschef", False),
    ("Deltagarsiffror för förra året i Uppföljning Finsam", 1, 31, "Utvecklingsledare", False),
]


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _person(association: Association, full_name: str) -> Person:
    first, _, last = full_name.rpartition(" ")
    return Person.objects.get(association=association, first_name=first, last_name=last)


def _paragraph(association: Association, day: datetime.date, number: int) -> Paragraph:
    return Paragraph.objects.get(meeting__association=association, meeting__date=day, number=number)


def _control_plans(association: Association, office: User) -> None:
    if ControlPlan.objects.filter(association=association).exists():
        return
    plan_2022 = services.control_plan_create(
        association=association, year=2022, by=office, introduction=INTRODUCTION
    )
    for process, step, frequency, risk in CONTROL_ROWS:
        services.control_row_add(
            plan=plan_2022,
            by=office,
            process=process,
            control_step=step,
            responsible=OFFICER,
            frequency=frequency,
            reported_to=BOARD,
            risk=risk,
        )
    services.control_plan_adopt(
        plan=plan_2022,
        by=office,
        earlier_reference="Styrelsens beslut hösten 2021 (före Samordna; antaget i demon)",
        adopted_on=D(2021, 11, 26),
    )
    for row in plan_2022.rows.all():
        services.control_followup_record(
            row=row,
            by=office,
            period="2022",
            followed_up_on=D(2022, 10, 10),
            done=True,
            method="Stickprovskontroll av ordförande och vice ordförande på kansliet",
            finding="Granskningen visar inte på några avvikelser som behöver åtgärdas i nuläget.",
        )
    # Bilaga 2 of 2022-11-25: the 2023 plan starts from 2022's rows; § 125 adopts it.
    plan_2023 = services.control_plan_create(association=association, year=2023, by=office)
    services.control_plan_adopt(
        plan=plan_2023, by=office, paragraph=_paragraph(association, D(2022, 11, 25), 125)
    )


def _delegation(association: Association, office: User) -> None:
    if DelegationOrder.objects.filter(association=association).exists():
        return
    chair = _person(association, "Christina Nordenö")
    vice = _person(association, "Jonas Väst")
    order = services.delegation_order_create(
        association=association,
        year=2023,
        by=office,
        note="Till ordförande delegerade ärenden (Bilaga 5). Ersättaren är antagen i demon.",
    )
    common = {"delegate": chair, "delegate_title": "Ordförande", "deputy": vice}
    courses = services.delegation_point_add(
        order=order, by=office, matter="Deltagande i kurser och konferenser", **common
    )
    procurement = services.delegation_point_add(
        order=order,
        by=office,
        matter="Direktupphandling",
        limit_kind=LimitKind.PRISBASBELOPP,
        limit_multiple=1,
        limit_note="per objekt",
        **common,
    )
    services.delegation_order_adopt(
        order=order, by=office, paragraph=_paragraph(association, D(2022, 11, 25), 128)
    )
    services.delegation_decision_register(
        association=association,
        point=courses,
        decided_on=D(2023, 1, 12),
        decided_by=chair,
        matter="Utvecklingsledarens deltagande i NNS utbildningsdag om Uppföljning Finsam",
        amount=2_400,
        reference="Antaget i demon",
        by=office,
    )
    services.delegation_decision_register(
        association=association,
        point=procurement,
        decided_on=D(2023, 1, 19),
        decided_by=chair,
        matter="Direktupphandling av tryck av informationsfolder om Arbetsmarknadstorget",
        amount=18_500,
        reference="Antaget i demon",
        by=office,
    )


def _risks(association: Association, office: User) -> None:
    if RiskAnalysis.objects.filter(association=association).exists():
        return
    analysis = services.risk_analysis_create(
        association=association, year=2023, by=office, threshold=6
    )
    for process, risk, consequence, probability, handling, controlled in RISKS:
        services.risk_row_add(
            analysis=analysis,
            by=office,
            process=process,
            risk=risk,
            consequence=consequence,
            probability=probability,
            handling=handling,
            control_process=controlled,
        )
    services.risk_analysis_adopt(
        analysis=analysis, by=office, paragraph=_paragraph(association, D(2022, 11, 25), 126)
    )


def _cycle(association: Association, office: User) -> None:
    if association.cycle_items.exists():
        return
    services.cycle_statutory_create(association=association, by=office)
    for title, month, day, responsible, to_board in OWN_ITEMS:
        services.cycle_item_create(
            association=association,
            by=office,
            kind=CycleKind.OWN,
            title=title,
            month=month,
            day=day,
            responsible=responsible,
            to_board=to_board,
        )
    today = timezone.localdate()
    for year in (2022, 2023, 2026, 2027):
        services.cycle_year_create(association=association, year=year, by=office)
    # 2022 is done as the seeds show; in 2026 all but the delårsrapport is done by its date.
    for occurrence in Occurrence.objects.filter(
        item__association=association, year__in=[2022, 2026]
    ):
        if occurrence.due_on >= today or (
            occurrence.year == 2026 and occurrence.item.kind == CycleKind.INTERIM_REPORT
        ):
            continue
        done_on = occurrence.meeting.date if occurrence.meeting else occurrence.due_on
        services.occurrence_update(occurrence=occurrence, by=office, done_on=min(done_on, today))
    annual = Occurrence.objects.get(
        item__association=association, item__kind=CycleKind.ANNUAL_REPORT, year=2023
    )
    services.occurrence_to_agenda(occurrence=annual, by=office)


def _discharges(associations: dict[str, Association]) -> None:
    seeds = [
        ("sundsvall", OFFICE, 2021, D(2022, 10, 21), 102),
        ("harnosand-timra", "ulrika.sahlin", 2022, D(2023, 11, 24), 125),
    ]
    for slug, username, year, day, number in seeds:
        association = associations[slug]
        if MemberDischarge.objects.filter(association=association).exists():
            continue
        services.discharge_record(
            association=association,
            member=association.members.get(name="Försäkringskassan"),
            year=year,
            body="Försäkringskassan",
            report_approved=True,
            discharge_granted=True,
            reported_in=_paragraph(association, day, number),
            by=_user(username),
        )


def load_control(associations: dict[str, Association]) -> None:
    sundsvall = associations["sundsvall"]
    office = _user(OFFICE)
    _control_plans(sundsvall, office)
    _delegation(sundsvall, office)
    _risks(sundsvall, office)
    _cycle(sundsvall, office)
    _discharges(associations)
