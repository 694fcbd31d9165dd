"""How much of a ledger file is read. A förbund's year is a few hundred to a few thousand
transactions (the demo's Sundsvall 2023: 218 rows in 15 kB); the limits leave a wide margin
(`scripts/bench_sie_import.py` imports 50 000 transactions) and keep a hostile file's cost
to a few seconds and well under 200 MB."""

import dataclasses

from samordna.core.uploads import Limits

# CSV and Excel: every row is held as a list of cells while it is read.
LIMITS = Limits(
    max_bytes=5 * 1024 * 1024,
    max_rows=50_000,
    max_columns=50,
    max_cell_chars=2_000,
    max_unpacked_bytes=25 * 1024 * 1024,
)
# SIE: a transaction takes a line, a verification two more and its #VER.
SIE_LIMITS = dataclasses.replace(LIMITS, max_rows=150_000)  # lines, each within max_cell_chars
