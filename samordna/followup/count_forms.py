"""Forms of the participant counts. They only clean input; `services` and `imports` hold the
rules. `count_layout` lays the counts out as the paper form does, for the form and for the
read view alike."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict

from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import ServiceModelForm, StyledFormMixin
from samordna.followup.counts import (
    AGE_BANDS,
    COUNT_FIELDS,
    COUNT_NAMES,
    DESTINATIONS,
    GENDERS,
    INCOMES,
    STOCK_LABELS,
    STOCKS,
    STRUCTURAL,
)
from samordna.followup.models import FollowupSettings, ReportingPeriod
from samordna.followup.suppression import suppress_table, suppress_value

NOT_A_COUNT = "Skriv ett heltal, 0 eller mer."
MAX_COUNT = 100_000
TOO_LARGE = "Antalet är orimligt stort; högst 100 000."
LABELS = {f.name: f.label for f in COUNT_FIELDS}
STRUCTURAL_NAMES = [name for name, _ in STRUCTURAL]


def collapsed_names(structural: bool) -> list[str]:
    """The counts an insats of this direction does not usually have: the page shows them
    folded away."""
    return [name for name in COUNT_NAMES if (name in STRUCTURAL_NAMES) != structural]


class CountField(forms.IntegerField):
    """A whole number of people, 0 or more; an empty box counts as 0."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(
            min_value=0,
            max_value=MAX_COUNT,
            error_messages={
                "invalid": NOT_A_COUNT,
                "min_value": NOT_A_COUNT,
                "max_value": TOO_LARGE,
            },
            **kwargs,
        )


# Layout


@dataclass
class Box:
    """One count: its value (None when hidden) and, in the form, its input."""

    name: str
    label: str  # the whole label, e.g. "Nya deltagare under perioden, kvinnor"
    short: str  # what the column shows, e.g. "kvinnor"
    value: int | None
    field: forms.BoundField | None = None

    @property
    def prefix(self) -> str:
        """What the label says before the column's words, for screen readers."""
        if self.label == self.short or not self.label.endswith(self.short):
            return ""
        return self.label[: -len(self.short)]


@dataclass
class Line:
    heading: str
    boxes: list[Box]
    total: int | None
    pad: int = 0  # empty cells after the boxes, so the rows of a table line up
    summed: bool = True


@dataclass
class Group:
    code: str
    legend: str
    lines: list[Line]
    note: str = ""


@dataclass
class CountLayout:
    stocks: list[Group]
    destinations: Group
    incomes: Group
    structural: Group


def _line(
    heading: str,
    names: list[tuple[str, str]],
    values: Mapping[str, int],
    threshold: int | None,
    form: forms.Form | None,
    pad: int = 0,
) -> Line:
    raw = [values.get(name, 0) or 0 for name, _ in names]
    shown: list[int | None] = list(raw)
    total: int | None = sum(raw)
    if threshold is not None:
        table = suppress_table([raw], threshold=threshold)
        shown, total = [cell.value for cell in table.rows[0]], table.total.value
    boxes = [
        Box(name, LABELS.get(name, short), short, value, form[name] if form else None)
        for (name, short), value in zip(names, shown, strict=True)
    ]
    return Line(heading, boxes, total, pad)


# What readers outside the kansli see instead of the four stocks. Participants at the end
# are those at the start, plus the new, less the ended: with all four shown, a hidden count
# could be worked out from the other three. Those present during the period and the ended
# are not bound like that.
PRESENT = ("present", "Deltagare under perioden (vid början och nya)")


def count_layout(
    values: Mapping[str, int], *, threshold: int | None = None, form: forms.Form | None = None
) -> CountLayout:
    """The counts as the paper form has them, with `form` each with its input. With
    `threshold`, small counts are hidden: each split on its own with its total, and in place
    of the four stocks those present during the period and the ended."""
    stock_kinds = list(STOCKS)
    if threshold is not None:
        values = dict(values)
        for code in [c for c, _ in GENDERS] + [f"age_{c}" for c, _ in AGE_BANDS]:
            values[f"present_{code}"] = values[f"start_{code}"] + values[f"new_{code}"]
        stock_kinds = [PRESENT, ("ended", STOCK_LABELS["ended"])]
    width = max(len(GENDERS), len(AGE_BANDS))
    stocks = []
    for stock, label in stock_kinds:
        genders = [(f"{stock}_{code}", short) for code, short in GENDERS]
        ages = [(f"{stock}_age_{code}", short) for code, short in AGE_BANDS]
        lines = [
            _line("Kön", genders, values, threshold, form, width - len(genders)),
            _line("Ålder", ages, values, threshold, form, width - len(ages)),
        ]
        stocks.append(Group(stock, label, lines))
    destinations = [(f"ended_to_{code}", label) for code, label in DESTINATIONS]
    incomes = [(f"income_{code}", label) for code, label in INCOMES]
    layout = CountLayout(
        stocks=stocks,
        destinations=Group(
            "ended_to",
            "Avslutade fördelade på vart de gick",
            [_line("Vart de gick", destinations, values, threshold, form)],
            note="Lika många som avslutade under perioden.",
        ),
        incomes=Group(
            "income",
            "Nya deltagare: försörjning vid start",
            [_line("Försörjning", incomes, values, threshold, form)],
            note="Lika många som nya deltagare under perioden.",
        ),
        structural=Group("structural", "Strukturövergripande arbete", []),
    )
    boxes = []
    for name, label in STRUCTURAL:
        value = values.get(name, 0) or 0
        shown = suppress_value(value, threshold).value if threshold is not None else value
        boxes.append(Box(name, label, label, shown, form[name] if form else None))
    layout.structural.lines = [Line("Antal", boxes, None, summed=False)]
    # A total several tables share is hidden in all of them if it is hidden in one.
    for shared in (stocks[0].lines, [*stocks[-1].lines, *layout.destinations.lines]):
        if threshold is not None and any(line.total is None for line in shared):
            for line in shared:
                line.total = None
    return layout


