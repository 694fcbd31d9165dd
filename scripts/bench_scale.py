#!/usr/bin/env python
"""Every main page at the demo's size and at national scale, against the floor.

Runs on a throwaway database: SQLite in a temp dir by default (never the laptop's own), or,
with DATABASE_URL, a PostgreSQL database that the script creates and drops again (its name
must contain "bench"). Loads the demo, counts each page's queries, then builds the national
data set of issue 15 in bulk (75 förbund; per förbund on average 83 meetings, 1 819 §§,
138 insatser, 118 applications, 415 approved participant reports, 1 421 budget lines,
2 151 ledger transactions, 162 payment orders), the demo's two förbund filled to the same
average, and times every page again. `--scale` multiplies the number of förbund (each is
always of the national average size, so the förbund pages are measured at full scale; the
national pages see `scale` of the country). Prints:

    page | queries at demo size | queries at scale | median ms | × floor

The floor is the base layout rendered for the same user with no data, timed in the same run.

    .venv/bin/python scripts/bench_scale.py [--scale 1] [--runs 7] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench \\
        .venv/bin/python scripts/bench_scale.py

`--keep` leaves the database (and prints where it is) for `scripts/bench_load.py` and for
EXPLAIN ANALYZE by hand.
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
import types
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_national_followup import insats_counts  # noqa: E402

FORBUND = 75
# Per förbund: the national totals of the issue divided by 75.
MEETINGS = 83
PARAGRAPHS = 22  # per meeting: 1 819 per förbund, 136 413 in the country
INSATSER = 138
APPLICATIONS = 118
COUNTED = 14  # insatser with approved participant reports, 30 periods each (≈ 31 000)
BUDGET_LINES = 142  # per year, ten years: 1 421 per förbund
TRANSACTIONS = 215  # per year's import, ten years: 2 151 per förbund
ORDERS = 162
YEARS = range(2014, 2024)
WORDS = [
    "arbete",
    "studier",
    "rehabilitering",
    "samverkan",
    "ungdomar",
    "nyanlända",
    "psykisk",
    "ohälsa",
    "aktivitetsersättning",
    "försörjningsstöd",
    "coachning",
    "praktik",
    "språk",
    "hälsa",
    "vägledning",
    "arbetsträning",
    "kartläggning",
    "motivation",
    "familj",
    "boende",
]

# (label, username or None for the public, path)
PAGES = [
    ("kansli: startsida", "jan.andersson", "/f/sundsvall/"),
    ("kansli: insatser (register)", "jan.andersson", "/f/sundsvall/insatser/"),
    ("kansli: ansökningar", "jan.andersson", "/f/sundsvall/ansokningar/"),
    ("kansli: sammanträden", "jan.andersson", "/f/sundsvall/sammantraden/"),
    ("kansli: deltagaruppföljning", "jan.andersson", "/f/sundsvall/uppfoljning/"),
    ("kansli: förbundets resultat", "jan.andersson", "/f/sundsvall/uppfoljning/forbundet/"),
    ("kansli: mål", "jan.andersson", "/f/sundsvall/uppfoljning/mal/"),
    ("kansli: ekonomi", "jan.andersson", "/f/sundsvall/ekonomi/"),
    ("kansli: ekonomisk uppföljning", "jan.andersson", "/f/sundsvall/ekonomi/uppfoljning/"),
    ("kansli: attest", "jan.andersson", "/f/sundsvall/attest/"),
    ("kansli: attest, ordrar", "jan.andersson", "/f/sundsvall/attest/ordrar/"),
    ("ordförande: startsida", "christina.nordeno", "/f/sundsvall/"),
    ("ledamot: startsida", "peter.pettersson", "/f/sundsvall/"),
    ("revisor: startsida", "eva.sonidsson", "/f/sundsvall/"),
    ("ekonomi: startsida", "ekonomi.sundsvall", "/f/sundsvall/"),
    ("ekonomi: attest, ordrar", "ekonomi.sundsvall", "/f/sundsvall/attest/ordrar/"),
    ("sökande: startsida", "denise.wallen", "/f/sundsvall/"),
    ("sökande: ansökningar", "denise.wallen", "/f/sundsvall/ansokningar/"),
    ("nationell: ekonomi", "nationell", "/nationellt/"),
    ("nationell: uppföljning", "nationell", "/nationellt/uppfoljning/"),
    ("allmänheten: startsida", None, "/"),
    ("allmänheten: anslagstavla", None, "/anslagstavla/"),
    ("allmänheten: anslagsarkiv", None, "/anslagstavla/arkiv/"),
    ("allmänheten: insatskatalog", None, "/insatser/"),
    ("allmänheten: insatskatalog, sök", None, "/insatser/?q=arbete"),
]
FLOOR = "/__bench_floor__/"


def throwaway_postgres(url: str, *, create: bool) -> None:
    """Create (or drop) the benchmark's own PostgreSQL database."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"The database {name!r} is dropped afterwards: its name must contain 'bench'.")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            db.execute(f'CREATE DATABASE "{name}"')


