"""Forms of the reports from the insatser. They only clean input; `reports` holds the rules."""

import datetime
from collections.abc import Iterator, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.core.forms import DateInput, StyledFormMixin
from samordna.interventions.models import (
    ApplicationGoal,
    Fulfilment,
    Report,
    ReportGoal,
    ReportKind,
)
from samordna.interventions.services.reports import GoalReport, approval_clause

NO_PARTICIPANTS = (
    "Skriv om insatsen, inte om enskilda deltagare: inga namn och inga beskrivningar av "
    "personer. Antalet deltagare redovisas i uppföljningen."
)


class HandInMixin:
    """A field that must be filled in to hand the report in, but not to save a draft:
    it is drawn as required, and `reports.report_submit` names what is missing."""

    def validate(self, value: Any) -> None:
        if value in self.empty_values:  # type: ignore[attr-defined]
            return
        super().validate(value)  # type: ignore[misc]


class HandInCharField(HandInMixin, forms.CharField):
    pass


class HandInChoiceField(HandInMixin, forms.ChoiceField):
    pass


class ReportForm(StyledFormMixin, forms.Form):
    """The delrapport (results, nulägesanalys, a forecast per goal) or the slutrapport
    (results, goal fulfilment and a comment per goal)."""

    # Drafts may leave fields empty: the browser must not stop "Spara utkast".
    use_required_attribute = False

    version = forms.IntegerField(widget=forms.HiddenInput)
    results = HandInCharField(
        label="Resultat",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Vad insatsen har gjort och uppnått under perioden.",
    )

    def __init__(self, *args: Any, report: Report, goals: Sequence[ApplicationGoal], **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.goals = list(goals)
        self.final = report.kind == ReportKind.FINAL
        rows: dict[int, ReportGoal] = {row.goal_id: row for row in report.goals.all()}
        self.initial.update({"version": report.version, "results": report.results})
        if not self.final:
            self.fields["analysis"] = HandInCharField(
                label="Nulägesanalys",
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text="Hur insatsen står i dag: vad går bra, vad är svårt, vad ändras.",
            )
            self.initial["analysis"] = report.analysis
        for number, goal in enumerate(self.goals, start=1):
            row = rows.get(goal.pk)
            if self.final:
                self.fields[f"goal_{goal.pk}_fulfilment"] = HandInChoiceField(
                    label=f"Måluppfyllelse, mål {number}",
                    choices=[("", "Välj"), *Fulfilment.choices],
                    initial=row.fulfilment if row else "",
                )
                self.fields[f"goal_{goal.pk}_comment"] = forms.CharField(
                    label=f"Kommentar, mål {number}",
                    max_length=1000,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    initial=row.comment if row else "",
                )
            else:
                self.fields[f"goal_{goal.pk}_forecast"] = HandInCharField(
                    label=f"Prognos, mål {number}",
                    max_length=500,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text="Når insatsen målet till periodens slut? Varför, eller varför inte?",
                    initial=row.forecast if row else "",
                )
        self.apply_styles()

    def _goal_fields(self, goal: ApplicationGoal) -> list[str]:
        suffixes = ("fulfilment", "comment") if self.final else ("forecast",)
        return [f"goal_{goal.pk}_{suffix}" for suffix in suffixes]

    def goal_groups(self) -> Iterator[tuple[ApplicationGoal, list[forms.BoundField]]]:
        """The bound fields of each goal, for a fieldset per goal."""
        for goal in self.goals:
            yield goal, [self[name] for name in self._goal_fields(goal)]

    def service_input(self) -> dict[str, Any]:
        """The keyword arguments `report_save` and `report_hand_in` take from the form."""
        data = self.cleaned_data
        return {
            "version": data["version"],
            "results": data["results"],
            "analysis": data.get("analysis", ""),
            "goals": [
                GoalReport(
                    goal.pk,
                    forecast=data.get(f"goal_{goal.pk}_forecast", ""),
                    fulfilment=data.get(f"goal_{goal.pk}_fulfilment", ""),
                    comment=data.get(f"goal_{goal.pk}_comment", ""),
                )
                for goal in self.goals
            ],
        }

    def placed(self, error: ValidationError) -> ValidationError:
        """The service's error with each goal's problem at that goal's first field."""
        if not hasattr(error, "error_dict"):
            return error
        fields: dict[str, list[ValidationError]] = {}
        by_goal: dict[Any, str] = {goal.pk: self._goal_fields(goal)[0] for goal in self.goals}
        for name, errors in error.error_dict.items():
            for problem in errors:
                goal_id = (problem.params or {}).get("goal_id")
                field = by_goal.get(goal_id, name) if name == "goals" else name
                fields.setdefault(field, []).append(problem)
        return ValidationError(fields)


class ReturnForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label="Vad behöver kompletteras?",
        max_length=2000,
        widget=forms.Textarea,
        help_text="Texten skickas med e-post till insatsägaren.",
    )


class SignatureForm(StyledFormMixin, forms.Form):
    """A party's signature on the slutrapport, as the kansli received it."""

    party = forms.ChoiceField(label="Part")
    signed_by = forms.CharField(label="Undertecknad av", max_length=200, help_text="Namn.")
    signed_on = forms.DateField(label="Datum", widget=DateInput())

    def __init__(self, *args: Any, parties: Sequence[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [("", "Välj"), *((p, p) for p in parties)]  # type: ignore[attr-defined]
        self.fields["signed_on"].initial = timezone.localdate()
        self.apply_styles()


class RequestForm(StyledFormMixin, forms.Form):
    """The kansli asks the insats for an extra delrapport."""

    title = forms.CharField(label="Rubrik", max_length=200)
    due_on = forms.DateField(label="Lämnas senast", widget=DateInput())

    def __init__(self, *args: Any, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].initial = f"Delrapport halvår {today.year}"


class ReportChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Report) -> str:
        return f"{obj.intervention} – {obj.title} (att-sats: {approval_clause(obj)})"


class ApprovalForm(StyledFormMixin, forms.Form):
    """Which handed-in report the board approves in the §."""

    report = ReportChoiceField(
        label="Rapport som styrelsen godkänner",
        queryset=Report.objects.none(),
        widget=forms.RadioSelect(attrs={"class": "radio-button__input"}),
        empty_label=None,
        error_messages={"required": "Välj en rapport."},
    )
    write_text = forms.BooleanField(
        label="Skriv att-satsen i paragrafen",
        required=False,
        initial=True,
        help_text="Att-satsen läggs till sist i paragrafens beslut.",
    )

    def __init__(self, *args: Any, reports: Any, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = reports  # type: ignore[attr-defined]
        self.apply_styles()
