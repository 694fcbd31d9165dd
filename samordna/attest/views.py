"""Pages of attest and utanordning under /f/<förbund>/attest/: what waits for me, the
orders, an order with its signatures, invoices, and the signature list of each year."""

from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.associations.permissions import (
    association_for,
    association_for_role,
    can_see_history,
    require,
)
from samordna.attest import selectors, services
from samordna.attest.forms import (
    AdoptForm,
    ApproveForm,
    CancelForm,
    InsatsOrderForm,
    InvoiceForm,
    ListCreateForm,
    PaymentForm,
    RightForm,
    StatusFilterForm,
)
from samordna.attest.models import OrderKind, OrderStatus, SignatureRight, Step
from samordna.attest.permissions import can_manage, can_read, list_for, may_sign, order_for
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest
from samordna.core.links import row_link
from samordna.core.text import format_kronor
from samordna.core.tokens import new_token
from samordna.core.views import form_page, form_render, form_saved
from samordna.interventions import documents, payable
from samordna.interventions.models import Instalment
from samordna.interventions.permissions import can_record_payments, intervention_for

DONE: dict[str, str] = {
    Step.RECEIPT: "Ordern är mottagningsattesterad.",
    Step.ATTEST: "Ordern är betalningsattesterad och väntar på utanordning.",
    Step.AUTHORISE: "Du har utanordnat ordern; den väntar på den andra utanordnaren.",
}


def _linked(rows: list[selectors.OrderRow], slug: str) -> list[selectors.OrderRow]:
    """Give each row its address: one reverse() for the page, not one per row."""
    link = row_link("attest:order", slug)
    for row in rows:
        row.url = link(row.pk)
    return rows


@require_GET
@login_required
def index(request: AuthedRequest, slug: str) -> HttpResponse:
    """What waits for me, the orders by status and the signature lists. The page keeps its
    parts in the cache ({% shared %}): the data is handed lazily, read only when a part is
    built anew; what waits for the reader is keyed by `selectors.signer_key`."""
    association = association_for_role(request.user, slug, can_read)
    year = timezone.localdate().year
    lists = SimpleLazyObject(lambda: list(selectors.lists_in_brief(association)))
    context = {
        "association": association,
        "to_handle": SimpleLazyObject(partial(_to_handle, association, request.user, slug)),
        "signer": selectors.signer_key(association, request.user),
        "may_sign": may_sign(request.user),
        "counts": SimpleLazyObject(partial(selectors.status_counts, association)),
        "statuses": OrderStatus.choices,
        "lists": lists,
        "year": year,
        "governs_now": SimpleLazyObject(
            lambda: any(found.year == year and found.adopted for found in lists)
        ),
        "can_manage": can_manage(request.user),
    }
    return render(request, "attest/index.html", context)


def _to_handle(
    association: Association, user: User, slug: str
) -> dict[str, list[selectors.OrderRow]]:
    found = selectors.to_handle(association, user)
    for rows in found.values():
        _linked(rows, slug)
    return found


ORDERS_PAGE = 50


@require_GET
@login_required
def orders(request: AuthedRequest, slug: str) -> HttpResponse:
    """The orders, a page at a time, by status. Kept in the cache under the address's
    parameters, the reader's `signer_key` (the steps offered) and role; the data is read
    only when the part is built anew."""
    association = association_for_role(request.user, slug, can_read)
    context = {
        "association": association,
        "listing": SimpleLazyObject(partial(_orders_listing, request, association, slug)),
        "signer": selectors.signer_key(association, request.user),
        "can_manage": can_manage(request.user),
    }
    return render(request, "attest/order_list.html", context)


def _orders_listing(request: AuthedRequest, association: Association, slug: str) -> dict[str, Any]:
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    # A page of the orders, newest first; the rules run for that page's open orders only.
    page = Paginator(selectors.order_rows_of(association, status), ORDERS_PAGE).get_page(
        request.GET.get("sida")
    )
    rows = selectors.order_rows(list(page.object_list), association.pk, request.user)
    return {"form": form, "status": status, "page": page, "views": _linked(rows, slug)}


def _order_context(request: AuthedRequest, association, order) -> dict[str, Any]:
    view = selectors.order_views([order], request.user)[0]
    return {
        "association": association,
        "order": order,
        "view": view,
        "may_sign": may_sign(request.user),
        "forms": {
            step: ApproveForm(initial={"step": step, "token": new_token()})
            for step in view.verdicts
        },
        "can_manage": can_manage(request.user),
        "can_see_history": can_see_history(request.user),
        "cancel_form": CancelForm(),
    }


