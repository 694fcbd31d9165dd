from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_POST

from samordna.accounts.permissions import is_national_reader
from samordna.associations.models import Association
from samordna.associations.permissions import association_for_role, require
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest, file_response
from samordna.core.text import format_date, format_kronor
from samordna.core.views import form_page
from samordna.finance import budgets, contributions, exports, forms, goals, selectors, services
from samordna.finance.models import (
    Budget,
    BudgetStatus,
    ContributionInstalment,
    ContributionSchedule,
    StateAllocation,
)
from samordna.finance.permissions import (
    can_manage_finance,
    can_read_finance,
    can_record_contribution,
)


@require_GET
def allocation_table(request: HttpRequest, year: int) -> HttpResponse:
    """Public: the state's allocation to every förbund in the country for a year."""
    rows = selectors.allocations_for(year)
    if not rows:
        raise Http404("Det finns ingen medelstilldelning för det året.")
    return render(
        request,
        "finance/allocation_table.html",
        {
            "year": year,
            "rows": rows,
            "total": sum(r.amount for r in rows),
            "years": selectors.allocation_years(),
        },
    )


@require_GET
@login_required
def national_overview(request: AuthedRequest) -> HttpResponse:
    """For national readers: figures across all förbund, aggregated by län."""
    require(is_national_reader(request.user))
    years = selectors.allocation_years()
    year = years[0] if years else None
    counties = selectors.allocation_by_county(year) if year else []
    return render(
        request,
        "finance/national_overview.html",
        {
            "year": year,
            "counties": counties,
            "total": sum(c.amount for c in counties),
            "count": sum(c.count for c in counties),
        },
    )


# The förbund's money: overview, contributions, budget, goals.


def _budget(association: Association, year: int) -> Budget:
    return get_object_or_404(
        Budget.objects.select_related("association", "paragraph"),
        association=association,
        year=year,
    )


@require_GET
@login_required
def overview(request: AuthedRequest, slug: str) -> HttpResponse:
    """Ekonomi: the budgets, the contributions per year and the financial goals."""
    association = association_for_role(request.user, slug, can_read_finance)
    # The page is kept in the cache ({% shared %}) by the year and the role; its data is
    # read only when it is built anew.
    return render(
        request,
        "finance/overview.html",
        {
            "association": association,
            "budgets": SimpleLazyObject(partial(selectors.budgets_of, association)),
            "contribution_years": SimpleLazyObject(
                partial(selectors.contribution_years, association)
            ),
            "this_year": timezone.localdate().year,
            "panel": SimpleLazyObject(partial(goals.goals_for, association)),
            "can_manage": can_manage_finance(request.user),
        },
    )