# Forms


class CountsForm(StyledFormMixin, forms.Form):
    """Every count of one insats in one period, and the version the page was read at."""

    use_required_attribute = False
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        values: Mapping[str, int],
        version: int,
        structural: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.structural = structural
        for count in COUNT_FIELDS:
            self.fields[count.name] = CountField(label=count.label)
        self.initial.update({"version": version, **values})
        self.apply_styles()

    def values(self) -> dict[str, int]:
        return {name: self.cleaned_data.get(name) or 0 for name in COUNT_NAMES}

    def shown_values(self) -> dict[str, int]:
        """The counts as typed (what cannot be read counts as 0), for the sums on the page."""
        if not self.is_bound:
            return {name: self.initial.get(name) or 0 for name in COUNT_NAMES}
        shown = {}
        for name in COUNT_NAMES:
            text = str(self.data.get(name, "")).strip()
            shown[name] = int(text) if text.isdigit() else 0
        return shown

    def keep_version(self, version: int) -> None:
        """The counts were saved though not sent: the page goes on from the new version."""
        data = QueryDict(mutable=True)
        data.update(self.data)
        data["version"] = str(version)
        self.data = data

    def layout(self) -> CountLayout:
        return count_layout(self.shown_values(), form=self)

    def rest_open(self) -> bool:
        """Whether the folded-away counts start open: they hold a number or an error."""
        values = self.shown_values()
        return any(values[n] or self[n].errors for n in collapsed_names(self.structural))


class ReopenForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label="Skäl",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Vad som ska rättas. Skälet sparas och visas med siffrorna. Skriv om "
        "siffrorna, inte om någon deltagare.",
        error_messages={"required": "Skriv varför siffrorna öppnas igen."},
    )


class PlannedForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    planned = CountField(
        label="Planerat antal deltagare",
        help_text="Hur många deltagare insatsen planerar för under året. Lämna tomt för att ta "
        "bort uppgiften.",
    )


class SettingsForm(ServiceModelForm):
    suppression_threshold = forms.IntegerField(
        label="Dölj antal under",
        min_value=2,
        max_value=20,
        help_text="Antal från 1 upp till gränsen visas inte utanför kansliet, så att ingen kan "
        "pekas ut. Vanligt är 5.",
        error_messages={
            "invalid": "Skriv ett heltal mellan 2 och 20.",
            "min_value": "Skriv ett heltal mellan 2 och 20.",
            "max_value": "Skriv ett heltal mellan 2 och 20.",
            "required": "Skriv ett heltal mellan 2 och 20.",
        },
    )

    class Meta:
        model = FollowupSettings
        fields = ["period_kind", "suppression_threshold", "share_nationally"]
        help_texts = {
            "period_kind": "Gäller år som ännu inte har några siffror. År med siffror behåller "
            "sina perioder.",
        }


class ImportForm(StyledFormMixin, forms.Form):
    """A file of a period's counts. The periods are named by `ReportingPeriod.key`: this
    year's may not be saved yet (the upload saves them)."""

    period = forms.ChoiceField(
        label="Period",
        error_messages={"required": "Välj period.", "invalid_choice": "Välj en period i listan."},
    )
    file = forms.FileField(
        label="Fil",
        help_text="CSV (semikolon- eller kommaseparerad, UTF-8 eller Windows-1252) eller Excel "
        "(xlsx). Första raden är rubrikraden.",
        error_messages={"required": "Välj en fil.", "empty": "Filen är tom."},
    )

    def __init__(self, *args: Any, periods: list[ReportingPeriod], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.periods = {period.key: period for period in periods}
        period_field = self.fields["period"]
        assert isinstance(period_field, forms.ChoiceField)
        period_field.choices = [(period.key, period.label) for period in periods]

    def clean_period(self) -> ReportingPeriod:
        return self.periods[self.cleaned_data["period"]]


class ConfirmImportForm(StyledFormMixin, forms.Form):
    approve = forms.BooleanField(
        label="Godkänn direkt",
        required=False,
        help_text="Siffrorna blir godkända och låsta. Annars blir de inskickade och väntar på "
        "kansliets godkännande.",
    )
