"""The default wording of notices, by kind and in the site's language."""

import pytest

from corrigo.corrections.notices import notice_default_text, quoted
from tests.publishing import case_reported

pytestmark = pytest.mark.django_db


def test_a_typo_correction_says_what_was_misspelled(site):
    case = case_reported(site)
    text = notice_default_text(case=case, final_wording="received", kind="correction", language="en")
    assert text == "An earlier version of this article misspelled “received”."


def test_a_factual_correction_says_what_was_misstated(site):
    case = case_reported(site, word="March", kind="fact", proposed="April")
    text = notice_default_text(case=case, final_wording="April", kind="correction", language="en")
    assert text == "An earlier version of this article misstated “March”. It should have read “April”."


@pytest.mark.parametrize(
    ("kind", "start"),
    [("clarification", "This article has been clarified"), ("update", "This article has been updated")],
)
def test_clarifications_and_updates_quote_both_wordings(site, kind, start):
    text = notice_default_text(case=case_reported(site), final_wording="received", kind=kind, language="en")
    assert text.startswith(start) and "“recieved”" in text and "“received”" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "У попередній версії цієї статті"), ("ru", "В предыдущей версии этой статьи")],
)
def test_notices_are_written_in_the_sites_language(site, language, expected):
    text = notice_default_text(case=case_reported(site), final_wording="received", kind="correction", language=language)
    assert text.startswith(expected)


def test_a_case_without_a_passage_gets_a_general_sentence(site):
    case = case_reported(site, selector=None, comment="The headline is wrong.")
    text = notice_default_text(case=case, final_wording="", kind="correction", language="en")
    assert text == "An earlier version of this article contained an error, which has been corrected."


def test_long_passages_are_shortened_in_a_notice():
    assert len(quoted("word " * 100)) == 200 and quoted("word " * 100).endswith("…")
