"""Benchmark of the diarium's search (issue 19): 200 000 handlingar in one förbund's
register, searched by word, Dnr, organisation and date range on PostgreSQL.

Run against a database of its own (it is created, migrated and filled here):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench_records \\
        .venv/bin/python scripts/bench_records.py [--handlings 200000]

Prints the time of each search (page one of 25 and its count, which stops at 1 000 as the
register's does) as the median and the worst of a few runs; the target is ≤ 200 ms.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from samordna.associations.models import Association  # noqa: E402
from samordna.records import selectors, services  # noqa: E402
from samordna.records.models import Case, DnrCounter, DocumentType, Handling  # noqa: E402

WORDS = [
    "ansökan",
    "avtal",
    "faktura",
    "skrivelse",
    "rapport",
    "protokoll",
    "begäran",
    "inbjudan",
    "remiss",
    "yttrande",
    "samverkan",
    "arbetsmarknad",
    "rehabilitering",
    "ungdomar",
    "psykisk",
    "hälsa",
    "insats",
    "utvärdering",
    "budget",
    "delårsrapport",
    "årsredovisning",
    "revision",
    "konferens",
    "utbildning",
    "försäkring",
]
ORGANISATIONS = [
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Region Västernorrland",
    "Sundsvalls kommun",
    "Timrå kommun",
    "Härnösands kommun",
    "Nationella rådet",
    "Skatteverket",
]
BATCH = 5000


def fill(association: Association, count: int) -> None:
    services.registry_for(association)
    types = list(DocumentType.objects.filter(association=association))
    rng = random.Random(19)
    cases: list[Case] = []
    per_case = 8
    years = range(2005, 2025)
    number_by_year = dict.fromkeys(years, 0)
    for index in range(count // per_case + 1):
        year = years[index % len(years)]
        number_by_year[year] += 1
        number = number_by_year[year]
        cases.append(
            Case(
                association=association,
                year=year,
                number=number,
                dnr=f"{year}/{number}",
                title=" ".join(rng.sample(WORDS, 3)).capitalize(),
                opened_on=datetime.date(year, 1 + index % 12, 1 + index % 28),
            )
        )
    with transaction.atomic():
        Case.objects.bulk_create(cases, batch_size=BATCH)
        DnrCounter.objects.bulk_create(
            DnrCounter(association=association, year=y, last_number=n)
            for y, n in number_by_year.items()
        )
    cases = list(Case.objects.filter(association=association).order_by("pk"))
    made = 0
    while made < count:
        rows = []
        for offset in range(min(BATCH, count - made)):
            position = made + offset
            case = cases[position // per_case]
            description = " ".join(rng.sample(WORDS, 5)).capitalize()
            organisation = rng.choice(ORGANISATIONS)
            secret = position % 50 == 0
            number = f"{case.dnr}-{position % per_case + 1}"
            text = f"{case.dnr} {number} {case.title} {description} {organisation}".lower()
            public = f"{case.dnr} {number} {case.title} {organisation}".lower()
            rows.append(
                Handling(
                    association=association,
                    case=case,
                    sequence=position % per_case + 1,
                    direction=rng.choice(["in", "out", "internal"]),
                    date=case.opened_on + datetime.timedelta(days=position % per_case),
                    description=description,
                    organisation=organisation,
                    document_type=rng.choice(types),
                    secret_description=secret,
                    osl_chapter=26 if secret else None,
                    osl_section="1" if secret else "",
                    secrecy_reason="Enskilds personliga förhållanden" if secret else "",
                    search_text=text,
                    public_text=public if secret else f"{public} {description.lower()}",
                )
            )
        with transaction.atomic():
            Handling.objects.bulk_create(rows, batch_size=BATCH)
        made += len(rows)
        print(f"  {made} handlingar", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE records_handling")
        cursor.execute("ANALYZE records_case")


def create_database() -> None:
    """The benchmark's own database, created when it is missing."""
    import psycopg

    db = settings.DATABASES["default"]
    with psycopg.connect(
        dbname="postgres",
        user=db["USER"],
        host=db["HOST"],
        port=db["PORT"] or 5432,
        password=db["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if exists.fetchone() is None:
            admin.execute(f'CREATE DATABASE "{db["NAME"]}"')


def timed(
    association: Association, search: selectors.Search, *, public: bool, runs: int
) -> tuple[float, float, int]:
    times = []
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        found = selectors.handlings_found(association, search, public=public)
        # As the register's page asks: the count (stopping at COUNT_CAP + 1) and page one.
        paginator = selectors.RegisterPaginator(found, 25)
        list(paginator.get_page(1).object_list)
        count = paginator.count
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--handlings", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Benchmarken mäter PostgreSQL: sätt DATABASE_URL till en egen databas.")
    create_database()
    call_command("migrate", verbosity=0)
    association, _ = Association.objects.get_or_create(
        slug="bench-diarium",
        defaults={"name": "Benchmarkförbundet", "seat": "Sundsvall", "county": "22"},
    )
    have = Handling.objects.filter(association=association).count()
    if have < args.handlings:
        Handling.objects.filter(association=association).delete()
        Case.objects.filter(association=association).delete()
        DnrCounter.objects.filter(association=association).delete()
        print(f"Fyller diariet med {args.handlings} handlingar …", flush=True)
        start = time.perf_counter()
        fill(association, args.handlings)
        print(f"  klart på {time.perf_counter() - start:.0f} s")
    total = Handling.objects.filter(association=association).count()
    print(
        f"\nSökning i {total} handlingar (PostgreSQL {connection.pg_version}), "
        f"{args.runs} körningar:"
    )
    cases = [
        ("ett ord (kansliet)", selectors.Search(words="rehabilitering"), False),
        ("ett ord (allmänheten)", selectors.Search(words="rehabilitering"), True),
        ("två ord", selectors.Search(words="psykisk yttrande"), True),
        ("sällsynt ord", selectors.Search(words="utvärdering revision konferens"), True),
        ("diarienummer", selectors.Search(dnr="2015/300"), True),
        ("handlingens nummer", selectors.Search(dnr="2015/300-3"), True),
        ("organisation", selectors.Search(organisation="Timrå"), True),
        (
            "datumintervall",
            selectors.Search(
                date_from=datetime.date(2019, 3, 1), date_to=datetime.date(2019, 3, 31)
            ),
            True,
        ),
        (
            "ord + organisation + år",
            selectors.Search(
                words="budget",
                organisation="Försäkringskassan",
                date_from=datetime.date(2012, 1, 1),
                date_to=datetime.date(2012, 12, 31),
            ),
            True,
        ),
        ("ingen sökning (senaste)", selectors.Search(), True),
    ]
    worst = 0.0
    for label, search, public in cases:
        median, slowest, count = timed(association, search, public=public, runs=args.runs)
        worst = max(worst, median)
        hits = f"över {selectors.COUNT_CAP}" if count > selectors.COUNT_CAP else str(count)
        print(f"  {label:<28} {median:7.1f} ms median, {slowest:7.1f} ms värst, {hits} träffar")
    verdict = "inom" if worst <= 200 else "ÖVER"
    print(f"\nSämsta median {worst:.1f} ms: {verdict} målet 200 ms.")


if __name__ == "__main__":
    main()
