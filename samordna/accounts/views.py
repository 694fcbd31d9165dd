from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts import services
from samordna.accounts.forms import LoginForm, NewUserForm, UserForm
from samordna.accounts.lockout import locked_usernames
from samordna.accounts.permissions import can_manage_users
from samordna.associations.permissions import association_for, require
from samordna.core.http import AuthedRequest
from samordna.core.text import swedish_key
from samordna.core.views import form_page


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


@require_GET
@login_required
def user_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_users(request.user))
    users = association.users.select_related("person", "member")
    ordered = sorted(users, key=lambda u: (swedish_key(u.last_name), swedish_key(u.first_name)))
    locked = locked_usernames([u.username for u in ordered])
    return render(
        request,
        "accounts/user_list.html",
        {"association": association, "users": ordered, "locked": locked},
    )


@require_POST
@login_required
def user_unlock(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli lifts a user's login lockout (five wrong passwords)."""
    association = association_for(request.user, slug)
    require(can_manage_users(request.user))
    user = get_object_or_404(association.users, pk=pk)
    services.user_unlock(user=user, by=request.user)
    messages.success(request, f"Inloggningsspärren för {user} är hävd.")
    return redirect("accounts:users", slug=slug)


@require_http_methods(["GET", "POST"])
@login_required
def user_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_users(request.user))
    return form_page(
        request,
        form=NewUserForm(request.POST or None, association=association),
        save=lambda data: services.user_create(association=association, by=request.user, **data),
        done_message="Användaren är upplagd.",
        done_url=reverse("accounts:users", args=[slug]),
        template="accounts/user_form.html",
        context={"association": association, "title": "Ny användare"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def user_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage_users(request.user))
    user = get_object_or_404(association.users, pk=pk)
    return form_page(
        request,
        form=UserForm(request.POST or None, instance=user, association=association),
        save=lambda data: services.user_update(user=user, by=request.user, **data),
        done_message=f"{user} är sparad.",
        done_url=reverse("accounts:users", args=[slug]),
        template="accounts/user_form.html",
        context={"association": association, "title": f"Ändra {user}", "object": user},
    )
