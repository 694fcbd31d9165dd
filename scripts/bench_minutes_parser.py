#!/usr/bin/env python
"""How fast a long protocol is read: a generated 30-page protocol as PDF (WeasyPrint) and as
Word (python-docx) is extracted and parsed several times, and a zip of 100 protocols is read
under its limits and parsed one by one. Then the same zip goes the way a kansli's upload
goes (`--no-task` skips this): the upload request, which only keeps the zip and queues it,
and the background task that reads it into 100 pending imports, reporting its progress
after each protocol, as the database worker runs it. That part runs in a throwaway SQLite
database in a temporary folder (tables made from the models, media in the same folder);
nothing else is touched.

    .venv/bin/python scripts/bench_minutes_parser.py [--pages 30] [--runs 5] [--no-task]
"""

import argparse
import io
import os
import statistics
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MATTER = (
    "Förbundschefen redovisar ärendet. Beredningsgruppen har gått igenom underlaget och "
    "bedömt det mot förbundets kriterier för insatser: samverkan mellan minst två parter, "
    "tydliga mål med indikatorer, en plan för uppföljning och jämställdhet. Styrelsen "
    "diskuterar hur insatsen kan bidra till att fler deltagare går vidare till arbete eller "
    "studier och hur resultaten ska rapporteras till Uppföljning Finsam under året."
)


def paragraphs(count: int) -> list[tuple[int, str, list[str], list[str]]]:
    rows = []
    for n in range(1, count + 1):
        title = f"Ansökan om medel för insats {n}" if n % 3 == 0 else f"Informationsärende {n}"
        body = [MATTER, MATTER if n % 2 else "Lina Berg anmäler jäv och deltar inte i beslutet."]
        decision = (
            [f"Att bevilja insats {n} {100 + n} 000 kr för perioden 2024-01-01–2024-12-31."]
            if n % 3 == 0
            else ["Att lägga informationen till handlingarna."]
        )
        rows.append((n, title, body, decision))
    return rows


FRONT = [
    "Protokoll från styrelsemöte för Samordningsförbundet Provdalen",
    "Sammanträdesdatum: 2024-03-15",
    "Plats och tid: Kommunhuset, kl. 09.00–15.00",
    "Närvarande ordinarie ledamöter: Anna Ek, Provby kommun",
    "Bo Lind, Region Prov",
    "Lina Berg, Försäkringskassan",
    "Övriga: Eva Holm, förbundschef",
    "Utses att justera: Bo Lind",
    "Justeringsdatum: 2024-03-22",
    "Anslaget uppsatt den 2024-03-25. Anslaget tas ned den 2024-04-16.",
    "Förvaringsplats för protokollet är förbundets kansli",
]


def html(count: int) -> str:
    parts = [
        "<html lang='sv'><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 25mm; @top-right { content: 'Protokoll 2024-03-15'; }"
        " @bottom-left { content: 'Justerandes signatur ......'; }"
        " @bottom-right { content: 'Sida ' counter(page) ' av ' counter(pages); } }"
        "body { font-family: 'DejaVu Sans'; font-size: 11pt; }</style></head><body>"
    ]
    parts += [f"<p>{line}</p>" for line in FRONT]
    for n, title, body, decision in paragraphs(count):
        parts.append(f"<h2>§ {n} {title}</h2>")
        parts += [f"<p>{text}</p>" for text in body]
        parts.append("<p>Styrelsen beslutar</p>")
        parts += [f"<p>{text}</p>" for text in decision]
    parts.append("</body></html>")
    return "".join(parts)


