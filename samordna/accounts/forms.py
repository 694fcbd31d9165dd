from decimal import Decimal
from typing import cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from samordna.accounts.models import UNTIED_ROLES, Role, User
from samordna.accounts.services import ASSOCIATION_SETUP_FIELDS, NewMember
from samordna.associations.forms import SHARE_ERRORS, OrganisationNumberMixin
from samordna.associations.models import Association, MemberKind
from samordna.core.forms import ServiceModelForm, StyledFormMixin

ASSOCIATION_ROLES = [(value, label) for value, label in Role.choices if value not in UNTIED_ROLES]


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass


class UserForm(ServiceModelForm):
    role = forms.ChoiceField(label="Roll", choices=ASSOCIATION_ROLES)

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "role",
            "person",
            "member",
            "organisation_unit",
            "is_active",
        ]
        labels = {"is_active": "Kontot är aktivt", "email": "E-post"}

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["person"].queryset = association.people.all()  # type: ignore[attr-defined]
        self.fields["person"].empty_label = "Ingen"  # type: ignore[attr-defined]
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]
        self.fields["member"].empty_label = "Ingen"  # type: ignore[attr-defined]


class NewUserForm(UserForm):
    password = forms.CharField(
        label="Lösenord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minst 12 tecken. Lämna över det på ett säkert sätt.",
    )

    class Meta(UserForm.Meta):
        fields = ["username", *UserForm.Meta.fields]
        labels = {**UserForm.Meta.labels, "username": "Användarnamn"}


# The operator's forms: a new förbund.


class AssociationSetupForm(OrganisationNumberMixin, ServiceModelForm):
    """The förbund's name, address and rules of procedure."""

    class Meta:
        model = Association
        fields = list(ASSOCIATION_SETUP_FIELDS)
        labels = {"slug": "Kortnamn (adress)"}
        help_texts = {
            "organisation_number": "Kan fyllas i senare; till dess står det som en uppgift "
            "att göra.",
            "minutes_kept_at": "T.ex. Förbundets kansli, Storgatan 1, Kiruna.",
            "notice_board": "Där justerade protokoll anslås, t.ex. förbundets, kommunernas "
            "och regionens anslagstavlor.",
        }


class FirstOfficeUserForm(StyledFormMixin, forms.Form):
    """The first kansli login. The operator sets a first password and hands it over by
    another way than e-mail, as the kansli does for its own users."""

    office_username = forms.CharField(label="Användarnamn", max_length=150)
    office_first_name = forms.CharField(label="Förnamn", max_length=150)
    office_last_name = forms.CharField(label="Efternamn", max_length=150)
    office_email = forms.EmailField(label="E-post", required=False)
    office_password = forms.CharField(
        label="Första lösenord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minst 12 tecken. Lämna över det på ett säkert sätt, inte i e-post.",
    )

    def office(self) -> dict:
        data = self.cleaned_data
        return {
            "username": data["office_username"],
            "first_name": data["office_first_name"],
            "last_name": data["office_last_name"],
            "email": data["office_email"],
        }


class MemberRowForm(OrganisationNumberMixin, StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Slag", choices=MemberKind.choices, required=False)
    name = forms.CharField(label="Namn", max_length=200, required=False)
    organisation_number = forms.CharField(
        label="Organisationsnummer", max_length=13, required=False
    )
    share_percent = forms.DecimalField(
        label="Andel (%)",
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=6,
        decimal_places=3,
        localize=True,
        required=False,
        error_messages=SHARE_ERRORS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Välj"), *MemberKind.choices]  # type: ignore[attr-defined]
        self.fields["share_percent"].widget.attrs["inputmode"] = "decimal"

    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("name") or self.cleaned_data.get("kind"))

    def clean(self):
        cleaned = super().clean() or {}
        if self.is_blank():
            return cleaned
        if not cleaned.get("kind"):
            self.add_error("kind", "Välj slag av medlem.")
        if not cleaned.get("name"):
            self.add_error("name", "Skriv medlemmens namn.")
        if cleaned.get("share_percent") is None and "share_percent" not in self.errors:
            self.add_error("share_percent", "Ange medlemmens andel, t.ex. 3,125.")
        return cleaned


class BaseMemberRowFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        # Every row is cleaned, also one left as it was offered (Försäkringskassan's 50 %):
        # an empty row is recognised by the form itself.
        return {**super().get_form_kwargs(index), "empty_permitted": False}

    def members(self) -> list[NewMember]:
        return [
            NewMember(
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"].strip(),
                share_percent=form.cleaned_data["share_percent"],
                organisation_number=form.cleaned_data["organisation_number"],
            )
            for form in self.forms
            if not form.is_blank()
        ]


MemberRowFormSet = cast(
    type[BaseMemberRowFormSet],
    forms.formset_factory(MemberRowForm, formset=BaseMemberRowFormSet, extra=0),
)
