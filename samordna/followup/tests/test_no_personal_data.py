"""The follow-up holds no data that could identify a participant (DOMAIN.md § 3.5).

Every column of every follow-up table, their history tables included, is checked against
what it may be: a count, a reference to a förbund, insats, period, survey or staff user, a
date of the förbund's own work, a fixed choice, or a text the förbund writes about its work
(named below, each with its reason). A new column fails this test until it is judged here.
"""

from django.apps import apps
from django.db import models
from django.test import SimpleTestCase

from samordna.followup.counts import COUNT_NAMES

# Texts the kansli writes about the förbund's own work, never about a participant.
KANSLI_TEXTS = {
    "Scale.name": "the name of an answer scale",
    "ScaleStep.label": "a step of the scale, e.g. Stämmer helt",
    "Questionnaire.name": "the survey's name",
    "Questionnaire.introduction": "what the survey is about, shown to those who answer",
    "Statement.text": "a statement people answer on the scale",
    "SurveyRound.title": "the round's title, e.g. Deltagare vid avslut 2023",
    "ReportUnlock.reason": "why the kansli opened approved counts (about the figures)",
    "MeasuredGoal.text": "one of the förbund's goals",
    "CountImport.filename": "the name the kansli gave the file of counts it uploaded",
}
# A checked file of counts waiting for confirmation: its header holds `insats` and the count
# columns only (a file with any other column is refused before it is kept), each row an
# insats and its counts, the same as the counts form.
CHECKED_TABLES = {"CountImport.rows"}
# Choices and keys: fixed codes or random tokens that say nothing about anyone.
CODES = {
    "FollowupSettings.period_kind",
    "ReportingPeriod.kind",
    "ParticipantReport.status",
    "Questionnaire.audience",
    "SurveyRound.token",  # the round's public address, the same for everyone
    "UsedFormKey.key",  # a random key per form, not linked to anyone
    # A keyed hash of an address with the round and the ten-minute window, kept for at most
    # twenty minutes to limit answers per address; it cannot be linked across windows.
    "AnswerThrottle.address_hash",
    "MeasuredGoal.measure",
    "MeasuredGoal.comparison",
}
# Who on the staff entered or approved figures, and when: the förbund's own work.
STAFF_ACTIONS = {
    "ParticipantReport.submitted_at",
    "ParticipantReport.submitted_by",
    "ParticipantReport.approved_at",
    "ParticipantReport.approved_by",
    "ReportUnlock.unlocked_by",
    "ReportUnlock.unlocked_at",
    "CountImport.uploaded_at",
    "CountImport.imported_at",
}
REFERENCES = (
    "associations.Association",
    "interventions.Intervention",
    "interventions.ApplicationGoal",
    "accounts.User",
)
# Answers carry no time, no address and no identity.
ANONYMOUS = ("SurveyResponse", "SurveyAnswer", "UsedFormKey", "AnswerThrottle")


def _judged(model: type[models.Model], field: models.Field) -> str | None:
    """Why the column is harmless, or None."""
    name = f"{model.__name__.removeprefix('Historical')}.{field.name}"
    if field.name in COUNT_NAMES or name in KANSLI_TEXTS or name in CODES or name in CHECKED_TABLES:
        return "named"
    if name in STAFF_ACTIONS or field.name.startswith("history_"):
        return "staff"  # simple-history's who, when and why of a change by the staff
    if isinstance(field, models.AutoField | models.BigAutoField | models.UUIDField):
        return "key"  # a running number, or a random one where even the order is kept out
    if field.name == "id":
        return "key"  # a history row's copy of the record's key
    if isinstance(field, models.ForeignKey):
        target = field.related_model._meta.label  # type: ignore[union-attr]
        if target in REFERENCES or target.startswith("followup."):
            return "reference"
    if isinstance(field, models.PositiveIntegerField | models.PositiveSmallIntegerField):
        return "number"  # a count, a year, a period number, a version, a scale value
    if isinstance(field, models.BooleanField):
        return "flag"
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return "date"  # a period's or a round's dates, set by the förbund
    return None


class NoPersonalDataTests(SimpleTestCase):
    def test_every_follow_up_column_is_judged_harmless(self):
        unexplained = []
        for model in apps.get_app_config("followup").get_models():
            for field in model._meta.concrete_fields:
                if _judged(model, field) is None:
                    unexplained.append(f"{model.__name__}.{field.name} ({type(field).__name__})")
        self.assertEqual(unexplained, [], "Kolumner som kan peka ut en deltagare")

    def test_answers_are_not_numbered_in_the_order_they_came(self):
        for name in ANONYMOUS:
            with self.subTest(model=name):
                key = apps.get_model("followup", name)._meta.pk
                self.assertIsInstance(key, models.UUIDField)

    def test_answers_have_no_time_address_or_history(self):
        for name in ANONYMOUS:
            model = apps.get_model("followup", name)
            with self.subTest(model=name):
                kinds = {type(f) for f in model._meta.concrete_fields}
                self.assertFalse(kinds & {models.DateTimeField, models.GenericIPAddressField})
                self.assertFalse(hasattr(model, "history"), f"{name} ska inte ha historik")

    def test_no_free_text_about_a_participant(self):
        texts = [
            f"{model.__name__}.{field.name}"
            for model in apps.get_app_config("followup").get_models()
            if not model.__name__.startswith("Historical")
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        self.assertEqual(sorted(set(texts) - set(KANSLI_TEXTS) - CODES), [])
