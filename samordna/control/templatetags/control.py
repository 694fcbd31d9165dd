"""The control year on the kansli's start page: the årshjul panel and the risks above the
threshold that lack a control."""

from django import template
from django.utils import timezone

from samordna.control import selectors
from samordna.control.permissions import can_manage

register = template.Library()


@register.inclusion_tag("control/_due_panel.html", takes_context=True)
def cycle_panel(context, association) -> dict:
    """What is late and what falls due in 60 days; for the kansli and the revisor."""
    user = context["user"]
    if not (can_manage(user) or user.role == "auditor"):
        return {"panel": None}
    return {
        "panel": selectors.due_panel(association, timezone.localdate()),
        "risks": selectors.risks_lacking_control(association),
        "association": association,
    }
