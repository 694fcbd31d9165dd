"""How much of a ledger file is read. A förbund's year is a few hundred to a few thousand
transactions (the demo's Sundsvall 2023: 218 rows in 15 kB); the limits leave a wide margin
and keep a hostile file's cost to about a second and some tens of MB."""

from samordna.core.uploads import Limits

LIMITS = Limits(
    max_bytes=5 * 1024 * 1024,
    max_rows=50_000,  # lines of a SIE file, rows of a CSV file or Excel sheet
    max_columns=50,
    max_cell_chars=2_000,  # a cell, or a whole line of a SIE file
    max_unpacked_bytes=25 * 1024 * 1024,
)
