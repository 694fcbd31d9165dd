"""Who may read and write the reports: the kansli writes them, the board and the auditors
read them (another förbund's report is a 404, a reader's write a 403, as everywhere)."""

from samordna.accounts.models import Role, User


def can_read_reports(user: User) -> bool:
    return user.role in (Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR)


def can_write_reports(user: User) -> bool:
    return user.role == Role.OFFICE
