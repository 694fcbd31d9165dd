"""The documents of an insats: the application as the board reads it (with the
tjänsteutlåtande), and the agreement drawn up from the decision, as PDF and Word.

Both formats of the agreement are built from one `AgreementTerms`, so they say the same.
"""

import datetime
import io
from dataclasses import dataclass

from docx import Document
from docx.shared import Pt

from samordna.core.documents import docx_field, docx_rows, page_context, render_pdf
from samordna.core.text import format_date, format_kronor
from samordna.interventions.models import (
    Application,
    GrantAmount,
    GrantDecision,
    Instalment,
    Report,
    Trigger,
)
from samordna.interventions.selectors import budget_table


def application_pdf(application: Application) -> bytes:
    """The application on the förbund's form, with the budget and the tjänsteutlåtande."""
    association = application.association
    context = {
        "association": association,
        "application": application,
        "parties": list(application.parties.select_related("member")),
        "goals": list(application.goals.all()),
        "budget": budget_table(application.years, application.budget_lines.all()),
        **page_context(association.name, f"Ansökan: {application.name}"),
    }
    return render_pdf("interventions/documents/application.html", context)


@dataclass(frozen=True)
class AgreementTerms:
    """What the agreement says, taken from the decision, never typed again."""

    number: str
    drawn_up_on: datetime.date
    association_name: str
    association_number: str
    director: str
    decision: GrantDecision
    application: Application
    parties: list[str]
    amounts: list[GrantAmount]
    instalments: list[tuple[GrantAmount, Instalment]]
    conditions: list[str]
    reports: list[Report]

    @property
    def title(self) -> str:
        return f"Avtal om finansiering av insatsen {self.application.name}"

    @property
    def total(self) -> int:
        return sum(a.amount for a in self.amounts)

    @property
    def owner(self) -> str:
        """The insatsägare as the agreement names it."""
        application = self.application
        return application.organisation_name or application.member.name

    @property
    def owner_line(self) -> str:
        application = self.application
        parts = (self.owner, application.organisation_number, application.unit)
        return ", ".join(p for p in parts if p)

    @property
    def contact_line(self) -> str:
        application = self.application
        return ", ".join(p for p in (application.contact_name, application.contact_email) if p)

    @property
    def account(self) -> str:
        application = self.application
        if application.bankgiro:
            return f"till bankgiro {application.bankgiro}"
        if application.plusgiro:
            return f"till plusgiro {application.plusgiro}"
        return "mot faktura till förbundet"


def instalment_text(grant: GrantAmount, instalment: Instalment) -> str:
    when = {
        Trigger.AGREEMENT: "när avtalet är undertecknat",
        Trigger.INVOICE: "mot faktura",
        Trigger.REPORT: (
            f"när styrelsen godkänt {instalment.report.title.lower()}"
            if instalment.report
            else "när styrelsen godkänt rapporten"
        ),
    }[Trigger(instalment.trigger)]
    to = f" till {grant.recipient}" if grant.recipient else ""
    condition = f", under förutsättning att {grant.condition.text}" if grant.condition else ""
    return (
        f"{format_kronor(instalment.amount)} av medlen för {grant.year}{to} {when}, "
        f"tidigast {format_date(instalment.not_before)}{condition}."
    )


def agreement_terms(decision: GrantDecision, *, director: str) -> AgreementTerms:
    agreement = decision.agreement
    application = decision.application
    association = decision.association
    amounts = list(
        decision.amounts.select_related("condition").prefetch_related("instalments__report")
    )
    parties = [
        f"{p.organisation_name or p.member.name}{f', {p.unit}' if p.unit else ''}"
        for p in application.parties.select_related("member")
    ]
    return AgreementTerms(
        number=agreement.number,
        drawn_up_on=agreement.drawn_up_on,
        association_name=association.name,
        association_number=association.organisation_number,
        director=director,
        decision=decision,
        application=application,
        parties=parties,
        amounts=amounts,
        instalments=[(grant, i) for grant in amounts for i in grant.instalments.all()],
        conditions=[c.text for c in decision.conditions.all()],
        reports=list(decision.reports.order_by("due_on")),
    )


