from django.apps import AppConfig


class ControlConfig(AppConfig):
    name = "samordna.control"
    verbose_name = "Styrning och kontroll"
