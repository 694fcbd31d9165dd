"""Pages of applications and their beredning, the insats register, one insats, the förbund's
goal and its settings. Money pages are in `money_views`, reports in `report_views`, the
catalogue in `catalogue_views` and `public_views`."""

import datetime
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import (
    REGISTER_READERS,
    association_for,
    can_see_history,
    require,
)
from samordna.associations.selectors import members_in_order
from samordna.core.http import AuthedRequest, file_response
from samordna.core.links import row_link
from samordna.core.views import form_page
from samordna.interventions import selectors, services
from samordna.interventions.documents import application_pdf as render_application_pdf
from samordna.interventions.forms import (
    AgendaForm,
    ApplicationCreateForm,
    ApplicationForms,
    AssessmentForm,
    AttachmentForm,
    CommentForm,
    CriterionAddForm,
    CriterionForm,
    GrantSettingsForm,
    InterventionForm,
    OpinionForm,
    PreparationGroupForm,
    RegisterFilterForm,
)
from samordna.interventions.models import (
    Application,
    ApplicationStatus,
    AssessmentCriterion,
    CatalogueEntry,
    GrantDecision,
    PreparationMember,
    Report,
)
from samordna.interventions.permissions import (
    application_for,
    can_apply,
    can_edit_application,
    can_manage_grants,
    can_read_applications,
    can_read_register,
    can_record_payments,
    can_withdraw,
    can_write_report,
    intervention_for,
)
from samordna.interventions.rows import register_rows_html
from samordna.meetings.models import Meeting

# Applications


def _application(request: AuthedRequest, slug: str, pk: int) -> tuple[Association, Application]:
    association = association_for(request.user, slug)
    require(can_read_applications(request.user, association))
    return association, application_for(request.user, association, pk)


APPLICATIONS_PAGE = 50


def _application_page(
    request: AuthedRequest, association: Association, preparer: bool
) -> SimpleNamespace:
    page, rows = selectors.application_page(
        selectors.visible_applications(request.user, association, preparer=preparer),
        request.GET.get("sida"),
        per_page=APPLICATIONS_PAGE,
        link=row_link("interventions:application", association.slug),
    )
    return SimpleNamespace(page=page, applications=rows)


