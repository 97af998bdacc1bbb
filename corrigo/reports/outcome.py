"""Telling readers the outcome: one email per report that left an address, in the reader's language.

The desk calls ``reader_outcome_schedule`` when it decides a case (accept, reject); the email goes out
after the commit, from the task worker. An audit event marks each sent email, so a repeated task
sends nothing twice.
"""

from functools import partial

from django.conf import settings as django_settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from corrigo.audit.models import AuditEvent
from corrigo.audit.services import audit_record
from corrigo.cases.models import Case
from corrigo.conf import settings
from corrigo.reports.models import Report
from corrigo.reports.selectors import ReaderStatus, report_reader_status

EMAILED = "report.outcome_emailed"


def reader_outcome_schedule(*, case: Case) -> None:
    """After the commit, email the outcome of ``case`` to its readers (and to those of its duplicates)."""
    transaction.on_commit(partial(reader_outcome_notify.enqueue, case_id=case.pk))


@task()
def reader_outcome_notify(*, case_id: int) -> int:
    """Email each reader of the case who left an address and has not been told yet; returns how many."""
    reports = (
        Report.objects.filter(Q(case_id=case_id) | Q(case__merged_into_id=case_id))
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    already = set(
        AuditEvent.objects.filter(
            action=EMAILED, target_type="report", target_id__in=[str(pk) for pk in reports]
        ).values_list("target_id", flat=True)
    )
    sent = 0
    for report_id in reports:
        if str(report_id) not in already and _email_outcome(report_id):
            sent += 1
    return sent


def _email_outcome(report_id: object) -> bool:
    status = report_reader_status(report_id=report_id)
    if status is None or status.state == "received" or not status.report.email:
        return False
    report = status.report
    language = report.language if report.language in dict(django_settings.LANGUAGES) else report.site.default_language
    with translation.override(language):
        subject, body = outcome_message(status)
    send_mail(subject, body, None, [report.email])
    audit_record(site=report.site, action=EMAILED, target=report, data={"state": status.state, "language": language})
    return True


def status_link(report: Report) -> str:
    """The absolute link to the reader's status page, or "" when no public URL is configured."""
    base = settings.PUBLIC_URL.rstrip("/")
    return f"{base}{reverse('reports:status', kwargs={'report_id': report.pk})}" if base else ""


def outcome_message(status: ReaderStatus) -> tuple[str, str]:
    """The subject and plain-text body of the outcome email, in the active language."""
    article = status.report.article
    title = article.title or article.url
    subject = _("Your report on “%(title)s”") % {"title": title}
    context = {"status": status, "title": title, "article": article, "link": status_link(status.report)}
    return subject, render_to_string("reports/email/outcome.txt", context)
