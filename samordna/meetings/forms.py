from django import forms

from samordna.core.forms import DateInput, ServiceModelForm
from samordna.meetings.models import AgendaItem, Meeting


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
