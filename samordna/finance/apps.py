from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "samordna.finance"
    verbose_name = "Ekonomi"
