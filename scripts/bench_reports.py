#!/usr/bin/env python
"""How long an årsredovisning takes to build and render: a förbund with a budget of 40 lines,
a year's ledger with opening and closing balances over 120 result and 20 balance accounts,
40 insatser with their grants, and long texts in every section, so that the report runs to
about 30 pages with its ten tables (resultaträkning, balansräkning, kassaflödesanalys, noter,
driftredovisning, finansiella mål, mål, insatser, deltagare, styrelsen). Timed: drafting the
report (every figure read from the data), the figure reads of its page, and rendering it as
PDF/A and as Word. Prints the figures.

Runs on a throwaway database: SQLite in a temp dir by default, or, with DATABASE_URL, a
PostgreSQL database that the script creates and drops again (its name must contain "bench").

    .venv/bin/python scripts/bench_reports.py [--runs 3] [--profile 30] [--against main]
"""

import argparse
import datetime
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2023
RESULT_ACCOUNTS = [4000 + 30 * n for n in range(120)]  # 4000 … 7570
BALANCE_ACCOUNTS = (
    [1510 + n for n in range(8)] + [1930 + n for n in range(4)] + [2440 + n for n in range(7)]
)
TEXT = (
    "Förbundet har under året finansierat insatser för personer som behöver samordnat stöd "
    "från flera myndigheter för att komma närmare arbete eller studier. Styrelsen har följt "
    "insatserna vid varje sammanträde och beslutat om fortsatt finansiering utifrån "
    "insatsernas resultat, deltagarnas utveckling och huvudmännens behov. "
)


def throwaway_postgres(url: str, *, create: bool) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"The database {name!r} is dropped afterwards: its name must contain 'bench'.")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            db.execute(f'CREATE DATABASE "{name}"')


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sie_file() -> bytes:
    out = [
        "#FLAGGA 0",
        "#FORMAT PC8",
        "#SIETYP 4",
        '#FNAMN "Samordningsförbundet Bänk"',
        f"#RAR 0 {YEAR}0101 {YEAR}1231",
        *(f'#KONTO {a} "Kostnadskonto {a} för verksamheten"' for a in RESULT_ACCOUNTS),
        '#KONTO 3010 "Medlemsbidrag"',
        *(f'#KONTO {a} "Balanskonto {a}"' for a in BALANCE_ACCOUNTS),
        "#IB 0 1930 2000000.00",
        "#IB 0 2091 -1500000.00",
        "#IB 0 2440 -500000.00",
    ]
    number = 0
    for month in range(1, 13):
        number += 1
        out += [
            f'#VER B {number} {YEAR}{month:02d}05 "Medlemsbidrag"',
            "{",
            "#TRANS 1930 {} 3000000.00",
            "#TRANS 3010 {} -3000000.00",
            "}",
        ]
        for account in RESULT_ACCOUNTS:
            number += 1
            out += [
                f'#VER A {number} {YEAR}{month:02d}20 "Faktura"',
                "{",
                f"#TRANS {account} {{}} 2400.00",
                "#TRANS 1930 {} -2400.00",
                "}",
            ]
    return ("\r\n".join(out) + "\r\n").encode("cp437")


def timed(
    label: str,
    action: Callable[[], Any],
    runs: int,
    before: Callable[[], Any] | None = None,
) -> tuple[Any, float, float]:
    """Wall-clock and CPU time (this process: the machine may be shared) per run."""
    times, cpu = [], []
    result = None
    for _ in range(runs):
        if before is not None:
            before()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        result = action()
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    median, median_cpu = statistics.median(times), statistics.median(cpu)
    print(
        f"{label}: median {median * 1000:.0f} ms (CPU {median_cpu * 1000:.0f} ms), "
        f"max {max(times) * 1000:.0f} ms"
    )
    return result, median, median_cpu


