from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "samordna.interventions"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from samordna.core.history import register_history

        for kind, label in [
            ("insats", "interventions.Intervention"),
            ("ansokan", "interventions.Application"),
            ("beslut", "interventions.GrantDecision"),
            ("avtal", "interventions.Agreement"),
            ("utbetalning", "interventions.Payment"),
            ("rapport", "interventions.Report"),
        ]:
            register_history(kind, label)
