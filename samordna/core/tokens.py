"""The key a form carries from the moment it is shown, so that the same form sent twice
acts once: the service looks the key up before it writes (payments, orders, signatures)."""

import uuid


def new_token() -> str:
    """A fresh key of 32 hex digits (what `core.forms.TokenField` accepts)."""
    return uuid.uuid4().hex
