"""The text of every § kept for search: an index, derived from the meetings' paragraphs
and rebuilt from them at any time (`manage.py rebuild_protocol_search`), so it keeps no
history of its own.

On PostgreSQL `vector` holds the § as a Swedish tsvector under a GIN index; on SQLite an
FTS5 table (created by this app's migration) holds the same text with the § 's id as rowid.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords


class ParagraphText(models.Model):
    paragraph = models.OneToOneField(
        "meetings.Paragraph", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField("paragraf")
    title = models.CharField("rubrik", max_length=300)
    body = models.TextField("text")
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = "sökbar paragraf"
        verbose_name_plural = "sökbara paragrafer"
        indexes = [models.Index(fields=["association", "meeting"])]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"


class ImportBatch(models.Model):
    """A zip of many old protocols, read in the background (`imports.tasks`): each protocol
    in it becomes its own pending import, every file that is not gets a Swedish message
    naming it in `refused`. The zip itself is deleted once it has been read."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField("zip-arkiv", upload_to="imports/zip/%Y/", blank=True)
    filename = models.CharField("filnamn", max_length=255)
    refused = models.JSONField("filer som inte lästes", default=list, blank=True)
    progress = models.ForeignKey(
        "core.TaskProgress", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("uppladdad", auto_now_add=True)
    finished_at = models.DateTimeField("färdigläst", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "zip-arkiv med protokoll"
        verbose_name_plural = "zip-arkiv med protokoll"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class PendingImport(models.Model):
    """An uploaded protocol read once and waiting for the kansli to check and confirm it.

    `parsed` holds the whole parse and the numbered source lines (`imports.stored`), so the
    preview never reads the file again; confirming saves one historical meeting with the file
    as its archival original and points `meeting` at it."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField("fil", upload_to="imports/%Y/")
    filename = models.CharField("filnamn", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    parsed = models.JSONField("tolkning")
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("uppladdad", auto_now_add=True)
    # The zip it came in, if any.
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
    )
    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_from",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "protokoll att importera"
        verbose_name_plural = "protokoll att importera"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "sha256"], name="imports_pending_unique_file"
            )
        ]

    def __str__(self) -> str:
        return self.filename
