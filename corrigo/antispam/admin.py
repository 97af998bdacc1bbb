from django.contrib import admin

from corrigo.antispam.models import BlockedClient, RejectionCount


@admin.register(BlockedClient)
class BlockedClientAdmin(admin.ModelAdmin):
    list_display = ["site", "client_hash", "blocked_by", "created_at", "expires_at"]
    list_filter = ["site"]
    list_select_related = ["site", "blocked_by"]
    raw_id_fields = ["blocked_by"]


@admin.register(RejectionCount)
class RejectionCountAdmin(admin.ModelAdmin):
    list_display = ["site", "day", "reason", "count"]
    list_filter = ["site", "reason"]
    list_select_related = ["site"]
