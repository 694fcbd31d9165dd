"""Demo data for the finance app (see the module's own docstring once written)."""

from samordna.associations.models import Association


def load_finance(associations: dict[str, Association]) -> None:
    """Load what is missing."""
