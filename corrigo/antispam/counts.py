"""Counting outcomes per site and day: rejected submissions here (they are not stored), held and
accepted ones from the stored reports."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from corrigo.antispam.models import RejectionCount
from corrigo.antispam.reasons import Reason
from corrigo.reports.models import Report, Verdict
from corrigo.sites.models import Site


def rejection_count(*, site: Site, reason: Reason, day: datetime.date | None = None) -> None:
    """Add one to the rejections of ``site`` for ``reason`` on ``day`` (today)."""
    day = day or timezone.localdate()
    rows = RejectionCount.objects.filter(site=site, day=day, reason=reason)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            RejectionCount.objects.create(site=site, day=day, reason=reason, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)


@dataclass(frozen=True)
class OutcomeRow:
    """How many submissions to one site on one day ended with one verdict and reason."""

    site: str
    day: datetime.date
    verdict: str
    reason: str
    count: int


def outcome_counts(*, since: datetime.date, until: datetime.date, site: Site | None = None) -> list[OutcomeRow]:
    """Accepted, held and rejected submissions per site, day, verdict and reason, ``since..until``."""
    reports = Report.objects.filter(created_at__date__gte=since, created_at__date__lte=until)
    rejections = RejectionCount.objects.filter(day__gte=since, day__lte=until)
    if site is not None:
        reports, rejections = reports.filter(site=site), rejections.filter(site=site)
    stored = (
        reports.annotate(day=TruncDate("created_at"))
        .values_list("site__slug", "day", "verdict", "verdict_reason")
        .annotate(n=Count("pk"))
        .order_by()
    )
    refused = rejections.values_list("site__slug", "day", "reason").annotate(n=Sum("count")).order_by()
    rows = [OutcomeRow(slug, day, verdict, reason, n) for slug, day, verdict, reason, n in stored]
    rows += [OutcomeRow(slug, day, Verdict.REJECTED, reason, n) for slug, day, reason, n in refused]
    return sorted(rows, key=lambda r: (r.site, r.day, r.verdict, r.reason))
