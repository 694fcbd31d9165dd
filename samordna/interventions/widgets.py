"""Widgets of the insatser pages."""

import html
from typing import Any

from django import forms
from django.utils.safestring import SafeData, SafeString, mark_safe


def _escaped(value: Any) -> str:
    """Django's `conditional_escape` without its lazy-string wrapper, which costs more than
    the escaping over the hundred options of the page."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


def _attributes(attrs: dict[str, Any]) -> str:
    """Django's `django/forms/widgets/attrs.html`, in Python."""
    return "".join(
        f" {_escaped(name)}" if value is True else f' {_escaped(name)}="{_escaped(value)}"'
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
        parts = [f'<select name="{_escaped(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:  # the catalogue's filters have no groups
                raise NotImplementedError("QuickSelect draws no optgroup")
            parts.extend(
                f'\n  <option value="{_escaped(option["value"])}"{_attributes(option["attrs"])}>'
                f"{_escaped(option['label'])}</option>\n"
                for option in options
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value in it is escaped above
