from django.contrib import admin

from corrigo.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["exact", "kind", "verdict", "site", "created_at"]
    list_filter = ["site", "kind", "verdict"]
    list_select_related = ["site"]
    raw_id_fields = ["article", "version", "case"]
    exclude = ["client_hash"]
