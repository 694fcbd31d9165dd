#!/usr/bin/env python
"""A mixed, logged-in workload against gunicorn: requests/s, errors and p50/p95/p99.

Serves the database in DATABASE_URL (the one `scripts/bench_scale.py --keep` leaves, or any
copy of the demo) as production would: gunicorn with 3 sync workers, DEBUG off, the
manifest static files; then drives it with 4, 16 and 32 clients for `--seconds` each. Every
client is one of the demo's users (kansli, ordförande, ledamot, revisor, ekonomi, sökande,
nationell läsare) or the public, and asks for that role's main pages in turn.

`--changes N` also changes the demo förbund's records N times a second while the clients
run (each change draws a new version, as a save does), so that its pages are built anew
instead of found in the cache: 1 a second is far more than a förbund's office writes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench \\
        .venv/bin/python scripts/bench_scale.py --scale 1 --keep
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samordna_bench \\
        .venv/bin/python scripts/bench_load.py [--clients 4 16 32] [--seconds 20] [--changes 1]
"""

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scale import PAGES  # noqa: E402

ENV = {
    "SAMORDNA_ENV": "production",
    "DEBUG": "0",
    "SECRET_KEY": "bench-load-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "LOG_LEVEL": "WARNING",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sessions() -> dict[str | None, str]:
    """A session cookie for each user of the workload, written to the database."""
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from samordna.accounts.models import User

    cookies: dict[str | None, str] = {None: ""}
    for _, username, _ in PAGES:
        if username is None or username in cookies:
            continue
        client = Client()
        client.force_login(User.objects.get(username=username))
        cookies[username] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


def wait_for(port: int, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("gunicorn stopped before it answered")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("gunicorn did not answer")


def change(stop: float, per_second: float) -> int:
    """Draw new versions for the demo's förbund `per_second` times a second until `stop`."""
    from django.db import connection

    from samordna.associations.cache import association_pages_changed
    from samordna.associations.models import Association

    demo = list(Association.objects.filter(slug__in=["sundsvall", "harnosand-timra"]))
    made = 0
    try:
        while time.perf_counter() < stop:
            association_pages_changed(association_id=demo[made % len(demo)].pk)
            made += 1
            time.sleep(1 / per_second)
    finally:
        connection.close()
    return made


def drive(
    port: int,
    cookies: dict[str | None, str],
    clients: int,
    seconds: float,
    *,
    changes: float = 0,
    quiet: bool = False,
) -> None:
    """`clients` threads, each one user going round its pages, for `seconds`; a row of the
    table unless `quiet` (the warm-up, which comes before the table's header)."""
    by_user: dict[str | None, list[str]] = {}
    for _, username, path in PAGES:
        by_user.setdefault(username, []).append(path)
    users = list(by_user)
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(n: int) -> None:
        user = users[n % len(users)]
        paths = by_user[user]
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        if cookies[user]:
            headers["Cookie"] = f"sessionid={cookies[user]}"
        i = n
        while time.perf_counter() < stop:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                connection.close()
                status = response.status
            except OSError as error:
                status = 0
                failure = f"{path}: {error}"
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if status == 200:
                    times.append(elapsed)
                else:
                    errors.append(failure if status == 0 else f"{path}: {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    if changes:
        threads.append(threading.Thread(target=change, args=(stop, changes)))
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    if quiet:
        return
    done = len(times) + len(errors)
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [0.0] * 99
    print(
        f"{clients:>8} | {done / took:>10.1f} | {len(errors):>6} | {q[49]:>7.0f} | "
        f"{q[94]:>7.0f} | {q[98]:>7.0f}"
    )
    for error in sorted(set(errors))[:5]:
        print(f"         fel: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[4, 16, 32])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--changes", type=float, default=0, help="changes a second")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the database to serve (see scripts/bench_scale.py --keep).")

    cookies = sessions()
    static = tempfile.mkdtemp(prefix="samordna-bench-static-")
    env = {**os.environ, **ENV, "STATIC_ROOT": static}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "samordna.wsgi",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=60",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_for(port, server)
        drive(port, cookies, 2, 3, quiet=True)  # warm-up: every worker's templates and connections
        print(
            f"gunicorn, {args.workers} sync workers; {args.seconds:g} s per level; "
            f"{len(PAGES)} pages"
            + (f"; {args.changes:g} ändringar/s i demons förbund" if args.changes else "")
        )
        print(
            f"{'klienter':>8} | {'anrop/s':>10} | {'fel':>6} | {'p50 ms':>7} | "
            f"{'p95 ms':>7} | {'p99 ms':>7}"
        )
        for clients in args.clients:
            drive(port, cookies, clients, args.seconds, changes=args.changes)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
