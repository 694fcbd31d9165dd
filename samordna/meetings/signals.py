"""What the meetings app tells the apps above it, so that it never imports them."""

from django.dispatch import Signal

# Sent inside the justering transaction, after the §§ are fixed and before the minutes
# are stored: receivers record what the minutes report (meeting=, by=).
minutes_justerade = Signal()

# Sent inside the justering transaction once the justerade minutes are stored as PDF/A
# (approved=, by=): receivers keep a copy (the diarium registers the protocol).
minutes_kept = Signal()

# Sent inside the transaction that plans a meeting, once its standing items are made
# (meeting=, by=): receivers add the standing items they keep (the diarium's "Inkomna
# handlingar").
meeting_planned = Signal()

# Sent when a meeting's agenda is shown or printed (meeting=, titles= the lower-cased titles
# of its items): a receiver answers with a list of `listings.AgendaListing` for the items it
# fills from its own register, so that the agenda shows them without meetings importing it.
agenda_listed = Signal()