def run(runs: int, profile: int = 0, against: str = "") -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfReader

    from samordna.accounts.models import Role, User
    from samordna.associations.models import Association, BoardSeat, Member, Person, SeatKind
    from samordna.finance.models import Budget, BudgetLine, LineGroup
    from samordna.followup.models import ParticipantReport, ParticipantReportStatus, ReportingPeriod
    from samordna.interventions.models import Intervention
    from samordna.ledger import services as ledger_services
    from samordna.ledger.models import Treatment
    from samordna.meetings.models import Attendance, Meeting, Presence
    from samordna.reports import documents, selectors, services
    from samordna.reports.models import AssociationReport, AssociationReportKind

    association = Association.objects.create(
        name="Samordningsförbundet Bänk", slug="bank", seat="Bänkby", county="22"
    )
    office = User.objects.create_user(
        "bench.kansli", password="x", role=Role.OFFICE, association=association
    )
    member = Member.objects.create(association=association, kind="kommun", name="Bänkby kommun")
    budget = Budget.objects.create(association=association, year=YEAR)
    lines = [
        BudgetLine.objects.create(
            budget=budget,
            group=LineGroup.ADMINISTRATION if n % 2 else LineGroup.INTERVENTIONS,
            name=f"Rad {n}",
            position=n,
            amount=300_000,
        )
        for n in range(40)
    ]
    BudgetLine.objects.create(
        budget=budget,
        group=LineGroup.INCOME,
        name="Medlemsbidrag",
        position=41,
        amount=36_000_000,
        is_income=True,
    )
    insatser = []
    for n in range(40):
        insats = Intervention.objects.create(
            association=association,
            name=f"Insats {n:02d} för samordnat stöd till arbete",
            owner=member,
            direction="individual",
            starts_on=datetime.date(YEAR, 1, 1),
            ends_on=datetime.date(YEAR, 12, 31),
        )
        insatser.append(insats)
    period = ReportingPeriod.objects.create(
        association=association,
        kind="half_year",
        year=YEAR,
        number=1,
        starts_on=datetime.date(YEAR, 1, 1),
        ends_on=datetime.date(YEAR, 6, 30),
    )
    for n, insats in enumerate(insatser):
        ParticipantReport.objects.create(
            association=association,
            intervention=insats,
            period=period,
            status=ParticipantReportStatus.APPROVED,
            new_women=5 + n % 7,
            new_men=3 + n % 5,
            ended_women=2,
            ended_to_work=2,
        )
    seats = []
    for n in range(8):
        person = Person.objects.create(
            association=association, first_name=f"Ledamot{n}", last_name=f"Bänksson{n}"
        )
        seats.append(
            BoardSeat.objects.create(
                association=association,
                person=person,
                member=member,
                kind=SeatKind.ORDINARY,
                starts_on=datetime.date(YEAR - 1, 4, 1),
                ends_on=datetime.date(YEAR + 3, 3, 31),
            )
        )
    for month in range(1, 13):
        meeting = Meeting.objects.create(
            association=association,
            date=datetime.date(YEAR, month, 15),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Bänkby",
        )
        for n, seat in enumerate(seats):
            Attendance.objects.create(
                meeting=meeting,
                seat=seat,
                presence=Presence.ABSENT if (n + month) % 5 == 0 else Presence.PRESENT,
            )
    pending = ledger_services.import_upload(
        association=association,
        year=YEAR,
        by=office,
        file=SimpleUploadedFile("bank.se", sie_file()),
    )
    choices = {a: f"line:{lines[n % 40].pk}" for n, a in enumerate(RESULT_ACCOUNTS)}
    choices[3010] = Treatment.NOT_COUNTED
    ledger_services.import_confirm(ledger_import=pending, by=office, choices=choices)

    def clear() -> None:
        AssociationReport.objects.filter(association=association).delete()

    def build() -> AssociationReport:
        report = services.report_create(
            association=association, kind=AssociationReportKind.ANNUAL, year=YEAR, by=office
        )
        for section in report.sections.all():
            body = "".join(f"<p>{TEXT * 3}</p>" for _ in range(4))
            services.section_update(section=section, by=office, title=section.title, body=body)
        return report

    report, drafting, drafting_cpu = timed(
        "Upprätta årsredovisningen (alla siffror ur data)", build, runs, before=clear
    )
    _, reading, reading_cpu = timed(
        "Läsa sidans siffror (inaktuella markerade)", lambda: selectors.figure_state(report), runs
    )
    pdf, rendering, rendering_cpu = timed(
        "Skriva PDF/A", lambda: documents.report_pdf(report, archival=True), runs
    )
    _, word, _word_cpu = timed("Skriva Word", lambda: documents.report_docx(report), runs)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    tables = len({s.table for s in report.sections.all() if s.table})
    figures = report.figures.count()
    total = drafting + reading + rendering
    total_cpu = drafting_cpu + reading_cpu + rendering_cpu
    print(
        f"Årsredovisning: {pages} sidor, {tables} tabeller, {figures} siffror; "
        f"upprätta + läsa + PDF/A: {total:.2f} s (CPU {total_cpu:.2f} s; krav ≤ 3 s); "
        f"Word {word:.2f} s"
    )
    print(f"Maskinens last (1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor")
    if against:
        compare_templates(report, against, runs)
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
        profiler.runcall(documents.report_pdf, report, archival=True)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(profile)
        stats.sort_stats("cumulative").print_stats(profile)


