"""The desk's queue: the cases of the editor's sites, filtered, counted and sorted by priority."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from corrigo.cases.models import QUEUE_STATUSES, Case, CaseStatus
from corrigo.reports.models import Report
from corrigo.sites.selectors import Memberships

TO_DECIDE = QUEUE_STATUSES
"""The queue's default: every case that still waits for an editor (a partial index covers it)."""
SINCE_DAYS = {"day": 1, "week": 7, "month": 30}
QUEUE_ORDER = ("-priority", "-id")
QUEUE_ROW_FIELDS = (
    *("site_id", "article_id", "assignee_id", "exact", "start", "end", "kind", "status", "report_count", "created_at"),
    *("site__name", "article__title", "article__url", "assignee__username"),
)
"""What a queue row shows: loading nothing else keeps a long page cheap."""


@dataclass(frozen=True)
class QueueFilters:
    """What the editor narrowed the queue to; empty values mean "any"."""

    status: str = "open"
    site: int | None = None
    kind: str = ""
    article: int | None = None
    assignee: str = ""
    since: str = ""
    q: str = ""


def _statuses(status: str) -> tuple[str, ...] | None:
    if status == "open":
        return TO_DECIDE
    if status in CaseStatus.values:
        return (status,)
    return None


def _base(*, memberships: Memberships, filters: QueueFilters, user_id: int | None) -> QuerySet[Case]:
    """The cases of the user's sites matching every filter except the status."""
    cases = Case.objects.filter(site_id__in=memberships.site_ids)
    if filters.site is not None:
        cases = cases.filter(site_id=filters.site)
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    if filters.article is not None:
        cases = cases.filter(article_id=filters.article)
    if filters.assignee == "me":
        cases = cases.filter(assignee_id=user_id)
    elif filters.assignee == "none":
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        cases = cases.filter(assignee_id=int(filters.assignee))
    if filters.since in SINCE_DAYS:
        cases = cases.filter(created_at__gte=timezone.now() - timedelta(days=SINCE_DAYS[filters.since]))
    if filters.q.strip():
        cases = cases.filter(_search(filters.q.strip(), site_ids=memberships.site_ids))
    return cases


def _search(text: str, *, site_ids: list[int]) -> Q:
    """Cases whose passage, or one of whose reports' comments or proposals, contains ``text``.

    The matching ids are gathered as one union so that each side can use its trigram index on
    PostgreSQL.
    """
    by_passage = Case.objects.filter(site_id__in=site_ids, exact__icontains=text).values("pk")
    in_report = Q(comment__icontains=text) | Q(proposed__icontains=text)
    by_report = Report.objects.filter(in_report, site_id__in=site_ids).order_by().values("case_id")
    return Q(pk__in=by_passage.union(by_report))


def case_queue(*, memberships: Memberships, filters: QueueFilters, user_id: int | None = None) -> QuerySet[Case]:
    """The matching cases, highest priority first, with what a queue row shows."""
    cases = _base(memberships=memberships, filters=filters, user_id=user_id)
    statuses = _statuses(filters.status)
    if statuses is not None:
        cases = cases.filter(status__in=statuses)
    return cases.select_related("site", "article", "assignee").order_by(*QUEUE_ORDER)


def case_queue_counts(*, memberships: Memberships, filters: QueueFilters, user_id: int | None = None) -> dict[str, int]:
    """How many matching cases each status has (the status filter aside), plus "open" and "all"."""
    rows = (
        _base(memberships=memberships, filters=filters, user_id=user_id)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    counts = {status: 0 for status in CaseStatus.values}
    counts.update(dict(rows))
    counts["open"] = sum(counts[s] for s in TO_DECIDE)
    counts["all"] = sum(counts[s] for s in CaseStatus.values)
    return counts


def case_queue_page(*, cases: QuerySet[Case], offset: int, limit: int) -> list[Case]:
    """The cases ``offset`` to ``offset + limit`` of a queue, with only the fields a queue row shows.

    The page's ids come first, read in the queue's order along its index; then only those rows are
    loaded and joined, so that a deep page does not join every row it skips.
    """
    ids = list(cases.values_list("pk", flat=True)[offset : offset + limit])
    rows = Case.objects.filter(pk__in=ids).select_related("site", "article", "assignee").only(*QUEUE_ROW_FIELDS)
    place = {pk: n for n, pk in enumerate(ids)}
    return sorted(rows, key=lambda case: place[case.pk])


def _default_queue(memberships: Memberships) -> QuerySet[Case]:
    return Case.objects.filter(site_id__in=memberships.site_ids, status__in=TO_DECIDE)


def case_next_id(*, memberships: Memberships, case: Case) -> int | None:
    """The id of the case after ``case`` in the default queue, for moving on once it is settled."""
    # The bound on priority alone lets the database start its index scan at ``case``.
    after = Q(priority__lte=case.priority) & (Q(priority__lt=case.priority) | Q(pk__lt=case.pk))
    return _default_queue(memberships).filter(after).order_by(*QUEUE_ORDER).values_list("pk", flat=True).first()


def case_previous_id(*, memberships: Memberships, case: Case) -> int | None:
    """The id of the case before ``case`` in the default queue."""
    before = Q(priority__gte=case.priority) & (Q(priority__gt=case.priority) | Q(pk__gt=case.pk))
    return _default_queue(memberships).filter(before).order_by("priority", "id").values_list("pk", flat=True).first()
