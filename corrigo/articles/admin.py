from django.contrib import admin

from corrigo.articles.models import Article, ArticleVersion


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "url", "site", "created_at"]
    list_filter = ["site"]
    search_fields = ["title", "url", "cms_id"]


@admin.register(ArticleVersion)
class ArticleVersionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "source", "created_at"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
