"""The queue over HTTP: priority order, filters, search, counts, pagination cost, bulk actions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from corrigo.cases.models import Case, CaseStatus
from corrigo.sites.models import Role
from tests.factories import site_create, user_create
from tests.functional.desk.conftest import logged_in
from tests.unit.corrigo.cases.builders import article_build, case_build

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def row_ids(response) -> list[int]:
    return [case.pk for case in response.context["page"].object_list]


def test_queue_puts_factual_errors_and_many_reports_first(site):
    article = article_build(site)
    typo = case_build(site, "recieved", article=article)
    fact = case_build(site, "Mill Street", article=article, kind="fact", proposals=("Mill Road",))
    popular = case_build(site, "goverment", article=article, proposals=("government",) * 8)
    response = logged_in(user_create(site=site)).get("/desk/")
    assert row_ids(response) == [fact.pk, popular.pk, typo.pk]


def test_queue_filters_by_kind_site_status_and_article(site):
    other_site = site_create()
    editor = user_create(site=site)
    user_create(site=other_site).delete()
    from corrigo.sites.models import Membership

    Membership.objects.create(user=editor, site=other_site, role=Role.VIEWER)
    article = article_build(site)
    typo = case_build(site, "recieved", article=article)
    fact = case_build(site, "Mill Street", article=article, kind="fact")
    elsewhere = case_build(other_site, "goverment")
    client = logged_in(editor)
    assert row_ids(client.get("/desk/?kind=fact")) == [fact.pk]
    assert row_ids(client.get(f"/desk/?site={other_site.pk}")) == [elsewhere.pk]
    assert set(row_ids(client.get(f"/desk/?article={article.pk}"))) == {typo.pk, fact.pk}
    Case.objects.filter(pk=typo.pk).update(status=CaseStatus.REJECTED)
    assert typo.pk not in row_ids(client.get("/desk/"))
    assert row_ids(client.get("/desk/?status=rejected")) == [typo.pk]
    counts = client.get("/desk/").context["counts"]
    assert (counts["open"], counts["rejected"], counts["all"]) == (2, 1, 3)


def test_queue_filters_by_assignee_and_time(site):
    editor = user_create(site=site)
    article = article_build(site)
    mine = case_build(site, "recieved", article=article)
    old = case_build(site, "goverment", article=article)
    Case.objects.filter(pk=mine.pk).update(assignee=editor)
    Case.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    client = logged_in(editor)
    assert row_ids(client.get("/desk/?assignee=me")) == [mine.pk]
    assert row_ids(client.get("/desk/?assignee=none")) == [old.pk]
    assert row_ids(client.get("/desk/?since=day")) == [mine.pk]


def test_search_finds_passages_and_comments(site):
    article = article_build(site)
    by_passage = case_build(site, "goverment", article=article)
    by_comment = case_build(site, "recieved", article=article, comment="Spelling of ‘receive’")
    client = logged_in(user_create(site=site))
    assert row_ids(client.get("/desk/?q=goverm")) == [by_passage.pk]
    assert row_ids(client.get("/desk/?q=spelling")) == [by_comment.pk]


def test_pages_of_the_queue_follow_its_order(site):
    article = article_build(site)
    cases = [case_build(site, "recieved", article=article) for _ in range(5)]
    for n, case in enumerate(cases):
        Case.objects.filter(pk=case.pk).update(priority=10 if n < 3 else n)
    client = logged_in(user_create(site=site))
    pages = [client.get(f"/desk/?size=2&page={n}") for n in (1, 2, 3)]
    expected = [cases[2].pk, cases[1].pk, cases[0].pk, cases[4].pk, cases[3].pk]
    assert [pk for page in pages for pk in row_ids(page)] == expected
    assert "Page 3 of 3" in pages[2].content.decode()


def test_queue_row_shows_the_case_its_article_and_assignee(site):
    editor = user_create(site=site)
    article = article_build(site)
    message = case_build(site, article=article)
    Case.objects.filter(pk=message.pk).update(start=None, end=None, exact="", assignee=editor)
    passage = case_build(site, "goverment", article=article, kind="fact")
    page = logged_in(editor).get("/desk/?kind=").content.decode()
    assert f'<a class="case-link" href="/desk/cases/{message.pk}/">Message without a passage</a>' in page
    assert f'<a class="case-link" href="/desk/cases/{passage.pk}/"><q>goverment</q></a>' in page
    assert '<td class="kind-fact">Factual error</td>' in page
    assert f'<a href="?kind=&amp;article={article.pk}" title="Only this article">{article.title}</a>' in page
    assert f"<td>{editor.get_username()}</td>" in page
    assert f'aria-label="Select case {passage.pk}"' in page


def test_query_count_does_not_grow_with_the_page_size(site):
    editor = user_create(site=site)
    for _ in range(12):
        case_build(site, proposals=("received", "received!"))
    client = logged_in(editor)
    counts = []
    for size in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/desk/?size={size}")
        assert len(response.context["page"].object_list) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_queue_stays_within_a_fixed_number_of_queries(site, django_assert_max_num_queries):
    editor = user_create(site=site)
    for _ in range(30):
        case_build(site)
    client = logged_in(editor)
    with django_assert_max_num_queries(7):
        client.get("/desk/?size=30")


def test_bulk_reject_answers_htmx_with_the_new_queue(site):
    editor = user_create(site=site)
    article = article_build(site)
    cases = [case_build(site, w, article=article) for w in ("recieved", "goverment", "Mill Street")]
    response = logged_in(editor).post(
        "/desk/bulk/", {"action": "reject", "reason": "style", "cases": [c.pk for c in cases[:2]]}, **HTMX
    )
    assert response.status_code == 200
    assert row_ids(response) == [cases[2].pk]
    assert "2 cases rejected." in response.content.decode()
    rejected = Case.objects.filter(status=CaseStatus.REJECTED)
    assert {c.status_reason for c in rejected} == {"This is a matter of style, not an error."}


def test_bulk_reject_stores_the_reason_in_the_sites_language(site):
    site.default_language = "uk"
    site.save()
    case = case_build(site)
    logged_in(user_create(site=site)).post("/desk/bulk/", {"action": "reject", "reason": "correct", "cases": [case.pk]})
    case.refresh_from_db()
    assert case.status == CaseStatus.REJECTED and "текст" in case.status_reason.lower()


def test_bulk_accept_uses_the_proposals_and_skips_cases_without_one(site):
    editor = user_create(site=site)
    article = article_build(site)
    proposed = case_build(site, "recieved", article=article, proposals=("received",))
    bare = case_build(site, "goverment", article=article, proposals=())
    response = logged_in(editor).post("/desk/bulk/", {"action": "accept", "cases": [proposed.pk, bare.pk]}, **HTMX)
    text = response.content.decode()
    assert "1 case accepted." in text and "1 case skipped" in text
    assert Case.objects.get(pk=proposed.pk).status == CaseStatus.ACCEPTED
    assert Case.objects.get(pk=bare.pk).status == CaseStatus.NEW


def test_bulk_assign_to_me(site):
    editor = user_create(site=site)
    case = case_build(site)
    response = logged_in(editor).post("/desk/bulk/", {"action": "assign", "assignee": editor.pk, "cases": [case.pk]})
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).assignee == editor


def test_bulk_reject_without_a_reason_is_refused(site):
    case = case_build(site)
    response = logged_in(user_create(site=site)).post("/desk/bulk/", {"action": "reject", "cases": [case.pk]})
    assert response.status_code == 400
    assert Case.objects.get(pk=case.pk).status == CaseStatus.NEW
