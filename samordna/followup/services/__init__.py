"""Every write to the follow-up counts: the förbund's periods and settings, the counts of an
insats in a period from draft to approved (and unlocked again, with a reason), and the
planned number of participants. Surveys are in `services/surveys.py`, imports of counts in
`services/imports.py`, goals bound to a measure in `services/measured_goals.py`
(how they are judged is in `followup/goal_fulfilment.py`)."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.concurrency import lock_version
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.followup.counts import COUNT_NAMES, gender_total, problems
from samordna.followup.models import (
    FollowupSettings,
    ParticipantReport,
    ParticipantReportStatus,
    PlannedParticipants,
    ReportingPeriod,
    ReportUnlock,
)
from samordna.followup.selectors import periods_of_year, settings_for
from samordna.interventions.models import Intervention


@transaction.atomic
def settings_update(*, association: Association, by: User, **fields: Any) -> FollowupSettings:
    """Change the period kind (for years without figures), the threshold and sharing."""
    current = settings_for(association)
    changed = apply_changes(current, fields)
    if current.pk is None:  # the defaults until now: saved with the changes
        save_with_history(current, by=by)
    elif changed:
        save_with_history(current, by=by, update_fields=changed)
    return current


@transaction.atomic
def settings_save(*, association: Association, by: User, **fields: Any) -> FollowupSettings:
    """Change the settings; a new period kind re-makes the periods of every year that has
    no figures yet (years with figures keep theirs)."""
    kind_before = settings_for(association).period_kind
    current = settings_update(association=association, by=by, **fields)
    if current.period_kind != kind_before:
        with_figures = ReportingPeriod.objects.filter(
            association=association, reports__isnull=False
        ).values("year")
        for period in ReportingPeriod.objects.filter(association=association).exclude(
            year__in=with_figures
        ):
            delete_with_history(period, by=by)
    return current


@transaction.atomic
def periods_for_year(*, association: Association, year: int) -> list[ReportingPeriod]:
    """The year's periods, saved: those that exist, or new ones of the förbund's kind (what
    `selectors.periods_of_year` shows before anyone reports)."""
    periods = periods_of_year(association, year)
    for period in periods:
        if period.pk is None:
            save_with_history(period, by=None)
    return periods


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    """The period that ended the day before this one began, if there is one."""
    return ReportingPeriod.objects.filter(
        association_id=period.association_id,
        ends_on=period.starts_on - datetime.timedelta(days=1),
    ).first()


def previous_end(report: ParticipantReport) -> int | None:
    """Participants at the end of the previous period, if it was reported."""
    before = previous_period(report.period)
    if before is None:
        return None
    earlier = ParticipantReport.objects.filter(
        intervention_id=report.intervention_id,
        period=before,
        status__in=[ParticipantReportStatus.SUBMITTED, ParticipantReportStatus.APPROVED],
    ).first()
    return gender_total(earlier.values(), "end") if earlier else None


@transaction.atomic
def counts_open(
    *, intervention: Intervention, period: ReportingPeriod, by: User
) -> ParticipantReport:
    """The insats's counts for the period, started as a draft the first time."""
    if period.association_id != intervention.association_id:
        raise ValidationError("Perioden hör till ett annat förbund.")
    report = ParticipantReport.objects.filter(intervention=intervention, period=period).first()
    if report is None:
        report = ParticipantReport(
            association_id=intervention.association_id, intervention=intervention, period=period
        )
        save_with_history(report, by=by)
    return report


def _check_values(values: Mapping[str, Any]) -> dict[str, int]:
    unknown = set(values) - set(COUNT_NAMES)
    if unknown:
        raise ValidationError(f"Okända fält: {', '.join(sorted(unknown))}.")
    return {name: int(values.get(name) or 0) for name in COUNT_NAMES}


