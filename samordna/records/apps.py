from django.apps import AppConfig
from django.utils import timezone


class RecordsConfig(AppConfig):
    name = "samordna.records"
    verbose_name = "Diarium och arkiv"

    def ready(self) -> None:
        from samordna.control.signals import control_plan_adopted, control_report_attached
        from samordna.core.history import register_history
        from samordna.interventions.signals import (
            agreement_signed,
            application_submitted,
            report_submitted,
        )
        from samordna.meetings.signals import (
            agenda_listed,
            meeting_planned,
            minutes_justerade,
            minutes_kept,
        )
        from samordna.records import registration, selectors, services
        from samordna.reports.signals import report_locked

        for kind, label in [
            ("arende", "records.Case"),
            ("handling", "records.Handling"),
            ("handlingstyp", "records.DocumentType"),
            ("gallringslista", "records.WeedingList"),
        ]:
            register_history(kind, label)

        # Each receiver registers what happened in the transaction of the change.
        def on_application(sender, *, application, by, **kwargs) -> None:
            registration.register_application(application=application, by=by)

        def on_justerade(sender, *, meeting, by, **kwargs) -> None:
            registration.register_decisions(meeting=meeting, by=by)

        def on_minutes(sender, *, approved, by, **kwargs) -> None:
            registration.register_minutes(approved=approved, by=by)

        def on_agreement(sender, *, agreement, by, **kwargs) -> None:
            registration.register_agreement(agreement=agreement, by=by)

        def on_report(sender, *, report, by, **kwargs) -> None:
            registration.register_report(report=report, by=by)

        def on_plan(sender, *, plan, by, **kwargs) -> None:
            registration.register_control_plan(plan=plan, by=by)

        def on_control_report(sender, *, plan, attachment, by, **kwargs) -> None:
            registration.register_control_report(plan=plan, attachment=attachment, by=by)

        def on_association_report(sender, *, report, by, **kwargs) -> None:
            registration.register_association_report(report=report, by=by)

        # "Inkomna handlingar": a meeting planned ahead gets the standing item, and its agenda
        # lists what came in since the meeting before, from the register, when it is shown.
        def on_meeting_planned(sender, *, meeting, by, **kwargs) -> None:
            if meeting.date >= timezone.localdate():
                services.incoming_item_ensure(meeting=meeting, by=by)

        def on_agenda_listed(sender, *, meeting, titles, **kwargs) -> list:
            if selectors.INCOMING_TITLE.lower() not in titles:
                return []
            return [selectors.incoming_listing(meeting)]

        meeting_planned.connect(on_meeting_planned, weak=False)
        agenda_listed.connect(on_agenda_listed, weak=False)
        application_submitted.connect(on_application, weak=False)
        minutes_justerade.connect(on_justerade, weak=False)
        minutes_kept.connect(on_minutes, weak=False)
        agreement_signed.connect(on_agreement, weak=False)
        report_submitted.connect(on_report, weak=False)
        control_plan_adopted.connect(on_plan, weak=False)
        control_report_attached.connect(on_control_report, weak=False)
        report_locked.connect(on_association_report, weak=False)
