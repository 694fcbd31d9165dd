"""Two people edit the same record from forms they opened at the same time: the helper every
app's lost-update test uses. It fills the forms as a browser would, from the page's HTML."""

from html.parser import HTMLParser

from django.test import Client

from samordna.accounts.models import User


class _FormValues(HTMLParser):
    """The values a browser would send for the form that carries the hidden `version`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, str]] = []
        self._form: dict[str, str] | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self._form[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self._first_option = None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self._form.setdefault(self._select, self._first_option)
            if "selected" in a:
                self._form[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._form[name] = ""

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form[self._textarea] += (
                data.removeprefix("\n") if not self._form[self._textarea] else data
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_values(html: str) -> dict[str, str]:
    parser = _FormValues()
    parser.feed(html)
    for values in parser.forms:
        if "version" in values:
            return values
    raise AssertionError("Sidan har inget formulär med versionen (fältet version).")


class StaleSaveMixin:
    """For a TestCase: `assert_stale_save_refused` plays the two users."""

    def assert_stale_save_refused(
        self,
        url: str,
        *,
        first_user: User,
        second_user: User,
        first: dict[str, str],
        second: dict[str, str],
        shows: list[str],
    ) -> str:
        """Both open `url`; the first saves `first`, the second then saves `second` from the
        page opened before: refused (400), the page naming who changed what. Returns it."""
        one, two = Client(), Client()
        one.force_login(first_user)
        two.force_login(second_user)
        self.second_client = two
        page_one, page_two = one.get(url), two.get(url)
        test = self  # a TestCase
        test.assertEqual(page_one.status_code, 200)  # type: ignore[attr-defined]
        data_one = {**form_values(page_one.content.decode()), **first}
        data_two = {**form_values(page_two.content.decode()), **second}
        saved = one.post(url, data_one)
        test.assertEqual(saved.status_code, 302, saved.content.decode()[:3000])  # type: ignore[attr-defined]
        refused = two.post(url, data_two)
        text = refused.content.decode()
        test.assertEqual(refused.status_code, 400, text[:3000])  # type: ignore[attr-defined]
        test.assertIn("har ändrats av", text)  # type: ignore[attr-defined]
        test.assertIn(first_user.get_full_name(), text)  # type: ignore[attr-defined]
        for expected in shows:
            test.assertIn(expected, text)  # type: ignore[attr-defined]
        return text


def resave(client: Client, url: str, page: str, values: dict[str, str]):
    """Post the refused page's form again (now carrying the stored version)."""
    return client.post(url, {**form_values(page), **values})
