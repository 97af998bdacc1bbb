from django.contrib import admin

from corrigo.cases.models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["pk", "exact", "kind", "status", "report_count", "site", "created_at"]
    list_filter = ["site", "status", "kind"]
    list_select_related = ["site"]
    raw_id_fields = ["article", "version", "assignee"]
