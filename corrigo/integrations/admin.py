from django.contrib import admin

from corrigo.integrations.models import ApiToken, WebhookDelivery, WebhookEndpoint


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created and revoked in the desk; the admin only shows them."""

    list_display = ["name", "prefix", "site", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["site"]
    readonly_fields = ["site", "name", "prefix", "created_by", "created_at", "last_used_at", "revoked_at", "revoked_by"]
    exclude = ["token_hash"]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "site", "format", "events", "active"]
    list_filter = ["site", "active", "format"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: read only."""

    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "next_attempt_at", "created_at"]
    list_filter = ["site", "status", "event"]
    list_select_related = ["endpoint"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
