import datetime
import re

from django import forms

from samordna.associations.models import Association
from samordna.core.forms import StyledFormMixin
from samordna.imports.services import NEW, AttendanceRow, ImportParagraphRow, MeetingFacts


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Sökord",
        max_length=200,
        required=False,
        help_text="T.ex. ”Samkraft 2021” eller ”bevilja arbetskonsulent”. Alla ord ska finnas "
        "i paragrafen; ett årtal söker det årets sammanträden.",
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class PublicSearchForm(SearchForm):
    forbund = forms.ModelChoiceField(
        label="Förbund",
        queryset=Association.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Alla förbund",
    )


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label="Protokoll",
        help_text="En PDF med text, ett Word-dokument (.docx), en textfil (.txt) eller ett "
        "zip-arkiv med flera sådana. Inskannade PDF-filer utan text kan inte läsas.",
    )


def _names(text: str) -> list[str]:
    return [name.strip() for name in re.split(r"[,;\n]", text) if name.strip()]


class MeetingFactsForm(StyledFormMixin, forms.Form):
    date = forms.DateField(label="Sammanträdesdatum")
    starts_at = forms.TimeField(
        label="Började", help_text="Står ingen tid i protokollet: ange den kända eller ungefärliga."
    )
    ends_at = forms.TimeField(label="Slutade")
    place = forms.CharField(label="Plats", max_length=200)
    chair = forms.CharField(label="Ordförande", max_length=200, required=False)
    secretary = forms.CharField(label="Sekreterare", max_length=200, required=False)
    adjusters = forms.CharField(
        label="Justerare", max_length=500, required=False, help_text="Flera namn skiljs med komma."
    )
    approved_on = forms.DateField(label="Justerat")
    posted_on = forms.DateField(label="Anslaget uppsatt")
    taken_down_on = forms.DateField(label="Anslaget nedtaget")

    def clean_adjusters(self) -> list[str]:
        return _names(self.cleaned_data["adjusters"])

    def facts(self) -> MeetingFacts:
        return MeetingFacts(**self.cleaned_data)


ROLE_CHOICES = [("member", "Ledamot"), ("substitute", "Ersättare"), ("other", "Övrig närvarande")]


class AttendanceRowForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Namn", max_length=200)
    role = forms.ChoiceField(label="Roll", choices=ROLE_CHOICES)
    present = forms.BooleanField(label="Närvarande", required=False)
    remote = forms.BooleanField(label="På distans", required=False)
    voting = forms.BooleanField(
        label="Tjänstgörande (deltar i besluten)",
        required=False,
        help_text="En tjänstgörande ersättare utan ”tjänstgör för” tjänstgör för den frånvarande "
        "ledamot som styrelseregistret anger.",
    )
    serves_for = forms.CharField(label="Tjänstgör för", max_length=200, required=False)
    organisation = forms.CharField(
        label="Organisation eller uppdrag", max_length=200, required=False
    )
    from_number = forms.IntegerField(label="Från §", min_value=1, required=False)
    until_number = forms.IntegerField(label="Till och med §", min_value=1, required=False)
    person = forms.ChoiceField(label="Person i förbundet", required=False)

    def __init__(self, *args, person_choices: list[tuple[str, str]] = (), **kwargs):  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = [
            (NEW, "Ny person (skapas när du bekräftar)"),
            *person_choices,
        ]
        self.apply_styles()

    def row(self) -> AttendanceRow:
        data = self.cleaned_data
        return AttendanceRow(
            name=data["name"],
            role=data["role"],
            present=data["present"],
            remote=data["remote"],
            voting=data["voting"],
            serves_for=data["serves_for"],
            organisation=data["organisation"],
            from_number=data["from_number"],
            until_number=data["until_number"],
            person=data["person"] or NEW,
        )


class ParagraphRowForm(StyledFormMixin, forms.Form):
    number = forms.IntegerField(label="§", min_value=1)
    title = forms.CharField(label="Rubrik", max_length=300)
    case_number = forms.CharField(label="Dnr", max_length=50, required=False)
    matter = forms.CharField(
        label="Ärende", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    proposal = forms.CharField(
        label="Förslag till beslut", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision = forms.CharField(
        label="Beslut", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    recused = forms.CharField(
        label="Jäviga", max_length=500, required=False, help_text="Flera namn skiljs med komma."
    )
    grants = forms.CharField(
        label="Beviljade medel",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="En rad per beslut: belopp i kronor, från, till "
        "(t.ex. 630000 2023-01-01 2023-12-31).",
    )

    application = forms.ChoiceField(
        label="Beslut om ansökan",
        required=False,
        help_text="Välj insatsens inskickade ansökan som paragrafen beslutar om: de beviljade "
        "medlen registreras då som styrelsens beslut i paragrafen. Finns ansökan inte i "
        "Samordna, registrera den först; annars sparas beloppen bara med importen.",
    )

    def __init__(self, *args, application_choices: list[tuple[str, str]] = (), **kwargs):  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        application = self.fields["application"]
        assert isinstance(application, forms.ChoiceField)
        application.choices = [
            ("", "Ingen ansökan (beloppen sparas med importen)"),
            *application_choices,
        ]
        self.apply_styles()

    def clean_recused(self) -> list[str]:
        return _names(self.cleaned_data["recused"])

    def clean_grants(self) -> list[tuple[int, datetime.date | None, datetime.date | None]]:
        grants = []
        for line in self.cleaned_data["grants"].splitlines():
            if not line.strip():
                continue
            match = GRANT_LINE.fullmatch(line.strip())
            if match is None:
                raise forms.ValidationError(
                    f"”{line.strip()}”: skriv belopp i kronor och gärna period, "
                    "t.ex. 630000 2023-01-01 2023-12-31."
                )
            start = datetime.date.fromisoformat(match["start"]) if match["start"] else None
            end = datetime.date.fromisoformat(match["end"]) if match["end"] else None
            grants.append((int(match["amount"].replace(" ", "")), start, end))
        return grants

    def row(self) -> ImportParagraphRow:
        data = self.cleaned_data
        return ImportParagraphRow(
            number=data["number"],
            title=data["title"],
            case_number=data["case_number"],
            matter=data["matter"],
            proposal=data["proposal"],
            decision=data["decision"],
            recused=data["recused"],
            grants=data["grants"],
            application=data.get("application") or "",
        )


GRANT_LINE = re.compile(
    r"(?P<amount>\d[\d ]*?)\s*(?:kr)?"
    r"(?:\s+(?P<start>\d{4}-\d{2}-\d{2})(?:\s*[-–]?\s*(?P<end>\d{4}-\d{2}-\d{2}))?)?"
)

AttendanceFormSet = forms.formset_factory(AttendanceRowForm, extra=1, can_delete=True)
ParagraphFormSet = forms.formset_factory(ParagraphRowForm, extra=1, can_delete=True)
