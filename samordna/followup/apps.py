from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "samordna.followup"
    verbose_name = "Uppföljning"

    def ready(self) -> None:
        from samordna.core.history import register_history

        for kind, label in [
            ("deltagarrapport", "followup.ParticipantReport"),
            ("enkat", "followup.Questionnaire"),
        ]:
            register_history(kind, label)
