"""Templates are compiled once per worker, not read and parsed on every page."""

from django.template import engines
from django.test import SimpleTestCase


class TemplateLoaderTests(SimpleTestCase):
    def test_templates_come_through_the_cached_loader(self):
        loaders = engines["django"].engine.loaders  # type: ignore[attr-defined]
        self.assertEqual([name for name, _ in loaders], ["django.template.loaders.cached.Loader"])
