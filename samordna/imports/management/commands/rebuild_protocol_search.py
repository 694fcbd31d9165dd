"""Build the search index of every protocol's §§ anew (after a bulk change or a restore)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from samordna.imports import search


class Command(BaseCommand):
    help = "Bygger om sökindexet över alla protokolls paragrafer."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            count = search.rebuild()
        self.stdout.write(f"{count} paragrafer indexerade.")
