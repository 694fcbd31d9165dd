#!/usr/bin/env python
"""How long the minutes documents take for a full meeting: 30 §§ with roll call and jäv.

Runs on a throwaway SQLite database and media folder in a temp dir (never the laptop's own),
loads the demo, builds a not yet justerad meeting from the §§ of Sundsvall 2022-11-25 plus
three more, and times the PDF, the PDF/A and the Word document. Prints figures only.

    .venv/bin/python scripts/bench_minutes_pdf.py [--runs 10]
"""

import argparse
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXTRA_PARAGRAPHS = [
    (
        "Budgetuppföljning januari 2023",
        "Förbundschefen redovisar utfallet för januari. Kostnaderna för de samordnade "
        "insatserna följer budget; personalkostnaderna på kansliet ligger något under "
        "budget eftersom en tjänst varit vakant under två veckor.\n\n"
        "Det egna kapitalet beräknas vid årets slut ligga inom den nivå som Nationella rådet "
        "rekommenderar.",
        ("Att lägga budgetuppföljningen till handlingarna.",),
    ),
    (
        "Uppföljning av verksamhetsplanen för 2023",
        "Styrelsen går igenom verksamhetsplanens mål för första kvartalet: indikatorsenkäten "
        "skickas ut i mars, BIP-arbetet på Arbetsmarknadstorget fortsätter och kansliet "
        "planerar en gemensam utbildningsdag för insatsernas personal i maj.",
        (
            "Att godkänna uppföljningen.",
            "Att uppdra åt förbundschefen att till nästa sammanträde presentera ett program "
            "för utbildningsdagen.",
        ),
    ),
    (
        "Finsamkonferensen i Halmstad 18–19 april 2023",
        "Förbundschefen redovisar färdsätt och kostnader för resan till Halmstad: tåg via "
        "Stockholm tar drygt sju timmar och kostar omkring 2 400 kronor per person tur och "
        "retur; flyg via Arlanda är snabbare men dyrare. Konferensavgiften är 3 900 kronor.",
        ("Att två ledamöter och förbundschefen deltar i konferensen.",),
    ),
]


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_meeting():  # -> Meeting (Django is set up at run time)
    from samordna.accounts.models import User
    from samordna.associations.models import Association
    from samordna.meetings import services
    from samordna.meetings.services import justering, proceedings
    from samordna.meetings.services.proceedings import RollCallEntry

    sundsvall = Association.objects.get(slug="sundsvall")
    office = User.objects.get(username="jan.andersson")
    november = sundsvall.meetings.get(date=datetime.date(2022, 11, 25))
    meeting = sundsvall.meetings.get(date=datetime.date(2023, 2, 21))
    services.meeting_update(
        meeting=meeting,
        by=office,
        place=november.place,
        secretary=november.secretary,
    )
    sources = list(november.paragraphs.prefetch_related("recusals__seat"))
    seeds = [(p.title, p.matter, p.proposal, p.decision, p.case_number) for p in sources]
    seeds += [
        (title, matter, "", "\n".join(clauses), "") for title, matter, clauses in EXTRA_PARAGRAPHS
    ]
    paragraphs = [
        proceedings.paragraph_create(
            meeting=meeting,
            by=office,
            number=number,
            title=title,
            matter=matter,
            proposal=proposal,
            decision=decision,
            case_number=case_number,
        )
        for number, (title, matter, proposal, decision, case_number) in enumerate(seeds, start=1)
    ]
    proceedings.roll_call_record(
        meeting=meeting,
        by=office,
        entries=[
            RollCallEntry(seat=a.seat, presence=a.presence, serves_for=a.serves_for, note=a.note)
            for a in november.attendances.select_related("seat__person", "serves_for")
        ],
    )
    for guest in november.guests.all():
        proceedings.guest_add(meeting=meeting, by=office, name=guest.name, role=guest.role)
    for source, target in zip(sources, paragraphs, strict=False):
        for recusal in source.recusals.all():
            proceedings.recusal_set(
                paragraph=target, seat=recusal.seat, kind=recusal.kind, by=office
            )
    signers = {s.role: s.person for s in november.signers.all()}
    justering.signers_set(
        meeting=meeting, by=office, chair=signers["chair"], adjusters=[signers["adjuster"]]
    )
    return meeting


def timed(label: str, make: Callable[[], bytes], runs: int) -> bytes:
    make()  # warm-up: fonts, templates, caches
    times = []
    data = b""
    for _ in range(runs):
        start = time.perf_counter()
        data = make()
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<28} median {statistics.median(times):7.0f} ms   "
        f"min {min(times):7.0f} ms   max {max(times):7.0f} ms   {len(data) / 1024:6.0f} KB"
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs after one warm-up")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="samordna-bench-"))
    try:
        setup_django(workdir)
        from django.core.management import call_command

        from samordna.demo.load import load_demo
        from samordna.meetings.documents import minutes_docx, minutes_pdf
        from samordna.meetings.selectors import minutes_of
        from samordna.meetings.tests.helpers import pdf_page_count

        call_command("migrate", verbosity=0)
        load_demo()
        meeting = build_meeting()
        minutes = minutes_of(meeting)
        print(
            f"Sammanträde {meeting.date:%Y-%m-%d}: {len(minutes.rows)} §§, "
            f"{len(minutes.ordinary) + len(minutes.substitutes) + len(minutes.absent)} i upprop, "
            f"{sum(len(r.recusals) for r in minutes.rows)} jäv; {args.runs} körningar efter en "
            "uppvärmning"
        )
        pdf = timed("minutes_pdf", lambda: minutes_pdf(minutes_of(meeting)), args.runs)
        pdfa = timed(
            "minutes_pdf (archival PDF/A)",
            lambda: minutes_pdf(minutes_of(meeting), archival=True),
            args.runs,
        )
        timed("minutes_docx", lambda: minutes_docx(minutes_of(meeting)), args.runs)
        print(f"Sidor: PDF {pdf_page_count(pdf)}, PDF/A {pdf_page_count(pdfa)}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
