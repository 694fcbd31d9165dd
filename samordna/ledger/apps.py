from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "samordna.ledger"
    verbose_name = "Bokföring och budgetuppföljning"
