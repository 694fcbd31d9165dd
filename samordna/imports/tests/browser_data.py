"""The protocol pages the browser tests open: the förbund's search for every role that
reads its minutes, the public search, each with a question that has hits; the kansli's
import of old protocols (upload, and the preview of an uploaded one)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.core.tests.browser_pages import AppPages
from samordna.imports import services
from samordna.imports.models import ImportBatch, PendingImport
from samordna.imports.tests.minutes_fixtures import FIXTURES

READERS = ["imports:search"]
IMPORT_PAGES = ["imports:upload", "imports:preview"]
UPLOADED = "heldout_sjobygden_2024_03_15.txt"


class ImportPages(AppPages):
    prefixes = ("imports:", "protocol_search:")
    role_pages = {
        "jan.andersson": [*READERS, *IMPORT_PAGES],
        "christina.nordeno": READERS,
        "peter.pettersson": READERS,
        "eva.sonidsson": READERS,
        "ekonomi.sundsvall": READERS,
    }
    public_pages = ["protocol_search:search"]
    not_pages = {"imports:discard"}

    def paths(self, name: str, username: str) -> list[str]:
        if name == "imports:search":
            url = reverse(name, args=[self.slug])
            return [url, f"{url}?q=psykologtj%C3%A4nst+2022"]
        if name == "protocol_search:search":
            url = reverse(name)
            return [url, f"{url}?q=handlingarna&forbund={self.slug}"]
        if name == "imports:upload":
            url = reverse(name, args=[self.slug])
            return [url, f"{url}?zip={self.batch().pk}"]
        if name == "imports:preview":
            return [reverse(name, args=[self.slug, self.pending().pk])]
        raise AssertionError(f"Ingen sökväg för {name}")

    def pending(self) -> PendingImport:
        """An old protocol uploaded and waiting for its preview."""
        found = PendingImport.objects.filter(association=self.association, meeting=None).first()
        if found is not None:
            return found
        office = self.association.users.get(username="jan.andersson")
        result = services.upload_protocols(
            association=self.association,
            by=office,
            upload=SimpleUploadedFile(UPLOADED, (FIXTURES / UPLOADED).read_bytes()),
        )
        return result.created[0]

    def batch(self) -> ImportBatch:
        """A zip read in the background: one protocol read, one file named as not read."""
        found = ImportBatch.objects.filter(association=self.association).first()
        if found is not None:
            return found
        office = self.association.users.get(username="jan.andersson")
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("inkop.txt", "Inköpslista\nMjölk\n")
        services.upload_protocols(
            association=self.association,
            by=office,
            upload=SimpleUploadedFile("arkiv.zip", archive.getvalue()),
        )
        batch = ImportBatch.objects.get(association=self.association)
        if batch.finished_at is None:  # not already read by an immediate task backend
            services.batch_read(batch=batch, by=office, report=lambda done, total, message: None)
        return batch

    def history_pk(self, kind: str) -> int:
        raise AssertionError(f"Sökningen har ingen historik: {kind}")
