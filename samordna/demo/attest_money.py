"""Demo data for the attest app (see the module's own docstring once written)."""

from samordna.associations.models import Association


def load_attest(associations: dict[str, Association]) -> None:
    """Load what is missing."""
