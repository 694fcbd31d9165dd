"""The sections each kind of report starts with, as the seeds show them: `003_…` Bilaga 16
(verksamhetsplan med budget), `001_…`'s table of contents (delårsrapport) and the law on
municipal accounting as förbund apply it (årsredovisning). Each names the table of figures it
shows under its text, if any (`figures.TABLES`)."""

from samordna.reports.models import AssociationReportKind

# (key, title, table)
SECTIONS: dict[str, list[tuple[str, str, str]]] = {
    AssociationReportKind.PLAN: [
        ("vision", "Vision", ""),
        ("organisation", "Organisation", ""),
        ("inriktning", "Inriktning", ""),
        ("mal", "Mål", ""),
        ("finansiella-mal", "Finansiella mål", "finansiella_mal"),
        ("sammantradesplan", "Sammanträdesplan", ""),
        ("insatser", "Insatser", "insatser"),
        ("budget", "Budget och plan", "budget"),
    ],
    AssociationReportKind.INTERIM: [
        ("forvaltningsberattelse", "Förvaltningsberättelse", ""),
        ("om-forbundet", "Om förbundet", ""),
        ("mal", "Mål med kommentarer", "mal"),
        ("mal-insatser", "Mål för finansierade insatser", ""),
        ("finansiella-mal", "Finansiella mål", "finansiella_mal"),
        ("insatserna", "Insatserna", "insatser"),
        ("deltagare", "Deltagare", "deltagare"),
        ("styrelsen", "Styrelsens arbete", "styrelsen"),
        ("ekonomi", "Ekonomiskt utfall och prognos", "ekonomi"),
    ],
    AssociationReportKind.ANNUAL: [
        ("forvaltningsberattelse", "Förvaltningsberättelse", ""),
        ("handelser", "Händelser av väsentlig betydelse", ""),
        ("styrelsen", "Styrelsens arbete", "styrelsen"),
        ("maluppfyllelse", "Måluppfyllelse", "mal"),
        ("insatserna", "Insatserna", "insatser"),
        ("deltagare", "Deltagare", "deltagare"),
        ("finansiella-mal", "Finansiella mål", "finansiella_mal"),
        ("balanskrav", "Balanskravsresultat", "balanskrav"),
        ("resultatrakning", "Resultaträkning", "resultatrakning"),
        ("balansrakning", "Balansräkning", "balansrakning"),
        ("kassaflode", "Kassaflödesanalys", "kassaflode"),
        ("noter", "Noter", "noter"),
        ("driftredovisning", "Driftredovisning per budgetgrupp", "ekonomi"),
    ],
}
