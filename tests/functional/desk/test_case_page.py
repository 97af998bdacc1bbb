"""The case page and its actions over HTTP, as htmx and as plain forms."""

import pytest

from corrigo.anchoring import text_sha256
from corrigo.articles.models import ArticleVersion, VersionSource
from corrigo.audit.models import AuditEvent
from corrigo.cases.models import Case, CaseStatus
from corrigo.corrections.models import Correction
from corrigo.reports.models import Report
from tests.factories import ARTICLE_TEXT, user_create
from tests.functional.desk.conftest import logged_in
from tests.unit.corrigo.cases.builders import article_build, case_build

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_case_page_shows_the_fix_as_if_applied_and_the_masked_email(site):
    case = case_build(site, email="reader@example.org")
    page = logged_in(user_create(site=site)).get(f"/desk/cases/{case.pk}/").content.decode()
    assert "The plan, which the council first <del>recieved</del><ins>received</ins> last spring" in page
    assert "r•••@example.org" in page and "reader@example.org" not in page


def test_revealing_the_email_is_a_post_with_an_audit_event(site):
    editor = user_create(site=site)
    case = case_build(site, email="reader@example.org")
    report = case.reports.get()
    response = logged_in(editor).post(f"/desk/reports/{report.pk}/email/", **HTMX)
    assert "reader@example.org" in response.content.decode()
    assert AuditEvent.objects.filter(action="report.email_revealed", actor=editor, target_id=str(report.pk)).exists()


def test_case_page_lists_versions_and_shows_what_changed(site):
    article = article_build(site)
    text = ARTICLE_TEXT.replace("goverment", "government")
    ArticleVersion.objects.create(
        article=article, number=2, text=text, sha256=text_sha256(text), source=VersionSource.CMS
    )
    case = case_build(site, article=article)
    page = logged_in(user_create(site=site)).get(f"/desk/cases/{case.pk}/?diff=2").content.decode()
    assert "<del>goverment</del><ins>government</ins>" in page


def test_case_page_links_its_neighbours_in_the_queue(site):
    article = article_build(site)
    first, second, third = (case_build(site, article=article) for _ in range(3))
    Case.objects.filter(pk=first.pk).update(priority=20)
    Case.objects.filter(pk__in=[second.pk, third.pk]).update(priority=10)
    client = logged_in(user_create(site=site))
    page = client.get(f"/desk/cases/{third.pk}/").content.decode()
    assert f'href="/desk/cases/{first.pk}/" rel="prev"' in page
    assert f'href="/desk/cases/{second.pk}/" rel="next"' in page
    page = client.get(f"/desk/cases/{second.pk}/").content.decode()
    assert f'href="/desk/cases/{third.pk}/" rel="prev"' in page and 'rel="next"' not in page


def test_case_page_says_when_a_later_version_carries_the_fix(site):
    editor = user_create(site=site)
    case = case_build(site)
    Case.objects.filter(pk=case.pk).update(fixed_in=case.version)
    client = logged_in(editor)
    assert "Fixed in version 1" in client.get(f"/desk/cases/{case.pk}/").content.decode()
    client.post(f"/desk/cases/{case.pk}/confirm-fixed/")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.FIXED


def test_case_page_says_when_the_passage_is_lost_or_stale(site):
    case = case_build(site)
    Case.objects.filter(pk=case.pk).update(
        orphaned=True, status=CaseStatus.STALE, status_reason="The passage changed in version 2."
    )
    page = logged_in(user_create(site=site)).get(f"/desk/cases/{case.pk}/").content.decode()
    assert "Passage lost" in page and "The passage changed in version 2." in page


