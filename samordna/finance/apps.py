from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "samordna.finance"
    verbose_name = "Ekonomi"

    def ready(self) -> None:
        from samordna.core.history import register_history

        for kind, label in [
            ("budget", "finance.Budget"),
            ("tilldelning", "finance.StateAllocation"),
            ("betalplan", "finance.ContributionSchedule"),
            ("finansiellamal", "finance.FinancialGoals"),
        ]:
            register_history(kind, label)
