from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from samordna.accounts.models import User


@admin.register(User)
class SamordnaUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "association", "is_active"]
    list_filter = ["role", "association", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Samordna", {"fields": ("role", "association", "person", "member", "organisation_unit")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Samordna", {"fields": ("role", "association")}),
    )
