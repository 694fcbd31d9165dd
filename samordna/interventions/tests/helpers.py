"""Builders for the tests of insatser: an application sent in, a § to decide it in, and the
minutes justerade, each through the services a user's click would call."""

import datetime
import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from unittest import TestCase

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from samordna.accounts.models import User
from samordna.associations.models import Association, Member
from samordna.attest.models import SignatureList
from samordna.interventions import services
from samordna.interventions.models import Application, CostType, GrantDecision, PaymentPlan
from samordna.interventions.services import BudgetCell, GoalInput, PartyInput, grants
from samordna.meetings import services as meeting_services
from samordna.meetings.models import ApprovedMinutes, Meeting, Paragraph
from samordna.meetings.services import proceedings

D = datetime.date
SUNDSVALL_NOVEMBER = D(2022, 11, 25)
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


@contextmanager
def refused(test: TestCase, text: str) -> Iterator[None]:
    """The block raises a ValidationError whose messages (at any field) include `text`."""
    with test.assertRaises(ValidationError) as caught:
        yield
    test.assertIn(text, " ".join(caught.exception.messages))


def attest_outside_samordna(association: Association) -> None:
    """The förbund keeps attest and utanordning outside Samordna: without an adopted
    signature list, payments are recorded directly (the demo's Sundsvall has one for 2023,
    so its 2023 payments otherwise go through `samordna.attest` orders)."""
    SignatureList.objects.filter(association=association).update(adopted_on=None)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


def complete_fields(name: str = "Arbetsträning i samverkan", **overrides: Any) -> dict:
    """Every field the förbund's form asks for, filled in."""
    fields = {
        "organisation_name": "Individ- och arbetsmarknadsförvaltningen",
        "unit": "Arbetsmarknadstorget",
        "organisation_number": "212000-2411",
        "signatory": "Denise Wallén",
        "signatory_title": "Förvaltningsdirektör",
        "contact_name": "Denise Wallén",
        "contact_phone": "060-19 22 79",
        "contact_email": "denise.wallen@sundsvall.se",
        "postal_address": "Norrmalmsgatan 4",
        "postal_code": "851 85",
        "city": "Sundsvall",
        "bankgiro": "5050-1055",
        "name": name,
        "summary": "Arbetsträning med stöd av arbetskonsulent.",
        "background": "Behovet av arbetsträning är stort.",
        "purpose": "Att fler kommer i arbete eller studier.",
        "target_group": "Unga vuxna med aktivitetsersättning.",
        "what_is_new": "Samlat stöd från flera myndigheter.",
        "implementation": "Teamet arbetar på Arbetsmarknadstorget.",
        "gender_equality": "Resultaten redovisas uppdelat på kön.",
        "evaluation": "Uppföljning Finsam och indikatorenkät.",
        "expected_results_parties": "Bättre samverkan.",
        "expected_results_individuals": "Fler i arbete eller studier.",
        "starts_on": D(2023, 1, 1),
        "ends_on": D(2023, 12, 31),
        "direction": "individual",
        "esf": "no",
    }
    fields.update(overrides)
    return fields


def budget(amounts: dict[int, int]) -> list[BudgetCell]:
    """A budget of salaries only: {year: amount}."""
    return [BudgetCell(CostType.SALARIES, year, amount) for year, amount in amounts.items()]


def draft(
    association: Association,
    by: User,
    *,
    member: Member | None = None,
    partners: Sequence[str] = ("Försäkringskassan",),
    amounts: dict[int, int] | None = None,
    **fields: Any,
) -> Application:
    """A complete draft of `member` (the user's own by default), not yet sent."""
    member = member or by.member or association.members.get(name="Sundsvalls kommun")
    application = services.application_create(
        association=association, by=by, member=member, received_on_paper=by.member_id is None
    )
    return services.application_save(
        application=application,
        by=by,
        version=application.version,
        fields=complete_fields(**fields),
        parties=[
            PartyInput(member=association.members.get(name=name), contact_name="Kontakt")
            for name in partners
        ],
        goals=[GoalInput("Fler avslutas till arbete eller studier", "Uppföljning Finsam")],
        budget=budget(amounts or {2023: 400_000}),
    )


def submitted(association: Association, by: User, **kwargs: Any) -> Application:
    application = draft(association, by, **kwargs)
    return services.application_submit(
        application=application, by=by, version=application.version, now=at(D(2022, 11, 1))
    )


def paragraph(
    association: Association, by: User, day: datetime.date, title: str = "Ansökan"
) -> Paragraph:
    """A § of a new meeting on `day` (no upprop, so quorum is not judged); a second call
    for the same day holds its meeting an hour later."""
    earlier = Meeting.objects.filter(association=association, date=day, place="Kansliet").count()
    meeting = meeting_services.meeting_create(
        association=association,
        by=by,
        date=day,
        starts_at=datetime.time(13 + earlier),
        ends_at=datetime.time(13 + earlier, 45),
        place="Kansliet",
    )
    return proceedings.paragraph_create(meeting=meeting, by=by, title=title)


def justera(meeting: Meeting) -> ApprovedMinutes:
    """Mark the minutes justerade as the last signer's approval does, without rendering the
    PDF/A (the meetings tests cover that): what matters here is that they are locked."""
    approved = ApprovedMinutes(
        meeting=meeting,
        approved_on=meeting.date,
        sha256="0" * 64,
        first_number=meeting.paragraphs.order_by("number").first().number,  # type: ignore[union-attr]
        last_number=meeting.paragraphs.order_by("number").last().number,  # type: ignore[union-attr]
    )
    approved.pdf.save("protokoll.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    approved.save()
    return approved


def granted(
    association: Association,
    office: User,
    applicant: User,
    *,
    day: datetime.date = SUNDSVALL_NOVEMBER,
    plan: str = PaymentPlan.HALF_THEN_REPORT,
    amounts: dict[int, int] | None = None,
    conditions: Sequence[str] = (),
    in_force: bool = True,
    **fields: Any,
) -> GrantDecision:
    """An application granted in full in a § of a meeting on `day`, justerad unless
    `in_force` is False."""
    amounts = amounts or {2023: 400_000}
    years = sorted(amounts)
    fields.setdefault("starts_on", D(years[0], 1, 1))
    fields.setdefault("ends_on", D(years[-1], 12, 31))
    application = submitted(association, applicant, amounts=amounts, **fields)
    par = paragraph(association, office, day)
    decision = grants.decision_record(
        application=application,
        paragraph=par,
        by=office,
        outcome="granted",
        amounts=[grants.AmountInput(year, amount, plan) for year, amount in amounts.items()],
        conditions=conditions,
    )
    if in_force:
        justera(par.meeting)
    return decision
