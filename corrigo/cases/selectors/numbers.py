"""The numbers page of a site: reports and cases per day, time to a decision, share accepted."""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from corrigo.articles.models import Article
from corrigo.cases.models import Case, CaseStatus
from corrigo.reports.models import Report
from corrigo.sites.models import Site

ACCEPTED = (CaseStatus.ACCEPTED, CaseStatus.FIXED)
DECIDED = (*ACCEPTED, CaseStatus.REJECTED)
"""Merged duplicates are not decisions about a problem: they are left out of the figures."""
BREAKDOWN_LIMIT = 10


@dataclass(frozen=True)
class Breakdown:
    """Cases of one section or author: how many, and how many were accepted."""

    name: str
    cases: int
    accepted: int


@dataclass
class SiteNumbers:
    """The figures of one site over the last ``days`` days."""

    days: list[date]
    reports: list[int]
    cases: list[int]
    decided: int = 0
    accepted: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    by_section: list[Breakdown] = field(default_factory=list)
    by_author: list[Breakdown] = field(default_factory=list)

    @property
    def share_accepted(self) -> float | None:
        """Accepted cases as a share of decided ones, 0..1."""
        return self.accepted / self.decided if self.decided else None

    @property
    def total_reports(self) -> int:
        """Reports over the whole period."""
        return sum(self.reports)

    @property
    def total_cases(self) -> int:
        """Cases opened over the whole period."""
        return sum(self.cases)


def _per_day(rows: dict[date, int], days: list[date]) -> list[int]:
    return [rows.get(day, 0) for day in days]


def _daily(queryset, since: datetime) -> dict[date, int]:
    rows = (
        queryset.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def _hours(durations: list[timedelta]) -> tuple[float | None, float | None]:
    """Median and 90th percentile in hours."""
    hours = sorted(d.total_seconds() / 3600 for d in durations)
    if not hours:
        return None, None
    p90 = statistics.quantiles(hours, n=10, method="inclusive")[-1] if len(hours) > 1 else hours[0]
    return statistics.median(hours), p90


def site_numbers(*, site: Site, days: int = 30) -> SiteNumbers:
    """The site's figures over the last ``days`` days (UTC days, today included)."""
    today = timezone.now().date()
    day_list = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    since = datetime.combine(day_list[0], datetime.min.time(), tzinfo=timezone.get_current_timezone())
    numbers = SiteNumbers(
        days=day_list,
        reports=_per_day(_daily(Report.objects.filter(site=site), since), day_list),
        cases=_per_day(_daily(Case.objects.filter(site=site), since), day_list),
    )
    decided = Case.objects.filter(site=site, status__in=DECIDED, decided_at__gte=since)
    rows = list(decided.values_list("status", "created_at", "decided_at"))
    numbers.decided = len(rows)
    numbers.accepted = sum(1 for status, _o, _d in rows if status in ACCEPTED)
    numbers.median_hours, numbers.p90_hours = _hours([d - o for _s, o, d in rows])
    numbers.by_section = _breakdown(decided, "section")
    numbers.by_author = _breakdown_by_author(decided)
    return numbers


def _breakdown_by_author(decided) -> list[Breakdown]:
    """Decided cases per author; an article's ``authors`` is a list, so each of them is counted."""
    if "authors" not in {f.name for f in Article._meta.get_fields()}:
        return []
    totals: dict[str, list[int]] = {}
    for authors, status in decided.values_list("article__authors", "status"):
        for author in authors if isinstance(authors, list) else []:
            row = totals.setdefault(str(author), [0, 0])
            row[0] += 1
            row[1] += status in ACCEPTED
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))[:BREAKDOWN_LIMIT]
    return [Breakdown(name, n, accepted) for name, (n, accepted) in ranked]


def _breakdown(decided, name: str) -> list[Breakdown]:
    """Decided cases grouped by an article field the CMS may send; empty when the field does not exist."""
    if name not in {f.name for f in Article._meta.get_fields()}:
        return []
    rows = (
        decided.exclude(**{f"article__{name}__isnull": True})
        .order_by()
        .values_list(f"article__{name}")
        .annotate(n=Count("pk"), accepted=Count("pk", filter=Q(status__in=ACCEPTED)))
        .order_by("-n")[:BREAKDOWN_LIMIT]
    )
    return [Breakdown(str(value), n, accepted) for value, n, accepted in rows if value not in ("", None)]
