"""The förbund's version changes with its records, and what is kept under it follows."""

from django.db import connection, transaction
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from samordna.associations import cache
from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.followup.models import ScaleStep
from samordna.interventions.models import TargetGroup


class VersionTests(SamordnaTestCase):
    def versions(self) -> tuple[int, int]:
        found = dict(Association.objects.values_list("pk", "render_version"))
        return found[self.association.pk], found[self.other.pk]

    def test_a_record_two_steps_from_the_forbund_changes_its_version_only(self):
        mine, others = self.versions()
        step = ScaleStep.objects.filter(scale__association=self.association)[0]
        step.label = "Ny text"
        step.save()
        after = self.versions()
        self.assertNotEqual(after[0], mine)
        self.assertEqual(after[1], others)

    def test_a_deleted_record_changes_its_version(self):
        step = ScaleStep.objects.filter(scale__association=self.association).reverse()[0]
        mine, _ = self.versions()
        step.delete()
        self.assertNotEqual(self.versions()[0], mine)

    def test_a_national_record_changes_every_version(self):
        before = self.versions()
        TargetGroup.objects.create(code="prov", name="Prov")
        after = self.versions()
        self.assertNotEqual(after[0], before[0])
        self.assertNotEqual(after[1], before[1])

    def test_a_login_keeps_the_version(self):
        """Django writes `last_login` at every login; no page shows it."""
        before = self.versions()
        self.client.force_login(self.office)
        self.assertEqual(self.versions(), before)
        self.office.first_name = "Janne"
        self.office.save()
        self.assertNotEqual(self.versions()[0], before[0])

    def test_the_version_changes_only_when_the_transaction_commits(self):
        # Outside the tests the change waits for the commit (conftest.py runs it at once).
        original = cache.after_commit
        cache.after_commit = lambda action: transaction.on_commit(action)
        try:
            mine, _ = self.versions()
            with self.captureOnCommitCallbacks(execute=True) as callbacks:
                ScaleStep.objects.filter(scale__association=self.association)[0].save()
                self.assertEqual(self.versions()[0], mine)
            self.assertEqual(len(callbacks), 1)
            self.assertNotEqual(self.versions()[0], mine)
        finally:
            cache.after_commit = original

    def test_many_saves_in_one_transaction_write_one_version(self):
        original = cache.after_commit
        cache.after_commit = lambda action: transaction.on_commit(action)
        steps = list(ScaleStep.objects.filter(scale__association=self.association))
        try:
            with (
                CaptureQueriesContext(connection) as queries,
                self.captureOnCommitCallbacks(execute=True) as callbacks,
            ):
                for step in steps:
                    step.save()
                    step.save()
        finally:
            cache.after_commit = original
        drawn = [q for q in queries if q["sql"].startswith('UPDATE "associations_association"')]
        self.assertGreater(len(callbacks), 2)
        self.assertEqual(len(drawn), 1)

    def test_per_association_builds_again_after_a_change(self):
        built = []

        def build() -> int:
            built.append(1)
            return len(built)

        association = Association.objects.get(pk=self.association.pk)
        self.assertEqual(cache.per_association(association, "prov", build), 1)
        self.assertEqual(cache.per_association(association, "prov", build), 1)
        cache.association_pages_changed(association_id=association.pk)
        association.refresh_from_db()
        self.assertEqual(cache.per_association(association, "prov", build), 2)


class SharedTagTests(SamordnaTestCase):
    template = Template(
        '{% load shared %}{% shared association "prov" day %}{{ read }}{% endshared %}'
    )
    national_part = Template(
        '{% load shared %}{% shared_nationally "prov" %}{{ read }}{% endshared_nationally %}'
    )

    def render(self, template: Template, **context: object) -> str:
        return template.render(Context(context))

    def test_the_part_is_kept_until_the_forbund_changes(self):
        association = Association.objects.get(pk=self.association.pk)
        reads = []

        def read() -> str:
            reads.append(1)
            return f"<b>{len(reads)}</b>"

        self.assertEqual(
            self.render(self.template, association=association, day=1, read=read),
            "&lt;b&gt;1&lt;/b&gt;",
        )
        self.assertEqual(
            self.render(self.template, association=association, day=1, read=read),
            "&lt;b&gt;1&lt;/b&gt;",
        )
        # What else it depends on is part of the key.
        self.assertIn("2", self.render(self.template, association=association, day=2, read=read))
        # Another förbund never meets this one's part.
        other = Association.objects.get(pk=self.other.pk)
        self.assertIn("3", self.render(self.template, association=other, day=1, read=read))
        cache.association_pages_changed(association_id=association.pk)
        association.refresh_from_db()
        self.assertIn("4", self.render(self.template, association=association, day=1, read=read))

    def test_a_part_with_a_form_that_posts_is_never_kept(self):
        template = Template(
            '{% load shared %}{% shared association "prov" %}'
            '<form method="post">{% csrf_token %}</form>{% endshared %}'
        )
        association = Association.objects.get(pk=self.association.pk)
        with self.assertLogs("samordna.associations.templatetags.shared", "ERROR"):
            first = template.render(Context({"association": association, "csrf_token": "a"}))
        with self.assertLogs("samordna.associations.templatetags.shared", "ERROR"):
            second = template.render(Context({"association": association, "csrf_token": "b"}))
        self.assertIn('value="a"', first)
        self.assertIn('value="b"', second)

    def test_the_national_part_follows_every_forbund(self):
        self.assertEqual(self.render(self.national_part, read="a"), "a")
        self.assertEqual(self.render(self.national_part, read="b"), "a")
        Association.objects.get(pk=self.other.pk).save()
        self.assertEqual(self.render(self.national_part, read="c"), "c")
