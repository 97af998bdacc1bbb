"""The reader's outcome: the status page, one email in the reader's language, and erasure of the address."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from corrigo.audit.models import AuditEvent
from corrigo.cases.services import case_merge
from corrigo.reports.models import Report
from corrigo.reports.outcome import reader_outcome_notify, reader_outcome_schedule
from tests.factories import user_create
from tests.publishing import accepted, rejected, report_made

pytestmark = pytest.mark.django_db


def status_page(client, report) -> str:
    response = client.get(f"/status/{report.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_status_page_shows_the_published_notice_once_corrected(client, site):
    report = report_made(site)
    assert "Received" in status_page(client, report)
    correction = accepted(report.case, user_create(site=site))
    page = status_page(client, report)
    assert "Corrected" in page and correction.wording in page


def test_the_status_page_shows_the_editors_reason_when_nothing_changes(client, site):
    report = report_made(site)
    rejected(report.case, user_create(site=site), reason="It is the local spelling.")
    page = status_page(client, report)
    assert "No change needed." in page and "It is the local spelling." in page


def test_the_status_page_speaks_the_readers_language(client, site):
    report = report_made(site, lang="uk")
    assert 'lang="uk"' in status_page(client, report)


def test_a_duplicates_reader_learns_the_outcome_of_the_case_it_joined(client, site):
    editor = user_create(site=site)
    first = report_made(site)
    second = report_made(site, word="goverment", proposed="government")
    case_merge(case=second.case, into=first.case, editor=editor)
    accepted(first.case, editor)
    assert "Corrected" in status_page(client, second)


def test_a_reader_with_an_email_gets_one_email_in_their_language(site, django_capture_on_commit_callbacks):
    report = report_made(site, email="leser@example.org", lang="uk")
    report_made(site, proposed="received", email="")
    with django_capture_on_commit_callbacks(execute=True):
        accepted(report.case, user_create(site=site))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["leser@example.org"]
    assert message.subject.startswith("Ваше повідомлення")
    assert report.article.url in message.body
    assert reader_outcome_notify.call(case_id=report.case_id) == 0, "a repeated task sends nothing twice"
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(action="report.outcome_emailed").count() == 1


def test_a_rejected_reports_reader_is_emailed_the_reason(site, django_capture_on_commit_callbacks):
    report = report_made(site, email="reader@example.org", lang="en")
    with django_capture_on_commit_callbacks(execute=True):
        case = rejected(report.case, user_create(site=site), reason="It is the local spelling.")
        reader_outcome_schedule(case=case)
    assert "It is the local spelling." in mail.outbox[0].body
    assert "no change is needed" in mail.outbox[0].body


def test_an_open_case_sends_no_email(site):
    report = report_made(site, email="reader@example.org")
    assert reader_outcome_notify.call(case_id=report.case_id) == 0
    assert mail.outbox == []


def test_purge_emails_erases_addresses_older_than_the_retention_period(site, settings, capsys):
    settings.CORRIGO_EMAIL_RETENTION_DAYS = 30
    old = report_made(site, email="old@example.org")
    recent = report_made(site, word="goverment", email="recent@example.org")
    Report.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    call_command("purge_emails")
    assert Report.objects.get(pk=old.pk).email == ""
    assert Report.objects.get(pk=recent.pk).email == "recent@example.org"
    assert "Erased 1 email address(es) older than 30 days." in capsys.readouterr().out
    assert AuditEvent.objects.get(action="reports.emails_erased").data == {"count": 1}
