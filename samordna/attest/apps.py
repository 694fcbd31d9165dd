from django.apps import AppConfig


class AttestConfig(AppConfig):
    name = "samordna.attest"
    verbose_name = "Attest och utanordning"

    def ready(self) -> None:
        from samordna.core.history import register_history

        register_history("signaturlista", "attest.SignatureList")
        register_history("utbetalningsorder", "attest.PaymentOrder")
