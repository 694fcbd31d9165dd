"""Who may see and enter follow-up figures.

Counts are entered by the insatsägare (for their own insatser) or the kansli, approved by the
kansli. Everyone outside the kansli sees figures with small counts hidden (`suppression`).
As everywhere, another förbund's records are a 404 and a role that may not act gets 403.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS
from samordna.followup.models import ParticipantReport, SurveyRound
from samordna.interventions.models import Intervention
from samordna.interventions.selectors import visible_interventions


def can_read_followup(user: User) -> bool:
    return user.role in REGISTER_READERS or user.role == Role.APPLICANT


def can_enter_counts(user: User, intervention: Intervention) -> bool:
    return can_enter_counts_of(user, intervention.owner_id)


def can_enter_counts_of(user: User, owner_id: int) -> bool:
    """`can_enter_counts` for an insats of which only the owner's id is at hand."""
    if user.role == Role.OFFICE:
        return True
    return user.role == Role.APPLICANT and user.member_id == owner_id


def can_manage_followup(user: User) -> bool:
    """Approve and unlock counts, build surveys, bind goals, change the settings."""
    return user.role == Role.OFFICE


def followup_audience(user: User) -> str:
    """What the follow-up's pages show a reader depends on their role only through this, the
    key of the parts kept for every such reader (`{% shared %}`): the kansli sees every
    figure and may act; an insatsägare sees and enters their organisation's insatser; every
    other reader of the förbund sees the same read-only figures."""
    if user.role == Role.OFFICE:
        return "office"
    if user.role == Role.APPLICANT:
        return f"applicant:{user.member_id}"
    return "reader"


def sees_small_counts(user: User) -> bool:
    """Only the kansli sees counts below the förbund's threshold."""
    return user.role == Role.OFFICE


def participant_report_for(user: User, association: Association, pk: int) -> ParticipantReport:
    """Counts of an insats the user may see (an applicant: their organisation's)."""
    return get_object_or_404(
        ParticipantReport.objects.select_related(
            "intervention__owner", "period", "submitted_by", "approved_by"
        ).filter(
            association=association, intervention__in=visible_interventions(user, association)
        ),
        pk=pk,
    )


def visible_rounds(user: User, association: Association) -> QuerySet[SurveyRound]:
    """The förbund's rounds for its readers; an insatsägare's own insatsers' rounds."""
    rounds = SurveyRound.objects.filter(association=association)
    if user.role == Role.APPLICANT:
        if user.member_id is None:
            return rounds.none()
        return rounds.filter(intervention__owner_id=user.member_id)
    return rounds if can_read_followup(user) else rounds.none()


def round_for(user: User, association: Association, pk: int) -> SurveyRound:
    return get_object_or_404(
        visible_rounds(user, association).select_related("questionnaire__scale", "intervention"),
        pk=pk,
    )
