"""The reader's status page, linked from the widget's confirmation."""

import uuid

from django.conf import settings as django_settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from corrigo.reports.selectors import report_reader_status


def report_status(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    """What became of a report, as the reader may see it, in the language they wrote it in."""
    status = report_reader_status(report_id=report_id)
    if status is None:
        raise Http404
    language = status.report.language or status.report.site.default_language
    if language not in dict(django_settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        response = render(request, "reports/status.html", {"status": status})
    response["X-Robots-Tag"] = "noindex"
    return response
