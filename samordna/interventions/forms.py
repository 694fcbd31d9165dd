"""Forms of applications and their beredning. They only clean input; the rules that span
records (the form's rules on submit, optimistic locking) are in the services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.accounts.models import Role, User
from samordna.associations.models import Association, Member
from samordna.associations.selectors import members_in_order
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import (
    DateInput,
    KronorField,
    ServiceModelForm,
    StyledFormMixin,
    attach_errors,
)
from samordna.core.text import swedish_sorted
from samordna.interventions.models import (
    Application,
    ApplicationKind,
    AssessmentCriterion,
    CostType,
    GrantSettings,
    Intervention,
    Verdict,
)
from samordna.interventions.rules import REQUIRED, REQUIRED_ON_FORM
from samordna.interventions.selectors import BudgetTable, budget_table
from samordna.interventions.services import BudgetCell, GoalInput, PartyInput
from samordna.interventions.widgets import QuickSelect


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Member) -> str:
        return obj.name


class ApplicationCreateForm(StyledFormMixin, forms.Form):
    """What a new application is: for which member (the kansli entering a paper one), new or
    continuing an earlier insats."""

    member = MemberChoiceField(
        label="Ansvarig part (medlem)", queryset=Member.objects.none(), required=False
    )
    kind = forms.ChoiceField(label="Slag av ansökan", choices=ApplicationKind.choices)
    intervention = forms.ModelChoiceField(
        label="Insats som ansökan fortsätter",
        queryset=Intervention.objects.none(),
        required=False,
        help_text="Bara för en förlängning eller en tilläggsansökan.",
    )

    def __init__(self, *args: Any, association: Association, user: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        interventions = Intervention.objects.filter(association=association, closed_on=None)
        if user.role == Role.APPLICANT:
            del self.fields["member"]
            interventions = interventions.filter(owner_id=user.member_id)
        else:
            self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]
            self.fields["member"].required = True
            self.fields[
                "member"
            ].help_text = "Ansökan registreras av kansliet, t.ex. när den kommit på papper."
        self.fields["intervention"].queryset = interventions.order_by("name")  # type: ignore[attr-defined]
        self.apply_styles()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind, intervention = cleaned.get("kind"), cleaned.get("intervention")
        if kind and kind != ApplicationKind.NEW and intervention is None:
            self.add_error("intervention", "Välj vilken insats ansökan fortsätter.")
        if kind == ApplicationKind.NEW and intervention is not None:
            self.add_error("intervention", "En ny insats fortsätter ingen tidigare insats.")
        member = cleaned.get("member")
        if member and intervention and intervention.owner_id != member.pk:
            self.add_error("intervention", "Insatsen hör till en annan medlem.")
        return cleaned


# The big form: the application in sections, its parties, goals and budget.

SECTIONS = [
    (
        "Ansvarig part (stödmottagare)",
        [
            "organisation_name",
            "unit",
            "organisation_number",
            "signatory",
            "signatory_title",
            "contact_name",
            "contact_phone",
            "contact_email",
            "postal_address",
            "postal_code",
            "city",
            "bankgiro",
            "plusgiro",
        ],
    ),
    ("Insatsen", ["name", "starts_on", "ends_on", "direction", "esf", "summary"]),
    (
        "Beskrivning",
        [
            "background",
            "purpose",
            "target_group",
            "what_is_new",
            "implementation",
            "gender_equality",
        ],
    ),
    (
        "Utvärdering och förväntat resultat",
        ["evaluation", "expected_results_parties", "expected_results_individuals"],
    ),
]
APPLICATION_FIELDS = [name for _, names in SECTIONS for name in names]


class ApplicationForm(ServiceModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    version_in_cleaned_data = True

    class Meta:
        model = Application
        fields = APPLICATION_FIELDS
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {
            "organisation_number": "Tio siffror, t.ex. 212000-2411.",
            "bankgiro": "T.ex. 5050-1055. Lämna tomt om utbetalning sker mot faktura.",
            "plusgiro": "T.ex. 90 20 00-9.",
            "signatory": "Den som får skriva under avtal för organisationen.",
            "summary": "Några meningar om vad insatsen gör och för vem.",
            "target_group": "Beskriv gruppen, inte enskilda personer.",
            "what_is_new": "Vad insatsen tillför utöver parternas ordinarie verksamhet.",
            "esf": "Europeiska socialfonden.",
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        # Every field may be left empty in a draft; what a submission needs is checked then,
        # and marked so here (for screen readers too), without the "(frivilligt)" of the rest.
        needed = {name for name, _ in REQUIRED + REQUIRED_ON_FORM}
        for name in APPLICATION_FIELDS:
            self.fields[name].required = False
            if name in needed:
                self.fields[name].widget.attrs["aria-required"] = "true"

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]


class PartyForm(StyledFormMixin, forms.Form):
    member = MemberChoiceField(label="Medlem", queryset=Member.objects.none())
    organisation_name = forms.CharField(label="Organisationens namn", max_length=200)
    unit = forms.CharField(label="Enhet eller arbetsställe", max_length=200, required=False)
    signatory = forms.CharField(label="Behörig att teckna avtal", max_length=200, required=False)
    contact_name = forms.CharField(label="Kontaktperson", max_length=200, required=False)
    contact_phone = forms.CharField(label="Telefon", max_length=40, required=False)
    contact_email = forms.EmailField(label="E-post", required=False)

    def __init__(self, *args: Any, members: list[Member], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(pk__in=[m.pk for m in members])  # type: ignore[attr-defined]
        self.fields["member"].choices = [("", "Välj")] + [(m.pk, m.name) for m in members]  # type: ignore[attr-defined]


class GoalForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label="Mål", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    indicator = forms.CharField(
        label="Indikator (hur målet mäts)",
        max_length=1000,
        required=False,
        help_text="T.ex. Mäts i Uppföljning Finsam, eller med indikatorenkäten.",
    )


class RowsFormSet(forms.BaseFormSet):
    """Parties or goals: empty rows are left out, a row marked for removal too."""

    def rows(self) -> list[dict[str, Any]]:
        return [
            {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
            for form in self.forms
            if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


PartyFormSet = forms.formset_factory(PartyForm, formset=RowsFormSet, extra=1, can_delete=True)
GoalFormSet = forms.formset_factory(GoalForm, formset=RowsFormSet, extra=2, can_delete=True)


class BudgetForm(StyledFormMixin, forms.Form):
    """The budget table: an amount per cost type and year, and what "övriga" are."""

    def __init__(self, *args: Any, years: list[int], table: BudgetTable, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.years = years
        for row in table.rows:
            existing = dict(zip(table.years, row.amounts, strict=True))
            for year in years:
                self.fields[self.amount_name(row.cost_type, year)] = KronorField(
                    label=f"{row.label} {year}", required=False, initial=existing.get(year)
                )
            specification = next((s for s in row.specifications if s), "")
            self.fields[f"spec_{row.cost_type}"] = forms.CharField(
                label=f"Specifikation av {row.label.lower()}",
                max_length=200,
                required=False,
                initial=specification,
            )
        self.apply_styles()
        for name, field in self.fields.items():
            if name.startswith("amount_"):
                field.widget.attrs["class"] += " budget-amount"

    @staticmethod
    def amount_name(cost_type: str, year: int) -> str:
        return f"amount_{cost_type}_{year}"

    def cells(self) -> list[BudgetCell]:
        data = self.cleaned_data
        return [
            BudgetCell(
                cost_type.value,
                year,
                data.get(self.amount_name(cost_type.value, year)),
                data.get(f"spec_{cost_type.value}", "") or "",
            )
            for cost_type in CostType
            for year in self.years
        ]

    def table_rows(self) -> list[dict[str, Any]]:
        """The rows as the template draws them: label, one input per year, the row's sum."""
        rows = []
        for cost_type in CostType:
            inputs = [self[self.amount_name(cost_type.value, year)] for year in self.years]
            rows.append(
                {
                    "label": cost_type.label,
                    "cost_type": cost_type.value,
                    "inputs": inputs,
                    "total": sum(self._value(field) for field in inputs),
                    "specification": self[f"spec_{cost_type.value}"],
                }
            )
        return rows

    def totals(self) -> list[int]:
        return [
            sum(self._value(self[self.amount_name(c.value, year)]) for c in CostType)
            for year in self.years
        ]

    def grand_total(self) -> int:
        return sum(self.totals())

    def _value(self, bound: forms.BoundField) -> int:
        """The amount as typed (0 when empty or not yet a valid amount), for the sums."""
        try:
            value = bound.field.clean(bound.value())
        except ValidationError:
            return 0
        return value or 0


