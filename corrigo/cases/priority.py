"""The queue's priority: one stored integer, so the queue sorts by an index.

A case's urgency weighs how many readers reported it, its kind (factual errors first), whether a fix
has been proposed (quick to settle) and its age. Age is the only input that changes by itself, so it
enters the way a news aggregator's "hot" score does: the weight is expressed as minutes of freshness
and added to the minute the case opened. Comparing two cases by ``opened + boost`` is the same as
comparing ``boost - age`` at any common moment, so the stored number never goes out of date as time
passes and only the services that change an input (a new report, a merge, a split, a new fix) have to
rewrite it. A fresh error outranks an old one of the same weight because a news article's readers
come in its first hours; a factual error stays above a typo for two days.
"""

import math
from collections.abc import Collection, Mapping
from datetime import datetime

from django.db.models import Count, Q

from corrigo.cases.models import Case, Kind
from corrigo.db import column, execute_many, table
from corrigo.reports.models import Report

MINUTES_PER_HOUR = 60
KIND_BOOST_HOURS = {Kind.FACT: 48, Kind.UNCLEAR: 12, Kind.OTHER: 0, Kind.TYPO: 0}
"""How many hours fresher a case of each kind counts."""
HOURS_PER_DOUBLING = 12
"""Each doubling of the number of reports counts as this many hours fresher."""
FIX_BOOST_HOURS = 6
"""A proposed fix makes a case quick to settle: it counts as this many hours fresher."""


def priority_score(*, opened: datetime, kind: str, report_count: int, has_fix: bool) -> int:
    """The priority of a case: minutes since the epoch at opening plus its boost in minutes."""
    hours = KIND_BOOST_HOURS.get(kind, 0) + HOURS_PER_DOUBLING * math.log2(max(report_count, 1))
    if has_fix:
        hours += FIX_BOOST_HOURS
    return int(opened.timestamp() // 60 + hours * MINUTES_PER_HOUR)


def case_priority_refresh(*, case_id: int) -> int | None:
    """Recompute and store one case's priority from its rows; returns it (None: no such case).

    Counts the reports instead of trusting ``report_count`` so that it is exact wherever in a
    transaction it is called.
    """
    row = (
        Case.objects.filter(pk=case_id)
        .annotate(n=Count("reports"), fixes=Count("reports", filter=~Q(reports__proposed="")))
        .values("created_at", "kind", "suggested_fix", "n", "fixes")
        .first()
    )
    if row is None:
        return None
    priority = priority_score(
        opened=row["created_at"],
        kind=row["kind"],
        report_count=row["n"],
        has_fix=bool(row["fixes"] or row["suggested_fix"].strip()),
    )
    Case.objects.filter(pk=case_id).update(priority=priority)
    return priority


def cases_reports_added(*, added: Mapping[int, int], with_fix: Collection[int]) -> None:
    """Add ``added[case_id]`` new reports to each case's count and recompute its priority.

    Call inside the transaction that holds the row locks of the cases' articles (which every change of
    a count takes), once for a batch of reports: the cases are read in one query, the reports only for
    the cases that neither carry a fix nor got a report with one (``with_fix``), and the counts and
    priorities are written in one batch of updates (``corrigo.db``: they come with every report).
    """
    rows = {
        row["pk"]: row
        for row in Case.objects.filter(pk__in=list(added)).values(
            "pk", "created_at", "kind", "suggested_fix", "machine_fix", "report_count"
        )
    }
    fixed = {
        pk for pk, row in rows.items() if pk in with_fix or row["suggested_fix"].strip() or row["machine_fix"].strip()
    }
    unknown = [pk for pk in rows if pk not in fixed]
    if unknown:
        fixed.update(Report.objects.filter(case_id__in=unknown).exclude(proposed="").values_list("case_id", flat=True))
    updates = []
    for pk, row in rows.items():
        count = row["report_count"] + added[pk]
        priority = priority_score(opened=row["created_at"], kind=row["kind"], report_count=count, has_fix=pk in fixed)
        updates.append((count, priority, pk))
    sql = (
        f"UPDATE {table(Case)} SET {column(Case, 'report_count')} = %s, {column(Case, 'priority')} = %s "
        f"WHERE {column(Case, 'id')} = %s"
    )
    execute_many(sql, updates)