REPORTING = (
    "Insatsägaren lämnar varje rapport på förbundets mall i Samordna. En delrapport "
    "redovisar resultat, nulägesanalys och prognos för varje mål; slutrapporten redovisar "
    "måluppfyllelsen för varje mål och skrivs under av parterna. Antalet deltagare redovisas "
    "som antal, uppdelat på kön; uppgifter som pekar ut en enskild deltagare lämnas inte till "
    "förbundet."
)
NO_CONDITIONS = "Beslutet har inga villkor utöver det som sägs i avtalet."
UNUSED = (
    "Medel som inte används för insatsen betalas inte ut, och medel som betalats ut men inte "
    "använts betalas tillbaka till förbundet. Ändringar av insatsens inriktning, budget eller "
    "period kräver förbundets skriftliga medgivande."
)


def instalment_lines(terms: AgreementTerms) -> list[str]:
    """The payment plan, a sentence per planned payment."""
    return [instalment_text(grant, instalment) for grant, instalment in terms.instalments]


def agreement_context(terms: AgreementTerms) -> dict:
    """What the print template of the agreement reads."""
    return {
        "terms": terms,
        "association": terms.decision.association,
        "reporting": REPORTING,
        "unused": UNUSED,
        "no_conditions": NO_CONDITIONS,
        "instalment_lines": instalment_lines(terms),
        **page_context(terms.association_name, f"Avtal {terms.number}"),
    }


def agreement_pdf(terms: AgreementTerms) -> bytes:
    return render_pdf("interventions/documents/agreement.html", agreement_context(terms))


def agreement_docx(terms: AgreementTerms) -> bytes:
    application = terms.application
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{terms.association_name}\tAvtal {terms.number}"
    footer = section.footer.paragraphs[0]
    footer.text = "\t\tSid "
    docx_field(footer, "PAGE")
    footer.add_run(" (")
    docx_field(footer, "NUMPAGES")
    footer.add_run(")")

    document.add_heading(terms.title, level=1)
    document.add_heading("1. Parter", level=2)
    docx_rows(
        document,
        [
            ("Förbundet", f"{terms.association_name}, {terms.association_number}".strip(", ")),
            ("Insatsägare", terms.owner_line),
            ("Samverkansparter", "\n".join(terms.parties) or "–"),
            ("Kontaktperson", terms.contact_line or "–"),
        ],
    )
    document.add_heading("2. Beslut och syfte", level=2)
    document.add_paragraph(
        f"Styrelsen beslutade {format_date(terms.decision.decided_on)} "
        f"({terms.decision.source}) om finansiering av insatsen. {application.purpose}".strip()
    )
    document.add_heading("3. Belopp och period", level=2)
    docx_rows(
        document,
        [
            (
                f"{grant.year}" + (f", till {grant.recipient}" if grant.recipient else ""),
                format_kronor(grant.amount) + (f" för {grant.purpose}" if grant.purpose else ""),
            )
            for grant in terms.amounts
        ]
        + [("Summa", format_kronor(terms.total))],
    )
    if application.starts_on and application.ends_on:
        document.add_paragraph(
            f"Insatsen pågår {format_date(application.starts_on)} – "
            f"{format_date(application.ends_on)}."
        )
    document.add_heading("4. Utbetalning", level=2)
    for grant, instalment in terms.instalments:
        document.add_paragraph(instalment_text(grant, instalment), style="List Bullet")
    document.add_paragraph(f"Medlen betalas ut {terms.account}.")
    document.add_heading("5. Villkor", level=2)
    for text in terms.conditions:
        document.add_paragraph(f"Under förutsättning att {text}.", style="List Bullet")
    if not terms.conditions:
        document.add_paragraph(NO_CONDITIONS)
    document.add_heading("6. Redovisning", level=2)
    document.add_paragraph(REPORTING)
    for report in terms.reports:
        document.add_paragraph(
            f"{report.title}: senast {format_date(report.due_on)}.", style="List Bullet"
        )
    document.add_heading("7. Medel som inte används", level=2)
    document.add_paragraph(UNUSED)
    document.add_heading("8. Underskrifter", level=2)
    document.add_paragraph(
        f"Avtalet är upprättat {format_date(terms.drawn_up_on)} i två exemplar, ett till "
        "vardera parten."
    )
    for who in (
        f"För {terms.association_name}: {terms.director}",
        f"För {terms.owner}: {application.signatory}"
        + (f", {application.signatory_title}" if application.signatory_title else ""),
    ):
        document.add_paragraph(f"Ort och datum ____________________\n\n__________________\n{who}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
