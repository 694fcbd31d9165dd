from django.apps import AppConfig


class FeesConfig(AppConfig):
    name = "samordna.fees"
    verbose_name = "Arvoden"

    def ready(self) -> None:
        from samordna.core.history import register_history

        for kind, label in [
            ("arvodeslista", "fees.FeeList"),
            ("ersattning", "fees.ExpenseClaim"),
            ("arvodesinstallningar", "fees.FeeSettings"),
        ]:
            register_history(kind, label)
