"""Print the parse of one protocol file (PDF, Word or text); saves nothing.

manage.py import_minutes protokoll.pdf --json
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samordna.imports.extract import Refused, kind_of
from samordna.imports.minutes.model import as_json
from samordna.imports.minutes.parse import parse_file

MAX_BYTES = 25 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Läser ett protokoll (PDF, Word eller text) och skriver ut vad som hittades. Sparar inget."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="protokollfilen")
        parser.add_argument("--json", action="store_true", help="skriv ut tolkningen som JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: filen finns inte.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path.name}: filen är större än 25 MB.")
        data = path.read_bytes()
        if kind_of(data, path.name) == "zip" and path.suffix.lower() == ".zip":
            raise CommandError(f"{path.name}: kommandot läser en fil i taget; packa upp arkivet.")
        try:
            parsed = parse_file(data, path.name)
        except Refused as refused:
            raise CommandError(refused.message) from refused
        if options["json"]:
            self.stdout.write(json.dumps(as_json(parsed), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{parsed.association or 'Okänt förbund'}, sammanträde "
            f"{parsed.date or 'okänt datum'}: {len(parsed.paragraphs)} paragrafer "
            f"(§ {parsed.first_paragraph}–{parsed.last_paragraph}), {len(parsed.attendance)} "
            f"närvarande och övriga."
        )
        for problem in parsed.problems:
            where = f"rad {problem.line}: " if problem.line else ""
            self.stdout.write(f"  {where}{problem.message}")
