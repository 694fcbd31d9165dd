"""Every write of the finance app."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import User
from samordna.core.services import save_with_history
from samordna.finance.models import BudgetLine, Forecast

MAX_LINE_AMOUNT = 100_000_000  # kr; more than any förbund's whole year


@transaction.atomic
def forecast_set(
    *, line: BudgetLine, by: User, as_of: datetime.date, amount: int, comment: str = ""
) -> Forecast:
    """Record the kansli's forecast for the line's whole year, made on `as_of`."""
    if isinstance(amount, float) or not 0 <= amount <= MAX_LINE_AMOUNT:
        raise ValidationError(
            {"amount": "Prognosen ska vara ett belopp i hela kronor, 0–100 000 000 kr."}
        )
    if as_of.year != line.budget.year:
        raise ValidationError(
            {"as_of": f"Prognosdatumet ska ligga i budgetåret {line.budget.year}."}
        )
    forecast = Forecast(line=line, as_of=as_of, amount=amount, comment=comment.strip(), made_by=by)
    save_with_history(forecast, by=by)
    return forecast
