#!/usr/bin/env bash
# Runs the whole suite again on PostgreSQL. Skipped when none is reachable,
# except under CI=true, where a missing PostgreSQL fails the run.
set -euo pipefail
URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samordna}"
if ! .venv/bin/python - "$URL" <<'PY'
import sys
import psycopg
from urllib.parse import urlsplit, urlunsplit
parts = urlsplit(sys.argv[1])
try:
    psycopg.connect(urlunsplit(parts._replace(path="/postgres")), connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL nås inte: {error}", file=sys.stderr)
    sys.exit(1)
PY
then
    if [ "${CI:-}" = "true" ]; then
        echo "CI=true kräver PostgreSQL-körningen, men ingen PostgreSQL svarar på $URL." >&2
        exit 1
    fi
    echo "Hoppar över PostgreSQL-körningen: ingen PostgreSQL svarar på $URL." >&2
    exit 0
fi
echo "== Testsviten på PostgreSQL ($URL)"
# The browser tests run once, in the SQLite run: see samordna/core/tests/browser.py.
DATABASE_URL="$URL" .venv/bin/pytest -n 2 --create-db -m "not browser" "$@"
