#!/usr/bin/env python
"""How long the national follow-up takes at the scale of the whole country: 75 förbund in
the 21 län, about 12 insatser each, 10 years of tertial counts (some 27 000 approved reports).

Runs on a throwaway database: SQLite in a temp dir by default (never the laptop's own), or,
with DATABASE_URL, a PostgreSQL database that the script creates and drops again (its name
must contain "bench"). Generates the figures with bulk_create (counts that obey every rule of
`counts.problems`), then times, after one warm-up, the national sums by län for one year and
for all ten years, the whole national view's reads, and the page rendered for a national
reader. Prints figures only. If the schema has no index on the periods' (förbund, year,
number), it then adds one to the throwaway database and times everything again.

    .venv/bin/python scripts/bench_national_followup.py [--runs 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench_national \\
        .venv/bin/python scripts/bench_national_followup.py
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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent

FORBUND = 75
INSATSER = 12  # per förbund
YEARS = range(2014, 2024)
NOT_SHARING = 7  # förbund that keep their figures to themselves


def throwaway_postgres(url: str, *, create: bool) -> None:
    """Create (or drop) the benchmark's own PostgreSQL database."""
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
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` in `parts` whole numbers that add up exactly."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _take(rng: random.Random, have: list[int], count: int) -> list[int]:
    """`count` taken from the groups in `have`, none taking more than it has."""
    taken = [0] * len(have)
    left = min(count, sum(have))
    order = list(range(len(have)))
    rng.shuffle(order)
    for group in order:
        share = min(have[group], left)
        taken[group] = share
        left -= share
    return taken


def _tertial_end(year: int, month: int) -> datetime.date:
    if month == 9:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 4, 1) - datetime.timedelta(days=1)


def insats_counts(rng: random.Random, periods: int) -> Iterator[dict[str, int]]:
    """An insats's counts period after period: each one starts where the last ended."""
    from samordna.followup.counts import AGE_BANDS, DESTINATIONS, GENDERS, INCOMES

    size = rng.randint(8, 40)
    genders = [0, 0, 0]
    ages = [0] * len(AGE_BANDS)
    for _ in range(periods):
        new_genders = [rng.randint(0, size // 3), rng.randint(0, size // 3), rng.randint(0, 1)]
        new = sum(new_genders)
        new_ages = _split(rng, new, len(AGE_BANDS))
        present = [a + b for a, b in zip(genders, new_genders, strict=True)]
        present_ages = [a + b for a, b in zip(ages, new_ages, strict=True)]
        ended = max(0, sum(present) - size + rng.randint(-3, 3))
        ended_genders = _take(rng, present, ended)
        ended_ages = _take(rng, present_ages, ended)
        values = {}
        for stock, by_gender, by_age in (
            ("start", genders, ages),
            ("new", new_genders, new_ages),
            ("ended", ended_genders, ended_ages),
        ):
            for (code, _), value in zip(GENDERS, by_gender, strict=True):
                values[f"{stock}_{code}"] = value
            for (code, _), value in zip(AGE_BANDS, by_age, strict=True):
                values[f"{stock}_age_{code}"] = value
        genders = [p - e for p, e in zip(present, ended_genders, strict=True)]
        ages = [p - e for p, e in zip(present_ages, ended_ages, strict=True)]
        for (code, _), value in zip(GENDERS, genders, strict=True):
            values[f"end_{code}"] = value
        for (code, _), value in zip(AGE_BANDS, ages, strict=True):
            values[f"end_age_{code}"] = value
        for (code, _), value in zip(
            DESTINATIONS, _split(rng, ended, len(DESTINATIONS)), strict=True
        ):
            values[f"ended_to_{code}"] = value
        for (code, _), value in zip(INCOMES, _split(rng, new, len(INCOMES)), strict=True):
            values[f"income_{code}"] = value
        yield values


def generate() -> dict[str, int]:
    """The country's förbund, insatser, periods and approved counts, in bulk."""
    from django.db import transaction
    from django.utils import timezone

    from samordna.accounts.models import Role, User
    from samordna.associations.cache import association_pages_changed
    from samordna.associations.models import Association, Member, MemberKind
    from samordna.core.choices import County
    from samordna.followup.counts import problems
    from samordna.followup.models import (
        FollowupSettings,
        ParticipantReport,
        ParticipantReportStatus,
        PeriodKind,
        ReportingPeriod,
    )
    from samordna.interventions.models import Direction, Intervention

    rng = random.Random(2003_1210)
    counties = [code for code, _ in County.choices]
    approved_at = timezone.now()
    with transaction.atomic():
        associations = Association.objects.bulk_create(
            Association(
                name=f"Samordningsförbundet Bänk {n:02d}",
                slug=f"bank-{n:02d}",
                seat=f"Ort {n:02d}",
                county=counties[n % len(counties)],
            )
            for n in range(1, FORBUND + 1)
        )
        # One kansli user approves everything: who approved is not what is measured.
        office = User.objects.create(
            username="bench.kansli", role=Role.OFFICE, association=associations[0]
        )
        User.objects.create(username="bench.nationell", role=Role.NATIONAL)
        FollowupSettings.objects.bulk_create(
            FollowupSettings(
                association=a,
                period_kind=PeriodKind.TERTIAL,
                suppression_threshold=rng.choice([5, 5, 5, 6, 8]),
                share_nationally=n >= NOT_SHARING,
            )
            for n, a in enumerate(associations)
        )
        members = Member.objects.bulk_create(
            Member(association=a, kind=MemberKind.KOMMUN, name=f"Kommun {a.pk}")
            for a in associations
        )
        interventions = Intervention.objects.bulk_create(
            Intervention(
                association=a,
                owner=m,
                name=f"Insats {k} i {a.name}",
                direction=Direction.INDIVIDUAL,
            )
            for a, m in zip(associations, members, strict=True)
            for k in range(1, INSATSER + rng.randint(-2, 2) + 1)
        )
        periods = ReportingPeriod.objects.bulk_create(
            ReportingPeriod(
                association=a,
                kind=PeriodKind.TERTIAL,
                year=year,
                number=number,
                starts_on=datetime.date(year, month, 1),
                ends_on=_tertial_end(year, month),
            )
            for a in associations
            for year in YEARS
            for number, month in enumerate((1, 5, 9), start=1)
        )
        by_association: dict[int, list[Any]] = {}
        for period in periods:
            by_association.setdefault(period.association_id, []).append(period)
        reports = []
        for intervention in interventions:
            own = by_association[intervention.association_id]
            previous_end = None
            for period, values in zip(own, insats_counts(rng, len(own)), strict=True):
                found = problems(values, previous_end=previous_end)
                assert not found, found
                previous_end = sum(values[f"end_{g}"] for g in ("women", "men", "other"))
                reports.append(
                    ParticipantReport(
                        association_id=intervention.association_id,
                        intervention=intervention,
                        period=period,
                        status=ParticipantReportStatus.APPROVED,
                        submitted_at=approved_at,
                        submitted_by=office,
                        approved_at=approved_at,
                        approved_by=office,
                        **values,
                    )
                )
        ParticipantReport.objects.bulk_create(reports, batch_size=2000)
        # Written in bulk, without signals: what the pages keep in the cache is out of date.
        association_pages_changed(association_id=None)
    return {
        "förbund": len(associations),
        "som delar": len(associations) - NOT_SHARING,
        "län": len({a.county for a in associations}),
        "insatser": len(interventions),
        "perioder": len(periods),
        "rapporter": len(reports),
    }


def timed(label: str, run: Callable[[], Any], runs: int) -> Any:
    result = run()  # warm-up: connection, query plans, templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<46} median {statistics.median(times):7.1f} ms   "
        f"min {min(times):7.1f} ms   max {max(times):7.1f} ms"
    )
    return result


PERIOD_INDEX = "followup_reportingperiod (association_id, year, number)"


def has_period_index() -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "followup_reportingperiod")
    return any(
        (c["index"] or c["unique"]) and c["columns"][:3] == ["association_id", "year", "number"]
        for c in constraints.values()
    )


def measure(runs: int) -> None:
    """Time the national sums, the view's reads and the page."""
    from django.test import Client

    from samordna.accounts.models import User
    from samordna.followup import selectors
    from samordna.followup.national import national_overview, national_reports

    year = YEARS[-1]
    groups = timed(
        f"  summor per län, ett år ({year})",
        lambda: selectors.grouped_year_figures(
            national_reports().filter(period__year=year), ["association__county"]
        ),
        runs,
    )
    all_years = timed(
        f"  summor per län, alla {len(YEARS)} år",
        lambda: selectors.grouped_year_figures(national_reports(), ["association__county"]),
        runs,
    )
    overview = timed(
        "  national_overview (läsningar + döljning)", lambda: national_overview(year), runs
    )
    client = Client()
    client.force_login(User.objects.get(username="bench.nationell"))
    page = f"/nationellt/uppfoljning/?ar={year}"
    response = timed(
        "  sidan för en nationell läsare",
        lambda: client.get(page, HTTP_HOST="localhost"),
        runs,
    )
    assert response.status_code == 200, response.status_code
    country = overview.tables[0].totals
    print(
        f"  Rader: {len(groups)} grupper (län) för ett år, {len(all_years)} för alla år; "
        f"{overview.reports} rapporter {year}; deltagare {year} i hela landet: "
        f"{country.total.value if country else '–'}; sidan {len(response.content) / 1024:.0f} KB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs after one warm-up")
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
        start = time.perf_counter()
        counts = generate()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
        print(
            f"Databas: {connection.vendor} ({settings.DATABASES['default']['NAME']}); "
            f"genererat på {time.perf_counter() - start:.1f} s: "
            + ", ".join(f"{v} {k}" for k, v in counts.items())
        )
        print(f"{args.runs} körningar efter en uppvärmning")
        measure(args.runs)
        if has_period_index():
            print("Indexet på rapporteringsperiodernas (förbund, år, nummer) finns redan.")
        else:
            # Each report's "last period of its year" is a correlated subquery
            # (selectors._last_period); without an index it reads every period of the förbund
            # and sorts them, for every report.
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE INDEX bench_period_year_number ON {PERIOD_INDEX}")
                if connection.vendor == "postgresql":
                    cursor.execute("ANALYZE")
            print(f"Med index på {PERIOD_INDEX}:")
            measure(args.runs)
    finally:
        if postgres:
            from django.db import connections

            connections.close_all()
            throwaway_postgres(url, create=False)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
