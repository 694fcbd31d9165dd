from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "samordna.meetings"
    verbose_name = "Sammanträden och protokoll"

    def ready(self) -> None:
        from samordna.meetings import locking  # the models must be loaded first

        locking.connect()
