from django.apps import AppConfig


class AttestConfig(AppConfig):
    name = "samordna.attest"
    verbose_name = "Attest och utanordning"
