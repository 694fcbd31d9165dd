"""Hostile and careless input: ids out of every database's range are a 400 (on SQLite too,
whose driver raises OverflowError), and no form takes a date like 0001-01-01 or 9999-12-31."""

import datetime
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.urls.exceptions import NoReverseMatch

import samordna
from samordna.core.forms import StyledFormMixin
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.validators import validate_sensible_date
from samordna.finance.models import ContributionInstalment
from samordna.interventions.models import Intervention
from samordna.meetings import services as meeting_services

HOSTILE_IDS = [2**63, 2**64, 99999999999999999999]


def routes(patterns=None, namespace: str = "", converters=None):
    """(name, converters) of every named address, with the converters of its includes."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        found = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from routes(entry.url_patterns, inner, found)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", found


class HostileIdTests(SamordnaTestCase):
    def test_every_address_answers_huge_ids_without_a_500(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.office)
        tried, failures = 0, []
        for name, converters in routes():
            ints = [key for key, c in converters.items() if isinstance(c, IntConverter)]
            if not ints:
                continue
            for hostile in HOSTILE_IDS:
                kwargs = {
                    key: hostile if key in ints else "sundsvall" if key == "slug" else "x"
                    for key in converters
                }
                try:
                    url = reverse(name, kwargs=kwargs)
                except NoReverseMatch:
                    continue
                tried += 1
                for response in (client.get(url), client.post(url, {})):
                    if response.status_code >= 500:
                        failures.append((url, response.status_code))
        self.assertGreater(tried, 200)
        self.assertEqual(failures, [])

    def test_a_huge_id_in_a_form_choice_is_a_swedish_400(self):
        # The catalogue form's kommuner: Django checks the chosen ids with one query, which
        # SQLite's driver cannot even send for a number over 2**63 - 1.
        client = Client(raise_request_exception=False)
        client.force_login(self.office)
        intervention = Intervention.objects.filter(association=self.association).first()
        assert intervention is not None
        url = reverse("interventions:catalogue_edit", args=["sundsvall", intervention.pk])
        for hostile in HOSTILE_IDS:
            with self.subTest(hostile=hostile):
                response = client.post(url, {"municipalities": [str(hostile)], "what": "x"})
                # SQLite cannot send the number: the general Swedish 400 page. PostgreSQL
                # answers the query, and the form refuses the choice: its own 400.
                self.assertEqual(response.status_code, 400)
                text = response.content.decode()
                self.assertTrue(
                    "Felaktig begäran" in text or "Välj ett giltigt alternativ" in text,
                    text[:2000],
                )
        response = client.post(url, {"municipalities": ["-1"], "what": "x"})
        self.assertEqual(response.status_code, 400)  # the form's own error


class DateBoundsTests(SamordnaTestCase):
    def test_the_validator_refuses_year_one_and_year_9999(self):
        for day in (datetime.date(1, 1, 1), datetime.date(9999, 12, 31)):
            with self.subTest(day=day), self.assertRaises(forms.ValidationError) as caught:
                validate_sensible_date(day)
            self.assertIn("Datumet", caught.exception.messages[0])
        validate_sensible_date(datetime.date(2024, 6, 1))

    def test_a_meeting_in_year_9999_or_0001_is_refused_in_the_form(self):
        self.login(self.office)
        for day in ("9999-12-31", "0001-01-01"):
            with self.subTest(day=day):
                response = self.client.post(
                    "/f/sundsvall/sammantraden/nytt/",
                    {"date": day, "starts_at": "09:00", "ends_at": "12:00", "place": "Stadshuset"},
                )
                self.assertContains(response, "är orimligt", status_code=400)
        self.assertFalse(self.association.meetings.filter(place="Stadshuset").exists())

    def test_a_meeting_more_than_ten_years_away_is_refused_by_the_service(self):
        today = datetime.date.today()
        for day in (today.replace(year=today.year + 11), today.replace(year=today.year - 11)):
            with self.subTest(day=day), self.assertRaises(forms.ValidationError) as caught:
                meeting_services.meeting_create(
                    association=self.association,
                    by=self.office,
                    date=day,
                    starts_at=datetime.time(9),
                    ends_at=datetime.time(12),
                    place="Långt borta",
                )
            self.assertIn("inom 10 år från i dag", caught.exception.messages[0])

    def test_a_contribution_paid_in_year_one_is_refused(self):
        instalment = ContributionInstalment.objects.filter(
            schedule__association=self.association
        ).first()
        assert instalment is not None
        self.login(self.office)
        response = self.client.post(
            f"/f/sundsvall/ekonomi/bidrag/inbetalning/{instalment.pk}/",
            {"paid_on": "0001-01-01", "paid_amount": "1000"},
        )
        self.assertContains(response, "är orimligt", status_code=400)

    def test_every_form_with_a_date_field_keeps_to_the_bounds(self):
        """The bounds are applied by StyledFormMixin; a form without it would slip."""
        without = []
        for module_info in pkgutil.walk_packages(samordna.__path__, "samordna."):
            name = module_info.name
            if (
                ".tests" in name
                or ".migrations" in name
                or not name.split(".")[-1].endswith("forms")
            ):
                continue
            module = importlib.import_module(name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if not issubclass(cls, forms.BaseForm) or cls.__module__ != name:
                    continue
                fields = getattr(cls, "base_fields", {})
                dated = any(isinstance(f, forms.DateField) for f in fields.values())
                if dated and not issubclass(cls, StyledFormMixin):
                    without.append(f"{name}.{cls.__name__}")
        self.assertEqual(without, [])


class ContentSecurityPolicyTests(SamordnaTestCase):
    def test_every_page_says_only_samordnas_own_scripts_and_styles(self):
        self.login(self.office)
        policy = self.client.get("/f/sundsvall/")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        self.assertEqual(directives["script-src"], "'self'")
        self.assertEqual(directives["style-src"], "'self'")
        self.assertEqual(directives["default-src"], "'self'")
        self.assertNotIn("unsafe", policy)

    def test_no_page_template_has_inline_script_or_style(self):
        """Print templates (documents/, *_pdf.html) go to WeasyPrint and e-mail bodies (email/)
        to mail programs, which drop stylesheets; neither is served under the site's CSP. Their
        styles are fixed text: user text is escaped, never placed in a style."""
        root = Path(samordna.__file__).parent
        found = []
        for template in root.glob("*/templates/**/*.html"):
            relative = str(template.relative_to(root))
            if "/documents/" in relative or "/email/" in relative or relative.endswith("_pdf.html"):
                continue
            text = template.read_text(encoding="utf-8")
            if re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", text):
                found.append(relative)
        self.assertEqual(found, [])
