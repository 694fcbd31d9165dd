import datetime
from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods

from samordna.associations import selectors, services
from samordna.associations.forms import (
    AssociationSettingsForm,
    BoardDateForm,
    BoardEntryForm,
    BoardSeatForm,
    MemberForm,
    MemberSharesForm,
    PersonForm,
    SeatRowFormSet,
    StaffAssignmentForm,
)
from samordna.associations.models import BoardSeat
from samordna.associations.permissions import (
    association_for,
    can_manage,
    can_read_registers,
    can_see_history,
    require,
)
from samordna.core.forms import attach_errors
from samordna.core.history import history_model, history_of, records_of
from samordna.core.http import AuthedRequest
from samordna.core.views import form_page
from samordna.interventions.selectors import grant_work, grant_work_reader
from samordna.meetings.selectors import minutes_to_approve, upcoming_meetings


@require_GET
@login_required
def association_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    return render(
        request,
        "associations/association_detail.html",
        {
            "association": association,
            "fee_base_amounts": list(association.fee_base_amounts.all()),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def association_settings(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    form = AssociationSettingsForm(request.POST or None, instance=association)
    return form_page(
        request,
        form=form,
        save=lambda data: services.association_update(
            association=association, by=request.user, **data
        ),
        done_message="Förbundets uppgifter är sparade.",
        done_url=reverse("associations:detail", args=[slug]),
        template="associations/association_form.html",
        context={"association": association},
    )


@require_GET
@login_required
def member_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    members = selectors.members_in_order(association)
    return render(
        request,
        "associations/member_list.html",
        {
            "association": association,
            "members": members,
            "share_problems": services.share_problems(members),
            "total_share": sum(m.share_percent for m in members),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def member_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return form_page(
        request,
        form=MemberForm(request.POST or None),
        save=lambda data: services.member_create(association=association, by=request.user, **data),
        done_message="Medlemmen är tillagd. Ange dess andel under Fördelningsnyckel.",
        done_url=reverse("associations:members", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Ny medlem"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def member_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    member = get_object_or_404(association.members, pk=pk)
    return form_page(
        request,
        form=MemberForm(request.POST or None, instance=member),
        save=lambda data: services.member_update(member=member, by=request.user, **data),
        done_message=f"{member.name} är sparad.",
        done_url=reverse("associations:members", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra {member.name}", "object": member},
    )


@require_http_methods(["GET", "POST"])
@login_required
def member_shares(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    members = selectors.members_in_order(association)
    form = MemberSharesForm(
        request.POST or None, members=members, versioned=association.members.all()
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.member_shares_set(
            association=association, by=request.user, shares=form.shares()
        ),
        done_message="Fördelningsnyckeln är sparad.",
        done_url=reverse("associations:members", args=[slug]),
        template="associations/member_shares.html",
        context={"association": association},
    )


@require_GET
@login_required
def person_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    return render(
        request,
        "associations/person_list.html",
        {
            "association": association,
            "people": selectors.people_in_order(association),
            "can_manage": can_manage(request.user),
        },
    )


@require_GET
@login_required
def person_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    person = get_object_or_404(association.people, pk=pk)
    return render(
        request,
        "associations/person_detail.html",
        {
            "association": association,
            "person": person,
            "seats": selectors.seats_of(person),
            "staff_assignments": list(person.staff_assignments.select_related("employed_by")),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def person_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return form_page(
        request,
        form=PersonForm(request.POST or None),
        save=lambda data: services.person_create(association=association, by=request.user, **data),
        done_message="Personen är tillagd.",
        done_url=reverse("associations:people", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Ny person"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def person_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    person = get_object_or_404(association.people, pk=pk)
    return form_page(
        request,
        form=PersonForm(request.POST or None, instance=person),
        save=lambda data: services.person_update(person=person, by=request.user, **data),
        done_message=f"{person.full_name} är sparad.",
        done_url=reverse("associations:person", args=[slug, pk]),
        template="associations/generic_form.html",
        context={
            "association": association,
            "title": f"Ändra {person.full_name}",
            "object": person,
        },
    )


@require_GET
@login_required
def board(request: AuthedRequest, slug: str) -> HttpResponse:
    """The board as of a date (today unless ?datum= is given)."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    today = timezone.localdate()
    date_form = BoardDateForm(request.GET if "datum" in request.GET else None)
    day: datetime.date = today
    if date_form.is_bound and date_form.is_valid():
        day = date_form.cleaned_data["datum"]
    elif not date_form.is_bound:
        date_form = BoardDateForm(initial={"datum": today})
    return render(
        request,
        "associations/board.html",
        {
            "association": association,
            "board": selectors.board_on(association, day),
            "is_today": day == today,
            "date_form": date_form,
            "can_manage": can_manage(request.user),
        },
    )


@require_GET
@login_required
def seat_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    return render(
        request,
        "associations/seat_list.html",
        {
            "association": association,
            "seats": selectors.seats_in_order(association),
            "today": timezone.localdate(),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def seat_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return form_page(
        request,
        form=BoardSeatForm(request.POST or None, association=association),
        save=lambda data: services.board_seat_create(
            association=association, by=request.user, **data
        ),
        done_message="Styrelseuppdraget är registrerat.",
        done_url=reverse("associations:seats", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Nytt styrelseuppdrag"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def seat_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    seat = get_object_or_404(association.board_seats.select_related("person", "member"), pk=pk)
    return form_page(
        request,
        form=BoardSeatForm(request.POST or None, instance=seat, association=association),
        save=lambda data: services.board_seat_update(seat=seat, by=request.user, **data),
        done_message="Styrelseuppdraget är sparat.",
        done_url=reverse("associations:seats", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra uppdrag: {seat}", "object": seat},
    )


BOARD_ROWS = 12
MAX_BOARD_ROWS = 40


@require_http_methods(["GET", "POST"])
@login_required
def board_enter(request: AuthedRequest, slug: str) -> HttpResponse:
    """The whole board for a mandate period in one form, a row per seat."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    try:
        rows = max(2, min(int(request.GET.get("rader", BOARD_ROWS)), MAX_BOARD_ROWS))
    except ValueError:
        rows = BOARD_ROWS
    data = request.POST if request.method == "POST" else None
    form = BoardEntryForm(data)
    seats = SeatRowFormSet(
        data,
        prefix="plats",
        initial=[{}] * rows,
        form_kwargs={"association": association, "rows": rows},
    )
    if data is not None and form.is_valid() and seats.is_valid():
        try:
            created = services.board_enter(
                association=association,
                by=request.user,
                rows=seats.seat_rows(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Styrelsen är registrerad: {len(created)} uppdrag.")
            return redirect(reverse("associations:seats", args=[slug]))
    return render(
        request,
        "associations/board_enter.html",
        {
            "association": association,
            "form": form,
            "seats": seats,
            "more_rows": rows + 6 if rows + 6 <= MAX_BOARD_ROWS else None,
            "has_errors": bool(form.errors or seats.total_error_count()),
        },
        status=400 if data is not None else 200,
    )


@require_GET
@login_required
def staff_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    return render(
        request,
        "associations/staff_list.html",
        {
            "association": association,
            "staff": selectors.staff_in_order(association),
            "can_manage": can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def staff_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return form_page(
        request,
        form=StaffAssignmentForm(request.POST or None, association=association),
        save=lambda data: services.staff_assignment_create(
            association=association, by=request.user, **data
        ),
        done_message="Befattningen är registrerad.",
        done_url=reverse("associations:staff", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Ny befattning på kansliet"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def staff_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    assignment = get_object_or_404(association.staff.select_related("person"), pk=pk)
    return form_page(
        request,
        form=StaffAssignmentForm(
            request.POST or None, instance=assignment, association=association
        ),
        save=lambda data: services.staff_assignment_update(
            assignment=assignment, by=request.user, **data
        ),
        done_message="Befattningen är sparad.",
        done_url=reverse("associations:staff", args=[slug]),
        template="associations/generic_form.html",
        context={
            "association": association,
            "title": f"Ändra befattning: {assignment}",
            "object": assignment,
        },
    )


@require_GET
@login_required
def start(request: AuthedRequest, slug: str) -> HttpResponse:
    """What the logged-in user does next, by role. The template keeps what all readers of
    a role share under the förbund's version, and what is the user's own under their
    person or organisation, so the data is handed over lazily, asked for only when a part
    is built."""
    association = association_for(request.user, slug)
    user = request.user
    today = timezone.localdate()
    manages, reads_registers = can_manage(user), can_read_registers(user)
    person = user.person

    @cache
    def seats() -> tuple[selectors.Board | None, list[BoardSeat]]:
        """The board on `today` (for the roles that see it or the kansli's todos) and the
        user's own seats, in one query when both are wanted."""
        if person is not None and (manages or reads_registers):
            return selectors.board_and_seats_of(association, today, person)
        if person is not None:
            return None, selectors.seats_of(person)
        if manages or reads_registers:
            return selectors.board_on(association, today), []
        return None, []

    context: dict = {
        "association": association,
        "today": today,
        "manages": manages,
        "reads_registers": reads_registers,
        "director": SimpleLazyObject(partial(selectors.director_on, association, today)),
        "my_seats": SimpleLazyObject(lambda: seats()[1]),
        "todos": SimpleLazyObject(
            lambda: selectors.office_todos(association, today, board=seats()[0])
        ),
        "to_approve": SimpleLazyObject(
            lambda: minutes_to_approve(person) if person is not None else []
        ),
        "grants": SimpleLazyObject(partial(grant_work, user, association, today)),
        "grants_reader": grant_work_reader(user),
        "board": SimpleLazyObject(lambda: seats()[0] if reads_registers else None),
        "upcoming": SimpleLazyObject(partial(upcoming_meetings, association, today)),
    }
    return render(request, "associations/start.html", context)


@require_GET
@login_required
def history(request: AuthedRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """The full change history of any tracked record of the förbund (`kind`: a registered
    word such as "budget", or app.model such as "meetings.paragraph")."""
    association = association_for(request.user, slug)
    require(can_see_history(request.user))
    model = history_model(kind)
    if model is None:
        raise Http404("Sidan finns inte.")
    obj = get_object_or_404(records_of(model, association), pk=pk)
    return render(
        request,
        "associations/history.html",
        {"association": association, "object": obj, "entries": history_of(obj)},
    )
