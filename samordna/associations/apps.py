from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "samordna.associations"
    verbose_name = "Förbund, medlemmar och styrelse"

    def ready(self) -> None:
        from samordna.associations.cache import connect_signals
        from samordna.core.history import register_history

        connect_signals()

        for kind, label in [
            ("forbund", "associations.Association"),
            ("grundbelopp", "associations.FeeBaseAmount"),
            ("medlem", "associations.Member"),
            ("person", "associations.Person"),
            ("uppdrag", "associations.BoardSeat"),
            ("kansli", "associations.StaffAssignment"),
            ("anvandare", "accounts.User"),
        ]:
            register_history(kind, label)