def floor_urls() -> None:
    """The site's addresses plus the floor: the base layout with nothing in it."""
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import render
    from django.urls import include, path

    @login_required
    def floor(request):  # type: ignore[no-untyped-def]
        return render(request, "base.html", {})

    module = types.ModuleType("bench_scale_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path(FLOOR.strip("/") + "/", floor),
        path("", include("samordna.urls")),
    ]
    sys.modules["bench_scale_urls"] = module


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ["DEBUG"] = "0"  # as served: no query log, no template debugging
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


# The national data set


def _periods(
    association: Any, kind: str
) -> Iterator[tuple[int, int, datetime.date, datetime.date]]:
    months = {"tertial": (1, 5, 9), "half_year": (1, 7), "year": (1,)}[kind]
    step = 12 // len(months)
    for year in YEARS:
        for number, month in enumerate(months, start=1):
            starts = datetime.date(year, month, 1)
            end_month = month + step
            ends = (
                datetime.date(year, 12, 31)
                if end_month > 12
                else datetime.date(year, end_month, 1) - datetime.timedelta(days=1)
            )
            yield year, number, starts, ends


def fill(rng: random.Random, association: Any, office: Any, *, demo: bool) -> dict[str, int]:
    """One förbund of the national average size, in bulk. The demo's förbund get the years
    before the demo's own (2014–2023 are not all theirs: the periods and budgets of years
    they already have are left out)."""
    from django.utils import timezone

    from samordna.associations.models import Member, MemberKind
    from samordna.attest.models import OrderKind, OrderStatus, PaymentOrder
    from samordna.finance.models import Budget, BudgetLine, BudgetStatus, LineGroup
    from samordna.followup.counts import problems
    from samordna.followup.models import (
        FollowupSettings,
        ParticipantReport,
        ParticipantReportStatus,
        PeriodKind,
        ReportingPeriod,
    )
    from samordna.interventions.models import (
        Application,
        ApplicationStatus,
        CatalogueEntry,
        Direction,
        GrantDecision,
        Intervention,
        Outcome,
        Report,
        ReportKind,
        ReportStatus,
    )
    from samordna.ledger.models import FileKind, ImportStatus, LedgerImport, LedgerTransaction
    from samordna.meetings.models import ApprovedMinutes, Meeting, Notice, Paragraph

    counts: dict[str, int] = {}
    now = timezone.now()
    members = list(association.members.all())
    if not members:
        members = Member.objects.bulk_create(
            Member(association=association, kind=kind, name=name)
            for kind, name in (
                (MemberKind.FK, "Försäkringskassan"),
                (MemberKind.AF, "Arbetsförmedlingen"),
                (MemberKind.REGION, f"Region {association.seat}"),
                (MemberKind.KOMMUN, f"{association.seat} kommun"),
            )
        )
    # Meetings and §§: about eight a year, the older ones justerade and posted.
    first = datetime.date(YEARS.start, 1, 20)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            association=association,
            date=first + datetime.timedelta(days=44 * n + rng.randint(0, 6)),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kansliet",
        )
        for n in range(MEETINGS)
    )
    paragraphs = Paragraph.objects.bulk_create(
        (
            Paragraph(
                meeting=m,
                number=n,
                title=f"{rng.choice(WORDS).capitalize()} och {rng.choice(WORDS)}",
                matter=" ".join(rng.choice(WORDS) for _ in range(40)),
                decision="Att lägga informationen till handlingarna.",
            )
            for m in meetings
            for n in range(1, PARAGRAPHS + 1)
        ),
        batch_size=2000,
    )
    # Justerade and kept (the PDF itself is not what the pages read).
    ApprovedMinutes.objects.bulk_create(
        ApprovedMinutes(
            meeting=m,
            approved_on=m.date + datetime.timedelta(days=6),
            pdf=f"bench/{association.slug}-{m.date}.pdf",
            sha256="0" * 64,
            first_number=1,
            last_number=PARAGRAPHS,
        )
        for m in meetings
    )
    Notice.objects.bulk_create(
        Notice(
            meeting=m,
            association=association,
            posted_on=m.date + datetime.timedelta(days=7),
            taken_down_on=m.date + datetime.timedelta(days=29),
            first_number=1,
            last_number=PARAGRAPHS,
            kept_at="Kansliet",
            posted_at_place="Förbundets webbplats",
        )
        for m in meetings
    )
    counts.update(sammanträden=len(meetings), paragrafer=len(paragraphs), anslag=len(meetings))

    interventions = Intervention.objects.bulk_create(
        Intervention(
            association=association,
            owner=members[n % len(members)],
            name=f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}",
            direction=rng.choice(
                [Direction.INDIVIDUAL, Direction.INDIVIDUAL, Direction.STRUCTURAL]
            ),
            starts_on=datetime.date(rng.choice(YEARS), 1, 1),
            ends_on=datetime.date(YEARS[-1] + rng.randint(-6, 6), 12, 31),
            closed_on=None,
        )
        for n in range(INSATSER)
    )
    statuses = [
        ApplicationStatus.DECIDED,
        ApplicationStatus.DECIDED,
        ApplicationStatus.DECIDED,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.PREPARATION,
        ApplicationStatus.DRAFT,
        ApplicationStatus.WITHDRAWN,
    ]
    applications = Application.objects.bulk_create(
        Application(
            association=association,
            intervention=i,
            status=statuses[n % len(statuses)],
            created_by=office,
            member=i.owner,
            name=i.name,
            summary=" ".join(rng.choice(WORDS) for _ in range(30)),
            submitted_at=now,
        )
        for n, i in enumerate(interventions[:APPLICATIONS])
    )
    decisions = GrantDecision.objects.bulk_create(
        GrantDecision(
            association=association,
            application=a,
            earlier_reference=f"Styrelsen {YEARS.start + n % 10}-02-10 § {n % 20 + 1}",
            decided_on=datetime.date(YEARS.start + n % 10, 2, 10),
            outcome=Outcome.GRANTED,
        )
        for n, a in enumerate(applications)
        if a.status == ApplicationStatus.DECIDED
    )
    # One report per decided insats: half of them handed in, the rest late.
    late_statuses = [
        ReportStatus.APPROVED,
        ReportStatus.SUBMITTED,
        ReportStatus.DUE,
        ReportStatus.DRAFT,
    ]
    reports = Report.objects.bulk_create(
        Report(
            association=association,
            intervention_id=d.application.intervention_id,
            decision=d,
            kind=ReportKind.INTERIM,
            title=f"Delrapport {d.decided_on.year}",
            year=d.decided_on.year,
            due_on=datetime.date(d.decided_on.year + 1, 3, 31),
            status=late_statuses[n % len(late_statuses)],
            submitted_at=now if n % len(late_statuses) < 2 else None,
            submitted_by=office if n % len(late_statuses) < 2 else None,
        )
        for n, d in enumerate(decisions)
    )
    CatalogueEntry.objects.bulk_create(
        CatalogueEntry(
            intervention=i,
            published=True,
            what=" ".join(rng.choice(WORDS) for _ in range(25)),
            for_whom=" ".join(rng.choice(WORDS) for _ in range(8)),
            where=association.seat,
            referral="Kontakta handläggaren.",
            contact_name="Kontaktperson",
            search_text=" ".join([i.name, association.seat, *rng.choices(WORDS, k=30)]).casefold(),
        )
        for i in interventions[: INSATSER // 3]
    )
    counts.update(
        insatser=len(interventions),
        ansökningar=len(applications),
        beslut=len(decisions),
        insatsrapporter=len(reports),
    )

    # Participant counts: approved reports, period after period.
    settings = FollowupSettings.objects.filter(association=association).first()
    if settings is None:
        settings = FollowupSettings.objects.create(
            association=association, period_kind=PeriodKind.TERTIAL, share_nationally=True
        )
    taken = set(
        ReportingPeriod.objects.filter(association=association).values_list("year", flat=True)
    )
    periods = ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            association=association,
            kind=settings.period_kind,
            year=year,
            number=number,
            starts_on=starts,
            ends_on=ends,
        )
        for year, number, starts, ends in _periods(association, settings.period_kind)
        if year not in taken
    )
    participant_reports = []
    for intervention in interventions[:COUNTED]:
        previous_end = None
        for period, values in zip(periods, insats_counts(rng, len(periods)), strict=True):
            found = problems(values, previous_end=previous_end)
            assert not found, found
            previous_end = sum(values[f"end_{g}"] for g in ("women", "men", "other"))
            participant_reports.append(
                ParticipantReport(
                    association=association,
                    intervention=intervention,
                    period=period,
                    status=ParticipantReportStatus.APPROVED,
                    submitted_at=now,
                    submitted_by=office,
                    approved_at=now,
                    approved_by=office,
                    **values,
                )
            )
    ParticipantReport.objects.bulk_create(participant_reports, batch_size=2000)
    counts.update(perioder=len(periods), deltagarrapporter=len(participant_reports))

    # Budgets and ledger imports for the years the förbund has none of.
    budget_years = set(
        Budget.objects.filter(association=association).values_list("year", flat=True)
    )
    ledger_years = set(
        LedgerImport.objects.filter(association=association).values_list("year", flat=True)
    )
    budgets = Budget.objects.bulk_create(
        Budget(
            association=association,
            year=year,
            status=BudgetStatus.ADOPTED,
            adopted_on=datetime.date(year - 1, 11, 20),
        )
        for year in YEARS
        if year not in budget_years
    )
    groups = [LineGroup.BOARD, LineGroup.ADMINISTRATION, LineGroup.INTERVENTIONS]
    lines = []
    for budget in budgets:
        lines.append(
            BudgetLine(
                budget=budget,
                group=LineGroup.INCOME,
                name="Statlig tilldelning",
                is_income=True,
                amount=rng.randint(2, 9) * 1_000_000,
            )
        )
        for n in range(1, BUDGET_LINES):
            group = groups[min(n // 20, 2)]
            intervention = interventions[n % INSATSER] if group == LineGroup.INTERVENTIONS else None
            lines.append(
                BudgetLine(
                    budget=budget,
                    group=group,
                    name=intervention.name if intervention else f"Kostnad {n}",
                    position=n,
                    intervention=intervention,
                    amount=rng.randint(1, 400) * 1000,
                )
            )
    BudgetLine.objects.bulk_create(lines, batch_size=2000)
    imports = LedgerImport.objects.bulk_create(
        LedgerImport(
            association=association,
            year=year,
            kind=FileKind.SIE,
            file=f"bench/{association.slug}-{year}.se",
            filename=f"{association.slug}-{year}.se",
            status=ImportStatus.IMPORTED,
            uploaded_by=office,
            imported_by=office,
            imported_at=now,
            transaction_count=TRANSACTIONS,
            last_date=datetime.date(year, 12, 31),
        )
        for year in YEARS
        if year not in ledger_years
    )
    transactions = [
        LedgerTransaction(
            ledger_import=ledger_import,
            date=datetime.date(ledger_import.year, rng.randint(1, 12), rng.randint(1, 28)),
            account=rng.choice([3010, 4010, 5010, 6110, 6540, 7010, 7510]),
            amount=Decimal(rng.randint(-50_000, 50_000)),
            text=rng.choice(WORDS),
            verification=f"V{n}",
            line=n,
        )
        for ledger_import in imports
        for n in range(1, TRANSACTIONS + 1)
    ]
    LedgerTransaction.objects.bulk_create(transactions, batch_size=2000)
    counts.update(budgetrader=len(lines), transaktioner=len(transactions))

    order_statuses = [OrderStatus.PAID] * 6 + [
        OrderStatus.CANCELLED,
        OrderStatus.REGISTERED,
        OrderStatus.RECEIVED,
        OrderStatus.ATTESTED,
    ]
    orders = PaymentOrder.objects.bulk_create(
        PaymentOrder(
            association=association,
            kind=OrderKind.INVOICE,
            payee=f"Leverantör {rng.randint(1, 60)}",
            amount=rng.randint(500, 90_000),
            description=f"Faktura {rng.choice(WORDS)}",
            registered_on=datetime.date(YEARS[-1] - n % 10, rng.randint(1, 12), rng.randint(1, 28)),
            registered_by=office,
            status=order_statuses[n % len(order_statuses)] if n >= 12 else OrderStatus.PAID,
            paid_on=None,
            request_token=uuid.uuid4().hex,
        )
        for n in range(ORDERS)
    )
    for order in orders:
        if order.status == OrderStatus.PAID:
            order.paid_on = order.registered_on + datetime.timedelta(days=20)
        if order.status == OrderStatus.CANCELLED:
            order.cancelled_reason = "Dubbelregistrerad"
    PaymentOrder.objects.bulk_update(orders, ["paid_on", "cancelled_reason"], batch_size=2000)
    counts.update(betalningsordrar=len(orders))
    return counts


def generate(scale: float) -> dict[str, int]:
    """The country: the demo's förbund filled to the average, and the rest new."""
    from django.db import transaction

    from samordna.accounts.models import Role, User
    from samordna.associations.cache import association_pages_changed
    from samordna.associations.models import Association
    from samordna.core.choices import County
    from samordna.followup.models import FollowupSettings, PeriodKind

    rng = random.Random(2026_12_06)
    counties = [code for code, _ in County.choices]
    total: dict[str, int] = {}
    with transaction.atomic():
        existing = list(Association.objects.order_by("pk"))
        wanted = max(len(existing), round(FORBUND * scale))
        new = Association.objects.bulk_create(
            Association(
                name=f"Samordningsförbundet {rng.choice('ÅÄÖABDEFGHKLMNOSTUV')}{n:02d}",
                slug=f"bank-{n:02d}",
                seat=f"Ort {n:02d}",
                county=counties[n % len(counties)],
            )
            for n in range(1, wanted - len(existing) + 1)
        )
        FollowupSettings.objects.bulk_create(
            FollowupSettings(
                association=a,
                period_kind=PeriodKind.TERTIAL,
                suppression_threshold=rng.choice([5, 5, 5, 6, 8]),
                share_nationally=n % 10 != 0,
            )
            for n, a in enumerate(new)
        )
        for association in [*existing, *new]:
            office = User.objects.filter(
                association=association, role=Role.OFFICE
            ).first() or User.objects.create(
                username=f"bench.{association.slug}",
                role=Role.OFFICE,
                association=association,
            )
            counts = fill(rng, association, office, demo=association in existing)
            for key, value in counts.items():
                total[key] = total.get(key, 0) + value
        # The bulk inserts send no signals: what the pages keep in the cache is out of date.
        association_pages_changed(association_id=None)
    return {"förbund": len(existing) + len(new), **total}


# Measuring


def measure(label: str, client: Any, path: str, runs: int) -> tuple[int, int, float, float]:
    """The page's queries and median time as most requests find it (what is kept for the
    förbund in the cache already built), and the same right after a change to every
    förbund's records (built anew)."""
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from samordna.associations.cache import association_pages_changed

    def counted() -> int:
        # Each request would empty the query log that the count is read from.
        request_started.disconnect(reset_queries)
        try:
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
        finally:
            request_started.connect(reset_queries)
        return len(queries)

    response = client.get(path)  # warm-up: templates, plans
    assert response.status_code == 200, (label, path, response.status_code)
    count = counted()
    association_pages_changed(association_id=None)
    count_changed = counted()
    times, times_changed = [], []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        association_pages_changed(association_id=None)
        start = time.perf_counter()
        client.get(path)
        times_changed.append((time.perf_counter() - start) * 1000)
    return count, count_changed, statistics.median(times), statistics.median(times_changed)


def clients() -> dict[str | None, Any]:
    from django.test import Client

    from samordna.accounts.models import User

    made: dict[str | None, Any] = {}
    for _, username, _ in PAGES:
        if username in made:
            continue
        client = Client()
        if username is not None:
            client.force_login(User.objects.get(username=username))
        made[username] = client
    return made


def run_pages(runs: int) -> tuple[dict[str, tuple[int, int, float, float]], float]:
    made = clients()
    floor = measure("golv", made["jan.andersson"], FLOOR, runs)
    results = {label: measure(label, made[user], path, runs) for label, user, path in PAGES}
    return results, floor[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 75 förbund")
    parser.add_argument("--runs", type=int, default=7, help="timed runs after one warm-up")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
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

        floor_urls()
        settings.ROOT_URLCONF = "bench_scale_urls"
        call_command("migrate", verbosity=0)
        from samordna.demo.load import load_demo

        load_demo()
        demo, _ = run_pages(1)
        start = time.perf_counter()
        counts = generate(args.scale)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
        print(
            f"Databas: {connection.vendor} ({settings.DATABASES['default']['NAME']}); "
            f"skala {args.scale:g}; genererat på {time.perf_counter() - start:.0f} s: "
            + ", ".join(f"{v:,} {k}".replace(",", " ") for k, v in counts.items())
        )
        scale, floor = run_pages(args.runs)
        print(f"Golv (grundlayouten utan data, kansliet): {floor:.1f} ms; {args.runs} körningar")
        print(
            f"{'sida':<36} | {'frågor demo':>11} | {'frågor skala':>12} | {'median ms':>9} | "
            f"× golv | {'efter ändring':>13}"
        )
        print(f"{'-' * 36}-|-{'-' * 11}-|-{'-' * 12}-|-{'-' * 9}-|--------|-{'-' * 13}")
        for label, _, _ in PAGES:
            queries, queries_changed, median, median_changed = scale[label]
            demo_queries = demo[label][0]
            print(
                f"{label:<36} | {demo_queries:>11} | {queries:>12} | {median:>9.1f} | "
                f"{median / floor:6.1f} | {median_changed:>6.1f} ms {queries_changed:>2} q"
            )
        print(
            "median ms: sidan som de flesta förfrågningar möter (det förbundet delar redan i "
            "cachen); efter ändring: direkt efter en ändring i förbundets poster (byggt på nytt)."
        )
        if args.keep:
            print(f"Databasen finns kvar: {settings.DATABASES['default']['NAME']}")
    finally:
        if not args.keep:
            if postgres:
                from django.db import connections

                connections.close_all()
                throwaway_postgres(url, create=False)
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