@require_GET
@login_required
def application_list(request: AuthedRequest, slug: str) -> HttpResponse:
    """The applicant's own organisation's applications; for the förbund, those sent to it.

    The list is kept (`shared`) under what it is filtered on: the applicant's organisation
    (their own, drafts too) and whether the reader sees what was sent to the förbund (its
    readers and its beredningsgrupp); the address's page as well."""
    association = association_for(request.user, slug)
    require(can_read_applications(request.user, association))
    preparer = selectors.is_preparer(request.user, association)
    return render(
        request,
        "interventions/application_list.html",
        {
            "association": association,
            "found": SimpleLazyObject(lambda: _application_page(request, association, preparer)),
            "own_member": selectors.own_applications_member(request.user),
            "sees_sent": selectors.sees_sent_applications(request.user, preparer=preparer),
            "can_apply": can_apply(request.user) or can_manage_grants(request.user),
            "can_manage": can_manage_grants(request.user),
            "is_preparer": preparer,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def application_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Start an application: new, or continuing one of the organisation's insatser."""
    association = association_for(request.user, slug)
    user = request.user
    require(can_apply(user) or can_manage_grants(user))
    form = ApplicationCreateForm(request.POST or None, association=association, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = data.get("member") or user.member
        assert member is not None  # the kansli chooses one; an applicant has one
        try:
            application = services.application_create(
                association=association,
                by=user,
                member=member,
                kind=data["kind"],
                intervention=data.get("intervention"),
                received_on_paper=user.role != Role.APPLICANT,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request, "Ansökan är påbörjad. Den sparas som utkast tills du skickar in den."
            )
            return redirect("interventions:application_edit", slug=slug, pk=application.pk)
    return render(
        request,
        "associations/generic_form.html",
        {
            "association": association,
            "form": form,
            "title": "Ny ansökan om medel",
            "submit_label": "Fortsätt",
            "cancel_url": reverse("interventions:applications", args=[slug]),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@login_required
def application_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, application = _application(request, slug, pk)
    user = request.user
    decision = (
        GrantDecision.objects.filter(application=application)
        .select_related("paragraph__meeting")
        .first()
    )
    return render(
        request,
        "interventions/application_detail.html",
        {
            "association": association,
            "application": application,
            "parties": list(application.parties.select_related("member")),
            "goals": list(application.goals.all()),
            "budget": selectors.budget_table(application.years, application.budget_lines.all()),
            "attachments": list(application.attachments.all()),
            "decision": decision,
            "can_edit": can_edit_application(user, application),
            "can_withdraw": can_withdraw(user, application),
            "can_see_preparation": application.status != ApplicationStatus.DRAFT
            and (user.role in REGISTER_READERS or selectors.is_preparer(user, association)),
            "can_decide_earlier": can_manage_grants(user) and application.status in services.OPEN,
            "can_see_history": can_see_history(user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def application_edit(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The förbund's form in one page. "Spara utkast" keeps what is typed; "Skicka in"
    saves and then checks the rules, each problem shown at its field."""
    association, application = _application(request, slug, pk)
    user = request.user
    require(can_edit_application(user, application))
    members = members_in_order(association)
    data = request.POST.copy() if request.method == "POST" else None
    forms = ApplicationForms(data, application=application, members=members)
    if data is not None and request.headers.get("HX-Request") and "_budget" in data:
        # The budget table again, with the years of the period as typed and its sums.
        return render(request, "interventions/_budget_form.html", {"budget_form": forms.budget})
    if data is not None and forms.is_valid():
        try:
            services.application_save(
                application=application,
                by=user,
                version=forms.version,
                fields=forms.fields(),
                parties=forms.party_inputs(),
                goals=forms.goal_inputs(),
                budget=forms.budget.cells(),
            )
        except ValidationError as error:
            forms.attach(error)
        else:
            if "submit" not in data:
                messages.success(request, "Utkastet är sparat.")
                return redirect("interventions:application_edit", slug=slug, pk=pk)
            try:
                services.application_submit(
                    application=application, by=user, version=application.version
                )
            except ValidationError as error:
                # The draft is saved; the form goes on with the saved version.
                data["version"] = str(application.version)
                forms = ApplicationForms(data, application=application, members=members)
                forms.is_valid()
                forms.attach(error)
                messages.error(
                    request,
                    "Utkastet är sparat, men ansökan kan inte skickas in ännu. Se felen nedan.",
                )
            else:
                messages.success(request, "Ansökan är inskickad till förbundet.")
                return redirect("interventions:application", slug=slug, pk=pk)
    return render(
        request,
        "interventions/application_form.html",
        {"association": association, "application": application, "forms": forms},
        status=400 if data is not None else 200,
    )


@require_POST
@login_required
def application_submit(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Send a complete draft; if something is missing, the form shows what."""
    _, application = _application(request, slug, pk)
    require(can_edit_application(request.user, application))
    try:
        services.application_submit(
            application=application, by=request.user, version=application.version
        )
    except ValidationError as error:
        messages.error(request, "Ansökan kan inte skickas in ännu: " + " ".join(error.messages))
        return redirect("interventions:application_edit", slug=slug, pk=pk)
    messages.success(request, "Ansökan är inskickad till förbundet.")
    return redirect("interventions:application", slug=slug, pk=pk)


@require_POST
@login_required
def application_withdraw(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    _, application = _application(request, slug, pk)
    require(can_withdraw(request.user, application))
    try:
        services.application_withdraw(application=application, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Ansökan är återtagen.")
    return redirect("interventions:application", slug=slug, pk=pk)


@require_GET
@login_required
def application_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    _, application = _application(request, slug, pk)
    return file_response(
        render_application_pdf(application), f"ansokan-{application.pk}.pdf", "application/pdf"
    )


@require_http_methods(["GET", "POST"])
@login_required
def attachment_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, application = _application(request, slug, pk)
    require(can_edit_application(request.user, application))
    return form_page(
        request,
        form=AttachmentForm(request.POST or None, request.FILES or None),
        save=lambda data: services.attachment_add(
            application=application, by=request.user, title=data["title"], file=data["file"]
        ),
        done_message="Bilagan är uppladdad.",
        done_url=reverse("interventions:application", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ny bilaga: {application}"},
    )


@require_GET
@login_required
def attachment_file(request: AuthedRequest, slug: str, pk: int, att_pk: int) -> HttpResponseBase:
    _, application = _application(request, slug, pk)
    attachment = get_object_or_404(application.attachments, pk=att_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=f"bilaga-{attachment.pk}{attachment.extension}",
        content_type=attachment.content_type,
    )


@require_POST
@login_required
def attachment_delete(request: AuthedRequest, slug: str, pk: int, att_pk: int) -> HttpResponse:
    _, application = _application(request, slug, pk)
    require(can_edit_application(request.user, application))
    attachment = get_object_or_404(application.attachments, pk=att_pk)
    try:
        services.attachment_delete(attachment=attachment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Bilagan {attachment.title} är borttagen.")
    return redirect("interventions:application", slug=slug, pk=pk)


# Beredning


def _prepared(
    request: AuthedRequest, slug: str, pk: int, *, act: bool = False
) -> tuple[Association, Application]:
    """An application sent in, for the förbund's readers (not the applicant: the beredning's
    notes are the förbund's); with `act`, only the kansli and the beredningsgrupp."""
    association, application = _application(request, slug, pk)
    user = request.user
    preparer = selectors.is_preparer(user, association)
    require(application.status != ApplicationStatus.DRAFT)
    require(preparer if act else preparer or user.role in REGISTER_READERS)
    return association, application


@require_http_methods(["GET", "POST"])
@login_required
def preparation(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The beredning: comments, the checklist, the tjänsteutlåtande and the agenda."""
    association, application = _prepared(request, slug, pk, act=request.method == "POST")
    user = request.user
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_add(application=application, by=user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error.messages)
        else:
            messages.success(request, "Kommentaren är sparad.")
            return redirect("interventions:preparation", slug=slug, pk=pk)
    criteria = list(AssessmentCriterion.objects.filter(association=association, active=True))
    assessments = {a.criterion_id: a for a in application.assessments.all()}
    return render(
        request,
        "interventions/preparation.html",
        {
            "association": association,
            "application": application,
            "comments": list(application.comments.select_related("author")),
            "checklist": [(c, assessments.get(c.pk)) for c in criteria],
            "form": form,
            "agenda_item": application.agenda_item,
            "can_prepare": selectors.is_preparer(user, association)
            and application.status in services.OPEN,
            "can_manage": can_manage_grants(user) and application.status in services.OPEN,
            "sought": selectors.sought_by_year(application),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def assessment(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, application = _prepared(request, slug, pk, act=True)
    criteria = list(AssessmentCriterion.objects.filter(association=association, active=True))
    current = {a.criterion_id: (a.verdict, a.comment) for a in application.assessments.all()}
    form = AssessmentForm(
        request.POST or None,
        criteria=criteria,
        current=current,
        versioned=application.assessments.all(),
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.assessment_save(
            application=application, by=request.user, verdicts=form.verdicts()
        ),
        done_message="Bedömningen är sparad.",
        done_url=reverse("interventions:preparation", args=[slug, pk]),
        template="interventions/assessment_form.html",
        context={"association": association, "application": application, "criteria": criteria},
    )


@require_http_methods(["GET", "POST"])
@login_required
def opinion(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli's tjänsteutlåtande and proposal to the board."""
    association, application = _prepared(request, slug, pk)
    require(can_manage_grants(request.user))
    form = OpinionForm(
        request.POST or None,
        initial={
            "officer_opinion": application.officer_opinion,
            "recommendation": application.recommendation,
            "presenter": application.presenter,
            "version": application.version,
        },
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.opinion_save(application=application, by=request.user, **data),
        done_message="Tjänsteutlåtandet är sparat.",
        done_url=reverse("interventions:preparation", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Tjänsteutlåtande: {application}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def agenda(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Put the application on a board meeting's agenda, with its papers."""
    association, application = _prepared(request, slug, pk)
    require(can_manage_grants(request.user))
    meetings = list(Meeting.objects.filter(association=association, date__gte=timezone.localdate()))
    form = AgendaForm(
        request.POST or None, meetings=meetings, initial={"presenter": application.presenter}
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.agenda_place(
            application=application,
            by=request.user,
            meeting=form.meetings[data["meeting"]],
            presenter=data["presenter"],
        ),
        done_message="Ansökan står på dagordningen, med ansökan och tjänsteutlåtandet som bilaga.",
        done_url=reverse("interventions:preparation", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ta upp i styrelsen: {application}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def criteria(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's checklist for assessing applications."""
    association = association_for(request.user, slug)
    require(can_read_applications(request.user, association))
    if request.method == "POST":
        require(can_manage_grants(request.user))
    form = CriterionAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.criterion_add(
            association=association, by=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, "Kriteriet är tillagt.")
        return redirect("interventions:criteria", slug=slug)
    return render(
        request,
        "interventions/criteria.html",
        {
            "association": association,
            "criteria": list(AssessmentCriterion.objects.filter(association=association)),
            "form": form,
            "can_manage": can_manage_grants(request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def criterion_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    criterion = get_object_or_404(AssessmentCriterion, association=association, pk=pk)
    return form_page(
        request,
        form=CriterionForm(request.POST or None, instance=criterion),
        save=lambda data: services.criterion_update(criterion=criterion, by=request.user, **data),
        done_message="Kriteriet är sparat.",
        done_url=reverse("interventions:criteria", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Ändra kriterium", "object": criterion},
    )


@require_http_methods(["GET", "POST"])
@login_required
def preparation_group(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    users = list(User.objects.filter(association=association, is_active=True))
    current = [
        str(user_id)
        for user_id in PreparationMember.objects.filter(association=association).values_list(
            "user_id", flat=True
        )
    ]
    form = PreparationGroupForm(
        request.POST or None,
        users=users,
        initial={"users": current},
        versioned=PreparationMember.objects.filter(association=association),
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.preparation_group_set(
            association=association, by=request.user, users=form.chosen()
        ),
        done_message="Beredningsgruppen är sparad.",
        done_url=reverse("interventions:applications", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Beredningsgruppen"},
    )


# Insatser


def _register_page(
    request: AuthedRequest, association: Association, today: datetime.date
) -> SimpleNamespace:
    form = RegisterFilterForm(request.GET or None, statuses=selectors.Status.ALL)
    status = form.cleaned_data.get("status") if form.is_valid() else ""
    found = selectors.register_page(
        selectors.visible_interventions(request.user, association),
        today,
        status=status or "",
        number=request.GET.get("sida"),
        link=row_link("interventions:detail", association.slug),
    )
    return SimpleNamespace(
        form=form,
        status=status or "",
        rows=found.rows,
        rows_html=register_rows_html(found.rows),
        page=found.page,
        totals=found.totals,
    )


@require_GET
@login_required
def register(request: AuthedRequest, slug: str) -> HttpResponse:
    """Every insats: owner, parties, period, inriktning, status, money, reports due.

    The same for every reader of the förbund with the same role (and, for an applicant,
    organisation: they see its insatser only), address and day: the template keeps it
    (`shared`) and the register is read only when not found."""
    association = association_for(request.user, slug)
    require(can_read_register(request.user))
    today = timezone.localdate()
    return render(
        request,
        "interventions/register.html",
        {
            "association": association,
            "found": SimpleLazyObject(lambda: _register_page(request, association, today)),
            "today": today,
            "can_manage": can_manage_grants(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def intervention_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Register an insats that ran before the förbund used Samordna."""
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    return form_page(
        request,
        form=InterventionForm(request.POST or None, association=association),
        save=lambda data: services.intervention_register(
            association=association, by=request.user, **data
        ),
        done_message="Insatsen är registrerad.",
        done_url=reverse("interventions:register", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Registrera en pågående insats"},
    )


@require_GET
@login_required
def intervention_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """One insats across its years: applications, decisions and money, reports, catalogue."""
    association = association_for(request.user, slug)
    user = request.user
    require(can_read_register(user))
    intervention = intervention_for(user, association, pk)
    today = timezone.localdate()
    applications = list(
        intervention.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("decision__paragraph__meeting")
        .annotate(sought=Sum("budget_lines__amount"))
        .order_by("-submitted_at", "-pk")
    )
    reports = list(
        Report.objects.filter(intervention=intervention).select_related(
            "approval__paragraph__meeting"
        )
    )
    catalogue = CatalogueEntry.objects.filter(intervention=intervention).first()
    return render(
        request,
        "interventions/intervention_detail.html",
        {
            "association": association,
            "intervention": intervention,
            "status": selectors.status_of(intervention, applications, today),
            "applications": applications,
            "money": selectors.money_of(
                GrantDecision.objects.filter(application__intervention=intervention), today
            ),
            "reports": reports,
            "catalogue": catalogue,
            "today": today,
            "can_manage": can_manage_grants(user),
            "can_pay": can_record_payments(user),
            "can_write_reports": bool(reports) and can_write_report(user, reports[0]),
            "can_see_history": can_see_history(user),
        },
    )


@require_GET
@login_required
def goals(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's goal for its insatser, from the approved slutrapporter."""
    association = association_for(request.user, slug)
    require(can_read_register(request.user) and request.user.role != Role.APPLICANT)
    settings = selectors.settings_for(association)
    return render(
        request,
        "interventions/goals.html",
        {
            "association": association,
            "years": selectors.goal_achievement(association),
            "settings": settings,
            "can_manage": can_manage_grants(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def grant_settings(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    current = selectors.settings_for(association)
    return form_page(
        request,
        form=GrantSettingsForm(request.POST or None, instance=current),
        save=lambda data: services.grant_settings_update(
            association=association, by=request.user, **data
        ),
        done_message="Inställningarna är sparade.",
        done_url=reverse("interventions:goals", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Inställningar för insatser"},
    )
