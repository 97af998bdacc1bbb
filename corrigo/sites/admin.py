from django.contrib import admin

from corrigo.sites.models import Membership, Site


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "public_key", "default_language"]
    search_fields = ["name", "slug", "public_key"]
    inlines = [MembershipInline]
