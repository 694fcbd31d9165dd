from decimal import Decimal

from django import forms

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    MemberKind,
    Person,
    SeatKind,
    StaffAssignment,
)
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, ServiceModelForm, StyledFormMixin
from samordna.core.validators import (
    normalise_organisation_number,
    validate_organisation_number,
)


class OrganisationNumberMixin:
    def clean_organisation_number(self) -> str:
        value = normalise_organisation_number(self.cleaned_data["organisation_number"])  # type: ignore[attr-defined]
        if value:
            validate_organisation_number(value)
        return value


class AssociationSettingsForm(OrganisationNumberMixin, ServiceModelForm):
    class Meta:
        model = Association
        fields = [
            "name",
            "organisation_number",
            "seat",
            "county",
            "postal_address",
            "email",
            "quorum_rule",
            "substitute_rule",
            "paragraph_numbering",
            "notice_board",
            "minutes_kept_at",
            "opening_style",
            "show_party",
            "fee_short_meeting_percent",
            "fee_long_meeting_percent",
            "fee_long_meeting_after_hours",
        ]

    def clean(self):
        cleaned = super().clean() or {}
        fee_fields = [
            "fee_short_meeting_percent",
            "fee_long_meeting_percent",
            "fee_long_meeting_after_hours",
        ]
        given = [cleaned.get(name) is not None for name in fee_fields]
        if any(given) and not all(given):
            for name, present in zip(fee_fields, given, strict=True):
                if not present:
                    self.add_error(name, "Fyll i alla tre delarna av arvodesregeln, eller ingen.")
        return cleaned


class MemberForm(OrganisationNumberMixin, ServiceModelForm):
    class Meta:
        model = Member
        fields = ["kind", "name", "organisation_number"]
        help_texts = {"organisation_number": "Tio siffror, t.ex. 212000-2411."}


class MemberSharesForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """One share field per member; the service checks the statutory sums."""

    def __init__(self, *args, members: list[Member], **kwargs):
        self.members = members
        super().__init__(*args, **kwargs)
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.DecimalField(
                label=f"{member.name} ({MemberKind(member.kind).label})",
                min_value=Decimal(0),
                max_value=Decimal(100),
                max_digits=5,
                decimal_places=2,
                initial=member.share_percent,
                localize=True,
                error_messages={
                    "invalid": "Skriv andelen som ett tal, t.ex. 12,5.",
                    "max_decimal_places": "Högst två decimaler.",
                },
            )
        for field in self.fields.values():
            field.widget.attrs["class"] = "text-field__input"
            field.widget.attrs["inputmode"] = "decimal"

    def shares(self) -> dict[int, Decimal]:
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class PersonForm(ServiceModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "party", "email", "phone", "note"]


class BoardSeatForm(ServiceModelForm):
    class Meta:
        model = BoardSeat
        fields = [
            "person",
            "member",
            "kind",
            "position",
            "substitute_for",
            "starts_on",
            "ends_on",
            "appointed_by",
            "receives_fee",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        from samordna.associations.selectors import members_in_order, people_in_order

        self.fields["person"].choices = [("", "Välj person")] + [  # type: ignore[attr-defined]
            (p.pk, p.full_name) for p in people_in_order(association)
        ]
        self.fields["member"].choices = [("", "Välj medlem")] + [  # type: ignore[attr-defined]
            (m.pk, m.name) for m in members_in_order(association)
        ]
        self.fields["person"].queryset = association.people.all()  # type: ignore[attr-defined]
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]
        ordinary = association.board_seats.filter(kind=SeatKind.ORDINARY).select_related(
            "person", "member"
        )
        self.fields["substitute_for"].queryset = ordinary  # type: ignore[attr-defined]
        self.fields["substitute_for"].empty_label = "Ingen (ersättare för medlemmen)"  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "Mandatperioden kan inte sluta innan den börjar.")
        return cleaned


class StaffAssignmentForm(ServiceModelForm):
    class Meta:
        model = StaffAssignment
        fields = [
            "person",
            "role",
            "title",
            "employed_by",
            "extent_percent",
            "starts_on",
            "ends_on",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = association.people.all()  # type: ignore[attr-defined]
        self.fields["employed_by"].queryset = association.members.all()  # type: ignore[attr-defined]
        self.fields["employed_by"].empty_label = "Förbundet självt"  # type: ignore[attr-defined]


class BoardDateForm(StyledFormMixin, forms.Form):
    datum = forms.DateField(label="Styrelsen per datum", widget=DateInput())