PRINT_TEMPLATES = (
    ("samordna/core/templates/", "documents/base.html"),
    ("samordna/reports/templates/", "reports/documents/report.html"),
)


def placed_text(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    """Each page's pieces of text with where they are drawn: the same list for two PDFs
    means the same words, lines and page breaks in the same places."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[str, float, float]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, found: Any = found) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((text, round(x, 1), round(y, 1)))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def compare_templates(report: Any, ref: str, runs: int) -> None:
    """The same report (the same blocks) rendered as PDF/A by the print templates of git
    `ref` and by today's, taking turns, so that both meet the same load on a shared
    machine: wall-clock and CPU time of each, side by side."""
    import subprocess

    from django.template import Context, Engine
    from django.utils.safestring import mark_safe
    from weasyprint import HTML

    from samordna.core.documents import DOCUMENT_BASE, fetch_url
    from samordna.reports import documents

    old = Path(tempfile.mkdtemp(prefix="samordna-bench-templates-"))
    for root, name in PRINT_TEMPLATES:
        text = subprocess.run(
            ["git", "show", f"{ref}:{root}{name}"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        (old / name).parent.mkdir(parents=True, exist_ok=True)
        (old / name).write_bytes(text)
    engine = Engine(dirs=[str(old)])
    # `ref`'s templates read the context of today's report_pdf (the margins' strings).
    context = {
        "association": report.association,
        "report": report,
        "blocks": documents.report_blocks(report),
        **documents.page_context(report.association.name, documents.running_title(report)),
    }
    if "css_initials" in context and str(context["css_initials"]) == "none":
        context["css_initials"] = mark_safe('""')

    def before() -> bytes:
        html = engine.get_template("reports/documents/report.html").render(Context(context))
        document = HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=fetch_url)
        return document.write_pdf(pdf_variant="pdf/a-3b")

    def now() -> bytes:
        return documents.report_pdf(report, archival=True)

    times: dict[str, list[tuple[float, float]]] = {"before": [], "now": []}
    pdfs: dict[str, bytes] = {}
    for _ in range(runs):
        for label, action in (("before", before), ("now", now)):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            pdfs[label] = action()
            times[label].append((time.perf_counter() - begin, time.process_time() - begin_cpu))
    placed = {label: placed_text(pdf) for label, pdf in pdfs.items()}
    same = sum(a == b for a, b in zip(placed["before"], placed["now"], strict=False))
    print(
        f"Samma text på samma ställe (till 0,1 pt) på {same} av {len(placed['now'])} sidor "
        f"(före: {len(placed['before'])} sidor)"
    )
    for label, name in (("before", f"mallarna i {ref}"), ("now", "dagens mallar")):
        wall = statistics.median(t for t, _ in times[label])
        cpu = statistics.median(c for _, c in times[label])
        print(f"PDF/A med {name}: median {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)")
    print(f"Maskinens last (1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor")
    shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="profile one PDF/A rendering (cProfile) and print its N costliest functions",
    )
    parser.add_argument(
        "--against",
        default="",
        metavar="REF",
        help="also render the PDF/A with the print templates of git REF, taking turns",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="samordna-bench-reports-"))
    url = os.environ.get("DATABASE_URL", "")
    try:
        if url.startswith("postgres"):
            throwaway_postgres(url, create=True)
        setup_django(workdir)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        run(args.runs, args.profile, args.against)
    finally:
        from django.db import connections

        connections.close_all()
        if url.startswith("postgres"):
            throwaway_postgres(url, create=False)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
