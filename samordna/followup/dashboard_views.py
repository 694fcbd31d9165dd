"""The dashboards of the förbund and of an insats, their exports, and the kansli's pages for
binding goals to measures."""

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for, can_read_registers, require
from samordna.core.http import AuthedRequest, file_response
from samordna.core.links import row_link
from samordna.core.text import swedish_key
from samordna.core.views import form_page
from samordna.followup import dashboards, exports, goal_fulfilment
from samordna.followup.dashboard_forms import GoalForm
from samordna.followup.models import MeasuredGoal
from samordna.followup.permissions import (
    can_manage_followup,
    can_read_followup,
    sees_small_counts,
)
from samordna.followup.services import measured_goals
from samordna.interventions.models import ApplicationGoal, Direction, Intervention
from samordna.interventions.permissions import intervention_for


def _insats_items(association: Association) -> list[tuple[str, str, str]]:
    """Every insats of the förbund, with the address of its page and its direction: reversed
    once, since the addresses differ only by the number (a {% url %} per row was a third of
    the page)."""
    zero = reverse("followup:intervention", args=[association.slug, 0])
    prefix = zero.removesuffix("0/")
    return sorted(
        (
            (name, f"{prefix}{pk}/", Direction(direction).label.lower())
            for pk, name, direction in Intervention.objects.filter(
                association=association
            ).values_list("pk", "name", "direction")
        ),
        key=lambda row: swedish_key(row[0]),
    )


