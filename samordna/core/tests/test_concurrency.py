"""The one mechanism against lost updates, for every edit form."""

import importlib
import pkgutil
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory, SimpleTestCase

import samordna
from samordna.core.concurrency import VersionedFormMixin, lock_version, version_of
from samordna.core.middleware import OutOfRangeMiddleware
from samordna.core.services import save_with_history
from samordna.core.tests.base import SamordnaTestCase


def form_modules() -> None:
    """Import every forms module of every app, so that all form classes exist."""
    for app in pkgutil.iter_modules(samordna.__path__):
        if not app.ispkg:
            continue
        package = importlib.import_module(f"samordna.{app.name}")
        for module in pkgutil.iter_modules(package.__path__):
            if module.name == "forms" or module.name.endswith("_forms"):
                importlib.import_module(f"samordna.{app.name}.{module.name}")


def subclasses(cls: Any) -> set[Any]:
    found: set[Any] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *subclasses(sub)}
    return found


# Forms that are not ModelForms but edit one stored record (each view passes `versioned=`).
PLAIN_EDIT_FORMS = [
    "samordna.finance.forms.AllocationForm",
    "samordna.finance.forms.ScheduleForm",
    "samordna.finance.forms.PaymentForm",
    "samordna.finance.forms.BudgetUpdateForm",
    "samordna.finance.forms.LineForm",
    "samordna.finance.forms.BalanceForm",
    "samordna.finance.forms.AdoptForm",
    "samordna.meetings.forms.TaskDoneForm",
    "samordna.ledger.forms.ForecastForm",
    "samordna.interventions.money_forms.AgreementSignForm",
    "samordna.interventions.money_forms.ConditionMetForm",
    "samordna.interventions.report_forms.ReportForm",
    "samordna.followup.count_forms.PlannedForm",
    "samordna.followup.count_forms.CountsForm",
    "samordna.fees.forms.LossClaimForm",
    "samordna.fees.forms.TravelClaimForm",
    # Forms that edit a set of rows, versioned by the newest history id among them.
    "samordna.meetings.forms.RollCallForm",
    "samordna.meetings.forms.RecusalForm",
    "samordna.meetings.forms.SignersForm",
    "samordna.associations.forms.MemberSharesForm",
    "samordna.interventions.forms.AssessmentForm",
    "samordna.interventions.forms.PreparationGroupForm",
]


class EveryEditFormCarriesItsVersionTests(SimpleTestCase):
    def test_every_model_form_carries_the_version_field(self):
        form_modules()
        model_forms = [
            form
            for form in subclasses(forms.ModelForm)
            if form.__module__.startswith("samordna.")
            and getattr(form, "_meta", None)
            and form._meta.model is not None
        ]
        self.assertGreater(len(model_forms), 20)
        for form in model_forms:
            with self.subTest(form=form.__qualname__):
                self.assertIn("version", form.base_fields)
                self.assertIsInstance(form.base_fields["version"].widget, forms.HiddenInput)

    def test_the_plain_edit_forms_carry_the_version_field(self):
        for path in PLAIN_EDIT_FORMS:
            module, _, name = path.rpartition(".")
            form = getattr(importlib.import_module(module), name)
            with self.subTest(form=name):
                self.assertIn("version", form.base_fields)

    def test_the_mixin_gives_a_hidden_version_field(self):
        class Form(VersionedFormMixin, forms.Form):
            name = forms.CharField()

        self.assertIsInstance(Form().fields["version"].widget, forms.HiddenInput)
        self.assertIsNone(Form().versioned)


class LockVersionTests(SamordnaTestCase):
    def test_a_stale_version_is_refused_with_the_change_named(self):
        person = self.association.people.order_by("pk")[0]
        read_at = version_of(person)
        person.note = "Ordförande i nämnden"
        save_with_history(person, by=self.office)
        with self.assertRaises(ValidationError) as caught:
            lock_version(person, read_at)
        message = caught.exception.messages[0]
        self.assertIn("har ändrats av Jan Andersson", message)
        self.assertIn("Ordförande i nämnden", message)
        self.assertEqual(lock_version(person, version_of(person)).pk, person.pk)

    def test_the_version_is_the_newest_history_record(self):
        person = self.association.people.order_by("pk")[0]
        before = version_of(person)
        save_with_history(person, by=self.office)
        self.assertGreater(version_of(person), before)


class OutOfRangeTests(SamordnaTestCase):
    def test_an_overflowing_number_is_a_bad_request_not_a_server_error(self):
        request = RequestFactory().get("/insatser/9223372036854775808/")
        request.user = self.office
        middleware = OutOfRangeMiddleware(lambda r: None)  # type: ignore[arg-type,return-value]
        response = middleware.process_exception(request, OverflowError("too large"))
        assert response is not None
        self.assertEqual(response.status_code, 400)
        self.assertIn("för stort", response.content.decode())
        self.assertIsNone(middleware.process_exception(request, KeyError("x")))

    def test_huge_ids_in_the_catalogue_answer_without_a_server_error(self):
        for value in (2**31, 2**63, 2**64):
            with self.subTest(value=value):
                response = self.client.get(f"/insatser/{value}/")
                self.assertIn(response.status_code, (400, 404))


class VersionKeptOutOfCleanedDataTests(SamordnaTestCase):
    def test_a_service_given_the_cleaned_data_never_sees_the_version(self):
        from samordna.associations.forms import PersonForm

        person = self.association.people.order_by("pk")[0]
        form = PersonForm(
            {"first_name": "Anna", "last_name": "Berg", "version": "41"}, instance=person
        )
        self.assertTrue(form.is_valid(), form.errors)
        self.assertNotIn("version", form.cleaned_data)
        self.assertEqual(form.read_version(), 41)
        empty = PersonForm({"first_name": "Anna", "last_name": "Berg", "version": ""})
        self.assertTrue(empty.is_valid(), empty.errors)
        self.assertNotIn("version", empty.cleaned_data)
        self.assertIsNone(empty.read_version())
