"""The desk's queue: the cases of the editor's sites, filtered, counted and sorted by priority."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from corrigo.cases.models import QUEUE_STATUSES, Case, CaseStatus
from corrigo.reports.models import Report
from corrigo.sites.selectors import Memberships

TO_DECIDE = QUEUE_STATUSES
"""The queue's default: every case that still waits for an editor (a partial index covers it)."""
SINCE_DAYS = {"day": 1, "week": 7, "month": 30}


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
        cases = cases.filter(_search(filters.q.strip()))
    return cases


def _search(text: str) -> Q:
    """Cases whose passage, or one of whose reports' comments or proposals, contains ``text``."""
    in_reports = Report.objects.filter(case=OuterRef("pk")).filter(
        Q(comment__icontains=text) | Q(proposed__icontains=text)
    )
    return Q(exact__icontains=text) | Q(Exists(in_reports))


def case_queue(*, memberships: Memberships, filters: QueueFilters, user_id: int | None = None) -> QuerySet[Case]:
    """The matching cases, highest priority first, with what a queue row shows."""
    cases = _base(memberships=memberships, filters=filters, user_id=user_id)
    statuses = _statuses(filters.status)
    if statuses is not None:
        cases = cases.filter(status__in=statuses)
    return cases.select_related("site", "article", "assignee").order_by("-priority", "-id")


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


def case_next(*, memberships: Memberships, case: Case) -> Case | None:
    """The case after ``case`` in the default queue, for moving on once it is settled."""
    after = Q(priority__lt=case.priority) | Q(priority=case.priority, pk__lt=case.pk)
    return case_queue(memberships=memberships, filters=QueueFilters()).filter(after).first()


def case_previous(*, memberships: Memberships, case: Case) -> Case | None:
    """The case before ``case`` in the default queue."""
    before = Q(priority__gt=case.priority) | Q(priority=case.priority, pk__gt=case.pk)
    return case_queue(memberships=memberships, filters=QueueFilters()).filter(before).order_by("priority", "id").first()