def test_accept_with_a_notice_through_htmx_rerenders_the_case(site):
    editor = user_create(site=site)
    case = case_build(site, kind="fact")
    response = logged_in(editor).post(
        f"/desk/cases/{case.pk}/accept/",
        {"final_wording": "received", "publish_notice": "on", "kind": "correction", "severity": "significant"},
        **HTMX,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-status="accepted"' in page and "the notice is published" in page
    correction = Correction.objects.get()
    assert correction.public and correction.severity == "significant"


def test_accept_without_htmx_redirects_to_the_case(site):
    case = case_build(site)
    response = logged_in(user_create(site=site)).post(
        f"/desk/cases/{case.pk}/accept/", {"final_wording": "received", "kind": "correction", "severity": "minor"}
    )
    assert response.status_code == 302 and response["Location"] == f"/desk/cases/{case.pk}/"
    assert not Correction.objects.get().public


def test_reject_with_a_standard_reason_reaches_the_readers_status_page(site):
    case = case_build(site)
    logged_in(user_create(site=site)).post(f"/desk/cases/{case.pk}/reject/", {"reason": "style"}, **HTMX)
    report = Report.objects.get(case=case)
    status = logged_in(user_create()).get(f"/status/{report.pk}/").content.decode()
    assert "This is a matter of style, not an error." in status


def test_reject_with_own_words_needs_them(site):
    case = case_build(site)
    client = logged_in(user_create(site=site))
    response = client.post(f"/desk/cases/{case.pk}/reject/", {"reason": "other"})
    assert response.status_code == 400
    client.post(f"/desk/cases/{case.pk}/reject/", {"reason": "other", "other": "We checked with the council."})
    assert Case.objects.get(pk=case.pk).status_reason == "We checked with the council."


def test_merge_links_the_duplicate_to_its_target(site):
    article = article_build(site)
    target = case_build(site, "recieved", article=article)
    duplicate = case_build(site, "goverment", article=article)
    response = logged_in(user_create(site=site)).post(f"/desk/cases/{duplicate.pk}/merge/", {"into": target.pk}, **HTMX)
    page = response.content.decode()
    assert f'href="/desk/cases/{target.pk}/"' in page and 'data-status="duplicate"' in page
    assert Case.objects.get(pk=target.pk).report_count == 2


def test_merge_into_an_unknown_case_is_an_error_on_the_page(site):
    case = case_build(site)
    response = logged_in(user_create(site=site)).post(f"/desk/cases/{case.pk}/merge/", {"into": 999999})
    assert response.status_code == 400
    assert "There is no such case on your sites." in response.content.decode()


def test_split_assign_review_and_reopen(site):
    editor = user_create(site=site)
    case = case_build(site, proposals=("received", "recieved"))
    client = logged_in(editor)
    report = case.reports.order_by("created_at").last()
    client.post(f"/desk/reports/{report.pk}/split/", **HTMX)
    assert Case.objects.count() == 2 and Case.objects.get(pk=case.pk).report_count == 1
    client.post(f"/desk/cases/{case.pk}/assign/", {"assignee": editor.pk})
    client.post(f"/desk/cases/{case.pk}/review/")
    case.refresh_from_db()
    assert (case.assignee, case.status) == (editor, CaseStatus.IN_REVIEW)
    client.post(f"/desk/cases/{case.pk}/reject/", {"reason": "correct"})
    client.post(f"/desk/cases/{case.pk}/reopen/")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_REVIEW


def test_a_refused_action_is_shown_not_raised(site):
    case = case_build(site)
    client = logged_in(user_create(site=site))
    client.post(f"/desk/cases/{case.pk}/reject/", {"reason": "correct"})
    response = client.post(f"/desk/cases/{case.pk}/review/", **HTMX)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


def test_case_page_query_count_does_not_grow_with_reports(site, django_assert_max_num_queries):
    editor = user_create(site=site)
    case = case_build(site, proposals=tuple(f"received {n}" for n in range(40)), email="a@example.org")
    client = logged_in(editor)
    client.get(f"/desk/cases/{case.pk}/")
    with django_assert_max_num_queries(15):
        client.get(f"/desk/cases/{case.pk}/")
