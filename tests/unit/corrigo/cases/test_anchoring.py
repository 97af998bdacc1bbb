"""Cases follow their passages through new versions of the article."""

import pytest
from django.test import Client

from corrigo.articles.models import VersionSource
from corrigo.articles.services import article_version_record
from corrigo.cases.anchoring import reanchor_article
from corrigo.cases.models import Case, CaseStatus
from tests.conftest import post_json
from tests.factories import ARTICLE_TEXT, ORIGIN, report_payload

pytestmark = pytest.mark.django_db


def reported_case(site, **fields) -> Case:
    response = post_json(Client(HTTP_ORIGIN=ORIGIN), "/api/v1/reports", report_payload(site, **fields))
    assert response.status_code == 202, response.content
    return Case.objects.latest("pk")


def publish(case: Case, text: str) -> Case:
    """A new version of the case's article arrives (as a CMS push would bring it) and is re-anchored."""
    version, created = article_version_record(article=case.article, text=text, source=VersionSource.CMS)
    assert created
    reanchor_article.call(article_id=case.article_id, version_id=version.pk)
    case.refresh_from_db()
    return case


def test_untouched_passage_moves_to_its_new_offsets(site):
    case = publish(reported_case(site), "Updated at noon.\n" + ARTICLE_TEXT)
    assert (case.version.number, case.exact, case.status) == (2, "recieved", CaseStatus.NEW)
    assert case.start == ARTICLE_TEXT.index("recieved") + len("Updated at noon.\n")


def test_passage_replaced_by_the_proposed_fix_is_marked_fixed_in_that_version(site):
    case = publish(reported_case(site, proposed="received"), ARTICLE_TEXT.replace("recieved", "received"))
    assert case.fixed_in.number == 2
    assert case.status == CaseStatus.NEW
    assert case.exact == "received"


def test_passage_changed_otherwise_makes_the_case_stale_with_a_reason(site):
    case = publish(reported_case(site), ARTICLE_TEXT.replace("first recieved", "got"))
    assert case.status == CaseStatus.STALE
    assert case.status_reason == "The passage changed in version 2."
    assert case.fixed_in is None


def test_deleted_passage_orphans_the_case_but_keeps_it_visible(site):
    sentence = "The plan, which the council first recieved last spring, replaces parking on Mill Street.\n"
    text = ARTICLE_TEXT.replace(sentence, "")
    case = publish(reported_case(site), text)
    assert case.orphaned
    assert (case.version.number, case.exact, case.status) == (1, "recieved", CaseStatus.NEW)


def test_a_reader_with_the_old_copy_joins_the_case_in_the_new_version(site):
    case = publish(reported_case(site), "Updated.\n" + ARTICLE_TEXT)
    reported_case(site)  # the old copy, version 1
    case.refresh_from_db()
    assert (Case.objects.count(), case.report_count, case.version.number) == (1, 2, 2)


def test_a_new_passage_reported_on_an_old_copy_is_anchored_in_the_newest_version(site):
    reported_case(site)
    publish(Case.objects.get(), "Updated.\n" + ARTICLE_TEXT)
    other = reported_case(site, word="goverment")
    assert other.version.number == 2
    assert other.version.text[other.start : other.end] == "goverment"


def test_reanchoring_an_old_version_again_does_nothing(site):
    case = publish(reported_case(site), "Updated.\n" + ARTICLE_TEXT)
    assert reanchor_article.call(article_id=case.article_id, version_id=case.reports.get().version_id) == 0
    case.refresh_from_db()
    assert case.version.number == 2