def budget_years(application: Application, data: Any = None) -> list[int]:
    """The years of the period (as typed, when a form is posted) and of existing lines."""
    starts, ends = application.starts_on, application.ends_on
    if data is not None:
        date_field = forms.DateField(required=False)
        try:
            starts = date_field.clean(data.get("starts_on")) or starts
            ends = date_field.clean(data.get("ends_on")) or ends
        except ValidationError:
            pass
    years = set(application.budget_lines.values_list("year", flat=True))
    if starts and ends and starts <= ends and ends.year - starts.year < 10:
        years |= set(range(starts.year, ends.year + 1))
    elif starts:
        years.add(starts.year)
    return sorted(years) or [timezone.localdate().year + 1]


class ApplicationForms:
    """The application, its parties, goals and budget as one form on one page."""

    def __init__(self, data: Any, *, application: Application, members: list[Member]):
        self.application = application
        self.main = ApplicationForm(data, instance=application)
        parties = [
            {
                "member": p.member_id,
                "organisation_name": p.organisation_name,
                "unit": p.unit,
                "signatory": p.signatory,
                "contact_name": p.contact_name,
                "contact_phone": p.contact_phone,
                "contact_email": p.contact_email,
            }
            for p in application.parties.all()
        ]
        self.parties: RowsFormSet = PartyFormSet(  # type: ignore[assignment]
            data, prefix="parter", initial=parties, form_kwargs={"members": members}
        )
        goals = [{"text": g.text, "indicator": g.indicator} for g in application.goals.all()]
        self.goals: RowsFormSet = GoalFormSet(data, prefix="mal", initial=goals)  # type: ignore[assignment]
        years = budget_years(application, data)
        table = budget_table(years, application.budget_lines.all())
        self.budget = BudgetForm(data, years=years, table=table, prefix="budget")

    def is_valid(self) -> bool:
        return all(
            [
                self.main.is_valid(),
                self.parties.is_valid(),
                self.goals.is_valid(),
                self.budget.is_valid(),
            ]
        )

    @property
    def version(self) -> int:
        return self.main.cleaned_data["version"]

    def fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.main.cleaned_data.items() if k != "version"}

    def party_inputs(self) -> list[PartyInput]:
        return [PartyInput(**row) for row in self.parties.rows()]

    def goal_inputs(self) -> list[GoalInput]:
        return [GoalInput(row["text"], row.get("indicator", "")) for row in self.goals.rows()]

    def attach(self, error: ValidationError) -> None:
        """Put each problem where the applicant can act on it."""
        if not hasattr(error, "error_dict"):
            self.main.add_error(None, error.messages)
            return
        for field, messages in error.message_dict.items():
            if field == "parties":
                self.parties._non_form_errors = self.parties.error_class(messages)  # type: ignore[attr-defined]
            elif field == "goals":
                self.goals._non_form_errors = self.goals.error_class(messages)  # type: ignore[attr-defined]
            elif field == "budget":
                self.budget.add_error(None, messages)
            else:
                attach_errors(self.main, ValidationError({field: messages}))

    @property
    def has_errors(self) -> bool:
        return bool(
            self.main.errors
            or self.parties.total_error_count()
            or self.goals.total_error_count()
            or self.budget.errors
        )


class AttachmentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Rubrik", max_length=300)
    file = forms.FileField(label="Fil", help_text="PDF eller Word (.pdf, .docx), högst 20 MB.")


class CommentForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label="Kommentar", widget=forms.Textarea)


class AssessmentForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """A verdict and a motivation per criterion of the förbund's checklist."""

    def __init__(
        self,
        *args: Any,
        criteria: list[AssessmentCriterion],
        current: dict[int, tuple[str, str]],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            verdict, comment = current.get(criterion.pk, ("", ""))
            self.fields[f"verdict_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text,
                choices=[("", "Inte bedömt"), *Verdict.choices],
                required=False,
                initial=verdict,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=f"Motivering: {criterion.text}",
                max_length=500,
                required=False,
                initial=comment,
            )
        self.apply_styles()

    def verdicts(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (
                self.cleaned_data.get(f"verdict_{c.pk}", ""),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }


class OpinionForm(StyledFormMixin, forms.Form):
    officer_opinion = forms.CharField(
        label="Tjänsteutlåtande",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Beredningens bedömning av ansökan mot förbundets kriterier.",
    )
    recommendation = forms.ChoiceField(
        label="Förslag till beslut",
        choices=[
            ("", "Välj"),
            ("granted", "Bevilja"),
            ("partly", "Bevilja delvis"),
            ("refused", "Avslå"),
        ],
    )
    presenter = forms.CharField(
        label="Inbjuden att presentera ansökan för styrelsen",
        max_length=200,
        required=False,
        help_text="Namn på den som föredrar ansökan muntligt, om någon bjuds in.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaForm(StyledFormMixin, forms.Form):
    meeting = forms.ChoiceField(label="Sammanträde")
    presenter = forms.CharField(
        label="Föredragande",
        max_length=200,
        required=False,
        help_text="Den som presenterar ansökan; den sökande får en inbjudan per e-post.",
    )

    def __init__(self, *args: Any, meetings: list, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        self.fields["meeting"].choices = [("", "Välj")] + [  # type: ignore[attr-defined]
            (str(m.pk), f"{m.date:%Y-%m-%d} kl. {m.starts_at:%H.%M}, {m.place}") for m in meetings
        ]
        self.apply_styles()


class CriterionAddForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label="Kriterium",
        max_length=300,
        help_text="T.ex. Minst två av förbundets medlemmar samverkar i insatsen.",
    )


class CriterionForm(ServiceModelForm):
    class Meta:
        model = AssessmentCriterion
        fields = ["text", "active"]


class PreparationGroupForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    users = forms.MultipleChoiceField(
        label="Beredningsgruppen",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="De som läser, kommenterar och bedömer inkomna ansökningar.",
    )

    def __init__(self, *args: Any, users: list[User], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.by_pk = {str(u.pk): u for u in users}
        self.fields["users"].choices = [  # type: ignore[attr-defined]
            (str(u.pk), f"{u.get_full_name() or u.username} ({u.get_role_display().lower()})")
            for u in swedish_sorted(users, key=lambda u: u.last_name + " " + u.first_name)
        ]
        self.apply_styles()

    def chosen(self) -> list[User]:
        return [self.by_pk[pk] for pk in self.cleaned_data["users"]]


class InterventionForm(ServiceModelForm):
    """An insats that was running before the förbund used Samordna."""

    owner = MemberChoiceField(label="Insatsägare", queryset=Member.objects.none())

    class Meta:
        model = Intervention
        fields = ["name", "owner", "owner_unit", "direction", "esf", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {"ends_on": "Lämna tomt om insatsen pågår tills vidare."}

    def __init__(self, *args: Any, association: Association, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = association.members.all()  # type: ignore[attr-defined]
        self.fields["owner"].choices = [("", "Välj")] + [  # type: ignore[attr-defined]
            (m.pk, m.name) for m in members_in_order(association)
        ]


class GrantSettingsForm(ServiceModelForm):
    class Meta:
        model = GrantSettings
        fields = [
            "goal_target_percent",
            "goal_reached_percent",
            "yearly_report_due",
            "final_report_days",
            "reminder_days",
        ]
        widgets = {"yearly_report_due": DateInput()}


class RegisterFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label="Status", required=False, widget=QuickSelect)

    def __init__(self, *args: Any, statuses: tuple[str, ...], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Alla")] + [(s, s) for s in statuses]  # type: ignore[attr-defined]
        self.apply_styles()
