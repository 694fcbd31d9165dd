"""Builders for the follow-up tests: counts that add up, entered and approved through the
services."""

import re
from typing import Any

from samordna.accounts.models import User
from samordna.followup import services
from samordna.followup.counts import AGE_BANDS, COUNT_NAMES
from samordna.followup.models import (
    MeasuredGoal,
    ParticipantReport,
    ReportingPeriod,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
    UsedFormKey,
)
from samordna.interventions.models import Intervention


def without_tokens(response: Any) -> str:
    """The page's HTML without its CSRF tokens (drawn anew for every response)."""
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", response.content.decode())


def balanced(
    *,
    start: tuple[int, int, int] = (0, 0, 0),
    new: tuple[int, int, int] = (6, 4, 0),
    ended: tuple[int, int, int] = (2, 1, 0),
    to: dict[str, int] | None = None,
    income: dict[str, int] | None = None,
) -> dict[str, int]:
    """Counts that obey every rule: (kvinnor, män, annat) per stock; ages all 25–29 unless
    the stock is empty; the ended go where `to` says (default: work), the new have the
    incomes `income` says (default: försörjningsstöd)."""
    values = dict.fromkeys(COUNT_NAMES, 0)
    stocks = {
        "start": start,
        "new": new,
        "ended": ended,
        "end": tuple(s + n - e for s, n, e in zip(start, new, ended, strict=True)),
    }
    for stock, (women, men, other) in stocks.items():
        values[f"{stock}_women"], values[f"{stock}_men"], values[f"{stock}_other"] = (
            women,
            men,
            other,
        )
        values[f"{stock}_age_{AGE_BANDS[2][0]}"] = women + men + other
    ended_total = sum(ended)
    for code, value in (to or {"work": ended_total}).items():
        values[f"ended_to_{code}"] = value
    for code, value in (income or {"social_assistance": sum(new)}).items():
        values[f"income_{code}"] = value
    return values


def approved(
    intervention: Intervention,
    period: ReportingPeriod,
    by: User,
    office: User,
    **counts: Any,
) -> ParticipantReport:
    """Counts for the period, entered by `by` and approved by the kansli."""
    report = services.counts_open(intervention=intervention, period=period, by=by)
    services.counts_save(report=report, by=by, version=report.version, values=balanced(**counts))
    services.counts_submit(report=report, by=by, version=report.version)
    return services.counts_approve(report=report, by=office)


def without_demo_surveys() -> None:
    """Tests of surveys count answers across rounds: set the demo's rounds aside (within the
    test's transaction) and the goal that measures one of its statements."""
    MeasuredGoal.objects.filter(statement__isnull=False).delete()
    SurveyAnswer.objects.all().delete()
    SurveyResponse.objects.all().delete()
    UsedFormKey.objects.all().delete()
    SurveyRound.objects.all().delete()