@require_GET
@login_required
def order(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = order_for(request.user, association, pk)
    return render(request, "attest/order_detail.html", _order_context(request, association, found))


@require_POST
@login_required
def order_approve(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Sign a step; the form's token signs a form sent twice once."""
    association = association_for(request.user, slug)
    found = order_for(request.user, association, pk)
    require(may_sign(request.user))
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Formuläret är inte giltigt. Ladda om sidan.")
        return redirect("attest:order", slug=slug, pk=pk)
    step = form.cleaned_data["step"]
    try:
        approval, created = services.order_approve(
            order=found, step=step, by=request.user, token=form.cleaned_data["token"]
        )
    except ValidationError as error:
        context = _order_context(request, association, found)
        context["refusal"] = " ".join(error.messages)
        return render(request, "attest/order_detail.html", context, status=400)
    if not created:
        messages.info(request, "Det var redan gjort; inget mer är registrerat.")
    elif found.status == OrderStatus.PAID:
        text = f"Ordern är utanordnad av två och utbetald {found.paid_on:%Y-%m-%d}."
        if found.kind == OrderKind.INSATS:
            text += f" Utbetalningen på {format_kronor(found.amount)} är registrerad på insatsen."
        messages.success(request, text)
    else:
        messages.success(request, DONE[approval.step])
    return redirect("attest:order", slug=slug, pk=pk)


@require_POST
@login_required
def order_cancel(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = order_for(request.user, association, pk)
    form = CancelForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            services.order_cancel(order=found, by=request.user, reason=form.cleaned_data["reason"])
            saved = True
        except ValidationError as error:
            attach_errors(form, error)
    if saved:
        messages.success(request, "Ordern är makulerad.")
        return redirect("attest:order", slug=slug, pk=pk)
    context = _order_context(request, association, found)
    context["cancel_form"] = form
    return render(request, "attest/order_detail.html", context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def instalment_pay(request: AuthedRequest, slug: str, instalment_pk: int) -> HttpResponse:
    """Pay a part of an insats's plan: as a payment order where the year has an adopted
    signature list, otherwise recorded directly (`services.instalment_pay` decides). The
    form's token records a form sent twice once."""
    association = association_for(request.user, slug)
    instalment = get_object_or_404(
        Instalment.objects.select_related(
            "grant__decision__application",
            "grant__decision__paragraph",
            "grant__condition",
            "report",
        ),
        grant__decision__association=association,
        pk=instalment_pk,
    )
    grant, decision = instalment.grant, instalment.grant.decision
    intervention = intervention_for(
        request.user, association, decision.application.intervention_id or 0
    )
    require(can_record_payments(request.user))
    today = timezone.localdate()
    orders = list(selectors.open_for_instalment(instalment.pk))
    now = payable.state_of(decision).payable(instalment, today, asked=sum(o.amount for o in orders))
    through_orders = selectors.governs_payments(association.pk, today.year)
    form: InsatsOrderForm | PaymentForm
    if through_orders:
        form = InsatsOrderForm(
            request.POST or None, initial={"amount": now.open, "token": new_token()}
        )
    else:
        form = PaymentForm(request.POST or None, initial={"amount": now.left, "token": new_token()})
    saved, done = form_saved(
        request,
        form,
        lambda data: services.instalment_pay(instalment=instalment, by=request.user, **data),
    )
    if saved and done.order is not None:
        messages.success(
            request,
            f"Utbetalningen på {format_kronor(done.order.amount)} är begärd som order "
            f"{done.order.pk}. Den registreras när den är attesterad och utanordnad av två.",
        )
        return redirect("attest:order", slug=slug, pk=done.order.pk)
    if saved:
        if done.created:
            messages.success(
                request, f"Utbetalningen på {format_kronor(done.payment.amount)} är registrerad."
            )
        else:
            messages.info(request, "Utbetalningen var redan registrerad.")
        return redirect("interventions:detail", slug=slug, pk=intervention.pk)
    context = {
        "association": association,
        "intervention": intervention,
        "decision": decision,
        "grant": grant,
        "instalment": instalment,
        "when": documents.instalment_text(grant, instalment),
        "now": now,
        "orders": orders,
        "form": form,
        "through_orders": through_orders,
        "year": today.year,
    }
    return form_render(request, "attest/instalment_pay.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def invoice_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """The kansli registers an invoice as an order to attest and authorise."""
    association = association_for_role(request.user, slug, can_manage)
    form = InvoiceForm(
        request.POST or None, association=association, initial={"token": new_token()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.order_create(
                association=association,
                kind=OrderKind.INVOICE,
                payee=data["payee"],
                amount=data["amount"],
                connected_person=data["connected_person"],
                description=data["description"],
                reference=data["reference"],
                due_on=data["due_on"],
                by=request.user,
                token=data["token"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"Fakturan från {created.payee} på {format_kronor(created.amount)} är "
                "registrerad och väntar på attest.",
            )
            return redirect("attest:order", slug=slug, pk=created.pk)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form}
    return render(request, "attest/invoice_form.html", context, status=status)


# The signature lists


@require_GET
@login_required
def lists(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    context = {
        "association": association,
        "lists": selectors.lists_in_brief(association),
        "can_manage": can_manage(request.user),
    }
    return render(request, "attest/list_index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def list_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = ListCreateForm(request.POST or None, association=association)
    created: dict[str, Any] = {}

    def save(data: dict[str, Any]) -> None:
        created["list"] = services.list_create(association=association, by=request.user, **data)

    response = form_page(
        request,
        form=form,
        save=save,
        done_message="Signaturlistan är upprättad. Lägg till raderna och registrera sedan "
        "när styrelsen antar den.",
        done_url=reverse("attest:lists", args=[slug]),
        template="attest/form.html",
        context={
            "association": association,
            "title": "Ny signaturlista",
            "intro": "En lista per år. Den kan ändras tills styrelsen har antagit den.",
            "submit_label": "Upprätta listan",
            "cancel_url": reverse("attest:lists", args=[slug]),
        },
    )
    if "list" in created:
        return redirect("attest:list", slug=slug, year=created["list"].year)
    return response


@require_GET
@login_required
def list_detail(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    """The year's list as the board adopted it: who attests what, up to which amount."""
    association = association_for(request.user, slug)
    signature_list = list_for(request.user, association, year)
    context = {
        "association": association,
        "signature_list": signature_list,
        "rights": selectors.rights_of(signature_list),
        "can_edit": can_manage(request.user) and not signature_list.adopted,
        "can_see_history": can_see_history(request.user),
    }
    return render(request, "attest/list_detail.html", context)


class Locked(Exception):
    """The list is adopted; its pages for changes send the user back to it."""


def _editable_list(request: AuthedRequest, slug: str, year: int):
    association = association_for_role(request.user, slug, can_manage)
    signature_list = list_for(request.user, association, year)
    if signature_list.adopted:
        messages.error(
            request, f"Signaturlistan för {year} är antagen av styrelsen och kan inte ändras."
        )
        raise Locked
    return association, signature_list


def _locked_redirect(view):
    """Wrap a view of changes to a list: an adopted list sends the user back to it."""

    def wrapped(request: AuthedRequest, slug: str, year: int, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, slug, year, **kwargs)
        except Locked:
            return redirect("attest:list", slug=slug, year=year)

    wrapped.__doc__ = view.__doc__
    return wrapped


@require_http_methods(["GET", "POST"])
@login_required
@_locked_redirect
def right_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association, signature_list = _editable_list(request, slug, year)
    back = reverse("attest:list", args=[slug, year])
    return form_page(
        request,
        form=RightForm(request.POST or None, association=association),
        save=lambda data: services.right_add(
            signature_list=signature_list, by=request.user, **data
        ),
        done_message="Raden är tillagd i signaturlistan.",
        done_url=back,
        template="attest/form.html",
        context={
            "association": association,
            "title": f"Ny rad i signaturlistan {year}",
            "intro": "",
            "submit_label": "Lägg till",
            "cancel_url": back,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@_locked_redirect
def right_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    association, signature_list = _editable_list(request, slug, year)
    right = get_object_or_404(SignatureRight, signature_list=signature_list, pk=pk)
    back = reverse("attest:list", args=[slug, year])
    return form_page(
        request,
        form=RightForm(request.POST or None, association=association, instance=right),
        save=lambda data: services.right_update(right=right, by=request.user, **data),
        done_message="Raden är ändrad.",
        done_url=back,
        template="attest/form.html",
        context={
            "association": association,
            "title": f"Ändra rad i signaturlistan {year}",
            "intro": f"{right.person}: {right.get_kind_display().lower()}.",
            "submit_label": "Spara",
            "cancel_url": back,
        },
    )


@require_POST
@login_required
@_locked_redirect
def right_delete(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    _, signature_list = _editable_list(request, slug, year)
    right = get_object_or_404(SignatureRight, signature_list=signature_list, pk=pk)
    try:
        services.right_delete(right=right, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Raden för {right.person} är borttagen.")
    return redirect("attest:list", slug=slug, year=year)


@require_http_methods(["GET", "POST"])
@login_required
@_locked_redirect
def list_adopt(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association, signature_list = _editable_list(request, slug, year)
    back = reverse("attest:list", args=[slug, year])
    return form_page(
        request,
        form=AdoptForm(request.POST or None, association=association),
        save=lambda data: services.list_adopt(
            signature_list=signature_list, by=request.user, **data
        ),
        done_message=f"Signaturlistan för {year} är antagen och låst. Den styr årets "
        "attester och utanordningar.",
        done_url=back,
        template="attest/form.html",
        context={
            "association": association,
            "title": f"Styrelsen antar signaturlistan {year}",
            "intro": "När listan är antagen kan den inte ändras. Från och med då går årets "
            "utbetalningar, också insatsernas, genom attest och utanordning här.",
            "submit_label": "Registrera att listan är antagen",
            "cancel_url": back,
        },
    )
