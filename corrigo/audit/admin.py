from django.contrib import admin

from corrigo.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "target_type", "target_id", "actor", "site"]
    list_filter = ["site", "action"]
    list_select_related = ["actor", "site"]
