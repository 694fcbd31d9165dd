"""The protocol search pages the browser tests open: the förbund's search for every role
that reads its minutes, and the public search, each with a question that has hits."""

from django.urls import reverse

from samordna.core.tests.browser_pages import AppPages

READERS = ["imports:search"]


class ImportPages(AppPages):
    prefixes = ("imports:", "protocol_search:")
    role_pages = {
        "jan.andersson": READERS,
        "christina.nordeno": READERS,
        "peter.pettersson": READERS,
        "eva.sonidsson": READERS,
        "ekonomi.sundsvall": READERS,
    }
    public_pages = ["protocol_search:search"]

    def paths(self, name: str, username: str) -> list[str]:
        if name == "imports:search":
            url = reverse(name, args=[self.slug])
            return [url, f"{url}?q=psykologtj%C3%A4nst+2022"]
        if name == "protocol_search:search":
            url = reverse(name)
            return [url, f"{url}?q=handlingarna&forbund={self.slug}"]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        raise AssertionError(f"Sökningen har ingen historik: {kind}")
