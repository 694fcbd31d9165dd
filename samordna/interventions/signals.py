"""What the interventions app tells the apps above it (the diarium), so that it never imports
them. Each is sent inside the transaction of the change, with the record and `by=`."""

from django.dispatch import Signal

# An application reached the förbund (application=, by=).
application_submitted = Signal()
# Both parties signed an agreement (agreement=, by=).
agreement_signed = Signal()
# An insatsägare handed a report in (report=, by=).
report_submitted = Signal()
