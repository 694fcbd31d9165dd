"""Who may see and do what with applications and insatser.

As everywhere: what a user may not see is a 404 (the same as for what does not exist), what
they may see but not change is a 403.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS
from samordna.interventions.models import (
    Application,
    ApplicationStatus,
    GrantDecision,
    Intervention,
    Report,
)
from samordna.interventions.selectors import (
    is_preparer,
    visible_applications,
    visible_interventions,
)


def can_apply(user: User) -> bool:
    """Staff at a member organisation apply for and run insatser."""
    return user.role == Role.APPLICANT and user.member_id is not None


def can_manage_grants(user: User) -> bool:
    """The kansli records decisions, agreements and everything the board decided."""
    return user.role == Role.OFFICE


def can_record_payments(user: User) -> bool:
    return user.role in (Role.OFFICE, Role.FINANCE)


def can_read_applications(user: User, association: Association) -> bool:
    return can_apply(user) or user.role in REGISTER_READERS or is_preparer(user, association)


def can_read_register(user: User) -> bool:
    return can_apply(user) or user.role in REGISTER_READERS


def application_for(user: User, association: Association, pk: int) -> Application:
    return get_object_or_404(visible_applications(user, association), pk=pk)


def can_edit_application(user: User, application: Application) -> bool:
    """The applicant while it is a draft; the kansli until it is decided (a paper
    application the kansli enters, or a correction in the beredning)."""
    if application.status in (ApplicationStatus.DECIDED, ApplicationStatus.WITHDRAWN):
        return False
    if user.role == Role.OFFICE:
        return application.received_on_paper or application.status != ApplicationStatus.DRAFT
    return (
        can_apply(user)
        and user.member_id == application.member_id
        and application.status == ApplicationStatus.DRAFT
    )


def can_withdraw(user: User, application: Application) -> bool:
    return (
        can_apply(user)
        and user.member_id == application.member_id
        and application.status
        in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.PREPARATION)
    )


def intervention_for(user: User, association: Association, pk: int) -> Intervention:
    return get_object_or_404(visible_interventions(user, association), pk=pk)


def decision_for(user: User, association: Association, pk: int) -> GrantDecision:
    """A decision on an insats the user may see: the förbund's readers and the insatsägare."""
    decision = get_object_or_404(
        GrantDecision.objects.select_related("association", "paragraph__meeting", "application"),
        association=association,
        pk=pk,
    )
    intervention_for(user, association, decision.application.intervention_id or 0)
    return decision


def report_for(user: User, association: Association, intervention_pk: int, pk: int) -> Report:
    intervention = intervention_for(user, association, intervention_pk)
    report = intervention.reports.select_related("decision__application").filter(pk=pk).first()
    if report is None:
        raise Http404("Sidan finns inte.")
    return report


def can_write_report(user: User, report: Report) -> bool:
    """The insatsägare's staff, or the kansli on their behalf."""
    if user.role == Role.OFFICE:
        return True
    return can_apply(user) and user.member_id == report.intervention.owner_id
