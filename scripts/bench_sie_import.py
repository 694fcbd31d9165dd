#!/usr/bin/env python
"""How long a big ledger takes: an SIE 4 file with about 50 000 #TRANS rows (25 000
verifications over 40 result accounts and the bank) is parsed, imported (upload, preview,
mapping, the all-or-nothing import) and followed up (the follow-up's reads and the page).
Then the same file is imported as the page does it, side by side: the request that starts the
import (it answers with the progress page) and the background task run by the DB worker.

Runs on a throwaway database: SQLite in a temp dir by default (never the laptop's own), or,
with DATABASE_URL, a PostgreSQL database that the script creates and drops again (its name
must contain "bench"). Builds one förbund with a budget of 40 lines, no demo. Prints figures.

    .venv/bin/python scripts/bench_sie_import.py [--rows 50000] [--runs 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench_sie \\
        .venv/bin/python scripts/bench_sie_import.py
"""

import argparse
import datetime
import os
import random
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
ACCOUNTS = [4000 + 100 * n for n in range(40)]  # 4000 … 7900


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


def sie_file(rows: int) -> bytes:
    """A balanced SIE 4 file (CP437) with `rows` #TRANS rows, two per verification."""
    rng = random.Random(5)
    out = [
        "#FLAGGA 0",
        "#FORMAT PC8",
        "#SIETYP 4",
        '#PROGRAM "Samordna bench" 1.0',
        '#FNAMN "Samordningsförbundet Bänk"',
        f"#RAR 0 {YEAR}0101 {YEAR}1231",
        '#KONTO 1930 "Företagskonto"',
        *(f'#KONTO {a} "Kostnadskonto {a} för året"' for a in ACCOUNTS),
    ]
    start = datetime.date(YEAR, 1, 1)
    for number in range(1, rows // 2 + 1):
        day = start + datetime.timedelta(days=rng.randrange(365))
        amount = f"{rng.randrange(100, 5_000_000) / 100:.2f}"
        out += [
            f'#VER A {number} {day:%Y%m%d} "Faktura {number} från leverantör"',
            "{",
            f"#TRANS {rng.choice(ACCOUNTS)} {{}} {amount}",
            f"#TRANS 1930 {{}} -{amount}",
            "}",
        ]
    return ("\r\n".join(out) + "\r\n").encode("cp437")


def timed(label: str, action: Callable[[], Any], runs: int) -> Any:
    action()
    times = []
    result = None
    for _ in range(runs):
        begin = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - begin)
    print(
        f"{label}: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
    )
    return result


def once(label: str, action: Callable[[], Any]) -> Any:
    begin = time.perf_counter()
    result = action()
    print(f"{label}: {(time.perf_counter() - begin) * 1000:.0f} ms")
    return result


def run(rows: int, runs: int) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client

    from samordna.accounts.models import Role, User
    from samordna.associations.models import Association
    from samordna.finance.models import Budget, BudgetLine, LineGroup
    from samordna.ledger import selectors, services
    from samordna.ledger.sie import parse_sie

    association = Association.objects.create(
        name="Samordningsförbundet Bänk", slug="bank", seat="Bänkby", county="22"
    )
    office = User.objects.create_user(
        "bench.kansli", password="x", role=Role.OFFICE, association=association
    )
    budget = Budget.objects.create(association=association, year=YEAR)
    lines = [
        BudgetLine.objects.create(
            budget=budget,
            group=LineGroup.ADMINISTRATION,
            name=f"Rad {account}",
            position=n,
            amount=1_000_000,
        )
        for n, account in enumerate(ACCOUNTS)
    ]
    data = once(f"Skriva SIE-filen ({rows} #TRANS)", lambda: sie_file(rows))
    print(f"  filen är {len(data) / 1024 / 1024:.1f} MB")
    ledger = timed("Tolka filen (parse_sie)", lambda: parse_sie(data), max(1, runs // 2))
    assert ledger.ok, ledger.problems[:3]
    print(f"  {len(ledger.transactions)} transaktioner, {ledger.verifications} verifikationer")
    pending = once(
        "Ladda upp (import_upload)",
        lambda: services.import_upload(
            association=association,
            year=YEAR,
            by=office,
            file=SimpleUploadedFile("bank.se", data),
        ),
    )
    found = once("Förhandsgranska (läsa filen + preview)", lambda: selectors.preview(pending))
    assert len(found.unmapped) == len(ACCOUNTS)
    choices = {account: f"line:{line.pk}" for account, line in zip(ACCOUNTS, lines, strict=True)}
    begin = time.perf_counter()
    done = once(
        "Importera synkront (läsa filen, koppla, spara alla rader i en transaktion)",
        lambda: services.import_confirm(ledger_import=pending, by=office, choices=choices),
    )
    synchronous = time.perf_counter() - begin
    print(f"  {done.transaction_count} rader importerade")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    day = datetime.date(YEAR, 9, 30)
    report = timed(
        "Uppföljningens läsningar (followup)",
        lambda: selectors.followup(association, budget, day),
        runs,
    )
    client = Client()
    client.force_login(office)
    path = f"/f/{association.slug}/ekonomi/uppfoljning/?datum={day:%Y-%m-%d}"
    response = timed(
        "Sidan budgetuppföljning", lambda: client.get(path, HTTP_HOST="localhost"), runs
    )
    assert response.status_code == 200, response.status_code
    print(
        f"  Utfall kostnader "
        f"{report.costs.outcome:.2f} kr; sidan {len(response.content) / 1024:.0f} KB"
    )
    background_import(client, association, office, data, choices, synchronous)


def background_import(
    client: Any, association: Any, office: Any, data: bytes, choices: dict, synchronous: float
) -> None:
    """The same file again, imported the way the page does it: the request saves the mappings
    and queues the import; the database worker (`db_worker`, as `make run` starts it) runs it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from samordna.core.models import ProgressStatus, TaskProgress
    from samordna.ledger import services

    pending = services.import_upload(
        association=association, year=YEAR, by=office, file=SimpleUploadedFile("igen.se", data)
    )
    path = f"/f/{association.slug}/ekonomi/uppfoljning/import/{pending.pk}/"
    form = {"importera": "1", **{f"konto_{a}": c for a, c in choices.items()}}
    begin = time.perf_counter()
    response = client.post(path, form, HTTP_HOST="localhost")
    request_ms = (time.perf_counter() - begin) * 1000
    assert response.status_code == 302, response.status_code
    progress = TaskProgress.objects.get(association=association)
    assert progress.status == ProgressStatus.QUEUED, progress.status
    begin = time.perf_counter()
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    worker = time.perf_counter() - begin
    progress.refresh_from_db()
    assert progress.status == ProgressStatus.DONE, progress.error
    print(f"Anropet som startar importen (POST, svarar med förloppets sida): {request_ms:.0f} ms")
    print(f"Importen i bakgrunden (db_worker kör uppgiften): {worker * 1000:.0f} ms")
    print(
        f"Sida vid sida: synkront i anropet {synchronous * 1000:.0f} ms | "
        f"anropet som startar {request_ms:.0f} ms + arbetet i bakgrunden {worker * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000, help="#TRANS rows in the file")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://"))
    workdir = Path(tempfile.mkdtemp(prefix="samordna-bench-"))
    try:
        if postgres:
            throwaway_postgres(url, create=True)
        setup_django(workdir)
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        print(f"Databas: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
        run(args.rows, args.runs)
    finally:
        if postgres:
            from django.db import connections

            connections.close_all()
            throwaway_postgres(url, create=False)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
