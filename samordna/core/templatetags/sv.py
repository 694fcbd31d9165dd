"""Template filters for Swedish presentation, available in every template."""

from decimal import Decimal

from django import template
from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html

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


@register.simple_tag(takes_context=True)
def history_link(context, record, *about: object) -> str:
    """A "Visa historik" link to the record's change history, for the roles that may read
    it; `about` (words joined by spaces) tells a screen reader which record when a page
    has several."""
    from samordna.associations.permissions import can_see_history
    from samordna.core.history import history_kind

    request = context.get("request")
    association = context.get("association")
    user = getattr(request, "user", None)
    if not isinstance(record, Model) or association is None or user is None:
        return ""
    if not user.is_authenticated:
        return ""
    if not can_see_history(user):
        return ""
    kind = history_kind(type(record))
    url = reverse("associations:history", args=[association.slug, kind, record.pk])
    if about:
        return format_html(
            '<a class="anchor" href="{}">Visa historik<span class="sr-only"> för {}</span></a>',
            url,
            " ".join(str(word) for word in about),
        )
    return format_html('<a class="anchor" href="{}">Visa historik</a>', url)
