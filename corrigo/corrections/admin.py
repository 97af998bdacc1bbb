from django.contrib import admin

from corrigo.corrections.models import Correction, NoticePolicy


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["wording", "kind", "severity", "public", "published_at", "applied_at", "site"]
    list_filter = ["site", "kind", "severity", "public"]
    list_select_related = ["site"]
    raw_id_fields = ["article", "version", "cases", "created_by"]
    readonly_fields = ["public_id", "created_at", "updated_at"]


@admin.register(NoticePolicy)
class NoticePolicyAdmin(admin.ModelAdmin):
    list_display = ["site", "silent_kinds"]
