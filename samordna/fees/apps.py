from django.apps import AppConfig


class FeesConfig(AppConfig):
    name = "samordna.fees"
    verbose_name = "Arvoden"
