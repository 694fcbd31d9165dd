"""The control year on other apps' pages: the kansli's start page (the årshjul panel and the
risks above the threshold that lack a control) and the meeting plan (which årshjul items go
to which meeting)."""

from django import template
from django.utils import timezone

from samordna.associations.cache import per_association
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


@register.inclusion_tag("control/_meeting_plan.html", takes_context=True)
def cycle_meetings(context, association, year: int) -> dict:
    """The year's årshjul items per meeting of the meeting plan, in one query when not kept."""
    user = context["user"]
    return {
        # Kept as values under the förbund's version, not as HTML: the kansli's rows post.
        "groups": per_association(
            association,
            f"control.meeting_plan.{year}",
            lambda: selectors.occurrences_by_meeting(association, year),
        ),
        "association": association,
        "year": year,
        "can_manage": can_manage(user),
        "csrf_token": context.get("csrf_token"),
    }
