"""The admin is for the operator's rare repairs. A new förbund is set up in Samordna's own
pages (/drift/forbund/), day-to-day work in the förbund's pages. Every link the admin's
forms offer is checked by the models' clean(): nothing points into another förbund."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samordna.associations.models import (
    Association,
    BoardSeat,
    FeeBaseAmount,
    Member,
    Person,
    StaffAssignment,
)


@admin.register(Association)
class AssociationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation_number", "county"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "association", "share_percent"]
    list_filter = ["association"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "association"]
    list_filter = ["association"]


@admin.register(BoardSeat)
class BoardSeatAdmin(SimpleHistoryAdmin):
    list_display = ["person", "member", "kind", "position", "starts_on", "ends_on"]
    list_filter = ["association"]


@admin.register(StaffAssignment)
class StaffAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "association", "starts_on", "ends_on"]


@admin.register(FeeBaseAmount)
class FeeBaseAmountAdmin(SimpleHistoryAdmin):
    list_display = ["association", "valid_from", "amount"]
