"""The operator's pages in the browser tests: the list of förbund, a new förbund and the
corrections of one (Sundsvall's, whose address is locked since it is in use)."""

from django.urls import reverse

from samordna.core.tests.browser_pages import AppPages


class OperatorPages(AppPages):
    prefixes = ("operator:",)
    role_pages = {
        "drift": [
            "operator:associations",
            "operator:association_create",
            "operator:association_update",
        ]
    }

    def paths(self, name: str, username: str) -> list[str]:
        if name == "operator:association_update":
            return [reverse(name, args=[self.association.pk])]
        if name == "operator:association_create":
            return [reverse(name), f"{reverse(name)}?medlemmar=20"]
        return [reverse(name)]

    def history_pk(self, kind: str) -> int:
        raise AssertionError(f"Ingen historik för {kind}")
