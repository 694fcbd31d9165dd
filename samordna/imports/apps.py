from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "samordna.imports"
    verbose_name = "Import och sökning av protokoll"

    def ready(self) -> None:
        from samordna.imports import search

        search.connect()
