"""GLOSSARY.md at the root maps the Swedish words to the code: every name in it must exist,
and every model of Samordna must be in it, so a renamed model or function fails here."""

import importlib
import re
from pathlib import Path

from django.apps import apps
from django.test import SimpleTestCase

GLOSSARY = Path(__file__).resolve().parents[3] / "GLOSSARY.md"
MODEL = re.compile(r"^[a-z_]+\.[A-Z][A-Za-z]+$")


def glossary_rows() -> list[tuple[str, str, list[str]]]:
    """(Swedish term, meaning, code names) for each row of the glossary's tables."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 3 or set(cells[0]) <= {"-"}:
            continue
        if cells[0] == "Svenska":
            continue
        rows.append((cells[0], cells[1], re.findall(r"`([^`]+)`", cells[2])))
    return rows


def resolve_path(dotted: str) -> object:
    """The module, or the module's attribute, that `samordna.app.module[.name]` names."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)  # AttributeError names what is missing
        return found
    raise ModuleNotFoundError(dotted)


def samordna_models() -> set[str]:
    return {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("samordna.") and not model.__name__.startswith("Historical")
    }


class GlossaryTests(SimpleTestCase):
    def test_every_row_has_a_term_a_meaning_and_a_name_in_code(self):
        rows = glossary_rows()
        self.assertGreaterEqual(len(rows), 60)
        for term, meaning, names in rows:
            with self.subTest(term=term):
                self.assertTrue(term and meaning, term)
                self.assertTrue(names, f"{term}: inget namn i koden")

    def test_every_name_in_the_glossary_exists(self):
        for term, _meaning, names in glossary_rows():
            for name in names:
                with self.subTest(term=term, name=name):
                    if name.startswith("samordna."):
                        resolve_path(name)
                    else:
                        self.assertRegex(name, MODEL)
                        apps.get_model(name)  # LookupError if there is no such model

    def test_every_model_is_in_the_glossary(self):
        named = {name for _t, _m, names in glossary_rows() for name in names}
        self.assertGreater(len(samordna_models()), 50)
        self.assertEqual(samordna_models() - named, set())

    def test_a_missing_name_is_noticed(self):
        with self.assertRaises(LookupError):
            apps.get_model("meetings.Jav")
        with self.assertRaises(AttributeError):
            resolve_path("samordna.meetings.services.jav_set")
        with self.assertRaises(ModuleNotFoundError):
            resolve_path("samordna_not.a.module")
