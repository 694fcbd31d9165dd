import re

from django import forms

from samordna.associations.models import Association, BoardSeat, Person, SeatKind
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
from samordna.meetings.past import PastParagraph
from samordna.meetings.quorum import rule_problem
from samordna.meetings.services.proceedings import RollCallEntry


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MeetingForm(ServiceModelForm):
    class Meta:
        model = Meeting
        fields = [
            "date",
            "starts_at",
            "ends_at",
            "place",
            "secretary",
            "adjustment_on",
            "adjustment_place",
            "note",
            "planned_in",
        ]
        widgets = {
            "date": DateInput(),
            "starts_at": TimeInput(),
            "ends_at": TimeInput(),
            "adjustment_on": DateInput(),
        }
        help_texts = {
            "secretary": "Den som för protokollet, oftast förbundschefen. Sekreteraren "
            "bestyrker protokollets text innan ordförande och justerare justerar."
        }

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        from samordna.associations.selectors import people_in_order

        # Only the förbund's own register; the service refuses anyone else as well.
        field = self.fields["secretary"]
        field.queryset = association.people.all()  # type: ignore[attr-defined]
        field.choices = [("", "Ingen vald ännu")] + [  # type: ignore[attr-defined]
            (p.pk, p.full_name) for p in people_in_order(association)
        ]

    def clean(self):
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "Sammanträdet måste sluta efter att det börjat.")
        return cleaned


class AgendaItemForm(ServiceModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "presenter", "case_number", "description", "proposal"]
        help_texts = {
            "case_number": "T.ex. Dnr 22:13. Lämna tomt om ärendet saknar diarienummer.",
            "description": "Blir paragrafens text när dagordningen görs till paragrafer.",
            "proposal": "Kansliets förslag; styrelsen fattar beslutet i paragrafen.",
        }


class AgendaStartForm(StyledFormMixin, forms.Form):
    """Start the agenda from the previous meeting's or from a saved template."""

    source = forms.ChoiceField(label="Börja från")

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = choices  # type: ignore[attr-defined]


class AgendaTemplateForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label="Mallens namn",
        max_length=200,
        help_text="En mall med samma namn ersätts.",
    )


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

    def __init__(self, *args, seats: list[BoardSeat], attendances: dict, rule: str = "", **kwargs):
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
                # Present but not serving unless the kansli says for whom; only the
                # ledamöter the förbund's rule lets this ersättare serve for are offered.
                allowed = [
                    s for s in ordinary if not rule_problem(rule=rule, substitute=seat, ledamot=s)
                ]
                self.fields[f"serves_for_{seat.pk}"] = forms.TypedChoiceField(
                    label=f"{name} tjänstgör för",
                    choices=[("", "Ingen – närvarande utan att tjänstgöra")]
                    + [(s.pk, s.person.full_name) for s in allowed],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=current.serves_for_id if current else "",
                    help_text="Bara för en ledamot som är frånvarande eller inte är med hela "
                    "sammanträdet. Vid jäv anges ersättaren under Jäv i paragrafen.",
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
    """Jäv per seat, and for each ledamot the ersättare who serves in the § in their place."""

    def __init__(
        self,
        *args,
        seats: list[BoardSeat],
        current: dict[int, str],
        substitutes: list[BoardSeat] | None = None,
        stand_ins: dict[int, int] | None = None,
        rule: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.seats = seats
        substitutes = substitutes or []
        stand_ins = stand_ins or {}
        self.ordinary = [s for s in seats if s.kind == SeatKind.ORDINARY]
        by_pk = {s.pk: s for s in substitutes}
        self.substitutes = by_pk
        for seat in seats:
            self.fields[f"seat_{seat.pk}"] = forms.ChoiceField(
                label=f"Jäv: {seat.person.full_name} ({seat.title.lower()})",
                choices=[("", "Inget jäv"), *RecusalKind.choices],
                required=False,
                initial=current.get(seat.pk, ""),
            )
        for seat in self.ordinary:
            allowed = [
                s for s in substitutes if not rule_problem(rule=rule, substitute=s, ledamot=seat)
            ]
            if not allowed and seat.pk not in stand_ins:
                continue
            self.fields[f"stand_in_{seat.pk}"] = forms.TypedChoiceField(
                label=f"Ersättare som tjänstgör för {seat.person.full_name} i paragrafen",
                choices=[("", "Ingen")] + [(s.pk, s.person.full_name) for s in allowed],
                coerce=int,
                empty_value=None,
                required=False,
                initial=stand_ins.get(seat.pk, ""),
                help_text="Bara om ledamoten är jävig i paragrafen.",
            )
        self.apply_styles()

    def choices(self) -> list[tuple[BoardSeat, str | None]]:
        return [(s, self.cleaned_data[f"seat_{s.pk}"] or None) for s in self.seats]

    def stand_ins(self) -> list[tuple[BoardSeat, BoardSeat]]:
        """(ersättare, ledamot) pairs chosen."""
        pairs = []
        for seat in self.ordinary:
            chosen = self.cleaned_data.get(f"stand_in_{seat.pk}")
            if chosen:
                pairs.append((self.substitutes[chosen], seat))
        return pairs


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


PARAGRAPH_LINE = re.compile(r"^\s*§?\s*(\d+)[\s.:–-]+(.+?)\s*$")


class PastMeetingForm(StyledFormMixin, forms.Form):
    """A meeting held before Samordna, registered as already justerad on its own dates."""

    date = forms.DateField(label="Sammanträdesdatum", widget=DateInput())
    starts_at = forms.TimeField(label="Började", widget=TimeInput())
    ends_at = forms.TimeField(label="Slutade", widget=TimeInput())
    place = forms.CharField(label="Plats", max_length=300)
    secretary = forms.ModelChoiceField(
        label="Sekreterare", queryset=Person.objects.none(), required=False
    )
    approved_on = forms.DateField(label="Justeringsdatum", widget=DateInput())
    posted_on = forms.DateField(label="Anslaget uppsatt", widget=DateInput())
    taken_down_on = forms.DateField(label="Anslaget nedtaget", widget=DateInput())
    paragraphs = forms.CharField(
        label="Paragrafer",
        widget=forms.Textarea,
        help_text="En rad per paragraf: nummer och rubrik, t.ex. ”120 Sammanträdet öppnas”.",
    )
    original = forms.FileField(
        label="Undertecknat original",
        help_text="PDF eller inskannad bild (JPEG, PNG, TIFF), högst 20 MB. Sparas som "
        "arkivexemplar; dess SHA-256 visas.",
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        from samordna.associations.selectors import people_in_order

        field = self.fields["secretary"]
        field.queryset = association.people.all()  # type: ignore[attr-defined]
        field.choices = [("", "Ingen angiven")] + [  # type: ignore[attr-defined]
            (p.pk, p.full_name) for p in people_in_order(association)
        ]
        self.apply_styles()

    def clean_paragraphs(self) -> list[PastParagraph]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["paragraphs"].splitlines(), start=1):
            if not line.strip():
                continue
            match = PARAGRAPH_LINE.match(line)
            if match is None:
                raise forms.ValidationError(
                    f"Rad {number}: skriv paragrafens nummer och rubrik, t.ex. "
                    "”120 Sammanträdet öppnas”."
                )
            parsed.append(PastParagraph(number=int(match[1]), title=match[2][:300]))
        return parsed


class PastMeetingCorrectionForm(StyledFormMixin, forms.Form):
    """A correction of a meeting registered afterwards, with its reason."""

    date = forms.DateField(label="Sammanträdesdatum", widget=DateInput())
    starts_at = forms.TimeField(label="Började", widget=TimeInput())
    ends_at = forms.TimeField(label="Slutade", widget=TimeInput())
    place = forms.CharField(label="Plats", max_length=300)
    approved_on = forms.DateField(label="Justeringsdatum", widget=DateInput())
    posted_on = forms.DateField(label="Anslaget uppsatt", widget=DateInput())
    taken_down_on = forms.DateField(label="Anslaget nedtaget", widget=DateInput())
    original = forms.FileField(
        label="Nytt undertecknat original",
        required=False,
        help_text="Bara om fel fil registrerades. Den tidigare finns kvar i historiken.",
    )
    reason = forms.CharField(
        label="Skäl till rättelsen",
        max_length=300,
        help_text="Sparas i historiken, t.ex. ”Fel justeringsdatum; enligt originalet 2019-04-02.”",
    )
