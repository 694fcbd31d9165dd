"""The reports in the demo: Sundsvall's verksamhetsplan med budget 2023, whose budget section is
the 2023 budget the demo loads from Bilaga 16 (`003_…`), and its årsredovisning 2023 from the
demo ledger (`demo/ledger/sundsvall_2023.se`, invented figures, January–September, with the
file's opening and closing balances and last year's figures beside)."""

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.finance.selectors import budget_for
from samordna.ledger.selectors import current_import
from samordna.reports import services
from samordna.reports.models import AssociationReport, ReportKind

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
    existing = set(
        AssociationReport.objects.filter(association=association).values_list("kind", "year")
    )
    plans = [
        (ReportKind.PLAN, 2023, PLAN_TEXTS, budget_for(association, 2023) is not None),
        (ReportKind.ANNUAL, 2023, ANNUAL_TEXTS, current_import(association, 2023) is not None),
    ]
    for kind, year, texts, ready in plans:
        if (kind, year) in existing or not ready:
            continue
        report = services.report_create(association=association, kind=kind, year=year, by=office)
        for section in report.sections.filter(key__in=texts):
            services.section_update(
                section=section, by=office, title=section.title, body=texts[section.key]
            )
