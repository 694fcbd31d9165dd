"""The budget as a spreadsheet (kronor, with the tkr of the budget document beside) and
as PDF in the layout of the förbund's budget document (Bilaga 16 of 2022-11-25)."""

from openpyxl import Workbook
from openpyxl.styles import Font

from samordna.core.documents import page_context, render_pdf
from samordna.core.spreadsheets import xlsx_bytes
from samordna.finance.budgets import ROUNDING_NOTE, BudgetSummary, format_tkr

BOLD = Font(bold=True)
PDF_TEMPLATE = "finance/budget_pdf.html"


def budget_xlsx(summary: BudgetSummary) -> bytes:
    """Three sheets: the lines in kronor, the result budget and the balance budget (tkr)."""
    budget = summary.budget
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Budget {budget.year}"
    years = summary.years
    sheet.append([f"Budget {years[0]} med plan för {years[1]}-{years[2]}"])
    sheet.append([budget.association.name, budget.get_status_display()])
    sheet.append([])
    sheet.append(["Grupp", "Rad", *(f"{y} (kr)" for y in years), *(f"{y} (tkr)" for y in years)])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for group in summary.groups:
        for row in group.rows:
            sheet.append([group.label, row.name, *row.kr, *(float(v) for v in row.tkr)])
        sheet.append(
            [group.label, f"Summa {group.label.lower()}", *group.kr, *(float(v) for v in group.tkr)]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    sheet.append(
        [
            "",
            "Budgeterat resultat",
            *(int(f.result) for f in summary.kr),
            *(float(f.result) for f in summary.tkr),
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.append([])
    sheet.append([ROUNDING_NOTE])
    for warning in summary.warnings:
        sheet.append([warning])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 48

    result = book.create_sheet("Resultatbudget")
    columns = summary.result_columns
    result.append(["Resultatbudget (tkr)", *(name for name, _ in columns)])
    for label, attr in [
        ("Verksamhetens intäkter", "operating_income"),
        ("Verksamhetens kostnader", "operating_costs"),
        ("Verksamhetens nettokostnader", "net_operating"),
        ("Finansiella intäkter", "financial_income"),
        ("Finansiella kostnader", "financial_costs"),
        ("Årets resultat", "result"),
    ]:
        sign = -1 if attr in ("operating_costs", "financial_costs") else 1
        result.append([label, *(float(sign * getattr(f, attr)) for _, f in columns)])
    result.column_dimensions["A"].width = 32

    balance = book.create_sheet("Balansbudget")
    balance.append(["Balansbudget (tkr)", *summary.balance_columns])
    for balance_row in summary.balance:
        balance.append([balance_row.label, *(float(v) for v in balance_row.tkr)])
    balance.column_dimensions["A"].width = 44
    return xlsx_bytes(book)


def budget_document_context(summary: BudgetSummary) -> dict:
    budget = summary.budget
    title = f"Budget {summary.years[0]} med plan för {summary.years[1]}-{summary.years[2]}"
    return {
        "association": budget.association,
        "budget": budget,
        "s": summary,
        "title": title,
        "rounding_note": ROUNDING_NOTE,
        **page_context(budget.association.name, title),
    }


def budget_pdf(summary: BudgetSummary) -> bytes:
    """The budget section in the layout of Bilaga 16, amounts in tkr."""
    return render_pdf(PDF_TEMPLATE, budget_document_context(summary))


__all__ = ["budget_pdf", "budget_xlsx", "format_tkr"]
