"""The yearly list as XLSX for the payroll office: one row per meeting and person with the
fee, loss of earnings and travel, a sum per person and a total; a summary sheet with one
row per person. No personal identity numbers are kept in Samordna: payroll adds them."""

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samordna.associations.models import Association
from samordna.core.spreadsheets import xlsx_bytes
from samordna.core.text import format_date
from samordna.fees.selectors import YearList

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AMOUNT_COLUMNS = ["Sammanträdesarvode (kr)", "Förlorad arbetsförtjänst (kr)", "Reseersättning (kr)"]
BOLD = Font(bold=True)


def _heading(sheet: Worksheet, association: Association, year_list: YearList, title: str) -> None:
    sheet.append([f"{title} {year_list.year}, {association.name}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Fastställda arvodeslistor. Beloppen är i hela kronor, före skatt."])
    if year_list.not_fixed:
        dates = ", ".join(format_date(m.date) for m in year_list.not_fixed)
        sheet.append([f"Ingår inte (listan är inte fastställd): {dates}."])
    sheet.append([])


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _bold_row(sheet: Worksheet, values: list) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def year_xlsx(association: Association, year_list: YearList) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"Per sammanträde {year_list.year}"
    _heading(sheet, association, year_list, "Arvoden och ersättningar")
    _bold_row(sheet, ["Namn", "Utsedd av", "Sammanträde", *AMOUNT_COLUMNS, "Summa (kr)"])
    for person in year_list.people:
        for entry in person.entries:
            sheet.append(
                [
                    person.person.full_name,
                    person.member_name,
                    entry.meeting.date,
                    entry.fee,
                    entry.loss,
                    entry.travel,
                    entry.total,
                ]
            )
            sheet.cell(sheet.max_row, 3).number_format = "yyyy-mm-dd"
        _bold_row(
            sheet,
            [
                f"Summa {person.person.full_name}",
                "",
                "",
                person.fee,
                person.loss,
                person.travel,
                person.total,
            ],
        )
    _bold_row(
        sheet,
        ["Totalt", "", "", year_list.fee, year_list.loss, year_list.travel, year_list.total],
    )
    _widths(sheet, [32, 28, 14, 24, 28, 20, 12])

    summary = workbook.create_sheet(f"Per person {year_list.year}")
    _heading(summary, association, year_list, "Summa per person")
    _bold_row(summary, ["Namn", "Utsedd av", "Antal sammanträden", *AMOUNT_COLUMNS, "Summa (kr)"])
    for person in year_list.people:
        summary.append(
            [
                person.person.full_name,
                person.member_name,
                len(person.entries),
                person.fee,
                person.loss,
                person.travel,
                person.total,
            ]
        )
    _bold_row(
        summary,
        ["Totalt", "", "", year_list.fee, year_list.loss, year_list.travel, year_list.total],
    )
    _widths(summary, [32, 28, 20, 24, 28, 20, 12])

    return xlsx_bytes(workbook)