@require_GET
@login_required
def contribution_list(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    """The members' contributions for a year: amount, paid so far, outstanding."""
    association = association_for_role(request.user, slug, can_read_finance)
    if not 2000 <= year <= 2100:
        raise Http404("Sidan finns inte.")
    return render(
        request,
        "finance/contributions.html",
        {
            "association": association,
            "year": year,
            "data": contributions.contributions_for(association, year),
            "can_manage": can_manage_finance(request.user),
            "can_record": can_record_contribution(request.user),
        },
    )


@login_required
def allocation_set(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_finance)
    current = contributions.state_allocation(association, year)
    form = forms.AllocationForm(
        request.POST or None,
        initial={"amount": current.amount if current else None},
        versioned=StateAllocation.objects.filter(association=association, year=year).first(),
    )
    url = reverse("finance:contributions", args=[slug, year])
    return form_page(
        request,
        form=form,
        save=lambda data: services.state_allocation_set(
            association=association, by=request.user, year=year, **data
        ),
        done_message=f"Den statliga tilldelningen för {year} är sparad.",
        done_url=url,
        template="finance/form.html",
        context={
            "association": association,
            "title": f"Statlig tilldelning {year}",
            "intro": "Försäkringskassans beslut om statens medel till förbundet. Regionen och "
            "kommunerna skjuter till lika mycket; varje medlems bidrag räknas ut med "
            "fördelningsnyckeln.",
            "cancel_url": url,
        },
    )


@login_required
def schedule_set(request: AuthedRequest, slug: str, year: int, member_pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_finance)
    member = get_object_or_404(association.members, pk=member_pk)
    current = ContributionSchedule.objects.filter(
        association=association, member=member, year=year
    ).first()
    form = forms.ScheduleForm(request.POST or None, versioned=current)
    url = reverse("finance:contributions", args=[slug, year])
    return form_page(
        request,
        form=form,
        save=lambda data: services.schedule_set(
            association=association, by=request.user, member=member, year=year, **data
        ),
        done_message=f"Betalplanen för {member} {year} är sparad.",
        done_url=url,
        template="finance/form.html",
        context={
            "association": association,
            "title": f"Betalplan {year}: {member}",
            "intro": "Årets bidrag delas lika på inbetalningarna i hela kronor; det som blir "
            "över vid avrundningen läggs på den sista. En ny betalplan ersätter den gamla "
            "så länge inget har betalats in.",
            "cancel_url": url,
        },
    )


@login_required
def contribution_payment(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_record_contribution)
    instalment = get_object_or_404(
        ContributionInstalment.objects.select_related("schedule__member"),
        pk=pk,
        schedule__association=association,
    )
    form = forms.PaymentForm(
        request.POST or None,
        versioned=instalment,
        initial={
            "paid_on": instalment.paid_on,
            "paid_amount": instalment.paid_amount or instalment.amount,
            "note": instalment.note,
        },
    )
    schedule = instalment.schedule
    url = reverse("finance:contributions", args=[slug, schedule.year])
    return form_page(
        request,
        form=form,
        save=lambda data: services.contribution_payment_record(
            instalment=instalment,
            by=request.user,
            paid_on=data["paid_on"],
            amount=data["paid_amount"],
            note=data["note"],
        ),
        done_message="Inbetalningen är sparad.",
        done_url=url,
        template="finance/form.html",
        context={
            "association": association,
            "title": f"Inbetalning från {schedule.member}",
            "intro": f"Inbetalning {instalment.position} av {schedule.year}: "
            f"{format_kronor(instalment.amount)}, förfaller {format_date(instalment.due_on)}. "
            "Töm datum och belopp om inbetalningen registrerats av misstag.",
            "cancel_url": url,
        },
    )


@login_required
def budget_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_finance)
    form = forms.BudgetCreateForm(
        request.POST or None, initial={"year": timezone.localdate().year + 1}
    )
    created: dict[str, Budget] = {}

    def save(data: dict) -> None:
        created["budget"] = services.budget_create(association=association, by=request.user, **data)

    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Budgeten är skapad.")
            return redirect("finance:budget", slug=slug, year=created["budget"].year)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "finance/form.html",
        {
            "association": association,
            "form": form,
            "title": "Ny budget",
            "intro": "Budgeten gäller ett år med plan för de två följande. Intäkterna per "
            "medlem hämtas från medlemsbidragen och en rad per beviljad insats från "
            "styrelsens beslut.",
            "cancel_url": reverse("finance:overview", args=[slug]),
            "submit_label": "Skapa budget",
        },
        status=status,
    )


