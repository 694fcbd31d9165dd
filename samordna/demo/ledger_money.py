"""Demo data for the ledger app (see the module's own docstring once written)."""

from samordna.associations.models import Association


def load_ledger(associations: dict[str, Association]) -> None:
    """Load what is missing."""
