"""The reader's status page, linked from the widget's confirmation."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corrigo.reports.selectors import report_reader_status


def report_status(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    """What became of a report, as the reader may see it."""
    status = report_reader_status(report_id=report_id)
    if status is None:
        raise Http404
    return render(request, "reports/status.html", {"status": status})
