"""Demo data for the fees app (see the module's own docstring once written)."""

from samordna.associations.models import Association


def load_fees(associations: dict[str, Association]) -> None:
    """Load what is missing."""
