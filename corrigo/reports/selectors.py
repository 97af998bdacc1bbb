"""Reads about reports, including what a reader may see of their own."""

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from corrigo.cases.models import Case, CaseStatus
from corrigo.corrections.models import Correction
from corrigo.db import column, db_value, first_row, statement, table
from corrigo.reports.models import Report
from corrigo.sites.models import Site

READER_STATES = {
    CaseStatus.ACCEPTED: "corrected",
    CaseStatus.FIXED: "corrected",
    CaseStatus.REJECTED: "no_change",
}
READER_LABELS = {
    "received": _("Received: the editors will look at it."),
    "corrected": _("Corrected: thank you for helping us."),
    "no_change": _("No change needed."),
}
MAX_MERGE_HOPS = 5
"""How far a reader follows duplicates to the case that was decided."""


def report_of_client(*, site: Site, client_id: uuid.UUID) -> uuid.UUID | None:
    """The id of the site's report sent with ``client_id`` (a retry sends the same one), or None.

    Written in SQL (``corrigo.db``): a refused submission asks it, to answer a retry of a stored
    report with that report. An accepted one does not need to: its insert finds the stored report by
    the unique (site, client id) index (``corrigo.reports.services.report_submit``).
    """
    row = first_row(_of_client_sql(), [site.pk, db_value(Report, "client_id", client_id)])
    return None if row is None else uuid.UUID(str(row[0]))


@statement
def _of_client_sql() -> str:
    return (
        f"SELECT {column(Report, 'id')} FROM {table(Report)} "
        f"WHERE {column(Report, 'site')} = %s AND {column(Report, 'client_id')} = %s"
    )


@dataclass(frozen=True)
class ReaderStatus:
    """What a reader is told about their report: never the desk's internal states."""

    report: Report
    state: str
    label: str
    reason: str
    notice: Correction | None


def deciding_case(case: Case) -> Case:
    """The case whose decision answers a reader: a duplicate's reader follows it to the case it joined."""
    hops = 0
    while case.status == CaseStatus.DUPLICATE and case.merged_into_id is not None and hops < MAX_MERGE_HOPS:
        case = Case.objects.select_related("site").get(pk=case.merged_into_id)
        hops += 1
    return case


def public_notice_of_case(case: Case) -> Correction | None:
    """The newest published notice of a correction made from ``case``, if any."""
    return (
        Correction.objects.filter(cases=case, public=True, published_at__isnull=False)
        .order_by("-published_at", "-pk")
        .first()
    )


def report_reader_status(*, report_id: uuid.UUID) -> ReaderStatus | None:
    """The reader-facing state of a report, or None when there is no such report."""
    report = Report.objects.select_related("case", "case__site", "article", "site").filter(pk=report_id).first()
    if report is None:
        return None
    if report.case is None:
        # Held for the editors to check: to the reader it is simply received.
        label = str(READER_LABELS["received"])
        return ReaderStatus(report=report, state="received", label=label, reason="", notice=None)
    case = deciding_case(report.case)
    state = READER_STATES.get(CaseStatus(case.status), "received")
    reason = case.status_reason if state == "no_change" else ""
    notice = public_notice_of_case(case) if state == "corrected" else None
    return ReaderStatus(report=report, state=state, label=str(READER_LABELS[state]), reason=reason, notice=notice)