@require_GET
@login_required
def budget_detail(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    """The budget with plan, the result and balance budgets; the kansli edits a draft."""
    association = association_for_role(request.user, slug, can_read_finance)
    budget = _budget(association, year)
    summary = selectors.budget_summary(budget)
    can_edit = can_manage_finance(request.user) and budget.status == BudgetStatus.DRAFT
    return render(
        request,
        "finance/budget.html",
        {
            "association": association,
            "budget": budget,
            "s": summary,
            "can_edit": can_edit,
            "can_manage": can_manage_finance(request.user),
            "rounding_note": budgets.ROUNDING_NOTE,
            "paragraph": budget.paragraph,
        },
    )


def _budget_form_page(
    request: AuthedRequest,
    *,
    slug: str,
    budget: Budget,
    form,
    save,
    done: str,
    title: str,
    intro: str = "",
    template: str = "finance/form.html",
) -> HttpResponse:
    url = reverse("finance:budget", args=[slug, budget.year])
    return form_page(
        request,
        form=form,
        save=save,
        done_message=done,
        done_url=url,
        template=template,
        context={
            "association": budget.association,
            "budget": budget,
            "title": title,
            "intro": intro,
            "cancel_url": url,
        },
    )


@login_required
def budget_update(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    form = forms.BudgetUpdateForm(request.POST or None, budget=budget)
    return _budget_form_page(
        request,
        slug=slug,
        budget=budget,
        form=form,
        save=lambda data: services.budget_update(
            budget=budget, by=request.user, version=form.cleaned_data["version"], **form.values
        ),
        done="Budgeten är sparad.",
        title=f"Budget {year}: eget kapital och anteckning",
    )


@login_required
def line_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    form = forms.LineForm(request.POST or None, budget=budget)
    return _budget_form_page(
        request,
        slug=slug,
        budget=budget,
        form=form,
        save=lambda data: services.line_save(
            budget=budget, by=request.user, version=form.cleaned_data["version"], fields=form.values
        ),
        done="Raden är tillagd.",
        title=f"Ny rad i budget {year}",
        intro="Beviljade insatser hämtas från besluten; här skriver du in övriga rader, "
        "t.ex. förbundets egna aktiviteter i gruppen Beslutade insatser.",
    )


@login_required
def line_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    line = get_object_or_404(budget.lines, pk=pk)
    form = forms.LineForm(request.POST or None, budget=budget, line=line)
    intro = ""
    if line.from_decisions:
        intro = "Beloppen hämtas från styrelsens beslut om insatsen (Hämta från besluten)."
    elif line.member_id is not None:
        intro = "Budgetårets belopp hämtas från medlemsbidragen; planåren kan skrivas in."
    return _budget_form_page(
        request,
        slug=slug,
        budget=budget,
        form=form,
        save=lambda data: services.line_save(
            budget=budget,
            by=request.user,
            version=form.cleaned_data["version"],
            fields=form.values,
            line=line,
        ),
        done="Raden är sparad.",
        title=f"Ändra rad: {line.name}",
        intro=intro,
    )


@require_POST
@login_required
def line_delete(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    line = get_object_or_404(budget.lines, pk=pk)
    return _post_action(
        request,
        budget,
        lambda version: services.line_delete(line=line, by=request.user, version=version),
        f"Raden {line.name} är borttagen.",
    )


@require_POST
@login_required
def budget_refresh(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    return _post_action(
        request,
        budget,
        lambda version: services.budget_refresh(budget=budget, by=request.user, version=version),
        "Raderna är hämtade från besluten och medlemsbidragen.",
    )


def _post_action(request: AuthedRequest, budget: Budget, action, done: str) -> HttpResponse:
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        action(version)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("finance:budget", slug=budget.association.slug, year=budget.year)


@login_required
def balance_update(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    form = forms.BalanceForm(request.POST or None, budget=budget)
    return _budget_form_page(
        request,
        slug=slug,
        budget=budget,
        form=form,
        save=lambda data: services.balance_save(
            budget=budget,
            by=request.user,
            version=form.cleaned_data["version"],
            columns=form.column_values(),
        ),
        done="Balansbudgeten är sparad.",
        title=f"Balansbudget {year}",
        intro="Eget kapital och årets resultat räknas ur resultatbudgeten. Kolumnen för "
        "föregående år fylls i med prognosen när det året saknar budget här; då förs "
        "dess eget kapital vid årets slut över till budgetåret.",
        template="finance/balance_form.html",
    )


@login_required
def budget_adopt(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_manage_finance), year)
    form = forms.AdoptForm(request.POST or None, budget=budget)
    return _budget_form_page(
        request,
        slug=slug,
        budget=budget,
        form=form,
        save=lambda data: services.budget_adopt(
            budget=budget,
            by=request.user,
            version=form.cleaned_data["version"],
            paragraph=data["paragraph"],
        ),
        done=f"Budgeten för {year} är fastställd.",
        title=f"Fastställ budget {year}",
        intro="Välj paragrafen där styrelsen fastställde budgeten. En fastställd budget "
        "kan inte ändras.",
    )


@require_GET
@login_required
def budget_xlsx(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_read_finance), year)
    summary = selectors.budget_summary(budget)
    return file_response(
        exports.budget_xlsx(summary),
        f"budget-{year}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@require_GET
@login_required
def budget_pdf(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    budget = _budget(association_for_role(request.user, slug, can_read_finance), year)
    summary = selectors.budget_summary(budget)
    return file_response(exports.budget_pdf(summary), f"budget-{year}.pdf", "application/pdf")


@require_GET
@login_required
def goal_list(request: AuthedRequest, slug: str) -> HttpResponse:
    """The financial goals with their figures per year, thresholds and warnings."""
    association = association_for_role(request.user, slug, can_read_finance)
    return render(
        request,
        "finance/goals.html",
        {
            "association": association,
            "panel": goals.goals_for(association),
            "can_manage": can_manage_finance(request.user),
        },
    )


@login_required
def goals_update(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_finance)
    instance = goals.settings_for(association)
    form = forms.GoalsForm(request.POST or None, instance=instance, association=association)
    url = reverse("finance:goals", args=[slug])
    return form_page(
        request,
        form=form,
        save=lambda data: services.goals_save(
            association=association, by=request.user, fields=data
        ),
        done_message="De finansiella målen är sparade.",
        done_url=url,
        template="finance/form.html",
        context={
            "association": association,
            "title": "Finansiella mål",
            "intro": "Nationella rådet rekommenderar att det egna kapitalet inte överstiger "
            "20 % av årets intäkter. Ett mål satt till 0 visas inte.",
            "cancel_url": url,
        },
    )
