"""Template helpers of the finance pages: tkr as the budget document writes them, and the
financial goals panel for the start page."""

from decimal import Decimal

from django import template

from samordna.finance import budgets, goals
from samordna.finance.permissions import can_manage_finance, can_read_finance

register = template.Library()


@register.filter
def tkr(value: Decimal | int | None) -> str:
    return budgets.format_tkr(value)


@register.filter
def tkr_dash(value: Decimal | int | None) -> str:
    return budgets.format_tkr(value, dash=True)


@register.filter
def neg_tkr(value: Decimal | int | None) -> str:
    """A cost shown with its minus sign, as the result budget does."""
    return budgets.format_tkr(-Decimal(value or 0))


@register.inclusion_tag("finance/_goals_panel.html", takes_context=True)
def goals_panel(context, association) -> dict:
    """The goals panel for readers of the förbund's money; nothing for other roles."""
    user = context["user"]
    if not can_read_finance(user):
        return {"panel": None}
    return {
        "panel": goals.goals_for(association),
        "association": association,
        "can_manage": can_manage_finance(user),
        "heading_level": 2,
        "compact": True,
    }


@register.filter
def tkr_of(kr: int | None) -> str:
    """Kronor shown in tkr, rounded as the budget document rounds each line."""
    return "" if kr is None else budgets.format_tkr(budgets.tkr(kr))
