"""Markup of the follow-up's repeated parts (a row of the counts' grid, a dashboard table's
rows, a chart's bars, the list of insatser, a row of the national tables), written here
once: the template engine spent ~10 µs on each variable and tag (and more on an include), and
these parts repeat for every insats, period, year and län (half of the grid's page, a third
of the förbund's)."""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from samordna.core.html import escape
from samordna.followup.dashboards import BarChart, Table, Value
from samordna.followup.national import Row as PublishedRow
from samordna.followup.national import Sharing

if TYPE_CHECKING:
    from samordna.followup.count_views import GridRow

register = template.Library()


_NUMERIC = ' class="numeric"'
_MISSING = '<span aria-hidden="true">–</span><span class="sr-only">saknas</span>'


def _value_cells(values: Sequence[Value], hidden: str) -> str:
    cells = []
    for value in values:
        if value.hidden:
            cells.append(hidden)
        elif value.number is None:
            cells.append(f'<td class="numeric">{_MISSING}</td>')
        else:
            cells.append(f'<td class="numeric">{escape(value.text)}</td>')
    return "".join(cells)


@register.filter
def table_head(table: Table) -> SafeString:
    """The `<th>` of each column: the first names the rows, the others are figures."""
    return mark_safe(
        "".join(
            f'<th scope="col"{_NUMERIC if n else ""}>{escape(column)}</th>'
            for n, column in enumerate(table.columns)
        )
    )


@register.filter
def table_rows(table: Table, threshold: int) -> SafeString:
    """A dashboard table's `<tr>`s: the year (or statement), then its figures; a hidden one
    says why, a missing one says so."""
    hidden = (
        '<td class="numeric"><span aria-hidden="true">–</span><span class="sr-only">'
        f"dolt, färre än {escape(threshold)} eller skyddar ett litet tal</span></td>"
    )
    return mark_safe(
        "\n".join(
            f'<tr>\n  <th scope="row">{escape(row.label)}</th>\n'
            f"  {_value_cells(row.values, hidden)}\n</tr>"
            for row in table.rows
        )
    )


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
    return mark_safe("".join(f"<li>{escape(s.name)} ({escape(s.county)})</li>" for s in sharing))


@register.filter
def chart_groups(chart: BarChart) -> SafeString:
    """The chart's groups in the SVG: each bar with its value above it, and the group's
    label under them (numbers as written, not localised: SVG wants a point)."""
    parts = []
    for group in chart.groups:
        for bar in group.bars:
            if bar.height:
                parts.append(
                    f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"'
                    f' fill="{escape(bar.colour)}"></rect>'
                )
            parts.append(
                f'<text x="{bar.label_x}" y="{bar.label_y}" font-size="12"'
                f' text-anchor="middle" fill="#1b1e23">{escape(bar.label)}</text>'
            )
        parts.append(
            f'<text x="{group.x}" y="{chart.axis_label_y}" font-size="13"'
            f' text-anchor="middle" fill="#1b1e23">{escape(group.label)}</text>'
        )
    return mark_safe("\n    ".join(parts))


@register.filter
def insats_items(interventions: Iterable[tuple[str, str, str]]) -> SafeString:
    """The `<li>` of each insats: (name, address, direction)."""
    return mark_safe(
        "\n  ".join(
            f'<li><a class="anchor" href="{escape(address)}">{escape(name)}</a>'
            f' <span class="muted">({escape(direction)})</span></li>'
            for name, address, direction in interventions
        )
    )


@register.simple_tag(takes_context=True)
def grid_row(context: dict[str, Any], row: "GridRow") -> SafeString:
    """A `<tr>` of the counts' grid: the insats, its counts' status (or whether it runs, and
    the button that starts them) in each period, and its planned number. The buttons post
    through the page's one form `#grid-start`, outside the part kept for every reader: the
    form's CSRF token is the reader's own."""
    name = escape(row.intervention.name)
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
                lines.append(
                    f'    <button type="submit" form="grid-start"'
                    f' formaction="{escape(cell.start_url)}" class="button button--secondary'
                    ' button--small">Fyll i<span class="sr-only"> siffror för'
                    f" {name}, {label}</span></button>"
                )
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
