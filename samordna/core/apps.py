from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samordna.core"
    verbose_name = "Gemensamt"
