"""The reports in the demo: Sundsvall's verksamhetsplan med budget 2023, whose budget section is
the 2023 budget the demo loads from Bilaga 16 (`003_…`), and its årsredovisning 2023 from the
demo ledger (`demo/ledger/sundsvall_2023.se`, invented figures, January–September, with the
file's opening and closing balances and last year's figures beside)."""

import datetime

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.finance import services as finance_services
from samordna.finance.models import Budget, LineGroup
from samordna.finance.selectors import budget_for
from samordna.interventions.models import Intervention
from samordna.interventions.services import intervention_register
from samordna.ledger.selectors import current_import
from samordna.meetings.services import meeting_create
from samordna.reports import services
from samordna.reports.models import (
    AssociationReport,
    AssociationReportKind,
    BalanceLine,
    BalanceMapping,
)

# The demo ledger's balance accounts on the balance sheet, as the kansli confirmed them.
BALANCE_LINES = {
    1930: BalanceLine.CASH,
    2091: BalanceLine.EQUITY,
    2440: BalanceLine.SHORT_TERM,
}

PLAN_TEXTS = {
    "inriktning": (
        "<p>En enig styrelse är överens om att de inriktningsmål som togs fram i "
        "Verksamhetsplanen för 2022 till 2024 ska kvarstå (protokollet 2022-10-21, "
        "<em>003_…</em>).</p>"
    ),
}
ANNUAL_TEXTS = {
    "forvaltningsberattelse": (
        "<p>Årsredovisningen i demon bygger på den påhittade bokföringen för januari–september "
        "2023 (demosiffror); balansräkningen och kassaflödet på filens ingående och utgående "
        "balanser, föregående år på filens siffror för 2022.</p>"
    ),
}


def load_reports(associations: dict[str, Association]) -> None:
    """Load what is missing."""
    association = associations["sundsvall"]
    office = User.objects.get(username="jan.andersson")
    if not BalanceMapping.objects.filter(association=association).exists():
        services.balance_mappings_save(association=association, by=office, lines=BALANCE_LINES)
    existing = set(
        AssociationReport.objects.filter(association=association).values_list("kind", "year")
    )
    plans = [
        (AssociationReportKind.PLAN, 2023, PLAN_TEXTS, budget_for(association, 2023) is not None),
        (
            AssociationReportKind.ANNUAL,
            2023,
            ANNUAL_TEXTS,
            current_import(association, 2023) is not None,
        ),
    ]
    for kind, year, texts, ready in plans:
        if (kind, year) in existing or not ready:
            continue
        report = services.report_create(association=association, kind=kind, year=year, by=office)
        for section in report.sections.filter(key__in=texts):
            services.section_update(
                section=section, by=office, title=section.title, body=texts[section.key]
            )
    _ht_report(associations["harnosand-timra"])


# Härnösand–Timrå's delårsrapport 2020 from `001_…` ("Delårsredovisning 2020", decided by the
# board 2020-08-28). The seed's own figures: 3 754 000 kr from the members (Försäkringskassan
# and Arbetsförmedlingen half, the region a quarter, the kommuner a quarter), 4 334 000 kr
# with the equity (so 580 000 kr equity), five insatser for 2 799 000 kr, three minuted board
# meetings in the spring; the insatser with their owners and periods. What the seed does not
# say is invented (antaget i demon): the split between the two kommuner, each insats's share of
# the 2 799 000 kr and the meetings' dates.
SEED = "001_… (delårsrapport 2020, beslutad 2020-08-28)"
HT_YEAR = 2020
HT_INCOME = [
    ("fk", "Försäkringskassan och Arbetsförmedlingen", 1_877_000),
    ("region", "Region Västernorrland", 938_500),
    ("Härnösands kommun", "Härnösands kommun", 469_250),  # the split is invented
    ("Timrå kommun", "Timrå kommun", 469_250),
]
HT_EQUITY = 580_000  # 4 334 000 − 3 754 000
# (name, owner, starts, ends, share of the 2 799 000 kr — the shares are invented)
HT_INSATSER = [
    ("Nyanlända kvinnor till arbete", "Härnösands kommun", (2018, 4, 1), (2020, 3, 31), 199_000),
    (
        "Arbetsmarknadstorg Timrå/arbetsterapeut",
        "Timrå kommun",
        (2020, 1, 1),
        (2020, 12, 31),
        500_000,
    ),
    ("Hälsoprojektet", "Timrå kommun", (2020, 1, 1), (2020, 12, 31), 600_000),
    ("Att bryta mönster", "Härnösands kommun", (2020, 1, 1), (2020, 12, 31), 700_000),
    # The seed's 2020 insats; "Arbetsmarknadstorget Härnösand" in the demo is its successor.
    ("Arbetsmarknadstorg Härnösand", "Härnösands kommun", (2020, 1, 1), (2020, 12, 31), 800_000),
]
HT_MEETING_DAYS = [(2020, 2, 14), (2020, 4, 17), (2020, 6, 5)]  # three; the dates invented
HT_TEXTS = {
    "forvaltningsberattelse": (
        "<p>Samordningsförbundet i Härnösand Timrå redovisar delårsrapport för perioden 1 "
        "januari till 30 juni 2020. Denna rapport innehåller en översiktlig redogörelse över "
        "utvecklingen av förbundets verksamhet.</p>"
        "<p>För 2020 års verksamhet får förbundet 3 754 000 i driftsbidrag från huvudmännen. "
        "Tillsammans med det egna kapitalet förfogar förbundet över 4 334 000 kronor.</p>"
        "<p>Samordningsförbundet i Härnösand Timrå har för 2020 avsatt medel till 5 insatser "
        "till en kostnad av 2 799 000 kr.</p>"
    ),
    "om-forbundet": (
        "<h3>Historik</h3><p>Samordningsförbundet Härnösand-Timrå bildades den 30 november "
        "2005.</p><h3>Finansiering/Medlemsavgifter</h3><p>Årets tilldelning från "
        "förbundsmedlemmarna uppgår till 3 754 000 kronor, där Försäkringskassan och "
        "Arbetsförmedlingen bidrar med hälften av medlen, regionen med en fjärdedel och "
        "kommun/er med resterande fjärdedel.</p><h3>Målgrupper</h3><p>De samverkansinsatser "
        "som Samordningsförbundet Härnösand Timrå finansierar ska rikta sig till personer i "
        "förvärvsaktiv ålder, 16 – 64 år, som är bosatta i Timrå eller Härnösands kommun och "
        "som har behov av samverkande rehabilitering.</p>"
    ),
    "insatserna": (
        "<p>Inriktningen för 2020 års verksamhet är att stödja individinriktade samordnade "
        "insatser för personer med stöd från flera myndigheter, stödja strukturinriktade "
        "insatser samt stödja utveckling av samverkan mellan förbundsmedlemmarna.</p>"
    ),
    "styrelsen": (
        "<p>Styrelsen har under våren haft 3 protokollförda styrelsesammanträden. Styrelsen har "
        "under våren fått muntlig delrapport från pågående insatser finansierade av "
        "förbundet.</p>"
    ),
    "ekonomi": (
        "<p>Verksamhetskostnaderna samt kostnaderna för arvodet ser ut att landa på ett "
        "plusresultat detta på grund av att de planerade konferenserna har ställts in så att "
        "konferenskostnader, resekostnader samt arvoden inte betalats ut.</p>"
    ),
}