def docx(count: int) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.sections[0].header.paragraphs[0].text = "Samordningsförbundet Provdalen 2024-03-15"
    document.sections[0].footer.paragraphs[0].text = "Justerandes signatur ......"
    for line in FRONT:
        document.add_paragraph(line)
    for n, title, body, decision in paragraphs(count):
        document.add_paragraph(f"§ {n} {title}")
        for text in [*body, "Styrelsen beslutar", *decision]:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(function, runs: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU seconds per run: on a shared machine the CPU time shows the cost
    of the work itself, the wall time what a user waits under that load."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    import django

    django.setup()
    from pypdf import PdfReader
    from weasyprint import HTML

    from samordna.imports import archive
    from samordna.imports.minutes.parse import parse_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-task", action="store_true", help="skip the background run")
    args = parser.parse_args()

    count = 40
    pdf = HTML(string=html(count)).write_pdf()
    while len(PdfReader(io.BytesIO(pdf)).pages) < args.pages:
        count += max(4, count * (args.pages - len(PdfReader(io.BytesIO(pdf)).pages)) // args.pages)
        pdf = HTML(string=html(count)).write_pdf()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    word = docx(count)
    print(
        f"Protokoll: {count} paragrafer, {pages} sidor som PDF ({len(pdf) // 1024} kB), "
        f"Word {len(word) // 1024} kB"
    )
    for label, data, name in (("PDF", pdf, "lang.pdf"), ("Word", word, "lang.docx")):
        parsed = parse_file(data, name)
        assert len(parsed.paragraphs) == count, (label, len(parsed.paragraphs))
        wall, cpu = timed(lambda d=data, n=name: parse_file(d, n), args.runs)
        grants = sum(len(p.grants) for p in parsed.paragraphs)
        print(
            f"{label:5} läsa och tolka: median {statistics.median(wall):.3f} s "
            f"(CPU {statistics.median(cpu):.3f} s), längst {max(wall):.3f} s; "
            f"{args.runs} körningar, {grants} beviljade belopp hittade"
        )

    text = (
        "\n".join(FRONT)
        + "\n"
        + "\n".join(
            f"§ {n} {title}\n" + "\n".join(body) + "\nStyrelsen beslutar\n" + "\n".join(decision)
            for n, title, body, decision in paragraphs(30)
        )
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for n in range(100):
            # Each protocol its own file (the same file twice is read once).
            own = text.replace("Informationsärende 1\n", f"Informationsärende 1 (nr {n})\n", 1)
            zipped.writestr(f"protokoll-{n:03}.txt", own.encode("utf-8"))
    data = out.getvalue()

    def read_all() -> None:
        for member in archive.read_zip(data, "protokoll.zip").members:
            parse_file(member.data, member.name)

    wall, cpu = timed(read_all, max(1, args.runs // 2))
    print(
        f"Zip med 100 protokoll (30 § var, {len(data) // 1024} kB): läsa under gränserna och "
        f"tolka alla: median {statistics.median(wall):.2f} s (CPU {statistics.median(cpu):.2f} s)"
    )
    if not args.no_task:
        background(data)
    print(f"Maskinens last (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def background(data: bytes) -> None:
    """The zip through the upload service and its background task, in a throwaway database."""
    import tempfile

    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import override_settings

    folder = tempfile.mkdtemp(prefix="bench-minutes-")
    settings.DATABASES["default"] = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(folder, "bench.sqlite3"),
        "TEST": {"NAME": os.path.join(folder, "bench.sqlite3"), "MIGRATE": False},
    }
    connection.close()
    connection.settings_dict.update(settings.DATABASES["default"])
    with override_settings(
        MEDIA_ROOT=folder,
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        from unittest import mock

        from django.core.management import call_command

        from samordna.accounts.models import User
        from samordna.associations.models import Association
        from samordna.core.models import TaskProgress
        from samordna.imports import services
        from samordna.imports.models import PendingImport

        association = Association.objects.create(
            name="Samordningsförbundet Provdalen", slug="provdalen", seat="Provby", county="22"
        )
        office = User.objects.create(
            username="kansli.provdalen", association=association, role="office"
        )
        # A running server has its URLs loaded already (the first reverse imports every view).
        from django.urls import reverse

        reverse("imports:upload", args=[association.slug])
        start, start_cpu = time.perf_counter(), time.process_time()
        result = services.upload_protocols(
            association=association,
            by=office,
            upload=SimpleUploadedFile("protokoll.zip", data),
        )
        # What the request did: the zip kept, the task queued (on commit, in autocommit).
        answered = time.perf_counter() - start
        answered_cpu = time.process_time() - start_cpu
        assert result.progress is not None
        seen: list[tuple[int, int]] = []
        real_report = services.batch_read

        def watching(**kwargs: Any) -> Any:
            report = kwargs.pop("report")

            def counted(done: int, total: int, message: str) -> None:
                report(done, total, message)
                row = TaskProgress.objects.get(pk=result.progress.pk)  # type: ignore[union-attr]
                seen.append((row.done, row.total))

            return real_report(report=counted, **kwargs)

        start, start_cpu = time.perf_counter(), time.process_time()
        with (
            mock.patch.object(services, "batch_read", watching),
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        ):
            call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        progress = TaskProgress.objects.get(pk=result.progress.pk)
        count = PendingImport.objects.filter(association=association).count()
        print(
            f"Zip med 100 protokoll som bakgrundsarbete: uppladdningen svarar på {answered:.2f} s "
            f"(CPU {answered_cpu:.2f} s; sparar zip-filen och köar uppgiften); "
            f"arbetaren läser in {count} protokoll till "
            f"väntande importer på {wall:.2f} s (CPU {cpu:.2f} s); förloppet rapporterades "
            f"{len(seen)} gånger ({seen[0][0]}/{seen[0][1]} … {seen[-1][0]}/{seen[-1][1]}), "
            f"slutstatus {progress.get_status_display().lower()}: {progress.message}"
        )


if __name__ == "__main__":
    main()
