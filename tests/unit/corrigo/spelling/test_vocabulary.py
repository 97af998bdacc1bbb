"""A site's vocabulary: counting, storage and look-ups."""

import json

from hypothesis import given
from hypothesis import strategies as st

from corrigo.spelling import Vocabulary


def test_words_of_texts_are_counted_by_written_form() -> None:
    vocabulary = Vocabulary.from_texts(["Navalny spoke.", "Navalny and navalny"])
    assert vocabulary.to_dict() == {"Navalny": 2, "spoke": 1, "and": 1, "navalny": 1}
    assert vocabulary.count("navalny") == 3


def test_update_adds_one_more_text() -> None:
    vocabulary = Vocabulary()
    vocabulary.update("Chasiv Yar")
    vocabulary.update("Chasiv Yar")
    assert vocabulary.count("yar") == 2


def test_round_trip_through_json_keeps_the_counts() -> None:
    vocabulary = Vocabulary.from_texts(["Запоріжжя, Запоріжжя і п’ять пам'яток"])
    stored = json.loads(json.dumps(vocabulary.to_dict()))
    assert Vocabulary.from_dict(stored).to_dict() == vocabulary.to_dict()


def test_bad_entries_in_stored_data_are_skipped() -> None:
    vocabulary = Vocabulary.from_dict({"Kyiv": 3, "bad": -1, "worse": "x", 7: 2})  # type: ignore[dict-item]
    assert vocabulary.to_dict() == {"Kyiv": 3}


def test_a_word_seen_once_is_not_yet_the_sites() -> None:
    vocabulary = Vocabulary.from_texts(["Prigozin once", "Prigozhin twice", "Prigozhin"])
    assert vocabulary.zipf("prigozin") == 0.0
    assert vocabulary.zipf("prigozhin") > 0.0


def test_more_sightings_mean_a_higher_frequency() -> None:
    vocabulary = Vocabulary({"Bakhmut": 3, "Avdiivka": 300})
    assert vocabulary.zipf("avdiivka") > vocabulary.zipf("bakhmut") > 0


def test_name_keeps_its_capitals_and_common_word_its_small_letters() -> None:
    vocabulary = Vocabulary({"Navalny": 9, "The": 30, "the": 200})
    assert vocabulary.display("navalny") == "Navalny"
    assert vocabulary.display("the") == "the"


def test_near_finds_site_words_within_two_edits() -> None:
    vocabulary = Vocabulary({"Zaporizhzhia": 12, "Kyiv": 30})
    assert vocabulary.near("zaporizhia") == {"zaporizhzhia": 2}


def test_apostrophe_variants_count_as_one_word() -> None:
    vocabulary = Vocabulary({"п’ять": 2, "п'ять": 2})
    assert vocabulary.count("п'ять") == 4


@given(st.lists(st.text(max_size=30), max_size=5))
def test_any_text_can_be_counted_and_stored(texts: list[str]) -> None:
    vocabulary = Vocabulary.from_texts(texts)
    assert Vocabulary.from_dict(json.loads(json.dumps(vocabulary.to_dict()))).to_dict() == vocabulary.to_dict()