def _ht_data(association: Association, office: User) -> None:
    """The 2020 budget, insatser and spring meetings the report is made from."""
    members = {m.name: m for m in association.members.all()}
    members.update({m.kind: m for m in association.members.all()})
    if budget_for(association, HT_YEAR) is None:
        budget = finance_services.budget_create(association=association, by=office, year=HT_YEAR)
        for position, (_key, name, amount) in enumerate(HT_INCOME):
            budget = Budget.objects.get(pk=budget.pk)
            finance_services.line_save(
                budget=budget,
                by=office,
                version=budget.version,
                fields={
                    "group": LineGroup.INCOME,
                    "name": name,
                    "position": 10 + position,
                    "amount": amount,
                    "is_income": True,
                },
            )
        registered = {i.name for i in Intervention.objects.filter(association=association)}
        for position, (name, owner, starts, ends, amount) in enumerate(HT_INSATSER):
            if name not in registered:
                intervention = intervention_register(
                    association=association,
                    by=office,
                    name=name,
                    owner=members[owner],
                    starts_on=datetime.date(*starts),
                    ends_on=datetime.date(*ends),
                )
            else:
                intervention = Intervention.objects.get(association=association, name=name)
            budget = Budget.objects.get(pk=budget.pk)
            finance_services.line_save(
                budget=budget,
                by=office,
                version=budget.version,
                fields={
                    "group": LineGroup.INTERVENTIONS,
                    "name": name,
                    "position": 300 + position,
                    "amount": amount,
                    "intervention": intervention,
                },
            )
        budget = Budget.objects.get(pk=budget.pk)
        finance_services.budget_update(
            budget=budget,
            by=office,
            version=budget.version,
            opening_equity=HT_EQUITY,
            note=f"Ur {SEED}: driftsbidrag 3 754 000 kr och 2 799 000 kr till fem insatser; "
            "fördelningen mellan kommunerna och mellan insatserna är antagen i demon.",
        )
    held = {m.date for m in association.meetings.filter(date__year=HT_YEAR)}
    for day in HT_MEETING_DAYS:
        if datetime.date(*day) not in held:
            meeting_create(
                association=association,
                by=office,
                date=datetime.date(*day),
                starts_at=datetime.time(9),
                ends_at=datetime.time(12),
                place="Härnösand",
                note="Datumet är antaget i demon; 001_… säger tre sammanträden under våren.",
            )


def _ht_report(association: Association) -> None:
    if AssociationReport.objects.filter(
        association=association, kind=AssociationReportKind.INTERIM, year=HT_YEAR
    ).exists():
        return
    office = User.objects.get(username="ulrika.sahlin")
    _ht_data(association, office)
    report = services.report_create(
        association=association,
        kind=AssociationReportKind.INTERIM,
        year=HT_YEAR,
        by=office,
        starts_on=datetime.date(HT_YEAR, 1, 1),
        ends_on=datetime.date(HT_YEAR, 6, 30),
    )
    for section in report.sections.filter(key__in=HT_TEXTS):
        services.section_update(
            section=section, by=office, title=section.title, body=HT_TEXTS[section.key]
        )
    services.figures_mark_seed(report=report, by=office, keys=SEED_FIGURES, source=SEED)


# The report's figures that are the seed's own (the rest are the demo's data).
SEED_FIGURES = [
    "budget_followup:income:Budget",
    "budget_followup:interventions:Budget",
    "meetings:held",
]
