"""Behaviour of corrigo.spelling.suggest: whole-span fixes for a reported typo."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corrigo.spelling import Suggestion, Vocabulary, suggest
from corrigo.spelling.lexicon import get_lexicon


@pytest.fixture(scope="module", autouse=True)
def lexicons() -> None:
    """Load the word lists once, so that timing-sensitive tests do not pay for it."""
    for language in ("en", "uk", "ru"):
        get_lexicon(language)


def best(span: str, **kwargs) -> str | None:
    """Return the text of the best suggestion, or None when there is none."""
    found = suggest(span, **kwargs)
    return found[0].text if found else None


@pytest.mark.parametrize(("span", "fixed"), [("teh", "the"), ("Teh", "The"), ("TEH", "THE")])
def test_fix_keeps_the_case_pattern_of_the_typo(span: str, fixed: str) -> None:
    assert best(span) == fixed


@pytest.mark.parametrize(("span", "fixed"), [("(Teh)", "(The)"), ("teh,", "the,"), ("“recieve”.", "“receive”.")])
def test_punctuation_around_the_word_is_kept(span: str, fixed: str) -> None:
    assert best(span) == fixed


@pytest.mark.parametrize("span", ["house", "the", "beautiful", "Beautiful", "році", "будинок"])
def test_a_correct_common_word_gets_no_suggestion(span: str) -> None:
    language = "uk" if span in ("році", "будинок") else "en"
    assert suggest(span, language=language) == []


@pytest.mark.parametrize("span", ["", "   ", "…", "2024", "—"])
def test_a_span_without_letters_gets_no_suggestion(span: str) -> None:
    assert suggest(span) == []


def test_suggestions_are_scored_best_first_between_zero_and_one() -> None:
    found = suggest("recieve", limit=3)
    assert 1 <= len(found) <= 3
    assert all(isinstance(s, Suggestion) and 0.0 <= s.score <= 1.0 for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert found[0].text == "receive"


def test_limit_zero_gives_nothing() -> None:
    assert suggest("recieve", limit=0) == []


def test_only_the_misspelt_word_of_a_multi_word_span_changes() -> None:
    assert best("a speling mistake") == "a spelling mistake"


def test_two_misspelt_words_in_one_span_are_both_fixed() -> None:
    assert best("recieve teh") == "receive the"


def test_site_vocabulary_word_is_proposed_as_the_fix() -> None:
    vocabulary = Vocabulary.from_texts(["Yevgeny Prigozhin, the Wagner chief, said on Friday."] * 20)
    assert best("Prigozin", vocabulary=vocabulary) == "Prigozhin"


def test_site_vocabulary_word_is_accepted_as_correct() -> None:
    vocabulary = Vocabulary.from_texts(["Zaporizhzhia and Chasiv Yar were shelled."] * 20)
    assert suggest("Zaporizhzhia", vocabulary=vocabulary) == []


def test_vocabulary_given_as_a_plain_mapping_works() -> None:
    assert best("Navalni", vocabulary={"Navalny": 40}) == "Navalny"


def test_a_name_from_the_vocabulary_keeps_its_capital_when_typed_small() -> None:
    assert best("navalni", vocabulary={"Navalny": 40}) == "Navalny"


def test_ukrainian_typo_is_fixed() -> None:
    assert best("кількістью", language="uk") in ("кількістю", "кількість")


def test_ukrainian_missing_apostrophe_is_restored() -> None:
    assert best("пять", language="uk") == "п'ять"


def test_ukrainian_apostrophe_style_of_the_reader_is_kept() -> None:
    assert best("пам’ят", language="uk") == "пам’ять"


def test_ukrainian_euphony_u_between_consonants() -> None:
    assert best("в", context="Він в школі.", language="uk") == "у"


def test_ukrainian_euphony_v_between_vowels() -> None:
    assert best("у", context="Вона у Одесі.", language="uk") == "в"


def test_ukrainian_euphony_fits_so_no_suggestion() -> None:
    assert suggest("у", context="Він у школі.", language="uk") == []


def test_ukrainian_euphony_at_sentence_start_keeps_the_capital() -> None:
    assert best("В", context="В школі було тихо.", language="uk") == "У"


def test_position_picks_the_occurrence_the_reader_selected() -> None:
    context = "Вона в Одесі, а він в Києві."
    assert suggest("в", context=context, language="uk", start=5) == []
    assert best("в", context=context, language="uk", start=context.rindex("в Києві")) == "у"


def test_ukrainian_hyphenated_particle() -> None:
    assert best("будь що", context="Зроблю будь що для тебе.", language="uk") == "будь-що"


def test_ukrainian_words_written_apart_are_joined() -> None:
    assert best("на приклад", context="Візьмімо, на приклад, Київ.", language="uk") == "наприклад"


def test_lower_case_sentence_start_is_capitalised() -> None:
    assert best("сонце", context="сонце світить.", language="uk") == "Сонце"


def test_held_shift_key_is_undone() -> None:
    assert best("ПОтім", context="ПОтім ми пішли.", language="uk") == "Потім"


def test_russian_typo_is_fixed() -> None:
    assert best("сабака", language="ru") == "собака"


def test_a_span_in_another_script_than_the_language_is_detected() -> None:
    assert best("сабака", language="en") == "собака"


def test_unknown_language_falls_back_without_error() -> None:
    assert isinstance(suggest("helo", language="xx"), list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    span=st.text(max_size=40),
    context=st.text(max_size=80),
    language=st.sampled_from(["en", "uk", "ru", "", "xx"]),
    start=st.one_of(st.none(), st.integers(min_value=-5, max_value=100)),
)
def test_never_raises_on_random_text(span: str, context: str, language: str, start: int | None) -> None:
    found = suggest(span, context=context, language=language, start=start, vocabulary={"Київ": 3})
    assert all(0.0 <= s.score <= 1.0 and s.text != span for s in found)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["teh", "recieve", "adress", "speling"]), st.sampled_from(["", " ", "(", "«", "'"]))
def test_text_outside_the_word_is_kept_exactly(word: str, edge: str) -> None:
    found = suggest(f"{edge}{word}{edge}")
    assert found and all(s.text.startswith(edge) and s.text.endswith(edge) for s in found)


def test_a_selection_of_a_whole_paragraph_is_not_a_typo_report() -> None:
    assert suggest(" ".join(["teh"] * 41)) == []
