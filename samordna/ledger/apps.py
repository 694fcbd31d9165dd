from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "samordna.ledger"
    verbose_name = "Bokföring och budgetuppföljning"

    def ready(self) -> None:
        from samordna.core.history import register_history

        register_history("bokforingsimport", "ledger.LedgerImport")
        register_history("kontokoppling", "ledger.AccountMapping")
