"""Who may see and do what in the diarium.

Everyone who reads the förbund's registers reads its diarium; secret parts stay whole only
for the kansli and the auditors (the others see them masked, as the public does); only the
kansli registers, marks secrecy, decides gallring and exports the archive.
"""

from django.shortcuts import get_object_or_404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS, require
from samordna.records.models import Case, CopyRequest, Handling, HandlingFile, WeedingList

SECRECY_READERS = frozenset({Role.OFFICE, Role.AUDITOR})


def can_read(user: User) -> bool:
    return user.role in REGISTER_READERS


def can_see_secret(user: User) -> bool:
    return user.role in SECRECY_READERS


def can_manage(user: User) -> bool:
    return user.role == Role.OFFICE


def case_for(user: User, association: Association, pk: int) -> Case:
    require(can_read(user))
    return get_object_or_404(Case.objects.select_related("officer"), association=association, pk=pk)


def handling_for(user: User, association: Association, pk: int) -> Handling:
    require(can_manage(user))
    return get_object_or_404(
        Handling.objects.select_related("case", "document_type"), association=association, pk=pk
    )


def file_for(user: User, association: Association, pk: int) -> HandlingFile:
    """A file of a handling: its secret files only for those who may see secrets."""
    require(can_read(user))
    stored = get_object_or_404(
        HandlingFile.objects.select_related("handling"), handling__association=association, pk=pk
    )
    require(not stored.handling.secret_files or can_see_secret(user))
    return stored


def copy_request_for(user: User, association: Association, pk: int) -> CopyRequest:
    require(can_manage(user))
    return get_object_or_404(CopyRequest, association=association, pk=pk)


def weeding_list_for(user: User, association: Association, year: int) -> WeedingList:
    require(can_read(user))
    return get_object_or_404(WeedingList, association=association, year=year)
