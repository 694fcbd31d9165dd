import datetime

from django import forms

from samordna.associations.models import Association
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, KronorField, StyledFormMixin
from samordna.finance.models import BudgetLine, LineGroup
from samordna.ledger.models import Treatment
from samordna.ledger.selectors import Preview
from samordna.meetings.models import AgendaItem


class UploadForm(StyledFormMixin, forms.Form):
    year = forms.TypedChoiceField(label="Budgetår", coerce=int)
    file = forms.FileField(
        label="Fil från bokföringen",
        help_text="SIE 4-fil (.se) från ekonomitjänstens bokföringsprogram, eller en CSV- eller "
        "Excel-fil med kolumnerna datum, konto, belopp, text och verifikation.",
        error_messages={"required": "Välj en fil att ladda upp."},
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [(year, str(year)) for year in years]
        year_field.error_messages["invalid_choice"] = "Välj ett år som har en budget."


def line_choices(lines: list[BudgetLine]) -> list:
    groups: dict[str, list[tuple[str, str]]] = {}
    labels = dict(LineGroup.choices)
    for line in lines:
        groups.setdefault(labels.get(line.group, line.group), []).append(
            (f"line:{line.pk}", line.name)
        )
    return [
        ("", "Välj"),
        *[(label, options) for label, options in groups.items()],
        (
            "Räknas inte",
            [(Treatment.NOT_COUNTED, "Räknas inte"), (Treatment.INSATS, Treatment.INSATS.label)],
        ),
    ]


class MappingForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """A select per result account: a line of the year's budget, or not counted; versioned by
    the förbund's remembered mappings, so that two people mapping at once cannot overwrite
    each other unseen."""

    def __init__(self, *args, preview: Preview, **kwargs):
        super().__init__(*args, **kwargs)
        choices = line_choices(preview.lines)
        self.rows = preview.accounts
        if preview.must_confirm:
            self.fields["bekrafta"] = forms.BooleanField(
                label="Jag har läst varningarna och vill importera filen ändå",
                required=False,
            )
        for row in preview.accounts:
            self.fields[row.field_name] = forms.ChoiceField(
                label=f"{row.account} {row.name}".strip(),
                choices=choices,
                required=False,
                initial=row.choice,
            )
            self.fields[row.field_name].widget.attrs["aria-required"] = "true"
        self.apply_styles()

    def choices(self) -> dict[int, str]:
        return {
            int(name.removeprefix("konto_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("konto_")
        }

    def confirmed(self) -> bool:
        return bool(self.cleaned_data.get("bekrafta"))

    def bound_rows(self) -> list:
        return [(row, self[row.field_name]) for row in self.rows]


class ForecastForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    amount = KronorField(
        label="Prognos för helåret (kr)",
        error_messages={"required": "Skriv prognosen för hela året i kronor."},
    )
    as_of = forms.DateField(label="Prognosdatum", widget=DateInput)
    comment = forms.CharField(
        label="Kommentar",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Varför prognosen avviker, till exempel att en insats inte använder alla "
        "sina medel.",
        error_messages={"required": "Skriv varför prognosen ser ut så här."},
    )


def open_items(association: Association) -> forms.ModelChoiceField:
    queryset = (
        AgendaItem.objects.filter(
            meeting__association=association, meeting__approved_minutes__isnull=True
        )
        .select_related("meeting")
        .order_by("meeting__date", "position")
    )
    field = forms.ModelChoiceField(
        queryset=queryset,
        label="Punkt på dagordningen",
        empty_label="Välj",
        error_messages={
            "required": "Välj den punkt bilagan hör till.",
            "invalid_choice": "Välj en punkt på ett sammanträde vars protokoll inte är justerat.",
        },
    )
    field.label_from_instance = lambda item: (  # type: ignore[method-assign,assignment]
        f"{item.meeting.date:%Y-%m-%d}: {item.position}. {item.title}"
    )
    return field


class AttachForm(StyledFormMixin, forms.Form):
    date = forms.DateField(label="Uppföljning per", widget=DateInput)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"] = open_items(association)
        self.apply_styles()

    def clean_date(self) -> datetime.date:
        return self.cleaned_data["date"]
