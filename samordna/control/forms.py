"""Forms of the control year: they only clean input; the services apply the rules."""

from django import forms
from django.utils import timezone

from samordna.associations.models import Association, Member, Person
from samordna.control.models import (
    AuditKind,
    Auditor,
    ControlFollowUp,
    ControlRow,
    CycleItem,
    DelegationPoint,
    MemberConsultation,
    MemberDischarge,
    Occurrence,
    RiskRow,
)
from samordna.core.forms import DateInput, KronorField, ServiceModelForm, StyledFormMixin
from samordna.ledger.forms import open_items
from samordna.meetings.models import Meeting, Paragraph

FILE_HELP = "PDF eller Word (.pdf, .docx), högst 20 MB."


class CycleItemForm(ServiceModelForm):
    class Meta:
        model = CycleItem
        fields = [
            "title",
            "kind",
            "member",
            "month",
            "day",
            "responsible",
            "to_board",
            "note",
            "active",
        ]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = association.members.order_by("name")
        field.empty_label = "Ingen särskild medlem"
        self.apply_styles()


class OccurrenceForm(ServiceModelForm):
    class Meta:
        model = Occurrence
        fields = ["due_on", "meeting", "done_on", "note"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Meeting.objects.filter(association=association).order_by("-date")
        field.empty_label = "Inget sammanträde"
        field.label_from_instance = lambda m: f"Styrelsemöte {m.date:%Y-%m-%d}"  # type: ignore[method-assign,assignment]
        self.apply_styles()


class YearForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year + 1


def _paragraph_label(paragraph: Paragraph) -> str:
    return f"Styrelsemöte {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}: {paragraph.title}"


class AdoptForm(StyledFormMixin, forms.Form):
    paragraph = forms.ModelChoiceField(
        label="Antagen i paragraf",
        queryset=Paragraph.objects.none(),
        required=False,
        help_text="Paragrafen i styrelsens protokoll där planen antogs.",
    )
    earlier_reference = forms.CharField(
        label="Eller: antagen enligt",
        max_length=200,
        required=False,
        help_text="För ett beslut från innan förbundet använde Samordna.",
    )
    adopted_on = forms.DateField(
        label="Antagen",
        widget=DateInput(),
        required=False,
        help_text="Bara för ett tidigare beslut.",
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        _paragraphs(self.fields["paragraph"], association)
        self.apply_styles()


class PointForm(ServiceModelForm):
    limit_amount = KronorField(label="Gräns i kronor", min_value=1, required=False)

    class Meta:
        model = DelegationPoint
        fields = [
            "matter",
            "delegate",
            "delegate_title",
            "deputy",
            "limit_kind",
            "limit_amount",
            "limit_multiple",
            "limit_note",
        ]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("delegate", "deputy"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = association.people.order_by("last_name", "first_name")
        self.apply_styles()


class DecisionForm(StyledFormMixin, forms.Form):
    point = forms.ModelChoiceField(
        label="Delegationspunkt", queryset=DelegationPoint.objects.none()
    )
    decided_on = forms.DateField(label="Beslutsdatum", widget=DateInput())
    decided_by: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Beslutat av", queryset=Person.objects.none()
    )
    matter = forms.CharField(label="Beslut", max_length=300)
    amount = KronorField(label="Belopp", min_value=0, required=False)
    reference = forms.CharField(label="Diarienummer eller underlag", max_length=100, required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        point = self.fields["point"]
        assert isinstance(point, forms.ModelChoiceField)
        point.queryset = (
            DelegationPoint.objects.filter(
                order__association=association, order__adopted_on__isnull=False
            )
            .select_related("order")
            .order_by("-order__year", "number")
        )
        point.label_from_instance = lambda p: f"{p.order.year}: {p}"  # type: ignore[method-assign,assignment]
        person = self.fields["decided_by"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = association.people.order_by("last_name", "first_name")
        self.apply_styles()


class ControlRowForm(ServiceModelForm):
    class Meta:
        model = ControlRow
        fields = [
            "process",
            "control_step",
            "responsible",
            "frequency",
            "method",
            "reported_to",
            "risk",
        ]


class FollowUpForm(ServiceModelForm):
    class Meta:
        model = ControlFollowUp
        fields = [
            "period",
            "followed_up_on",
            "done",
            "method",
            "finding",
            "deviation",
            "action",
            "action_owner",
            "action_due",
        ]
        widgets = {"followed_up_on": DateInput(), "action_due": DateInput()}


class AttachForm(StyledFormMixin, forms.Form):
    period = forms.ChoiceField(label="Period")

    def __init__(self, *args, association: Association, periods: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        period = self.fields["period"]
        assert isinstance(period, forms.ChoiceField)
        period.choices = [(p, p) for p in periods]
        self.fields["item"] = open_items(association)
        self.apply_styles()


class RiskRowForm(ServiceModelForm):
    class Meta:
        model = RiskRow
        fields = ["process", "risk", "consequence", "probability", "handling", "control_process"]


class ThresholdForm(StyledFormMixin, forms.Form):
    threshold = forms.IntegerField(
        label="Tröskel för riskvärde",
        min_value=1,
        max_value=16,
        help_text="Risker med högre värde (väsentlighet × sannolikhet) ska ha ett kontrollmoment.",
    )


class DischargeForm(ServiceModelForm):
    file = forms.FileField(label="Beslutet (fil)", required=False, help_text=FILE_HELP)

    class Meta:
        model = MemberDischarge
        fields = [
            "member",
            "year",
            "body",
            "decided_on",
            "report_approved",
            "discharge_granted",
            "reference",
            "reported_in",
            "file",
        ]
        widgets = {"decided_on": DateInput()}

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        _members(self.fields["member"], association)
        _paragraphs(self.fields["reported_in"], association)
        self.fields["year"].initial = timezone.localdate().year - 1
        self.apply_styles()


def _paragraphs(field: forms.Field, association: Association) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = (
        Paragraph.objects.filter(meeting__association=association)
        .select_related("meeting")
        .order_by("-meeting__date", "number")
    )
    field.label_from_instance = _paragraph_label  # type: ignore[method-assign,assignment]


def _members(field: forms.Field, association: Association) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = association.members.order_by("name")


class AuditorForm(ServiceModelForm):
    class Meta:
        model = Auditor
        fields = ["year", "name", "assignment", "appointed_by", "appointing_body", "note"]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        _members(self.fields["appointed_by"], association)
        self.apply_styles()


class AuditDocumentForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label="Verksamhetsår", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="Slag", choices=AuditKind.choices)
    title = forms.CharField(label="Rubrik", max_length=200)
    auditor = forms.ModelChoiceField(
        label="Revisor",
        queryset=Auditor.objects.none(),
        required=False,
        empty_label="Alla revisorerna",
    )
    received_on = forms.DateField(label="Inkommen", widget=DateInput())
    recommendations = forms.CharField(
        label="Rekommendationer",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Det styrelsen ska svara på, en per rad.",
    )
    file = forms.FileField(label="Fil", help_text=FILE_HELP)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        auditor = self.fields["auditor"]
        assert isinstance(auditor, forms.ModelChoiceField)
        auditor.queryset = association.auditors.select_related("appointed_by").order_by(
            "-year", "name"
        )
        self.fields["year"].initial = timezone.localdate().year - 1
        self.apply_styles()


class AuditAnswerForm(StyledFormMixin, forms.Form):
    answered_on = forms.DateField(label="Besvarad", widget=DateInput())
    answer = forms.CharField(label="Styrelsens svar", widget=forms.Textarea(attrs={"rows": 6}))
    paragraph = forms.ModelChoiceField(
        label="Beslutat i paragraf",
        queryset=Paragraph.objects.none(),
        required=False,
        help_text="Paragrafen där styrelsen beslutade om svaret; dess datum gäller då.",
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        _paragraphs(self.fields["paragraph"], association)
        self.apply_styles()


class ConsultationForm(ServiceModelForm):
    class Meta:
        model = MemberConsultation
        fields = ["held_on", "place", "notes"]
        widgets = {"held_on": DateInput()}


class RepresentativeForm(StyledFormMixin, forms.Form):
    member = forms.ModelChoiceField(label="Medlem", queryset=Member.objects.none())
    name = forms.CharField(label="Namn", max_length=200)
    assignment = forms.CharField(label="Uppdrag", max_length=200, required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        _members(self.fields["member"], association)
        self.apply_styles()


class DocumentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Rubrik", max_length=200)
    file = forms.FileField(label="Fil", help_text=FILE_HELP)
