"""Adoption in a §: the board adopts a register (a plan of the control year, the attest's
signature list) in a paragraph of its minutes, or, for a decision from before Samordna, in
earlier minutes named in words. Once adopted the register is locked; a change is a new one.

Both halves are shared: `editable` locks the row and refuses an adopted one, `adoption`
checks where and when the board adopted it, and `record_adoption` saves that with history.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.accounts.models import User
from samordna.core.services import save_with_history
from samordna.meetings.models import AdoptedInParagraph, Paragraph

A = TypeVar("A", bound=AdoptedInParagraph)


def editable(record: A, refusal: Callable[[A], str]) -> A:
    """The record, locked for update; refused with `refusal(record)` once adopted."""
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if locked.adopted:
        raise ValidationError(refusal(locked))
    return locked


@dataclass(frozen=True)
class Adoption:
    paragraph: Paragraph | None
    earlier_reference: str
    adopted_on: datetime.date


def adoption(
    *,
    association_id: int,
    paragraph: Paragraph | None,
    earlier_reference: str,
    adopted_on: datetime.date | None,
    what: str,
) -> Adoption:
    """Where and when the board adopted `what` ("planen", "listan"): a § of the förbund's own
    meeting (its date is the adoption's), or earlier minutes named in words with a date."""
    earlier_reference = earlier_reference.strip()
    if paragraph is not None:
        if paragraph.meeting.association_id != association_id:
            raise ValidationError({"paragraph": "Paragrafen hör till ett annat förbund."})
        adopted_on = paragraph.meeting.date
        earlier_reference = ""
    elif not earlier_reference:
        raise ValidationError(
            {
                "paragraph": f"Välj paragrafen där styrelsen antog {what}, "
                "eller ange var beslutet finns."
            }
        )
    elif adopted_on is None:
        raise ValidationError({"adopted_on": f"Ange när styrelsen antog {what}."})
    if adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": "Datumet kan inte ligga i framtiden."})
    return Adoption(paragraph, earlier_reference, adopted_on)


def record_adoption(record: AdoptedInParagraph, found: Adoption, *, by: User) -> None:
    record.paragraph = found.paragraph
    record.earlier_reference = found.earlier_reference
    record.adopted_on = found.adopted_on
    save_with_history(record, by=by, update_fields=["paragraph", "earlier_reference", "adopted_on"])
