from dataclasses import replace
from decimal import Decimal
from typing import cast

from django import forms

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    MemberKind,
    Person,
    SeatKind,
    SeatPosition,
    StaffAssignment,
)
from samordna.associations.selectors import members_in_order, people_in_order
from samordna.associations.services import SeatRow
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


SHARE_ERRORS = {
    "invalid": "Skriv andelen som ett tal, t.ex. 3,125.",
    "max_decimal_places": "Högst tre decimaler.",
    "max_digits": "Högst 100 med tre decimaler.",
    "max_value": "Högst 100 %.",
    "min_value": "Andelen kan inte vara negativ.",
}


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
                max_digits=6,
                decimal_places=3,
                initial=member.share_percent.normalize(),
                localize=True,
                error_messages=SHARE_ERRORS,
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


class SeatRowForm(StyledFormMixin, forms.Form):
    """One seat in the board form; a row left empty is skipped."""

    person = forms.ModelChoiceField(
        label="Person i registret", queryset=Person.objects.none(), required=False
    )
    first_name = forms.CharField(label="Förnamn (ny person)", max_length=100, required=False)
    last_name = forms.CharField(label="Efternamn (ny person)", max_length=100, required=False)
    email = forms.EmailField(label="E-post (ny person)", required=False)
    member = forms.ModelChoiceField(
        label="Utsedd av", queryset=Member.objects.none(), required=False
    )
    kind = forms.ChoiceField(label="Uppdrag", choices=SeatKind.choices, required=False)
    position = forms.ChoiceField(label="Funktion", choices=SeatPosition.choices, required=False)
    substitute_for_row = forms.TypedChoiceField(
        label="Ersättare för ledamoten på rad",
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, association: Association, rows: int, **kwargs):
        super().__init__(*args, **kwargs)
        from_people = people_in_order(association)
        person = self.fields["person"]
        person.queryset = association.people.all()  # type: ignore[attr-defined]
        person.choices = [("", "Ny person")] + [(p.pk, p.full_name) for p in from_people]  # type: ignore[attr-defined]
        member = self.fields["member"]
        member.queryset = association.members.all()  # type: ignore[attr-defined]
        member.choices = [("", "Välj medlem")] + [  # type: ignore[attr-defined]
            (m.pk, m.name) for m in members_in_order(association)
        ]
        self.fields["kind"].choices = [("", "Välj"), *SeatKind.choices]  # type: ignore[attr-defined]
        self.fields["substitute_for_row"].choices = [  # type: ignore[attr-defined]
            ("", "Medlemmens ersättare"),
            *((str(n), f"Rad {n}") for n in range(1, rows + 1)),
        ]

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("person") or data.get("last_name") or data.get("member"))

    def clean(self):
        cleaned = super().clean() or {}
        if self.is_blank():
            return cleaned
        if not cleaned.get("member"):
            self.add_error("member", "Välj vilken medlem som utsett personen.")
        if not cleaned.get("kind"):
            self.add_error("kind", "Välj ledamot eller ersättare.")
        if not cleaned.get("person") and not (
            cleaned.get("first_name") and cleaned.get("last_name")
        ):
            self.add_error("last_name", "Välj en person eller skriv för- och efternamn.")
        return cleaned

    def row(self) -> SeatRow:
        data = self.cleaned_data
        return SeatRow(
            member=data["member"],
            kind=data["kind"],
            person=data["person"],
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            position=data["position"],
            substitute_for_row=data["substitute_for_row"],
        )


class BaseSeatRowFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        # Every row is cleaned; an empty row is recognised by the form itself.
        return {**super().get_form_kwargs(index), "empty_permitted": False}

    def seat_rows(self) -> list[SeatRow]:
        """The filled rows; the row numbers the kansli sees are those of the form, so a
        reference to "rad 3" is renumbered when empty rows before it are left out."""
        filled = [(n, form) for n, form in enumerate(self.forms, start=1) if not form.is_blank()]
        renumber = {n: index for index, (n, _) in enumerate(filled, start=1)}
        rows = []
        for _n, form in filled:
            row = form.row()
            target = row.substitute_for_row
            if target is not None:
                row = replace(row, substitute_for_row=renumber.get(target, 0))
            rows.append(row)
        return rows


SeatRowFormSet = cast(
    type[BaseSeatRowFormSet],
    forms.formset_factory(SeatRowForm, formset=BaseSeatRowFormSet, extra=0),
)


class BoardEntryForm(StyledFormMixin, forms.Form):
    starts_on = forms.DateField(label="Mandatperiod från", widget=DateInput())
    ends_on = forms.DateField(label="Mandatperiod till och med", widget=DateInput())
    appointed_by = forms.CharField(
        label="Utsedda genom",
        max_length=300,
        required=False,
        help_text="T.ex. medlemmarnas beslut om val till styrelsen 2027–2030.",
    )
