"""Forms of the indicator surveys. They only clean input; the rules are in `surveys`."""

import re
from typing import Any

from django import forms

from samordna.associations.models import Association
from samordna.core.forms import DateInput, ServiceModelForm, StyledFormMixin
from samordna.followup.models import Questionnaire, ScaleStep, Statement, SurveyRound
from samordna.followup.services.surveys import KEY_LENGTH, StepInput
from samordna.interventions.models import Intervention

STEP_LINE = re.compile(r"^\s*(\d{1,3})\s*[.:)–-]?\s*(.+?)\s*$")
MIN_YEAR, MAX_YEAR = 2000, 2100


class ScaleForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Namn", max_length=100, help_text="T.ex. Fyrgradig skala.")
    steps = forms.CharField(
        label="Steg",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Ett steg per rad: värdet och texten, t.ex. ”1 Stämmer inte alls”.",
    )
    agreeing = forms.CharField(
        label="Steg som räknas som att man instämmer",
        max_length=100,
        help_text="Skriv stegens värden, t.ex. 3, 4.",
    )

    def clean_steps(self) -> list[tuple[int, str]]:
        steps = []
        for number, line in enumerate(self.cleaned_data["steps"].splitlines(), start=1):
            if not line.strip():
                continue
            match = STEP_LINE.match(line)
            if match is None:
                raise forms.ValidationError(
                    f"Rad {number} ska börja med stegets värde, t.ex. ”1 Stämmer inte alls”."
                )
            label = match.group(2)
            if len(label) > 100:
                raise forms.ValidationError(f"Texten på rad {number} är längre än 100 tecken.")
            steps.append((int(match.group(1)), label))
        return steps

    def clean_agreeing(self) -> set[int]:
        text = self.cleaned_data["agreeing"]
        parts = [p for p in re.split(r"[\s,;]+|och", text) if p]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError("Skriv stegens värden som siffror, t.ex. 3, 4.")
        return {int(p) for p in parts}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        steps, agreeing = cleaned.get("steps"), cleaned.get("agreeing")
        if steps is not None and agreeing:
            missing = sorted(agreeing - {value for value, _ in steps})
            if missing:
                self.add_error("agreeing", f"Det finns inget steg med värdet {missing[0]}.")
        return cleaned

    def step_inputs(self) -> list[StepInput]:
        agreeing = self.cleaned_data["agreeing"]
        return [
            StepInput(value, label, value in agreeing)
            for value, label in self.cleaned_data["steps"]
        ]


class QuestionnaireForm(ServiceModelForm):
    class Meta:
        model = Questionnaire
        fields = ["name", "audience", "scale", "introduction"]
        help_texts = {
            "name": "T.ex. Deltagare vid avslut.",
            "introduction": "Visas överst för den som svarar. Skriv enkelt och kort.",
        }

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scale"].queryset = association.scales.all()  # type: ignore[attr-defined]


class StatementForm(ServiceModelForm):
    class Meta:
        model = Statement
        fields = ["text"]
        help_texts = {"text": "T.ex. Jag har fått stöd utifrån mina behov."}


EXPECTED_HELP = (
    "Hur många som ska få enkäten. Länken tar emot så många svar och 10 % till "
    "(minst 2), så att ingen kan fylla omgången med påhittade svar."
)


class RoundForm(ServiceModelForm):
    year = forms.IntegerField(label="År", min_value=MIN_YEAR, max_value=MAX_YEAR)

    class Meta:
        model = SurveyRound
        fields = [
            "questionnaire",
            "intervention",
            "year",
            "title",
            "opens_on",
            "closes_on",
            "expected_respondents",
        ]
        labels = {"closes_on": "Sista dag att svara", "opens_on": "Öppnar"}
        help_texts = {
            "expected_respondents": EXPECTED_HELP,
            "intervention": "Välj Hela förbundet för en enkät som inte gäller en insats, "
            "t.ex. till styrelsen.",
            "title": "Visas för den som svarar. Lämna tomt för enkätens namn, insatsen och året.",
        }
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        questionnaire = self.fields["questionnaire"]
        questionnaire.queryset = association.questionnaires.all()  # type: ignore[attr-defined]
        intervention = self.fields["intervention"]
        intervention.queryset = Intervention.objects.filter(  # type: ignore[attr-defined]
            association=association
        ).order_by("name")
        intervention.empty_label = "Hela förbundet"  # type: ignore[attr-defined]
        self.fields["title"].required = False
        self.fields["expected_respondents"].required = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error(
                "closes_on", "Sista svarsdagen kan inte vara före dagen då enkäten öppnar."
            )
        return cleaned


class AnswerForm(StyledFormMixin, forms.Form):
    """One answer sheet: a group of radio buttons per statement, each optional, and the
    form's random key (see `surveys.answer_submit`)."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=KEY_LENGTH, required=False)

    def __init__(
        self,
        *args: Any,
        statements: list[Statement],
        steps: list[ScaleStep],
        skip_label: str = "Hoppa över",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(step.value, step.label) for step in steps] + [("", skip_label)]
        self.statements = statements
        for statement in statements:
            self.fields[f"statement_{statement.pk}"] = forms.TypedChoiceField(
                label=statement.text,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "radio-button__input"}),
                error_messages={"invalid_choice": "Välj ett av svaren."},
            )
        self.apply_styles()

    def statement_fields(self) -> list[forms.BoundField]:
        return [self[f"statement_{statement.pk}"] for statement in self.statements]

    def answers(self) -> dict[int, int | None]:
        return {
            statement.pk: self.cleaned_data.get(f"statement_{statement.pk}")
            for statement in self.statements
        }


class ResultsFilterForm(StyledFormMixin, forms.Form):
    """Which results to show: a year, and if wished one insats and one questionnaire."""

    ar = forms.TypedChoiceField(label="År", coerce=int)
    insats = forms.ModelChoiceField(
        label="Insats", queryset=Intervention.objects.none(), required=False
    )
    enkat = forms.ModelChoiceField(
        label="Enkät", queryset=Questionnaire.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        years: list[int],
        interventions: Any,
        questionnaires: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [(year, str(year)) for year in years]  # type: ignore[attr-defined]
        insats = self.fields["insats"]
        insats.queryset = interventions  # type: ignore[attr-defined]
        insats.empty_label = "Alla insatser"  # type: ignore[attr-defined]
        enkat = self.fields["enkat"]
        enkat.queryset = questionnaires  # type: ignore[attr-defined]
        enkat.empty_label = "Alla enkäter"  # type: ignore[attr-defined]


class ExpectedRespondentsForm(ServiceModelForm):
    class Meta:
        model = SurveyRound
        fields = ["expected_respondents"]
        help_texts = {"expected_respondents": EXPECTED_HELP}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expected_respondents"].required = True
