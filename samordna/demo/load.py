"""The whole demo in one call, for `load_demo`, the tests and the browser tests."""

from django.db import transaction

from samordna.associations.cache import association_pages_changed
from samordna.associations.models import Association
from samordna.demo import (
    attest_money,
    control,
    fees_money,
    finance_money,
    interventions,
    ledger_money,
    records,
    reports,
)
from samordna.demo.associations import ASSOCIATIONS, load_associations, load_national_allocation
from samordna.demo.followup import load_followup
from samordna.demo.meetings import load_meetings
from samordna.demo.users import load_users


@transaction.atomic
def load_demo() -> tuple[dict[str, Association], int]:
    """Load what is missing; return the förbund and the rows of the allocation table."""
    associations = load_associations()
    rows = load_national_allocation(associations)
    load_users(associations)
    records.load_registries(associations)
    interventions.load_applications(associations)
    load_meetings(associations, before_justering=interventions.in_meeting)
    # The signature list of § 129 (2022-11-25) governs the payments of 2023.
    attest_money.load_attest(associations)
    interventions.load_after_justering(associations)
    load_followup(associations)
    finance_money.load_finance(associations)
    fees_money.load_fees(associations)
    ledger_money.load_ledger(associations)
    control.load_control(associations)
    reports.load_reports(associations)
    records.load_letters(associations)
    # Some of the demo is written in bulk, without signals (`associations.cache`).
    association_pages_changed(association_id=None)
    return associations, rows


def demo_associations() -> dict[str, Association]:
    """The demo's förbund: found in one query when the demo is there (it is loaded in one
    transaction, so all of it is), or loaded. `load_demo` looks at every record (~300
    queries); the tests ask once per class."""
    found = {a.slug: a for a in Association.objects.filter(slug__in=ASSOCIATIONS)}
    if len(found) == len(ASSOCIATIONS):
        return found
    associations, _ = load_demo()
    return associations
