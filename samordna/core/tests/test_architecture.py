"""The shape of the code: no import cycles between modules, and no app importing from an app
above it (issue 14, item 2).

The graph is read from the source with `ast`, not from what Python has imported, so an import
inside a function counts as much as one at the top of a module (that is how cycles hide), and
so does one under `if TYPE_CHECKING:`.
"""

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

from django.test import SimpleTestCase

PACKAGE = Path(__file__).resolve().parents[2]  # samordna/

# The apps from the bottom up: an app may import from itself and from apps below it.
LAYERS = [
    "core",
    "associations",  # the förbund and its registers
    "accounts",  # users belong to a förbund; roles
    "meetings",  # sammanträden, protokoll, justering
    "interventions",  # ansökan → beslut (a paragraph) → avtal → utbetalning → rapport
    "attest",  # signature lists and orders for the insatser's payments
    "fees",  # arvoden, paid through attest orders
    "finance",  # budget from the granted insatser
    "ledger",  # the outcome against the budget
    "control",  # the control year: årshjul, delegation, internkontroll, risks, ansvarsfrihet
    "followup",  # counts and surveys of the insatser
    "reports",  # verksamhetsplan, delårsrapport, årsredovisning from all of the above
    "imports",  # old protocols into the meetings
    "records",  # the diarium and the archive: registers what every app below does
]
# Modules that assemble the whole site from every app, and so may import any of them.
ENTRY_POINTS = (
    "samordna.settings",
    "samordna.test_settings",
    "samordna.urls",
    "samordna.wsgi",
    "samordna.conftest",
    "samordna.demo",  # the demo data touches every app
    "samordna.core.management.commands.load_demo",
    "samordna.core.home",  # the front page sends each role to its own start page
    "samordna.core.context_processors",  # the menu links every app's pages
)
# Upward imports that exist today, each with why; delete a line when its import goes (the
# test fails on a line no longer needed, and on any new upward import).
KNOWN_UPWARD = {
    # The user model: a user belongs to a förbund (accounts above associations), while the
    # förbund's access helpers and history need the user and its role. Typing only in
    # core.http; the rest reads `User.role`.
    ("samordna.core.http", "samordna.accounts.models"),
    ("samordna.associations.permissions", "samordna.accounts.models"),
    ("samordna.associations.services", "samordna.accounts.models"),
    # The generic history page (merged while this test was written): core finds a record's
    # förbund through the Association model and asks the förbund's access rule whether to
    # link the history. To go: the förbund lookup and `history_link` move to associations.
    ("samordna.core.history", "samordna.associations.models"),
    ("samordna.core.templatetags.sv", "samordna.associations.permissions"),
    # Start pages that show what is waiting elsewhere: the förbund's start page lists the
    # meetings to justera and the applications to prepare; a meeting's page names the insats
    # each § decides on. Each reads one selector of the app above.
    ("samordna.associations.views", "samordna.interventions.selectors"),
    ("samordna.associations.views", "samordna.meetings.selectors"),
    ("samordna.meetings.views", "samordna.interventions.selectors"),
    # The progress page of background tasks (issue 14 item 4) is one page for every app's
    # tasks: it asks the förbund's access rule and the user's role who may follow a task.
    # To go: the page moves to associations beside the other förbund pages.
    ("samordna.core.permissions", "samordna.accounts.models"),
    ("samordna.core.views", "samordna.associations.models"),
    ("samordna.core.views", "samordna.associations.permissions"),
    # The minutes list the decisions taken under delegation since the last meeting
    # ("Anmälan av delegationsbeslut", issue 16): one selector of the control year.
    ("samordna.meetings.selectors", "samordna.control.selectors"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    """Every module of samordna except migrations (Django writes those)."""
    return {
        module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.relative_to(PACKAGE).parts
    }


def imported(module: str, source: str, known: set[str], *, package: bool = False) -> Iterator[str]:
    """The samordna modules `module` imports, wherever the import statement stands."""
    package_name = module if package else module.rpartition(".")[0]

    def nearest(name: str) -> str:
        while name not in known and "." in name:
            name = name.rpartition(".")[0]
        return name

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package_name.rsplit(".", node.level - 1)[0]
                base = f"{anchor}.{base}" if base else anchor
            # `from samordna.fees import rules` imports the module samordna.fees.rules.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "samordna" and nearest(target) != module:
                yield nearest(target)


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """Module → the samordna modules it imports (read once per run)."""
    modules = source_modules()
    known = set(modules)
    return {
        name: set(
            imported(
                name,
                path.read_text(encoding="utf-8"),
                known,
                package=path.name == "__init__.py",
            )
        )
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def is_entry_point(module: str) -> bool:
    return module.startswith(ENTRY_POINTS) or ".tests" in f"{module}."[len("samordna") :]


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(importer, imported) where the importer's app sits below the imported one's."""
    found = set()
    for module, targets in graph.items():
        if is_entry_point(module):
            continue
        for target in targets:
            source_app, target_app = app_of(module), app_of(target)
            if source_app is None or target_app is None:
                continue
            if LAYERS.index(source_app) < LAYERS.index(target_app):
                found.add((module, target))
    return found


class ArchitectureTests(SimpleTestCase):
    def test_no_module_imports_itself_round_a_cycle(self):
        self.assertEqual(cycles(import_graph()), [])

    def test_every_app_has_a_layer(self):
        apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
        self.assertEqual(apps, set(LAYERS))

    def test_no_app_imports_from_an_app_above_it(self):
        upward = upward_imports(import_graph())
        self.assertEqual(sorted(upward - KNOWN_UPWARD), [], "importer → imported")
        self.assertEqual(sorted(KNOWN_UPWARD - upward), [], "no longer needed: remove")

    def test_the_graph_sees_imports_inside_functions_and_cycles(self):
        known = {"samordna.fees", "samordna.fees.models", "samordna.fees.rules", "samordna.core"}
        source = (
            "from samordna.core import text\n"
            "def describe(claim):\n"
            "    from samordna.fees.rules import format_decimal\n"
            "    from . import models\n"
        )
        found = set(imported("samordna.fees.views", source, known))
        self.assertEqual(found, {"samordna.core", "samordna.fees.rules", "samordna.fees.models"})
        graph = {
            "samordna.fees.models": {"samordna.fees.rules"},
            "samordna.fees.rules": {"samordna.fees.models"},
            "samordna.core.text": set(),
        }
        self.assertEqual(cycles(graph), [["samordna.fees.models", "samordna.fees.rules"]])
        self.assertEqual(
            upward_imports({"samordna.meetings.views": {"samordna.fees.models"}}),
            {("samordna.meetings.views", "samordna.fees.models")},
        )
        self.assertEqual(upward_imports({"samordna.fees.tests.x": {"samordna.ledger"}}), set())
