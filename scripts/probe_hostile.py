#!/usr/bin/env python
"""Hostile ids and hostile form input against every page, on a throwaway database.

Builds SQLite in a temp dir (never the laptop's own database), migrates and loads the demo,
then, logged in as one user of each demo role and förbund (and anonymously):

- crawls the links of the pages it can open, remembering real path parameters per URL name;
- opens every URL pattern with those real ids and with hostile ones in their place
  (0, -1, 2**31, 2**63, 2**64, "abc", a long string);
- fills every form it found with hostile values (empty, very long text, "=2+3", "<script>",
  "'; DROP", 0001-01-01 / 9999-12-31, huge and negative numbers, unicode, NUL) and submits it
  with its CSRF token.

Everything runs in-process through Django's test client. Prints the URLs and submissions
tried and each server error (500) with its URL and the head of its traceback; exits 1 if
any was found.

    .venv/bin/python scripts/probe_hostile.py [--per-name 2] [--quiet]
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_IDS = ["0", "-1", str(2**31), str(2**63), str(2**64), "abc", "x" * 300]
LONG = "Å" * 20_000 + "'\"<>"
# Each submission puts one of these in every text-like field (dates and numbers have their
# own kinds of hostility in the same set).
HOSTILE_SETS: list[dict[str, str]] = [
    {"text": "", "number": "", "date": ""},
    {"text": LONG, "number": "9" * 400, "date": LONG},
    {"text": "=2+3", "number": "=2+3", "date": "=2+3"},
    {"text": "<script>alert(1)</script>", "number": "1e309", "date": "<script>"},
    {"text": "'; DROP TABLE x; --", "number": "-1000000", "date": "0001-01-01"},
    {"text": "0001-01-01", "number": "0", "date": "0001-01-01"},
    {"text": "9999-12-31", "number": str(2**63), "date": "9999-12-31"},
    {"text": "99999999999999999999999", "number": str(2**64), "date": "99999-01-01"},
    {"text": "-1000000", "number": "-1", "date": "-0001-01-01"},
    {"text": "ÅÄÖ ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e 👩‍👩‍👧 \u0000", "number": "١٢٣", "date": "２０２４-０１-０１"},
    {"text": "NaN", "number": "NaN", "date": "2024-02-30"},
]
# The last set also makes hidden fields and selects hostile (ids of other rows, overflow).
HIDDEN_HOSTILE = [str(2**64), "-1", "abc", "0"]
SKIP_ACTIONS = {"logout"}


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'probe.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LOGGING = {"version": 1, "disable_existing_loggers": False}
    import logging

    logging.disable(logging.CRITICAL)


@dataclass
class Form:
    method: str
    action: str
    fields: list[dict] = field(default_factory=list)


class FormParser(HTMLParser):
    """The links and the forms of a page, with what each field is."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form(method=a.get("method", "get").lower(), action=a.get("action", ""))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            self._form.fields.append(
                {
                    "name": a["name"],
                    "kind": a.get("type", "text").lower(),
                    "value": a.get("value", ""),
                    "checked": "checked" in a,
                }
            )
        elif tag == "button" and a.get("name"):
            self._form.fields.append(
                {"name": a["name"], "kind": "button", "value": a.get("value", "")}
            )
        elif tag == "select" and a.get("name"):
            self._select = {
                "name": a["name"],
                "kind": "select",
                "options": [],
                "multiple": "multiple" in a,
            }
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = {"name": a["name"], "kind": "textarea", "value": ""}
            self._form.fields.append(self._textarea)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def routes(patterns=None, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    """(URL name, full route) of every pattern, e.g. ("meetings:detail", "f/<slug:slug>/…")."""
    from django.urls import URLPattern, URLResolver, get_resolver

    out = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            out += routes(pattern.url_patterns, prefix + route, ns)
        elif isinstance(pattern, URLPattern):
            out.append((f"{namespace}{pattern.name or route}", prefix + route))
    return out


PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def fill(route: str, values: dict[str, str]) -> str:
    return "/" + PARAM.sub(lambda m: values.get(m.group("name"), "1"), route).lstrip("^")


def field_kind(spec: dict) -> str:
    kind = spec["kind"]
    name = spec["name"].lower()
    if kind == "date" or "date" in name or name.endswith(("_on", "_at", "datum")):
        return "date"
    if kind == "number" or any(
        w in name for w in ("amount", "year", "count", "number", "position", "belopp", "sum")
    ):
        return "number"
    return "text"


def submissions(form: Form) -> list[dict]:
    """The hostile data sets of one form, one dict per submission."""
    out = []
    for index, values in enumerate([*HOSTILE_SETS, None]):
        hostile_hidden = values is None
        values = values or HOSTILE_SETS[2]
        data: dict[str, list | str] = {}
        for spec in form.fields:
            name, kind = spec["name"], spec["kind"]
            if name == "csrfmiddlewaretoken":
                data[name] = spec["value"]
            elif kind == "hidden":
                data[name] = HIDDEN_HOSTILE[index % 4] if hostile_hidden else spec["value"]
            elif kind in ("submit", "button", "image", "reset"):
                data.setdefault(name, spec["value"])
            elif kind in ("checkbox", "radio"):
                if index % 2 == 0 or hostile_hidden:
                    data[name] = HIDDEN_HOSTILE[0] if hostile_hidden else spec["value"]
            elif kind == "select":
                options = [o for o in spec["options"] if o] or [""]
                if hostile_hidden:
                    data[name] = HIDDEN_HOSTILE[index % 4]
                elif index == 0:
                    data[name] = ""
                else:
                    data[name] = options[index % len(options)]
            elif kind == "file":
                from django.core.files.uploadedfile import SimpleUploadedFile

                data[name] = SimpleUploadedFile(  # type: ignore[assignment]
                    "fil.txt", values["text"].encode("utf-8", "replace") or b"x", "text/plain"
                )
            else:
                data[name] = values[field_kind(spec)]
        out.append(data)
    return out


def traceback_head(error: BaseException) -> str:
    """The last frames in Samordna's own code, then the error: where to look."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/samordna/" in f.filename and "/site-packages/" not in f.filename]
    shown = traceback.format_list((ours or frames)[-3:])
    return "".join(shown) + "".join(traceback.format_exception_only(error))


@dataclass
class Probe:
    per_name: int
    quiet: bool
    urls: set[str] = field(default_factory=set)
    requests: int = 0
    submissions: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    seen_errors: set[tuple[str, str]] = field(default_factory=set)
    kwargs: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def request(self, client, method: str, url: str, data=None, who: str = ""):
        from django.urls import Resolver404, resolve

        self.requests += 1
        self.urls.add(url.split("?")[0])
        try:
            if method == "post":
                response = client.post(url, data or {})
            else:
                response = client.get(url, data or {})
        except Exception as error:  # a server error is what we look for
            head = traceback_head(error)
            try:
                name = resolve(urlsplit(url).path).view_name
            except Resolver404:
                name = "?"
            key = (name, f"{type(error).__name__}: {str(error)[:80]}")
            self.errors.append((f"{who} {method.upper()} {url[:200]}", name, head))
            if key not in self.seen_errors and not self.quiet:
                print(f"500 {who} {method.upper()} {url[:200]} ({name})\n{head}", flush=True)
            self.seen_errors.add(key)
            return None
        if response.status_code >= 500:
            self.errors.append(
                (f"{who} {method.upper()} {url[:200]}", "", str(response.status_code))
            )
        return response


def run(per_name: int, quiet: bool) -> int:
    from django.core.management import call_command
    from django.test import Client
    from django.urls import Resolver404, resolve

    from samordna.accounts.models import User
    from samordna.demo.load import load_demo
    from samordna.demo.users import DEMO_USERS

    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    associations, _ = load_demo()
    print(f"Database ready in {time.perf_counter() - begin:.0f} s", flush=True)

    probe = Probe(per_name=per_name, quiet=quiet)
    all_routes = routes()
    identities: dict[tuple, str] = {}
    for demo in DEMO_USERS:
        identities.setdefault((demo.role, demo.association), demo.username)
    people = [None, *identities.values()]
    slugs = list(associations)

    for username in people:
        who = username or "anonym"
        client = Client(raise_request_exception=True)
        if username:
            client.force_login(User.objects.get(username=username))
        start = "/" if username is None else None
        user = User.objects.get(username=username) if username else None
        queue = [start or "/"]
        if user is not None and user.association is not None:
            queue.append(f"/f/{user.association.slug}/")
        seen: set[str] = set()
        per_view: dict[str, int] = defaultdict(int)
        forms: dict[tuple, tuple[str, Form]] = {}
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            try:
                match = resolve(urlsplit(url).path)
            except Resolver404:
                continue
            if match.view_name in ("logout", "admin:index") or match.view_name.startswith("admin:"):
                continue
            if per_view[match.view_name] >= per_name:
                continue
            per_view[match.view_name] += 1
            probe.kwargs[match.view_name].append(match.kwargs)
            response = probe.request(client, "get", url, who=who)
            if response is None or response.status_code != 200:
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            parser = FormParser()
            parser.feed(response.content.decode("utf-8", "replace"))
            for link in parser.links:
                target = urljoin(url, link)
                parts = urlsplit(target)
                if parts.netloc or parts.path.startswith(("/static/", "/media/", "/admin/")):
                    continue
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
            for form in parser.forms:
                action = urljoin(url, form.action or url)
                try:
                    action_name = resolve(urlsplit(action).path).view_name
                except Resolver404:
                    continue
                if action_name in SKIP_ACTIONS:
                    continue
                key = (action_name, form.method, tuple(sorted(f["name"] for f in form.fields)))
                forms.setdefault(key, (action, form))

        # Hostile ids in every pattern, starting from the real ids seen.
        for name, route in all_routes:
            params = [m.group("name") for m in PARAM.finditer(route)]
            real = probe.kwargs.get(name) or [
                {"slug": user.association.slug if user and user.association else slugs[0]}
            ]
            base = {k: str(v) for k, v in real[0].items()}
            if not params:
                continue
            for param in params:
                values = [*HOSTILE_IDS] if param != "slug" else ["abc", "x" * 300]
                if param == "slug":
                    values += slugs
                for value in values:
                    probe.request(client, "get", fill(route, {**base, param: value}), who=who)
            probe.request(client, "get", fill(route, base), who=who)

        # Hostile input in every form.
        for action, form in forms.values():
            for data in submissions(form):
                probe.submissions += 1
                if form.method == "post":
                    probe.request(client, "post", action, data, who=who)
                else:
                    query = {k: v for k, v in data.items() if isinstance(v, str)}
                    probe.request(client, "get", action + "?" + urlencode(query), who=who)
            # A hostile submission may have logged the user out (a changed password).
            if username:
                client.force_login(User.objects.get(username=username))
        print(
            f"{who}: {len(seen)} pages crawled, {len(forms)} forms, "
            f"{probe.requests} requests so far, {len(probe.errors)} server errors so far",
            flush=True,
        )

    print()
    print(f"URLs tried: {len(probe.urls)} (over {len(all_routes)} URL patterns)")
    print(f"Requests: {probe.requests}")
    print(f"Form submissions tried: {probe.submissions}")
    print(f"500s found: {len(probe.errors)} ({len(probe.seen_errors)} distinct)")
    distinct: dict[tuple[str, str], tuple[str, str, str]] = {}
    for where, name, head in probe.errors:
        last = head.strip().splitlines()[-1] if head.strip() else head
        distinct.setdefault((name, last[:120]), (where, name, head))
    for where, name, head in distinct.values():
        print(f"\n--- {where} ({name})\n{head}")
    print(f"Time: {time.perf_counter() - begin:.0f} s")
    return 1 if probe.errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--per-name", type=int, default=2, help="pages opened per URL name and user"
    )
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="samordna-probe-"))
    try:
        setup_django(workdir)
        code = run(args.per_name, args.quiet)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
