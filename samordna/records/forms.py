"""The diarium's forms: they only clean input; the services judge it."""

from django import forms

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.control.models import DelegationDecision
from samordna.core.forms import DateInput, StyledFormMixin
from samordna.meetings.models import Paragraph
from samordna.records.models import DocumentType, HandlingDirection, Retention

MAX_FILES = 10


class SearchForm(StyledFormMixin, forms.Form):
    dnr = forms.CharField(label="Diarienummer", required=False, max_length=60)
    q = forms.CharField(label="Ord", required=False, max_length=200)
    organisation = forms.CharField(
        label="Avsändare eller mottagare", required=False, max_length=200
    )
    date_from = forms.DateField(label="Från och med datum", required=False, widget=DateInput())
    date_to = forms.DateField(label="Till och med datum", required=False, widget=DateInput())

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "Slutdatumet ligger före startdatumet.")
        return cleaned


class CaseForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Ärendemening", max_length=300)
    officer = forms.ModelChoiceField(
        label="Handläggare", queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        officers = User.objects.filter(association=association, is_active=True)
        self.fields["officer"].queryset = officers.order_by("first_name", "last_name")  # type: ignore[attr-defined]
        self.fields["officer"].label_from_instance = (  # type: ignore[attr-defined]
            lambda user: user.get_full_name() or user.username
        )
        self.apply_styles()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if len(data) > MAX_FILES:
                raise forms.ValidationError(f"Högst {MAX_FILES} filer åt gången.")
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SecrecyFields(forms.Form):
    secret_description = forms.BooleanField(
        label="Beskrivningen är sekretessbelagd", required=False
    )
    secret_organisation = forms.BooleanField(
        label="Avsändare eller mottagare är sekretessbelagd", required=False
    )
    secret_files = forms.BooleanField(label="Filerna är sekretessbelagda", required=False)
    osl_chapter = forms.IntegerField(
        label="Kapitel i offentlighets- och sekretesslagen",
        required=False,
        min_value=1,
        max_value=44,
    )
    osl_section = forms.CharField(label="Paragraf", required=False, max_length=20)
    secrecy_reason = forms.CharField(label="Skäl för sekretess", required=False, max_length=500)


class HandlingForm(StyledFormMixin, SecrecyFields):
    direction = forms.ChoiceField(label="Slag", choices=HandlingDirection.choices)
    date = forms.DateField(label="Inkom eller skickades", widget=DateInput())
    description = forms.CharField(label="Beskrivning", max_length=500)
    organisation = forms.CharField(
        label="Avsändare eller mottagare (organisation)", required=False, max_length=300
    )
    person_name = forms.CharField(
        label="Privatperson",
        required=False,
        max_length=200,
        help_text="Bara när det behövs. Namnet visas aldrig i det offentliga diariet.",
    )
    document_type = forms.ModelChoiceField(
        label="Handlingstyp", queryset=DocumentType.objects.none()
    )
    files = MultipleFileField(label="Filer", required=False)  # type: ignore[assignment]

    field_order = [
        "direction",
        "date",
        "description",
        "organisation",
        "person_name",
        "document_type",
        "files",
    ]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = DocumentType.objects.filter(  # type: ignore[attr-defined]
            association=association
        )
        self.apply_styles()


class SecrecyForm(StyledFormMixin, SecrecyFields):
    pass


class DocumentTypeForm(StyledFormMixin, forms.Form):
    code = forms.SlugField(label="Kod", max_length=40)
    name = forms.CharField(label="Handlingstyp", max_length=200)
    retention = forms.ChoiceField(label="Bevaras eller gallras", choices=Retention.choices)
    years = forms.IntegerField(
        label="Gallras efter (år)", required=False, min_value=1, max_value=100
    )
    note = forms.CharField(label="Anmärkning", required=False, max_length=300)


class RegistryForm(StyledFormMixin, forms.Form):
    dnr_format = forms.CharField(
        label="Diarienummrets form",
        max_length=40,
        help_text="{år} är året med fyra siffror, {åå} med två och {nr} numret, t.ex. "
        "{år}/{nr} (2023/15), P{åå}/{nr} (P19/8) eller {åå}:{nr} (22:13).",
    )


class YearForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)


class WeedingDecisionForm(StyledFormMixin, forms.Form):
    decided_on = forms.DateField(label="Beslutsdatum", widget=DateInput())
    paragraph = forms.ModelChoiceField(
        label="Beslutad i paragraf", queryset=Paragraph.objects.none(), required=False
    )
    delegation_decision = forms.ModelChoiceField(
        label="Eller beslutad som delegationsbeslut",
        queryset=DelegationDecision.objects.none(),
        required=False,
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = (  # type: ignore[attr-defined]
            Paragraph.objects.filter(meeting__association=association)
            .select_related("meeting")
            .order_by("-meeting__date", "-number")
        )
        self.fields["paragraph"].label_from_instance = (  # type: ignore[attr-defined]
            lambda p: f"{p.meeting.date:%Y-%m-%d} § {p.number} {p.title}"
        )
        self.fields["delegation_decision"].queryset = DelegationDecision.objects.filter(  # type: ignore[attr-defined]
            association=association
        ).order_by("-decided_on")
        self.apply_styles()


class CopyRequestForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label="Namn (frivilligt)",
        required=False,
        max_length=200,
        help_text="Du behöver inte uppge vem du är.",
    )
    email = forms.EmailField(label="E-post dit kopian skickas", max_length=254)
    message = forms.CharField(
        label="Meddelande (frivilligt)", required=False, max_length=2000, widget=forms.Textarea
    )
