from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "samordna.reports"
    verbose_name = "Rapporter"

    def ready(self) -> None:
        from samordna.core.history import register_history

        register_history("forbundsrapport", "reports.AssociationReport")
        register_history("rapportavsnitt", "reports.ReportSection")
        register_history("rapportsiffra", "reports.Figure")
        register_history("balanskoppling", "reports.BalanceMapping")
