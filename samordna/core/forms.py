"""Form plumbing shared by every app: widgets that fit the design system."""

from django import forms
from django.core.validators import RegexValidator

from samordna.core.concurrency import VersionedFormMixin
from samordna.core.text import format_kronor
from samordna.core.validators import EARLIEST_DATE, latest_date, validate_sensible_date


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class StyledFormMixin:
    """Marks each widget with the kind of field the templates should draw."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_styles()

    def full_clean(self) -> None:
        # Every date field of every form keeps to Samordna's bounds, those added after
        # __init__ too: no year 0001 or 9999 reaches a service.
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field, forms.DateField) and (
                validate_sensible_date not in field.validators
            ):
                field.validators.append(validate_sensible_date)
        super().full_clean()  # type: ignore[misc]

    def apply_styles(self) -> None:
        """Style every field; forms that add fields after __init__ call it again."""
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(field, forms.DateField) and isinstance(widget, forms.DateInput):
                widget.attrs.setdefault("min", EARLIEST_DATE.isoformat())
                widget.attrs.setdefault("max", latest_date().isoformat())
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", "checkbox__input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "select-field__select")
                if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
                    field.empty_label = "Välj"
                choices = getattr(field, "choices", None)
                if choices is not None and not isinstance(field, forms.ModelChoiceField):
                    field.choices = [
                        ("", "Välj") if value == "" and label == "---------" else (value, label)
                        for value, label in choices
                    ]
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "textarea-field__textarea")
                widget.attrs.setdefault("rows", 4)
            else:
                widget.attrs.setdefault("class", "text-field__input")


def widget_kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


def attach_errors(form: forms.BaseForm, error) -> None:
    """Put a service's ValidationError next to the fields it names, the rest on top (or where
    the form's own `attach_service_errors` puts them)."""
    own = getattr(form, "attach_service_errors", None)
    if own is not None:
        own(error)
    elif hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ServiceModelForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """A ModelForm that only cleans input, versioned by its instance (no lost updates).

    It leaves its instance untouched: the service applies the cleaned data, checks the
    rules that span records and saves, so a refused change never lingers in memory.
    """

    def _post_clean(self) -> None:
        pass


class KronorField(forms.Field):
    """An amount in whole kronor, typed as people type it: "709 000", "709000 kr".

    Öre, negative amounts, text and amounts over `max_value` are refused in Swedish.
    """

    def __init__(self, *, max_value: int = 100_000_000, min_value: int = 0, **kwargs):
        self.max_value = max_value
        self.min_value = min_value
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    widget = forms.TextInput

    def to_python(self, value):
        if isinstance(value, int):
            return value
        text = (value or "").strip()
        if not text:
            return None
        cleaned = text.replace("\u00a0", "").replace(" ", "").removesuffix("kr").strip()
        cleaned = cleaned.removesuffix(":-").strip()
        if cleaned.startswith(("-", "−")):
            raise forms.ValidationError("Beloppet kan inte vara negativt.", code="negative")
        if "," in cleaned or "." in cleaned:
            raise forms.ValidationError("Skriv beloppet i hela kronor, utan öre.", code="not_whole")
        if not cleaned.isdigit():
            raise forms.ValidationError(
                f"”{text}” är inte ett belopp. Skriv hela kronor, t.ex. 709 000.",
                code="not_a_number",
            )
        amount = int(cleaned)
        if amount > self.max_value:
            raise forms.ValidationError(
                f"Beloppet är orimligt stort; högst {format_kronor(self.max_value)}.",
                code="too_large",
            )
        if amount < self.min_value:
            raise forms.ValidationError(
                f"Beloppet ska vara minst {self.min_value} kr.", code="too_small"
            )
        return amount

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", " ")
        return value


class TokenField(forms.CharField):
    """The form's own key (`core.tokens.new_token`), made when the form is shown and sent
    back with it: the same form sent twice acts once."""

    def __init__(self, **kwargs):
        super().__init__(
            widget=forms.HiddenInput,
            validators=[
                RegexValidator(r"^[0-9a-f]{32}$", "Formuläret är inte giltigt. Ladda om sidan.")
            ],
            **kwargs,
        )
