"""What the control app tells the apps above it (the diarium), so that it never imports
them. Each is sent inside the transaction of the change, with the record and `by=`."""

from django.dispatch import Signal

# The board adopted an internkontrollplan (plan=, by=).
control_plan_adopted = Signal()
# The follow-up report of a plan went to a meeting as a Bilaga (plan=, attachment=, by=).
control_report_attached = Signal()
