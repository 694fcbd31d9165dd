"""The ledger pages the browser tests open, with the demo's records."""

from samordna.core.tests.browser_pages import AppPages


class LedgerPages(AppPages):
    prefixes = ("ledger:",)
