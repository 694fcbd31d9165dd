"""Widgets of the insatser pages."""

from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe

from samordna.core.html import conditional_escape as escaped


def _attributes(attrs: dict[str, Any]) -> str:
    """Django's `django/forms/widgets/attrs.html`, in Python."""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A select that writes its options in Python: the same HTML as Django's templates
    (`select.html`, `select_option.html`), without a template include per option: the
    catalogue's public page offers every förbund and kommun of the country, and the
    register's filter is drawn on each of its pages."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _, _ in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)  # groups: Django's templates
        parts = [f'<select name="{escaped(widget["name"])}"{_attributes(widget["attrs"])}>']
        for _, options, _ in widget["optgroups"]:
            parts.extend(
                f'\n  <option value="{escaped(option["value"])}"{_attributes(option["attrs"])}>'
                f"{escaped(option['label'])}</option>\n"
                for option in options
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value in it is escaped above
