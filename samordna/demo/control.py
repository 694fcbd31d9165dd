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
- Revision: the förbund's auditors, one per member that appoints one (the 2023 plan:
  "Försäkringskassan utser statens revisor. Sundsvalls kommun och Region Västernorrland
  representeras av varsin revisor"). Eva Sonidsson, förtroendevald revisor for Region
  Västernorrland, is present at 2022-10-21; the other two names are antagna i demon.
  A granskningsrapport on the internal control 2023 with two recommendations, and the
  board's answer, is antagen i demon (a one-page PDF written here).
- Medlemssamråd: the heldag in Örnsköldsvik on 11 May 2023 (the 2023 plan's "Övriga viktiga
  datum"); who represented each member and the notes are antagna i demon.
- The årshjul: the statutory items with Sundsvall's own, for 2022 and 2023 (placed at the
  seed meetings and the 2023 meeting plan) and for 2026 and 2027, so that the kansli's start
  page shows what falls due around today.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.control import services
from samordna.control.models import (
    AuditKind,
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


# (year, name, assignment, appointed by, body, note)
AUDITORS = [
    (year, name, assignment, member, body, note)
    for year in (2022, 2023)
    for name, assignment, member, body, note in [
        (
            "Eva Sonidsson",
            "Förtroendevald revisor",
            "Region Västernorrland",
            "Regionfullmäktige",
            "Närvarande vid styrelsemötet 2022-10-21 (§ 98–119).",
        ),
        (
            "Göran Lindqvist",
            "Förtroendevald revisor",
            "Sundsvalls kommun",
            "Kommunfullmäktige",
            "Namnet är antaget i demon.",
        ),
        (
            "Anna Berglund",
            "Auktoriserad revisor, statens revisor",
            "Försäkringskassan",
            "Försäkringskassan",
            "Namnet är antaget i demon.",
        ),
    ]
]

# Medlemssamrådet 11 May 2023: (member, name, assignment), antagna i demon.
REPRESENTATIVES = [
    ("Sundsvalls kommun", "Jonas Väst", "Kommunens representant (antaget i demon)"),
    ("Region Västernorrland", "Sanna Jonsson", "Regionens representant (antaget i demon)"),
    ("Försäkringskassan", "Lina Kempe", "Försäkringskassans representant (antaget i demon)"),
    (
        "Arbetsförmedlingen",
        "Peter Pettersson",
        "Arbetsförmedlingens representant (antaget i demon)",
    ),
]


def _revision(association: Association, office: User) -> None:
    if association.auditors.exists():
        return
    for year, name, assignment, member, body, note in AUDITORS:
        services.auditor_add(
            association=association,
            by=office,
            year=year,
            name=name,
            assignment=assignment,
            appointed_by=association.members.get(name=member),
            appointing_body=body,
            note=note,
        )


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF of plain lines (Latin-1), for the demo's documents from outside."""
    text = "".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T* "
        for line in lines
    ).encode("latin-1")
    stream = b"BT /F1 11 Tf 14 TL 56 780 Td " + text + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


REVIEW = [
    "Granskning av intern styrning och kontroll 2023 (antagen i demon)",
    "Revisorerna har granskat styrelsens arbete med intern styrning och kontroll.",
    "Rekommendationer:",
    "1. Dokumentera stickprovskontrollerna med urval och resultat.",
    "2. Anmäl delegationsbeslut till styrelsen vid varje sammanträde.",
]


def _review(association: Association, office: User) -> None:
    if association.audit_documents.exists():
        return
    document = services.audit_document_add(
        association=association,
        by=office,
        year=2023,
        kind=AuditKind.REVIEW,
        title="Granskning av intern styrning och kontroll 2023 (antagen i demon)",
        received_on=D(2023, 9, 15),
        auditor=association.auditors.get(year=2023, name="Eva Sonidsson"),
        recommendations="Dokumentera stickprovskontrollerna med urval och resultat.\n"
        "Anmäl delegationsbeslut till styrelsen vid varje sammanträde.",
        file=SimpleUploadedFile(
            "granskning-2023.pdf", text_pdf(REVIEW), content_type="application/pdf"
        ),
    )
    services.audit_answer_record(
        document=document,
        by=office,
        answered_on=D(2023, 10, 27),
        answer="Styrelsen tackar för granskningen. Från och med hösten 2023 dokumenteras "
        "stickproven i uppföljningen av internkontrollplanen, och delegationsbeslut anmäls av "
        "Samordna själv som en stående punkt på dagordningen. (Svaret är antaget i demon.)",
    )


def _consultation(association: Association, office: User) -> None:
    if association.consultations.exists():
        return
    consultation = services.consultation_create(
        association=association,
        by=office,
        held_on=D(2023, 5, 11),
        place="Örnsköldsvik (heldag)",
        notes="Medlemssamråd för förbunden i Västernorrland, enligt verksamhetsplanen 2023 "
        "(övriga viktiga datum). Anteckningarna är antagna i demon: förbunden redogjorde för "
        "årets insatser och medlemmarna för sina behov inför budgeten 2024.",
    )
    for member, name, assignment in REPRESENTATIVES:
        services.representative_add(
            consultation=consultation,
            by=office,
            member=association.members.get(name=member),
            name=name,
            assignment=assignment,
        )
    program = [
        "Medlemssamråd 11 maj 2023, Örnsköldsvik (program antaget i demon)",
        "09.30 Förbunden i Västernorrland berättar om årets insatser",
        "12.00 Lunch",
        "13.00 Medlemmarnas behov inför verksamhetsplan och budget 2024",
        "15.00 Sammanfattning och nästa samråd",
    ]
    services.consultation_document_add(
        consultation=consultation,
        by=office,
        title="Program för medlemssamrådet (antaget i demon)",
        file=SimpleUploadedFile("program.pdf", text_pdf(program), content_type="application/pdf"),
    )


def load_control(associations: dict[str, Association]) -> None:
    sundsvall = associations["sundsvall"]
    office = _user(OFFICE)
    _control_plans(sundsvall, office)
    _delegation(sundsvall, office)
    _risks(sundsvall, office)
    _cycle(sundsvall, office)
    _discharges(associations)
    _revision(sundsvall, office)
    _review(sundsvall, office)
    _consultation(sundsvall, office)
