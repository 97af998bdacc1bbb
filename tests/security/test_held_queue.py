"""The desk's held queue: only the site's editors see it; release places the report in its case."""

import pytest
from django.test import Client

from corrigo.antispam.models import BlockedClient
from corrigo.audit.models import AuditEvent
from corrigo.reports.models import Report, Verdict
from corrigo.sites.models import Role
from tests.factories import site_create, user_create
from tests.security.support import send, submission

pytestmark = pytest.mark.django_db


def held_report(site, **fields) -> Report:
    response = send(submission(site, age=None, **fields))
    assert response.status_code == 202
    return Report.objects.get(pk=response.json()["id"])


def desk(user) -> Client:
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


def test_editor_sees_held_reports_with_their_reason(site):
    report = held_report(site, comment="Spelling.")
    page = desk(user_create(site=site)).get(f"/desk/sites/{site.slug}/held/")
    assert page.status_code == 200
    assert str(report.pk) in page.content.decode()
    assert "No challenge" in page.content.decode()


def test_release_puts_the_report_in_its_case_like_a_new_arrival(site):
    report = held_report(site)
    editor = user_create(site=site)
    response = desk(editor).post(f"/desk/sites/{site.slug}/held/", {"report": report.pk, "action": "release"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.verdict == Verdict.ACCEPTED and report.verdict_reason == ""
    assert report.case.report_count == 1 and report.case.exact == "recieved"
    assert report.version.number == 1 and report.article_text == ""
    assert AuditEvent.objects.filter(action="report.released", actor=editor).exists()


def test_discard_and_block_keep_the_report_counted_as_rejected_without_its_email(site):
    report = held_report(site, email="reader@example.org")
    response = desk(user_create(site=site)).post(
        f"/desk/sites/{site.slug}/held/", {"report": report.pk, "action": "block"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.verdict, report.verdict_reason, report.email, report.case) == (
        Verdict.REJECTED,
        "discarded",
        "",
        None,
    )
    assert BlockedClient.objects.get(site=site).client_hash == report.client_hash
    assert send(submission(site)).status_code == 403


def test_another_sites_editor_gets_404_and_a_viewer_403(site):
    report = held_report(site)
    other = site_create()
    outsider = desk(user_create(site=other))
    assert outsider.get(f"/desk/sites/{site.slug}/held/").status_code == 404
    assert (
        outsider.post(f"/desk/sites/{other.slug}/held/", {"report": report.pk, "action": "release"}).status_code == 404
    )
    viewer = desk(user_create(site=site, role=Role.VIEWER))
    assert viewer.get(f"/desk/sites/{site.slug}/held/").status_code == 403
    assert Report.objects.get().verdict == Verdict.HELD


def test_a_decided_report_cannot_be_decided_again(site):
    report = held_report(site)
    client = desk(user_create(site=site))
    client.post(f"/desk/sites/{site.slug}/held/", {"report": report.pk, "action": "discard"})
    again = client.post(f"/desk/sites/{site.slug}/held/", {"report": report.pk, "action": "release"})
    assert again.status_code == 404
    assert Report.objects.get().verdict == Verdict.REJECTED


def test_malformed_decisions_are_404(site):
    client = desk(user_create(site=site))
    for data in ({"report": "x", "action": "release"}, {"report": str(held_report(site).pk), "action": "explode"}):
        assert client.post(f"/desk/sites/{site.slug}/held/", data).status_code == 404