@require_GET
@login_required
def association_dashboard(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's figures year by year, its surveys and goals: kept for each way of
    seeing them (small counts hidden or not, the goals' link or not) until the förbund's
    records change, the figures read only when not found."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    hide_small = not sees_small_counts(request.user)
    return render(
        request,
        "followup/dashboards/association.html",
        {
            "association": association,
            "hide_small": hide_small,
            "dashboard": SimpleLazyObject(
                partial(dashboards.association_dashboard, association, hide_small=hide_small)
            ),
            "interventions": SimpleLazyObject(partial(_insats_items, association)),
            "can_manage": can_manage_followup(request.user),
        },
    )


@require_GET
@login_required
def intervention_dashboard(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """One insats's figures against its plan, its surveys and goals."""
    association = association_for(request.user, slug)
    require(can_read_followup(request.user))
    intervention = intervention_for(request.user, association, pk)
    dashboard = dashboards.intervention_dashboard(
        association, intervention, hide_small=not sees_small_counts(request.user)
    )
    return render(
        request,
        "followup/dashboards/intervention.html",
        {
            "association": association,
            "intervention": intervention,
            "dashboard": dashboard,
            "can_manage": can_manage_followup(request.user),
            "can_read_registers": can_read_registers(request.user),
        },
    )


def _export_name(slug: str, internal: bool, extension: str) -> str:
    return f"uppfoljning-{slug}{'-internt' if internal else ''}.{extension}"


@require_GET
@login_required
def association_xlsx(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    internal = sees_small_counts(request.user)
    dashboard = dashboards.association_dashboard(association, hide_small=not internal)
    return file_response(
        exports.dashboard_xlsx(dashboard),
        _export_name(slug, internal, "xlsx"),
        exports.XLSX,
    )


@require_GET
@login_required
def association_csv(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    internal = sees_small_counts(request.user)
    dashboard = dashboards.association_dashboard(association, hide_small=not internal)
    return file_response(
        exports.dashboard_csv(dashboard), _export_name(slug, internal, "csv"), exports.CSV
    )


@require_GET
@login_required
def intervention_finsam(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The insats in the shape Uppföljning Finsam asks for: the kansli's own submission."""
    association = association_for(request.user, slug)
    require(can_read_followup(request.user))
    intervention = intervention_for(request.user, association, pk)
    require(can_manage_followup(request.user))
    years, demo = dashboards.finsam_years(intervention)
    return file_response(
        exports.finsam_xlsx(intervention, years, demo=demo),
        f"uppfoljning-finsam-{intervention.pk}.xlsx",
        exports.XLSX,
    )


# Goals


@dataclass(frozen=True)
class GoalsPage:
    own: list[dict[str, Any]]  # the förbund's goals, each with its result and addresses
    insatser: list[dict[str, Any]]  # per insats, its followed goals, bound or not


def _goals_page(association: Association) -> GoalsPage:
    results = goal_fulfilment.goal_results(association)
    slug = association.slug
    # The addresses differ only by the goal's number: reversed once, not a {% url %} each.
    update_url = row_link("followup:goal_update", slug)
    delete_url = row_link("followup:goal_delete", slug)
    create_url = reverse("followup:goal_create", args=[slug])

    def bound(result: goal_fulfilment.GoalResult | None) -> dict[str, Any]:
        if result is None:
            return {"result": None}
        pk = result.goal.pk
        return {
            "result": result,
            "update_url": update_url(pk),
            "delete_url": delete_url(pk),
        }

    own = [bound(r) for r in results if r.intervention is None]
    by_goal = {r.goal.application_goal_id: r for r in results if r.intervention is not None}
    insatser: dict[int, dict[str, Any]] = {}
    for pk, text, indicator, intervention_id, name in (
        goal_fulfilment.followed_goals(association)
        .order_by("application_id", "position", "pk")
        .values_list(
            "pk",
            "text",
            "indicator",
            "application__intervention_id",
            "application__intervention__name",
        )
    ):
        entry = insatser.setdefault(
            intervention_id, {"intervention": FollowedInsats(intervention_id, name), "goals": []}
        )
        entry["goals"].append(
            {
                "goal": FollowedGoal(pk, text, indicator),
                "create_url": f"{create_url}?mal={pk}",
                **bound(by_goal.get(pk)),
            }
        )
    return GoalsPage(
        own=own,
        insatser=sorted(insatser.values(), key=lambda e: swedish_key(e["intervention"].name)),
    )


@require_GET
@login_required
def goals(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's goals and each insats's goals, with their measure and result per year:
    kept until the förbund's records change, read only when not found."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    return render(
        request,
        "followup/goals/goals.html",
        {
            "association": association,
            "goals": SimpleLazyObject(partial(_goals_page, association)),
        },
    )


@dataclass(frozen=True)
class FollowedInsats:
    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class FollowedGoal:
    """An insats's goal from its application, as the goals page lists it."""

    pk: int
    text: str
    indicator: str


def _application_goal(association: Association, pk: str) -> ApplicationGoal:
    try:
        number = int(pk)
    except ValueError:
        raise Http404("Målet finns inte.") from None
    return get_object_or_404(
        goal_fulfilment.followed_goals(association).select_related("application__intervention"),
        pk=number,
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Bind an insats's goal (?mal=<its id>) or a new förbund goal to a measure."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    application_goal = None
    if "mal" in request.GET:
        application_goal = _application_goal(association, request.GET["mal"])
        bound = MeasuredGoal.objects.filter(application_goal=application_goal).first()
        if bound is not None:
            messages.info(request, "Målet är redan kopplat till ett mått. Här kan du ändra det.")
            return redirect("followup:goal_update", slug=slug, pk=bound.pk)
    done_url = reverse("followup:goals", args=[slug])
    return form_page(
        request,
        form=GoalForm(
            request.POST or None, association=association, own_goal=application_goal is None
        ),
        save=lambda data: measured_goals.goal_bind(
            association=association, by=request.user, application_goal=application_goal, **data
        ),
        done_message="Målet följs nu upp med måttet."
        if application_goal
        else "Förbundets mål är sparat och följs upp med måttet.",
        done_url=done_url,
        template="followup/goals/goal_form.html",
        context={
            "association": association,
            "title": "Följ upp insatsens mål" if application_goal else "Nytt mål för förbundet",
            "application_goal": application_goal,
            "cancel_url": done_url,
        },
    )


def _goal(association: Association, pk: int) -> MeasuredGoal:
    return get_object_or_404(
        MeasuredGoal.objects.select_related(
            "association", "application_goal__application__intervention"
        ),
        association=association,
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    goal = _goal(association, pk)
    done_url = reverse("followup:goals", args=[slug])
    return form_page(
        request,
        form=GoalForm(
            request.POST or None,
            instance=goal,
            association=association,
            own_goal=goal.application_goal_id is None,
        ),
        save=lambda data: measured_goals.goal_update(goal=goal, by=request.user, **data),
        done_message="Målets mått är ändrat.",
        done_url=done_url,
        template="followup/goals/goal_form.html",
        context={
            "association": association,
            "title": "Ändra hur målet följs upp",
            "application_goal": goal.application_goal,
            "cancel_url": done_url,
            "object": goal,
        },
    )


@require_POST
@login_required
def goal_delete(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    goal = _goal(association, pk)
    measured_goals.goal_unbind(goal=goal, by=request.user)
    messages.success(
        request,
        "Förbundets mål är borttaget."
        if goal.application_goal_id is None
        else "Insatsens mål följs inte längre upp med ett mått; det finns kvar i ansökan.",
    )
    return redirect("followup:goals", slug=slug)
