"""Markup of the follow-up's repeated parts (a row of the counts' grid, a table row's
figures, a chart's bars, the list of insatser, a row of the national tables), written here
once: the template engine spent ~10 µs on each variable and tag (and more on an include), and
these parts repeat for every insats, period, year and län (half of the grid's page, a third
of the förbund's)."""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from samordna.followup.dashboards import Bar, Value
from samordna.followup.national import Row as PublishedRow
from samordna.followup.national import Sharing

if TYPE_CHECKING:
    from samordna.followup.count_views import GridRow

register = template.Library()

_MISSING = '<span aria-hidden="true">–</span><span class="sr-only">saknas</span>'


@register.filter
def value_cells(values: Sequence[Value], threshold: int) -> SafeString:
    """A table row's figures as `<td>`s: a hidden one says why, a missing one says so."""
    hidden = (
        '<td class="numeric"><span aria-hidden="true">–</span><span class="sr-only">'
        f"dolt, färre än {escape(threshold)} eller skyddar ett litet tal</span></td>"
    )
    cells = []
    for value in values:
        if value.hidden:
            cells.append(hidden)
        elif value.number is None:
            cells.append(f'<td class="numeric">{_MISSING}</td>')
        else:
            cells.append(f'<td class="numeric">{escape(value.text)}</td>')
    return mark_safe("".join(cells))


@register.filter
def published_cells(row: PublishedRow, threshold: int) -> SafeString:
    """A published row's `<td>`s: its cells, its total and its extra sum, if any."""
    hidden = (
        '<td class="numeric"><span aria-hidden="true">–</span><span class="sr-only">'
        f"dolt, färre än {escape(threshold)} eller skyddar ett litet tal</span></td>"
    )
    cells = [*row.cells, row.total, *([row.extra] if row.extra else [])]
    return mark_safe(
        "".join(
            hidden if cell.hidden else f'<td class="numeric">{escape(cell.value)}</td>'
            for cell in cells
        )
    )


@register.filter
def sharing_items(sharing: Iterable[Sharing]) -> SafeString:
    """The `<li>` of each förbund that shares its figures, with its län."""
    return format_html_join("", "<li>{} ({})</li>", ((s.name, s.county) for s in sharing))


@register.filter
def chart_bars(bars: Iterable[Bar]) -> SafeString:
    """A group's bars in the SVG, each with its value above it (numbers as written, not
    localised: SVG wants a point)."""
    parts = []
    for bar in bars:
        rect = (
            f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"'
            f' fill="{escape(bar.colour)}"></rect>'
            if bar.height
            else ""
        )
        parts.append(
            f"{rect}\n"
            f'      <text x="{bar.label_x}" y="{bar.label_y}" font-size="12"'
            f' text-anchor="middle" fill="#1b1e23">{escape(bar.label)}</text>'
        )
    return mark_safe("\n      ".join(parts))


@register.filter
def insats_items(interventions: Iterable[tuple[str, str, str]]) -> SafeString:
    """The `<li>` of each insats: (name, address, direction)."""
    return format_html_join(
        "\n  ",
        '<li><a class="anchor" href="{1}">{0}</a> <span class="muted">({2})</span></li>',
        interventions,
    )


@register.simple_tag(takes_context=True)
def grid_row(context: dict[str, Any], row: "GridRow") -> SafeString:
    """A `<tr>` of the counts' grid: the insats, its counts' status (or whether it runs, and
    the form that starts them) in each period, and its planned number."""
    name = escape(row.intervention.name)
    token = context.get("csrf_token")
    csrf = (
        format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
        if token and token != "NOTPROVIDED"  # as {% csrf_token %}
        else ""
    )
    lines = [
        "<tr>",
        f'  <th scope="row">{name}<br><span class="muted">'
        f"{escape(row.intervention.owner)}</span></th>",
    ]
    for cell in row.cells:
        label = escape(cell.label)
        lines.append("  <td>")
        if cell.url:
            demo = ' <span class="status-tag">Demo</span>' if cell.demo else ""
            lines.append(
                f'    <a class="anchor" href="{escape(cell.url)}">{escape(cell.status)}'
                f'<span class="sr-only">: {name}, {label}</span></a>{demo}'
            )
        elif not cell.runs:
            lines.append('    –<span class="sr-only">Insatsen pågår inte under perioden</span>')
        else:
            lines.append("    Ej påbörjad")
            if cell.start_url:
                lines += [
                    f'    <form method="post" action="{escape(cell.start_url)}"'
                    ' class="inline-form">',
                    f"      {csrf}",
                    '      <button type="submit" class="button button--secondary'
                    ' button--small">Fyll i<span class="sr-only"> siffror för'
                    f" {name}, {label}</span></button>",
                    "    </form>",
                ]
        lines.append("  </td>")
    planned = "–" if row.planned is None else str(row.planned)
    change = (
        f'<br><a class="anchor" href="{escape(row.planned_url)}">Ändra<span class="sr-only">'
        f" planerat antal deltagare {context['year']} för {name}</span></a>"
        if row.planned_url
        else ""
    )
    lines += [f'  <td class="numeric">{planned}{change}</td>', "</tr>"]
    return mark_safe("\n".join(lines))
