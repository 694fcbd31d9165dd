"""For the operator: the outbox (what was sent, what failed and why, sending it again) and
the background tasks."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from samordna.core.models import EmailStatus, OutgoingEmail, TaskProgress
from samordna.core.services import email_retry

# The admin is for the operator's rare repairs; new förbund are set up at /drift/forbund/.
admin.site.site_header = "Samordna – drift och reparationer"
admin.site.site_title = "Samordna drift"
admin.site.index_title = "Sällsynta reparationer (nya förbund läggs upp under Drift)"


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "attempts", "error", "created_at", "sent_at"]
    list_filter = ["status", "association"]
    search_fields = ["subject", "key"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]
    actions = ["send_again"]

    @admin.action(description="Skicka igen (bara de som inte kunde skickas)")
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        failed = list(queryset.filter(status=EmailStatus.FAILED))
        for email in failed:
            email_retry(email=email)
        messages.success(request, f"{len(failed)} meddelanden skickas igen.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TaskProgress)
class TaskProgressAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "done", "total", "attempts", "created_at", "association"]
    list_filter = ["status", "association"]
    readonly_fields = [field.name for field in TaskProgress._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
