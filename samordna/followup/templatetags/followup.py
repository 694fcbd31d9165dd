"""Markup of the dashboards' repeated parts (a table row's figures, a chart's bars, the list
of insatser), written here once: the template engine spent ~10 µs on each variable and tag,
and these parts repeat for every year and insats (a third of the förbund's page)."""

from collections.abc import Iterable, Sequence

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from samordna.followup.dashboards import Bar, Value

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
