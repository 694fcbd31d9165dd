from django import forms

from samordna.associations.models import BoardSeat, Person, SeatKind
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, ServiceModelForm, StyledFormMixin
from samordna.meetings.models import (
    AgendaItem,
    Guest,
    Meeting,
    Paragraph,
    Presence,
    RecusalKind,
)
from samordna.meetings.services import RollCallEntry


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MeetingForm(ServiceModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "starts_at", "ends_at", "place", "note", "planned_in"]
        widgets = {"date": DateInput(), "starts_at": TimeInput(), "ends_at": TimeInput()}

    def clean(self):
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "Sammanträdet måste sluta efter att det börjat.")
        return cleaned


class AgendaItemForm(ServiceModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "presenter", "case_number"]
        help_texts = {"case_number": "T.ex. Dnr 22:13. Lämna tomt om ärendet saknar diarienummer."}


class ParagraphForm(ServiceModelForm):
    class Meta:
        model = Paragraph
        fields = [
            "number",
            "title",
            "case_number",
            "matter",
            "proposal",
            "decision",
            "reservations",
            "minutes_notes",
            "immediately_approved",
            "quorum_override",
        ]
        help_texts = {"number": "Lämna tomt för nästa nummer enligt förbundets numrering."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False


class RollCallForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """One group of fields per board seat on the meeting's day."""

    def __init__(self, *args, seats: list[BoardSeat], attendances: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = seats
        ordinary = [s for s in seats if s.kind == SeatKind.ORDINARY]
        for seat in seats:
            current = attendances.get(seat.pk)
            name = seat.person.full_name
            self.fields[f"presence_{seat.pk}"] = forms.ChoiceField(
                label=f"Närvaro: {name}",
                choices=Presence.choices,
                initial=current.presence if current else Presence.PRESENT,
            )
            if seat.kind == SeatKind.SUBSTITUTE:
                self.fields[f"serves_for_{seat.pk}"] = forms.TypedChoiceField(
                    label=f"{name} tjänstgör för",
                    choices=[("", "Ingen")] + [(s.pk, s.person.full_name) for s in ordinary],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=current.serves_for_id if current else "",
                )
            self.fields[f"from_{seat.pk}"] = forms.IntegerField(
                label=f"{name} deltog från §",
                required=False,
                min_value=1,
                initial=current.from_number if current else None,
            )
            self.fields[f"until_{seat.pk}"] = forms.IntegerField(
                label=f"{name} deltog till och med §",
                required=False,
                min_value=1,
                initial=current.until_number if current else None,
            )
            self.fields[f"note_{seat.pk}"] = forms.CharField(
                label=f"Anteckning om {name}",
                required=False,
                max_length=200,
                initial=current.note if current else "",
            )
        self.apply_styles()

    def groups(self):
        """The bound fields per seat, for the template."""
        for seat in self.seats:
            names = [n for n in self.fields if n.rsplit("_", 1)[-1] == str(seat.pk)]
            yield seat, [self[n] for n in names]

    def entries(self) -> list[RollCallEntry]:
        by_pk = {s.pk: s for s in self.seats}
        data = self.cleaned_data
        return [
            RollCallEntry(
                seat=seat,
                presence=data[f"presence_{seat.pk}"],
                serves_for=by_pk.get(data.get(f"serves_for_{seat.pk}") or 0),
                from_number=data[f"from_{seat.pk}"],
                until_number=data[f"until_{seat.pk}"],
                note=data[f"note_{seat.pk}"],
            )
            for seat in self.seats
        ]


class RecusalForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    def __init__(self, *args, seats: list[BoardSeat], current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = seats
        for seat in seats:
            self.fields[f"seat_{seat.pk}"] = forms.ChoiceField(
                label=f"Jäv: {seat.person.full_name} ({seat.title.lower()})",
                choices=[("", "Inget jäv"), *RecusalKind.choices],
                required=False,
                initial=current.get(seat.pk, ""),
            )
        self.apply_styles()

    def choices(self) -> list[tuple[BoardSeat, str | None]]:
        return [(s, self.cleaned_data[f"seat_{s.pk}"] or None) for s in self.seats]


class GuestForm(ServiceModelForm):
    class Meta:
        model = Guest
        fields = ["name", "role", "from_number", "until_number"]
        help_texts = {
            "role": "T.ex. Förbundschef/sekreterare eller Arbetsförmedlingen.",
            "from_number": "Lämna tomt om personen var med från början.",
            "until_number": "Lämna tomt om personen var med till slutet.",
        }


class AttachmentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Rubrik", max_length=300)
    item = forms.ModelChoiceField(
        label="Punkt på dagordningen", queryset=AgendaItem.objects.none(), required=False
    )
    file = forms.FileField(
        label="Fil", help_text="PDF eller Word (.pdf, .docx), högst 20 MB. Numreras Bilaga N."
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()  # type: ignore[attr-defined]
        self.apply_styles()


class SignersForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """The chair of the meeting and the justerare, among those present."""

    chair = forms.ModelChoiceField(
        label="Ordförande vid sammanträdet", queryset=Person.objects.none()
    )
    adjusters = forms.ModelMultipleChoiceField(
        label="Justerare",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Den eller de som valdes att jämte ordföranden justera protokollet.",
        error_messages={"required": "Välj minst en justerare."},
    )

    def __init__(self, *args, people: list[Person], **kwargs):
        super().__init__(*args, **kwargs)
        queryset = Person.objects.filter(pk__in=[p.pk for p in people]).order_by("last_name")
        for name in ("chair", "adjusters"):
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        self.apply_styles()


class TaskForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label="Uppdrag",
        max_length=500,
        widget=forms.Textarea,
        help_text="T.ex. att till nästa möte ta fram uppgifter om digital signering.",
    )
    responsible = forms.CharField(label="Ansvarig", max_length=200, initial="Förbundschefen")
    paragraph = forms.ModelChoiceField(
        label="Given i paragraf", queryset=Paragraph.objects.none(), required=False
    )
    due_meeting = forms.ModelChoiceField(
        label="Redovisas vid", queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = meeting.paragraphs.all()  # type: ignore[attr-defined]
        self.fields["due_meeting"].queryset = meeting.association.meetings.filter(  # type: ignore[attr-defined]
            date__gt=meeting.date
        )
        self.apply_styles()


class TaskDoneForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    done_on = forms.DateField(label="Redovisat den", widget=DateInput())
    note = forms.CharField(
        label="Redovisning", max_length=500, required=False, widget=forms.Textarea
    )
