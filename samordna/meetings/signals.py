"""What the meetings app tells the apps above it, so that it never imports them."""

from django.dispatch import Signal

# Sent inside the justering transaction, after the §§ are fixed and before the minutes
# are stored: receivers record what the minutes report (meeting=, by=).
minutes_justerade = Signal()

# Sent inside the justering transaction once the justerade minutes are stored as PDF/A
# (approved=, by=): receivers keep a copy (the diarium registers the protocol).
minutes_kept = Signal()
