"""The agreement drawn up from a decision, as PDF and Word: both say the same, taken from the
decision (parties, amounts, the payment plan, conditions and the reports' due dates)."""

import io

import docx
from django.template.loader import render_to_string

from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import documents
from samordna.interventions.models import GrantDecision
from samordna.interventions.services import grants
from samordna.interventions.services.grants import AmountInput
from samordna.interventions.tests.helpers import D, granted, justera, paragraph, submitted
from samordna.meetings.tests.helpers import pdf_outline

CONDITION = "förbundet får bidrag från huvudmännen för 2024"
NAME = "Arbetskonsulent för personer med aktivitetsersättning"


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of the Word file, a line each."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


class AgreementDocumentTests(SamordnaTestCase):
    """§ 133 of 2022-11-25: 709 000 kr for 2023 and 722 000 kr for 2024, the second year on
    condition that the members pay their contributions for 2024."""

    def setUp(self):
        application = submitted(
            self.association,
            self.applicant,
            name=NAME,
            partners=("Försäkringskassan", "Region Västernorrland"),
            amounts={2023: 709_000, 2024: 722_000},
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        par = paragraph(self.association, self.office, D(2022, 11, 25))
        self.decision = grants.decision_record(
            application=application,
            paragraph=par,
            by=self.office,
            outcome="granted",
            amounts=[AmountInput(2023, 709_000), AmountInput(2024, 722_000, condition=0)],
            conditions=[CONDITION],
        )
        justera(par.meeting)
        self.agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        self.terms = documents.agreement_terms(self.decision, director="Jan Andersson")
        self.facts = [
            # The parties
            "Samordningsförbundet i Sundsvall",
            "Individ- och arbetsmarknadsförvaltningen, 212000-2411, Arbetsmarknadstorget",
            "Försäkringskassan",
            "Region Västernorrland",
            "Denise Wallén, denise.wallen@sundsvall.se",
            # The amounts
            "709\xa0000\xa0kr",
            "722\xa0000\xa0kr",
            "1\xa0431\xa0000\xa0kr",
            # The payment plan, half now and half after the year's report
            "354\xa0500\xa0kr av medlen för 2023 när avtalet är undertecknat, tidigast "
            "1 januari 2023.",
            "354\xa0500\xa0kr av medlen för 2023 när styrelsen godkänt redovisning 2023, "
            "tidigast 1 januari 2023.",
            "361\xa0000\xa0kr av medlen för 2024 när avtalet är undertecknat, tidigast "
            f"1 januari 2024, under förutsättning att {CONDITION}.",
            "361\xa0000\xa0kr av medlen för 2024 när styrelsen godkänt slutrapport, tidigast "
            f"1 januari 2024, under förutsättning att {CONDITION}.",
            "Medlen betalas ut till bankgiro 5050-1055.",
            f"Under förutsättning att {CONDITION}.",
            # The reports and when they are due
            "Redovisning 2023: senast 31 januari 2024",
            "Slutrapport: senast 1 mars 2025",
            # Who signs
            "Jan Andersson",
            "Denise Wallén, Förvaltningsdirektör",
        ]

    def html(self) -> str:
        return render_to_string(
            "interventions/documents/agreement.html", documents.agreement_context(self.terms)
        )

    def test_the_terms_come_from_the_decision(self):
        self.assertEqual(self.terms.number, self.agreement.number)
        self.assertEqual(self.terms.total, 1_431_000)
        self.assertEqual(self.terms.parties, ["Försäkringskassan", "Region Västernorrland"])
        self.assertEqual([r.title for r in self.terms.reports], ["Redovisning 2023", "Slutrapport"])
        self.assertEqual(len(documents.instalment_lines(self.terms)), 4)

    def test_the_pdf_says_what_the_decision_says(self):
        data = documents.agreement_pdf(self.terms)
        self.assertTrue(data.startswith(b"%PDF"))
        outline = pdf_outline(data)
        self.assertIn(f"Avtal om finansiering av insatsen {NAME}", outline)
        sections = [t for t in outline if t[:2] in {f"{n}." for n in range(1, 9)}]
        self.assertEqual(
            sections,
            [
                "1. Parter",
                "2. Beslut och syfte",
                "3. Belopp och period",
                "4. Utbetalning",
                "5. Villkor",
                "6. Redovisning",
                "7. Medel som inte används",
                "8. Underskrifter",
            ],
        )
        html = self.html()
        for fact in self.facts:
            with self.subTest(fact=fact):
                self.assertIn(fact, html)
        self.assertIn("Styrelsen beslutade 25 november 2022 (2022-11-25 § ", html)

    def test_the_word_file_says_the_same(self):
        text = docx_text(documents.agreement_docx(self.terms))
        for fact in self.facts:
            with self.subTest(fact=fact):
                self.assertIn(fact, text)
        self.assertIn(f"Avtal om finansiering av insatsen {NAME}", text)
        self.assertIn("Summa\n1\xa0431\xa0000\xa0kr", text)

    def test_without_conditions_the_sections_keep_their_numbers(self):
        decision: GrantDecision = granted(
            self.association, self.office, self.applicant, name="Utan villkor"
        )
        grants.agreement_draw_up(decision=decision, by=self.office, drawn_up_on=D(2023, 1, 10))
        terms = documents.agreement_terms(decision, director="Jan Andersson")
        text = docx_text(documents.agreement_docx(terms))
        self.assertIn(f"5. Villkor\n{documents.NO_CONDITIONS}\n6. Redovisning", text)
        html = render_to_string(
            "interventions/documents/agreement.html", documents.agreement_context(terms)
        )
        self.assertIn(documents.NO_CONDITIONS, html)
        self.assertIn("<h2>6. Redovisning</h2>", html)
