from django.apps import AppConfig


class ControlConfig(AppConfig):
    name = "samordna.control"
    verbose_name = "Styrning och kontroll"

    def ready(self) -> None:
        from samordna.control.services import delegation_mark_reported
        from samordna.meetings.signals import minutes_justerade

        def report_delegation_decisions(sender, *, meeting, by, **kwargs) -> None:
            delegation_mark_reported(meeting=meeting, by=by)

        minutes_justerade.connect(report_delegation_decisions, weak=False)
