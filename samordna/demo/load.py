"""The whole demo in one call, for `load_demo`, the tests and the browser tests."""

from django.db import transaction

from samordna.associations.models import Association
from samordna.demo import interventions
from samordna.demo.associations import load_associations, load_national_allocation
from samordna.demo.followup import load_followup
from samordna.demo.meetings import load_meetings
from samordna.demo.users import load_users


@transaction.atomic
def load_demo() -> tuple[dict[str, Association], int]:
    """Load what is missing; return the förbund and the rows of the allocation table."""
    associations = load_associations()
    rows = load_national_allocation(associations)
    load_users(associations)
    interventions.load_applications(associations)
    load_meetings(associations, before_justering=interventions.in_meeting)
    interventions.load_after_justering(associations)
    load_followup(associations)
    return associations, rows
