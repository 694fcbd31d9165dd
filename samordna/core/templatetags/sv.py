"""Template filters for Swedish presentation, available in every template."""

from decimal import Decimal

from django import template

from samordna.core import forms, richtext, text

register = template.Library()


@register.filter
def kr(amount: int | Decimal | None) -> str:
    return text.format_kronor(amount)


@register.filter
def procent(value: Decimal | None) -> str:
    return text.format_percent(value)


@register.filter
def widget_kind(field) -> str:
    return forms.widget_kind(field)


@register.filter
def rich(value: str) -> str:
    """A stored rich text: sanitised markup, or plain text as paragraphs."""
    return richtext.render(value)


@register.filter
def get(mapping: dict, key: object) -> object:
    """`mapping[key]`, or None: for tables keyed by a row's id."""
    return mapping.get(key) if mapping else None
