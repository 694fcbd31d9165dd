"""The text of every § kept for search: an index, derived from the meetings' paragraphs
and rebuilt from them at any time (`manage.py rebuild_protocol_search`), so it keeps no
history of its own.

On PostgreSQL `vector` holds the § as a Swedish tsvector under a GIN index; on SQLite an
FTS5 table (created by this app's migration) holds the same text with the § 's id as rowid.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


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