@transaction.atomic
def counts_save(
    *, report: ParticipantReport, by: User, version: int, values: Mapping[str, Any]
) -> ParticipantReport:
    """Save the counts as they stand; they are checked when they are sent."""
    current = lock_version(report, version, what=f"Siffrorna för {report.period}")
    if current.status != ParticipantReportStatus.DRAFT:
        raise ValidationError(
            f"Siffrorna är {current.get_status_display().lower()}a och kan inte ändras."
            + (" Kansliet kan låsa upp dem med ett skäl." if current.status == "approved" else "")
        )
    names = apply_changes(current, _check_values(values))
    current.version += 1
    save_with_history(current, by=by, update_fields=[*names, "version"])
    report.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def counts_submit(
    *, report: ParticipantReport, by: User, version: int, now: datetime.datetime | None = None
) -> ParticipantReport:
    """Send the counts to the kansli once they add up."""
    current = lock_version(report, version, what=f"Siffrorna för {report.period}")
    if current.status != ParticipantReportStatus.DRAFT:
        raise ValidationError("Siffrorna är redan inskickade.")
    found = problems(current.values(), previous_end=previous_end(current))
    if found:
        raise ValidationError(found)
    current.status = ParticipantReportStatus.SUBMITTED
    current.submitted_at = now or timezone.now()
    current.submitted_by = by
    current.version += 1
    save_with_history(
        current, by=by, update_fields=["status", "submitted_at", "submitted_by", "version"]
    )
    report.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def counts_approve(
    *, report: ParticipantReport, by: User, now: datetime.datetime | None = None
) -> ParticipantReport:
    """The kansli approves sent counts; they are locked from then on."""
    current = ParticipantReport.objects.select_for_update().get(pk=report.pk)
    if current.status != ParticipantReportStatus.SUBMITTED:
        raise ValidationError("Bara inskickade siffror kan godkännas.")
    found = problems(current.values(), previous_end=previous_end(current))
    if found:
        raise ValidationError(found)
    current.status = ParticipantReportStatus.APPROVED
    current.approved_at = now or timezone.now()
    current.approved_by = by
    current.version += 1
    save_with_history(
        current, by=by, update_fields=["status", "approved_at", "approved_by", "version"]
    )
    report.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def counts_reopen(*, report: ParticipantReport, by: User, reason: str) -> ReportUnlock:
    """Send counts back to draft: sent ones for a correction, approved ones (unlocked) for a
    correction the kansli found later. The reason is kept."""
    if not reason.strip():
        raise ValidationError({"reason": "Skriv varför siffrorna öppnas igen."})
    current = ParticipantReport.objects.select_for_update().get(pk=report.pk)
    if current.status == ParticipantReportStatus.DRAFT:
        raise ValidationError("Siffrorna är redan ett utkast.")
    unlock = ReportUnlock(report=current, unlocked_by=by, reason=reason.strip())
    save_with_history(unlock, by=by)
    current.status = ParticipantReportStatus.DRAFT
    current.approved_at = None
    current.approved_by = None
    current.version += 1
    current._change_reason = reason.strip()  # type: ignore[attr-defined]
    save_with_history(
        current, by=by, update_fields=["status", "approved_at", "approved_by", "version"]
    )
    report.__dict__.update(current.__dict__)
    return unlock


@transaction.atomic
def planned_set(
    *, intervention: Intervention, by: User, year: int, planned: int | None
) -> PlannedParticipants | None:
    """How many participants the insats plans for in `year` (None clears it)."""
    existing = PlannedParticipants.objects.filter(intervention=intervention, year=year).first()
    if planned is None:
        if existing is not None:
            existing._history_user = by  # type: ignore[attr-defined]
            existing.delete()
        return None
    row = existing or PlannedParticipants(intervention=intervention, year=year)
    row.planned = planned
    save_with_history(row, by=by)
    return row


def running_q(first: datetime.date, last: datetime.date) -> Q:
    """Insatser that run some day from `first` to `last`: started by then and neither
    ended nor settled before."""
    return (
        Q(starts_on__lte=last)
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        & (Q(closed_on__isnull=True) | Q(closed_on__gte=first))
    )


def runs_during(intervention: Intervention, period: ReportingPeriod) -> bool:
    """Whether the insats runs some day of the period (see `running_q`)."""
    starts, ends, closed = intervention.starts_on, intervention.ends_on, intervention.closed_on
    return (
        starts is not None
        and starts <= period.ends_on
        and (ends is None or ends >= period.starts_on)
        and (closed is None or closed >= period.starts_on)
    )
