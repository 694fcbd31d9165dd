"""What one app adds to the browser tests in `test_browser.py`: its pages per role (URL
names), the files and POST-only addresses it links to, and the records whose history the
office opens. The browser tests merge every app listed in `APP_PAGES` there."""

from abc import ABC, abstractmethod

from samordna.associations.models import Association


class AppPages(ABC):
    prefixes: tuple[str, ...] = ()  # the URL names this app answers for, by namespace
    role_pages: dict[str, list[str]] = {}  # demo username -> URL names the role opens
    public_pages: list[str] = []
    files: set[str] = set()
    not_pages: set[str] = set()
    history_kinds: set[str] = set()  # opened by the office on the history page

    def __init__(self, association: Association):
        self.association = association
        self.slug = association.slug

    @abstractmethod
    def paths(self, name: str, username: str) -> list[str]:
        """The paths to open for the page `name` as `username`."""

    @abstractmethod
    def history_pk(self, kind: str) -> int:
        """The record whose history the office opens for `kind`."""
