"""The money pages of insatser: the board's decision on an application in a §, the
agreement, conditions, payments and the slutreglering. The insats page shows the money with
`interventions/_money.html`."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.associations.selectors import director_on
from samordna.core.http import AuthedRequest, file_response
from samordna.core.text import format_kronor, swedish_key
from samordna.core.views import form_page, form_render, form_saved
from samordna.interventions import documents, payable, selectors
from samordna.interventions.models import (
    Agreement,
    Application,
    DecisionCondition,
    GrantDecision,
)
from samordna.interventions.money_forms import (
    AgreementSignForm,
    CloseForm,
    ConditionMetForm,
    DecisionForm,
)
from samordna.interventions.permissions import (
    can_manage_grants,
    decision_for,
    intervention_for,
)
from samordna.interventions.services import OPEN, grants
from samordna.meetings.locking import LOCKED_MESSAGE
from samordna.meetings.models import ApprovedMinutes, Paragraph

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# Helpers


def _office(request: AuthedRequest, slug: str) -> Association:
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    return association


def _decision(request: AuthedRequest, slug: str, pk: int) -> tuple[Association, GrantDecision]:
    association = association_for(request.user, slug)
    return association, decision_for(request.user, association, pk)


def _detail(slug: str, intervention_id: int | None) -> str:
    return reverse("interventions:detail", args=[slug, intervention_id])


def _director(association: Association, user: User) -> str:
    """Who signs for the förbund: its förbundschef today, else the kansli user."""
    assignment = director_on(association, timezone.localdate())
    if assignment is not None:
        return assignment.person.full_name
    return user.get_full_name() if can_manage_grants(user) else ""


# The decision


def _applications_for(association: Association, paragraph: Paragraph) -> list[Application]:
    """Open applications, those on the §'s meeting's agenda first."""
    found = Application.objects.filter(association=association, status__in=OPEN).select_related(
        "member", "agenda_item"
    )
    return sorted(
        found,
        key=lambda a: (
            a.agenda_item is None or a.agenda_item.meeting_id != paragraph.meeting_id,
            swedish_key(a.name),
        ),
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision_create(request: AuthedRequest, slug: str, par_pk: int) -> HttpResponse:
    """Step 1 lists the open applications; step 2 (?ansokan=) records the decision."""
    association = _office(request, slug)
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("meeting"), pk=par_pk, meeting__association=association
    )
    meeting = paragraph.meeting
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        messages.error(request, LOCKED_MESSAGE)
        return redirect("meetings:detail", slug=slug, pk=meeting.pk)
    context: dict[str, Any] = {"association": association, "paragraph": paragraph}
    chosen = request.GET.get("ansokan", "")
    if not chosen.isdigit():
        context["applications"] = _applications_for(association, paragraph)
        return render(request, "interventions/money/decision_choose.html", context)
    application = get_object_or_404(Application, association=association, pk=int(chosen))
    if application.status not in OPEN:
        messages.error(request, f"Ansökan är {application.get_status_display().lower()}.")
        return redirect("interventions:decision_create", slug=slug, par_pk=par_pk)
    sought = selectors.sought_by_year(application)
    form = DecisionForm(
        request.POST or None,
        application=application,
        sought=sought,
        paragraph_text=paragraph.decision,
        final=paragraph.immediately_approved,
    )
    context.update(application=application, sought=sought, form=form)
    if "preview" in request.POST:
        shown, context["clauses"] = form_saved(
            request, form, lambda data: _preview(application, form)
        )
        status = 200 if shown else 400
        return render(request, "interventions/money/decision_form.html", context, status=status)
    saved, decision = form_saved(
        request,
        form,
        lambda data: grants.decision_record(
            application=application,
            paragraph=paragraph,
            by=request.user,
            write_text=data.get("write_text", False),
            **form.decision_input(),
        ),
    )
    if not saved:
        return form_render(request, "interventions/money/decision_form.html", context)
    messages.success(
        request,
        f"Beslutet om {application.name} är registrerat i § {paragraph.number}: "
        f"{decision.get_outcome_display().lower()}.",
    )
    url = reverse("meetings:detail", args=[slug, meeting.pk])
    return redirect(f"{url}#par-{paragraph.pk}")


def _preview(application: Application, form: DecisionForm) -> list[str]:
    decision = form.decision_input()
    grants.decision_check(application, **decision)
    return grants.decision_clauses(application, **decision)


@require_POST
@login_required
def decision_withdraw(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _office(request, slug)
    decision = get_object_or_404(
        GrantDecision.objects.select_related("paragraph", "application"),
        association=association,
        pk=pk,
    )
    paragraph, application = decision.paragraph, decision.application
    try:
        grants.decision_withdraw(decision=decision, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Beslutet om {application.name} är borttaget; ansökan är under beredning."
        )
    if paragraph is None:
        return redirect("interventions:application", slug=slug, pk=application.pk)
    url = reverse("meetings:detail", args=[slug, paragraph.meeting_id])
    return redirect(f"{url}#par-{paragraph.pk}")


@require_http_methods(["GET", "POST"])
@login_required
def decision_earlier(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """A decision the board took before the förbund used Samordna, from its minutes."""
    association = _office(request, slug)
    application = get_object_or_404(Application, association=association, pk=pk)
    if application.status not in OPEN:
        messages.error(request, f"Ansökan är {application.get_status_display().lower()}.")
        return redirect("interventions:application", slug=slug, pk=pk)
    sought = selectors.sought_by_year(application)
    form = DecisionForm(request.POST or None, application=application, sought=sought, earlier=True)
    saved, _ = form_saved(
        request,
        form,
        lambda data: grants.decision_register_earlier(
            application=application,
            by=request.user,
            reference=data["reference"],
            decided_on=data["decided_on"],
            **form.decision_input(),
        ),
    )
    if not saved:
        context = {
            "association": association,
            "application": application,
            "sought": sought,
            "form": form,
        }
        return form_render(request, "interventions/money/decision_form.html", context)
    messages.success(request, f"Det tidigare beslutet om {application.name} är registrerat.")
    return redirect(_detail(slug, application.intervention_id))


# The agreement


@require_http_methods(["GET", "POST"])
@login_required
def agreement(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """What the agreement of a decision says; the kansli draws it up here (POST)."""
    association, decision = _decision(request, slug, pk)
    manage = can_manage_grants(request.user)
    if request.method == "POST":
        require(manage)
        try:
            made = grants.agreement_draw_up(decision=decision, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Avtal {made.number} är upprättat.")
        return redirect("interventions:agreement", slug=slug, pk=pk)
    found = Agreement.objects.filter(decision=decision).first()
    terms = None
    if found is not None:
        terms = documents.agreement_terms(decision, director=_director(association, request.user))
    context = {
        "association": association,
        "decision": decision,
        "agreement": found,
        "terms": terms,
        "instalment_lines": documents.instalment_lines(terms) if terms else [],
        "in_force": payable.decision_in_force(decision),
        "can_manage": manage,
    }
    return render(request, "interventions/money/agreement.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def agreement_sign(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, decision = _decision(request, slug, pk)
    require(can_manage_grants(request.user))
    found = get_object_or_404(Agreement, decision=decision)
    return form_page(
        request,
        form=AgreementSignForm(request.POST or None, versioned=found),
        save=lambda data: grants.agreement_sign(agreement=found, by=request.user, **data),
        done_message=f"Avtal {found.number} är undertecknat; utbetalningarna kan börja.",
        done_url=reverse("interventions:agreement", args=[slug, pk]),
        template="interventions/money/form.html",
        context={
            "association": association,
            "title": f"Avtal {found.number} är undertecknat",
            "intro": f"Avtalet om {decision.application.name} upprättades "
            f"{found.drawn_up_on:%Y-%m-%d}. Ange dagen då den sista parten skrev under.",
            "submit_label": "Spara",
            "cancel_url": reverse("interventions:agreement", args=[slug, pk]),
        },
    )


def _agreement_terms(request: AuthedRequest, slug: str, pk: int) -> documents.AgreementTerms:
    association, decision = _decision(request, slug, pk)
    get_object_or_404(Agreement, decision=decision)
    return documents.agreement_terms(decision, director=_director(association, request.user))


@require_GET
@login_required
def agreement_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    terms = _agreement_terms(request, slug, pk)
    return file_response(
        documents.agreement_pdf(terms), f"avtal-{terms.number}.pdf", "application/pdf"
    )


@require_GET
@login_required
def agreement_docx(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    terms = _agreement_terms(request, slug, pk)
    return file_response(documents.agreement_docx(terms), f"avtal-{terms.number}.docx", DOCX)


# Conditions, payments, slutreglering


@require_http_methods(["GET", "POST"])
@login_required
def condition_met(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _office(request, slug)
    condition = get_object_or_404(
        DecisionCondition.objects.select_related("decision__application"),
        decision__association=association,
        pk=pk,
    )
    application = condition.decision.application
    return form_page(
        request,
        form=ConditionMetForm(request.POST or None, versioned=condition),
        save=lambda data: grants.condition_mark_met(condition=condition, by=request.user, **data),
        done_message="Villkoret är markerat som uppfyllt; pengarna som väntade på det kan "
        "betalas ut.",
        done_url=_detail(slug, application.intervention_id),
        template="interventions/money/form.html",
        context={
            "association": association,
            "title": f"Villkor uppfyllt: {application.name}",
            "intro": f"Beslutet gäller under förutsättning att {condition.text}.",
            "submit_label": "Markera som uppfyllt",
            "cancel_url": _detail(slug, application.intervention_id),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def close(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Slutreglering: what was granted and not paid returns to the förbund."""
    association = association_for(request.user, slug)
    intervention = intervention_for(request.user, association, pk)
    require(can_manage_grants(request.user))
    form = CloseForm(request.POST or None)
    saved, releases = form_saved(
        request,
        form,
        lambda data: grants.intervention_close(intervention=intervention, by=request.user, **data),
    )
    if saved:
        returned = sum(r.amount for r in releases)
        messages.success(
            request,
            f"Insatsen är slutreglerad. {format_kronor(returned)} återförs till förbundets "
            "eget kapital."
            if returned
            else "Insatsen är slutreglerad. Allt som beviljades är utbetalt; inget återförs.",
        )
        return redirect(_detail(slug, pk))
    decisions = GrantDecision.objects.filter(application__intervention=intervention)
    money = selectors.money_of(decisions, timezone.localdate())
    context = {
        "association": association,
        "intervention": intervention,
        "money": money,
        "returned": sum(m.remaining for m in money),
        "form": form,
    }
    return form_render(request, "interventions/money/close.html", context)
