"""The follow-up's repeated rows, written here rather than in the template: a line of the
budget and a bar of the chart are a dozen values each, and the template engine's cost per
value made these loops most of the page's time. The markup is the template's, unchanged."""

from django import template
from django.template.defaultfilters import date
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from samordna.core.text import format_kronor
from samordna.ledger.exports import Bar
from samordna.ledger.selectors import Figures, LineFollowup

register = template.Library()


@register.simple_tag
def figure_cells(figures: Figures, words: str) -> SafeString:
    """Budget, outcome, forecast and the deviation (arrow, amount, and in words for a
    screen reader) as four cells."""
    return format_html(
        '<td class="numeric">{}</td><td class="numeric">{}</td><td class="numeric">{}</td>'
        '<td class="numeric"><span aria-hidden="true">{}</span> {}'
        '<span class="sr-only">, {}</span></td>',
        figures.budget_text,
        figures.outcome_text,
        figures.forecast_text,
        figures.deviation_marker,
        figures.deviation_signed,
        words,
    )


@register.simple_tag
def line_row(row: LineFollowup, can_forecast: bool) -> SafeString:
    """One line of the follow-up table: budget, outcome, forecast, deviation, comment."""
    head = format_html("{}", row.line.name)
    if row.paid_out:
        head += format_html(
            '<br><span class="muted">varav utbetalt från Samordna {}</span>',
            format_kronor(row.paid_out),
        )
    if row.accounts:
        head += format_html(
            '<br><span class="muted">konto {}</span>', ", ".join(map(str, row.accounts))
        )
    note = SafeString()
    if row.forecast:
        note += format_html(
            '{} <span class="muted">({}, {})</span>',
            row.forecast.comment,
            row.forecast.made_by.get_full_name(),
            date(row.forecast.as_of, "j F Y"),
        )
    if can_forecast:
        note += format_html(
            ' <a class="anchor" href="{}">Ändra prognos<span class="sr-only"> för {}</span></a>',
            row.forecast_url,
            row.line.name,
        )
    figures = row.figures
    return format_html(
        "<tr>\n"
        '    <th scope="row">{}</th>\n'
        '    <td class="numeric">{}</td>\n'
        '    <td class="numeric">{}</td>\n'
        '    <td class="numeric">{}</td>\n'
        '    <td class="numeric"><span aria-hidden="true">{}</span> {}'
        '<span class="sr-only">, {}</span></td>\n'
        "    <td>{}</td>\n"
        "  </tr>",
        head,
        figures.budget_text,
        figures.outcome_text,
        figures.forecast_text,
        figures.deviation_marker,
        figures.deviation_signed,
        row.deviation_words,
        note,
    )


@register.simple_tag
def chart_bar(bar: Bar, left: int) -> SafeString:
    """One bar of the chart: its name, the bar (when it has a length) and its amount."""
    rect = (
        format_html(
            '<rect x="{}" y="{}" width="{}" height="16" fill="{}"></rect>',
            left,
            bar.y,
            bar.width,
            bar.fill,
        )
        if bar.width
        else mark_safe("")
    )
    return format_html(
        '<text x="0" y="{}" font-size="12" fill="#1b1e23">{}</text>\n'
        "    {}\n"
        '    <text x="{}" y="{}" font-size="12" fill="#1b1e23">{}</text>',
        bar.y + 12,
        bar.label,
        rect,
        left + bar.width + 6,
        bar.y + 12,
        bar.text,
    )
