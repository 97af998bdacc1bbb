"""Typo cases get a spelling suggestion; neighbouring passages with the same fix share a case."""

import pytest
from django.test import Client

from corrigo.articles.models import Article, VersionSource
from corrigo.articles.services import article_version_record
from corrigo.cases.models import Case
from corrigo.cases.services.accept import case_default_wording
from corrigo.cases.suggestions import case_machine_fix, sentence_around
from tests.conftest import post_json
from tests.factories import ORIGIN, report_payload

pytestmark = pytest.mark.django_db


def reported_case(site, **fields) -> Case:
    response = post_json(Client(HTTP_ORIGIN=ORIGIN), "/api/v1/reports", report_payload(site, **fields))
    assert response.status_code == 202, response.content
    return Case.objects.get(pk=Case.objects.latest("pk").pk)


def test_a_typo_case_gets_the_likely_fix_with_a_score(site):
    case = reported_case(site, proposed="")
    assert case.machine_fix == "received"
    assert 0 < case.machine_fix_score <= 1
    assert case_default_wording(case) == "received"


def test_the_most_frequent_readers_proposal_leads_the_suggestion(site):
    reported_case(site, proposed="recieved, in fact")
    reported_case(site, proposed="received")
    case = reported_case(site, proposed="received")
    assert case.report_count == 3
    assert case_default_wording(case) == "received"


def test_a_factual_report_gets_no_spelling_suggestion(site):
    assert reported_case(site, kind="fact", proposed="").machine_fix == ""


def test_site_vocabulary_keeps_its_names_from_being_corrected(site):
    text = "Prigozhin spoke on Monday. Prigozhin left on Tuesday. Prigozhin returned."
    article = Article.objects.create(site=site, url="https://news.example/other")
    article_version_record(article=article, text=text, source=VersionSource.CMS)
    body = "The mutiny\nPrigozin marched on Moscow, the report says."
    case = reported_case(site, word="Prigozin", text=body, proposed="")
    assert case.machine_fix == "Prigozhin"


def test_suggestion_task_is_idempotent(site):
    case = reported_case(site, proposed="")
    assert case_machine_fix.call(case_id=case.pk) == case_machine_fix.call(case_id=case.pk) == "received"


def test_sentence_around_a_passage():
    text = "First one. The plan was recieved late. Third!\nNext line."
    start = text.index("recieved")
    assert sentence_around(text, start, start + 8) == ("The plan was recieved late.", 13)


def test_neighbouring_passage_with_the_same_fix_joins_the_case(site):
    reported_case(site, word="recieved", proposed="received last")
    case = reported_case(site, word="last", proposed="received last")
    assert Case.objects.count() == 1
    assert case.report_count == 2


def test_neighbouring_passage_with_another_fix_opens_its_own_case(site):
    reported_case(site, word="recieved", proposed="received")
    reported_case(site, word="last", proposed="latest")
    assert Case.objects.count() == 2
