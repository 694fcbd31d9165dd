"""The kansli's diarium under /f/<förbund>/diarium/: the register and its search, ärenden
and handlingar, secrecy, requests for copies, the dokumenthanteringsplan, gallring and the
archive packages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.permissions import association_for_role, require
from samordna.core.http import AuthedRequest
from samordna.core.uploads import UploadRefused
from samordna.core.views import form_page
from samordna.records import selectors, services
from samordna.records.forms import (
    CaseForm,
    DocumentTypeForm,
    HandlingForm,
    RegistryForm,
    SearchForm,
    SecrecyForm,
    WeedingDecisionForm,
    YearForm,
)
from samordna.records.models import ArchivePackage, CaseStatus, DocumentType, WeedingList
from samordna.records.permissions import (
    can_manage,
    can_read,
    can_see_secret,
    case_for,
    copy_request_for,
    file_for,
    handling_for,
    weeding_list_for,
)

FORM = "associations/generic_form.html"
PAGE_SIZE = 25


def search_of(form: SearchForm) -> selectors.Search:
    if not form.is_valid():
        return selectors.Search()
    data = form.cleaned_data
    return selectors.Search(
        dnr=data["dnr"],
        words=data["q"],
        organisation=data["organisation"],
        date_from=data["date_from"],
        date_to=data["date_to"],
    )


@require_GET
@login_required
def register(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's diarium: search, the newest handlingar, the requests waiting."""
    association = association_for_role(request.user, slug, can_read)
    form = SearchForm(request.GET or None)
    secret = can_see_secret(request.user)
    found = selectors.handlings_found(association, search_of(form), public=not secret)
    page = selectors.RegisterPaginator(found, PAGE_SIZE).get_page(request.GET.get("sida"))
    waiting = (
        list(
            association.copy_requests.filter(done_on__isnull=True).select_related(
                "registered_as__case"
            )
        )
        if can_manage(request.user)
        else []
    )
    incoming = selectors.incoming_for_next_meeting(association, timezone.localdate())
    return render(
        request,
        "records/register.html",
        {
            "association": association,
            "form": form,
            "page": page,
            "secret": secret,
            "can_manage": can_manage(request.user),
            "waiting": waiting,
            "incoming": incoming,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def case_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = CaseForm(request.POST or None, association=association)
    return form_page(
        request,
        form=form,
        save=lambda data: services.case_open(
            association=association, by=request.user, title=data["title"], officer=data["officer"]
        ),
        done_message=lambda case: f"Ärendet har fått diarienummer {case.dnr}.",
        done_url=lambda case: reverse("records:case", args=[slug, case.pk]),
        template=FORM,
        context={
            "association": association,
            "title": "Nytt ärende",
            "submit_label": "Registrera",
            "cancel_url": reverse("records:register", args=[slug]),
        },
    )


@require_GET
@login_required
def case(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    found = case_for(request.user, association, pk)
    handlings = found.handlings.select_related("document_type").prefetch_related("files")
    return render(
        request,
        "records/case.html",
        {
            "association": association,
            "case": found,
            "handlings": handlings.order_by("sequence"),
            "secret": can_see_secret(request.user),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def case_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = case_for(request.user, association, pk)
    form = CaseForm(
        request.POST or None,
        association=association,
        initial={"title": found.title, "officer": found.officer},
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.case_update(
            case=found, by=request.user, title=data["title"], officer=data["officer"]
        ),
        done_message="Ärendet är sparat.",
        done_url=reverse("records:case", args=[slug, pk]),
        template=FORM,
        context={
            "association": association,
            "title": f"Ändra ärende {found.dnr}",
            "cancel_url": reverse("records:case", args=[slug, pk]),
        },
    )


@require_POST
@login_required
def case_close(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = case_for(request.user, association, pk)
    try:
        if found.status == CaseStatus.OPEN:
            services.case_close(case=found, by=request.user)
            messages.success(request, "Ärendet är avslutat.")
        else:
            services.case_reopen(case=found, by=request.user)
            messages.success(request, "Ärendet är öppnat igen.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("records:case", slug=slug, pk=pk)


@require_POST
@login_required
def case_archive(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Build the closed ärende's archive package in the background."""
    association = association_for_role(request.user, slug, can_manage)
    found = case_for(request.user, association, pk)
    try:
        progress = services.archive_case_export_start(
            case=found, by=request.user, done_url=reverse("records:archive", args=[slug])
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("records:case", slug=slug, pk=pk)
    return redirect("core:progress", slug=slug, pk=progress.pk)


def _secrecy(data: dict) -> dict:
    return {
        "secret_description": data["secret_description"],
        "secret_organisation": data["secret_organisation"],
        "secret_files": data["secret_files"],
        "osl_chapter": data["osl_chapter"],
        "osl_section": data["osl_section"],
        "secrecy_reason": data["secrecy_reason"],
    }


@require_http_methods(["GET", "POST"])
@login_required
def handling_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli registers a letter, an e-mail or an invoice with its files."""
    association = association_for_role(request.user, slug, can_manage)
    found = case_for(request.user, association, pk)
    form = HandlingForm(
        request.POST or None,
        request.FILES or None,
        association=association,
        initial={"date": timezone.localdate(), "direction": "in"},
    )

    def save(data: dict) -> None:
        try:
            files = services.read_files(data["files"])
        except UploadRefused as error:
            raise ValidationError({"files": error.messages}) from error
        services.handling_register(
            case=found,
            by=request.user,
            direction=data["direction"],
            date=data["date"],
            description=data["description"],
            organisation=data["organisation"],
            person_name=data["person_name"],
            document_type=data["document_type"],
            files=files,
            **_secrecy(data),
        )

    return form_page(
        request,
        form=form,
        save=save,
        done_message="Handlingen är registrerad.",
        done_url=reverse("records:case", args=[slug, pk]),
        template=FORM,
        context={
            "association": association,
            "title": f"Registrera handling i {found.dnr}",
            "submit_label": "Registrera",
            "cancel_url": reverse("records:case", args=[slug, pk]),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def handling_secrecy(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    handling = handling_for(request.user, association, pk)
    form = SecrecyForm(
        request.POST or None,
        initial=model_to_dict(handling, fields=list(SecrecyForm.base_fields)),
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.handling_mark_secrecy(
            handling=handling, by=request.user, **_secrecy(data)
        ),
        done_message="Sekretessmarkeringen är sparad.",
        done_url=reverse("records:case", args=[slug, handling.case_id]),
        template=FORM,
        context={
            "association": association,
            "title": f"Sekretess för {handling.number}",
            "cancel_url": reverse("records:case", args=[slug, handling.case_id]),
        },
    )


@require_GET
@login_required
def handling_file(request: AuthedRequest, slug: str, pk: int) -> FileResponse:
    association = association_for_role(request.user, slug, can_read)
    stored = file_for(request.user, association, pk)
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.filename,
        content_type=stored.content_type,
    )


@require_POST
@login_required
def copy_request_done(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = copy_request_for(request.user, association, pk)
    try:
        services.copy_request_done(request=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Begäran är markerad som besvarad.")
    return redirect("records:register", slug=slug)


@require_http_methods(["GET", "POST"])
@login_required
def registry_settings(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    registry = selectors.registry_of(association)
    form = RegistryForm(request.POST or None, initial={"dnr_format": registry.dnr_format})
    return form_page(
        request,
        form=form,
        save=lambda data: services.registry_update(
            association=association, by=request.user, dnr_format=data["dnr_format"]
        ),
        done_message="Diariets inställningar är sparade.",
        done_url=reverse("records:register", args=[slug]),
        template=FORM,
        context={
            "association": association,
            "title": "Diariets inställningar",
            "cancel_url": reverse("records:register", args=[slug]),
        },
    )


# The dokumenthanteringsplan and gallring


@require_GET
@login_required
def plan(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    lists = WeedingList.objects.filter(association=association).select_related(
        "paragraph__meeting", "delegation_decision"
    )
    return render(
        request,
        "records/plan.html",
        {
            "association": association,
            "types": selectors.plan_of(association),
            "lists": lists,
            "can_manage": can_manage(request.user),
            "form": YearForm(initial={"year": timezone.localdate().year}),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def type_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = DocumentTypeForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.document_type_create(
            association=association, by=request.user, **data
        ),
        done_message="Handlingstypen är tillagd i planen.",
        done_url=reverse("records:plan", args=[slug]),
        template=FORM,
        context={
            "association": association,
            "title": "Ny handlingstyp",
            "cancel_url": reverse("records:plan", args=[slug]),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def type_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    document_type = get_object_or_404(DocumentType, association=association, pk=pk)
    form = DocumentTypeForm(
        request.POST or None,
        initial=model_to_dict(document_type, fields=list(DocumentTypeForm.base_fields)),
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.document_type_update(
            document_type=document_type, by=request.user, **data
        ),
        done_message="Handlingstypen är sparad.",
        done_url=reverse("records:plan", args=[slug]),
        template=FORM,
        context={
            "association": association,
            "title": f"Ändra {document_type.name}",
            "cancel_url": reverse("records:plan", args=[slug]),
        },
    )


@require_POST
@login_required
def weeding_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ange ett år.")
        return redirect("records:plan", slug=slug)
    year = form.cleaned_data["year"]
    try:
        services.weeding_list_create(association=association, year=year, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("records:plan", slug=slug)
    return redirect("records:weeding", slug=slug, year=year)


@require_http_methods(["GET", "POST"])
@login_required
def weeding(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    """A gallringslista: what it names, its decision, and the log once weeded."""
    association = association_for_role(request.user, slug, can_read)
    weeding_list = weeding_list_for(request.user, association, year)
    form = WeedingDecisionForm(request.POST or None, association=association)
    if request.method == "POST":
        require(can_manage(request.user))
    return form_page(
        request,
        form=form,
        save=lambda data: services.weeding_list_decide(
            weeding_list=weeding_list, by=request.user, **data
        ),
        done_message="Gallringsbeslutet är registrerat.",
        done_url=reverse("records:weeding", args=[slug, year]),
        template="records/weeding.html",
        context={
            "association": association,
            "weeding_list": weeding_list,
            "entries": weeding_list.entries.select_related("weeded_by"),
            "can_manage": can_manage(request.user),
        },
    )


@require_POST
@login_required
def weeding_execute(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    weeding_list = weeding_list_for(request.user, association, year)
    try:
        count = services.weeding_execute(weeding_list=weeding_list, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{count} handlingar är gallrade.")
    return redirect("records:weeding", slug=slug, year=year)


# The archive


@require_http_methods(["GET", "POST"])
@login_required
def archive(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    form = YearForm(request.POST or None, initial={"year": timezone.localdate().year - 1})
    if request.method == "POST":
        require(can_manage(request.user))
    return form_page(
        request,
        form=form,
        save=lambda data: services.archive_export_start(
            association=association,
            by=request.user,
            year=data["year"],
            done_url=reverse("records:archive", args=[slug]),
        ),
        done_message=lambda progress: f"{progress.title} skapas.",
        done_url=lambda progress: reverse("core:progress", args=[slug, progress.pk]),
        template="records/archive.html",
        context={
            "association": association,
            "packages": ArchivePackage.objects.filter(association=association).select_related(
                "created_by", "case"
            ),
            "refusals": selectors.archive_refusals(association),
            "can_manage": can_manage(request.user),
        },
    )


@require_GET
@login_required
def archive_download(request: AuthedRequest, slug: str, pk: int) -> FileResponse:
    association = association_for_role(request.user, slug, can_manage)
    package = get_object_or_404(ArchivePackage, association=association, pk=pk)
    return FileResponse(
        package.file.open("rb"),
        as_attachment=True,
        filename=package.file.name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )


@require_POST
@login_required
def incoming_to_meeting(request: AuthedRequest, slug: str) -> HttpResponse:
    """Put the list of incoming handlingar on the next meeting's agenda."""
    association = association_for_role(request.user, slug, can_manage)
    try:
        attachment = services.incoming_to_meeting(
            association=association, by=request.user, today=timezone.localdate()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("records:register", slug=slug)
    messages.success(
        request, f"Listan är {attachment} på sammanträdet {attachment.meeting.date:%Y-%m-%d}."
    )
    return redirect("records:register", slug=slug)
