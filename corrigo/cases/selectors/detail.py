"""One case as the desk shows it: its reports, its article's versions, candidates to merge into."""

from django.db.models import Prefetch, QuerySet

from corrigo.articles.models import ArticleVersion
from corrigo.cases.models import Case
from corrigo.cases.selectors.queue import TO_DECIDE
from corrigo.reports.models import Report
from corrigo.sites.selectors import Memberships


def case_for_user(*, memberships: Memberships, case_id: int) -> Case | None:
    """The case ``case_id`` if it belongs to one of the user's sites, with its reports; else None.

    Only the relations the desk reads are joined: every further join makes PostgreSQL plan the
    query for longer than it runs it.
    """
    reports = Prefetch("reports", queryset=Report.objects.order_by("created_at", "pk"))
    return (
        Case.objects.filter(pk=case_id, site_id__in=memberships.site_ids)
        .select_related("site", "article", "version", "assignee")
        .prefetch_related(reports)
        .first()
    )


def report_for_user(*, memberships: Memberships, report_id: object) -> Report | None:
    """The report ``report_id`` if it belongs to one of the user's sites; else None."""
    return Report.objects.filter(pk=report_id, site_id__in=memberships.site_ids).select_related("site", "case").first()


def article_versions(*, case: Case) -> list[ArticleVersion]:
    """The versions of the case's article, newest first, without their texts."""
    return list(ArticleVersion.objects.filter(article_id=case.article_id).defer("text").order_by("-number"))


def version_texts(*, case: Case, numbers: list[int]) -> dict[int, str]:
    """The texts of the given version numbers of the case's article."""
    rows = ArticleVersion.objects.filter(article_id=case.article_id, number__in=numbers).values_list("number", "text")
    return dict(rows)


def merge_candidates(*, case: Case, limit: int = 20) -> QuerySet[Case]:
    """Cases of the same article still waiting for a decision, which ``case`` could be merged into."""
    return (
        Case.objects.filter(article_id=case.article_id, status__in=TO_DECIDE)
        .exclude(pk=case.pk)
        .order_by("-priority", "-id")[:limit]
    )


def proposals_of(case: Case) -> list[tuple[str, int]]:
    """The distinct wordings proposed for the case with how many readers sent each, commonest first."""
    counts: dict[str, int] = {}
    for report in case.reports.all():
        wording = report.proposed.strip()
        if wording:
            counts[wording] = counts.get(wording, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
