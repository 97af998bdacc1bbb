"""Reads about reports, including what a reader may see of their own."""

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from corrigo.cases.models import CaseStatus
from corrigo.reports.models import Report

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


@dataclass(frozen=True)
class ReaderStatus:
    """What a reader is told about their report: never the desk's internal states."""

    report: Report
    state: str
    label: str
    reason: str


def report_reader_status(*, report_id: uuid.UUID) -> ReaderStatus | None:
    """The reader-facing state of a report, or None when there is no such report."""
    report = Report.objects.select_related("case", "article", "site").filter(pk=report_id).first()
    if report is None:
        return None
    state = READER_STATES.get(CaseStatus(report.case.status), "received")
    reason = report.case.status_reason if state == "no_change" else ""
    return ReaderStatus(report=report, state=state, label=str(READER_LABELS[state]), reason=reason)
