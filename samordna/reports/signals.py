"""What the reports app tells the apps above it (the diarium), so that it never imports
them. Sent inside the transaction of the change, with the record and `by=`."""

from django.dispatch import Signal

# A report decided in a § was locked and kept as PDF/A and Word (report=, by=).
report_locked = Signal()
