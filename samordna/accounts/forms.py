from django import forms
from django.contrib.auth.forms import AuthenticationForm

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.core.forms import ServiceModelForm, StyledFormMixin

ASSOCIATION_ROLES = [(value, label) for value, label in Role.choices if value != Role.NATIONAL]


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
