#!/usr/bin/env bash
# Serves Samordna at http://127.0.0.1:8000 and runs the background worker (imports,
# kallelser, e-mail) beside it; stopping the server (Ctrl-C) stops the worker too.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

"$BIN/python" manage.py db_worker --queue-name '*' &
worker=$!
stop_worker() {
    kill "$worker" 2>/dev/null
    wait "$worker" 2>/dev/null
}
trap stop_worker EXIT
trap 'exit 130' INT TERM

"$BIN/python" manage.py runserver "${1:-127.0.0.1:8000}"
