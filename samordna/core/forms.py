"""Form plumbing shared by every app: widgets that fit the design system."""

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class StyledFormMixin:
    """Marks each widget with the kind of field the templates should draw."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_styles()

    def apply_styles(self) -> None:
        """Style every field; forms that add fields after __init__ call it again."""
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
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
    """Put a service's ValidationError next to the fields it names, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ServiceModelForm(StyledFormMixin, forms.ModelForm):
    """A ModelForm that only cleans input.

    It leaves its instance untouched: the service applies the cleaned data, checks the
    rules that span records and saves, so a refused change never lingers in memory.
    """

    def _post_clean(self) -> None:
        pass
