"""Who may see and do what in the control year.

Everyone who reads the förbund's registers reads the årshjul, the delegationsordning with
its decisions and the internkontrollplan with its follow-ups (the revisor included); only
the kansli writes.
"""

from django.shortcuts import get_object_or_404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS, require
from samordna.control import selectors
from samordna.control.models import (
    AuditDocument,
    Auditor,
    ControlPlan,
    ControlRow,
    CycleItem,
    DelegationOrder,
    MemberConsultation,
    Occurrence,
    RiskAnalysis,
)


def can_read(user: User) -> bool:
    return user.role in REGISTER_READERS


def can_manage(user: User) -> bool:
    return user.role == Role.OFFICE


def item_for(user: User, association: Association, pk: int) -> CycleItem:
    require(can_manage(user))
    return get_object_or_404(association.cycle_items, pk=pk)


def occurrence_for(user: User, association: Association, pk: int) -> Occurrence:
    require(can_manage(user))
    return get_object_or_404(selectors.occurrences_of(association), pk=pk)


def order_for(user: User, association: Association, year: int) -> DelegationOrder:
    require(can_read(user))
    return get_object_or_404(selectors.order_with_points(association), year=year)


def plan_for(user: User, association: Association, pk: int) -> ControlPlan:
    require(can_read(user))
    return get_object_or_404(selectors.plan_with_rows(association), pk=pk)


def row_for(user: User, association: Association, pk: int) -> ControlRow:
    require(can_manage(user))
    return get_object_or_404(
        ControlRow.objects.select_related("plan"), pk=pk, plan__association=association
    )


def analysis_for(user: User, association: Association, year: int) -> RiskAnalysis:
    require(can_read(user))
    return get_object_or_404(selectors.analyses_of(association).prefetch_related("rows"), year=year)


def auditor_for(user: User, association: Association, pk: int) -> Auditor:
    require(can_manage(user))
    return get_object_or_404(association.auditors.select_related("appointed_by"), pk=pk)


def audit_document_for(user: User, association: Association, pk: int) -> AuditDocument:
    """A document of the auditors: every reader (the revisor included) opens its file."""
    require(can_read(user))
    return get_object_or_404(association.audit_documents, pk=pk)


def consultation_for(user: User, association: Association, pk: int) -> MemberConsultation:
    require(can_read(user))
    return get_object_or_404(selectors.consultation_with_parts(association), pk=pk)
