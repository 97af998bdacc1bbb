"""Word lists: loading once per process, and near-miss look-ups."""

from concurrent.futures import ThreadPoolExecutor

from corrigo.spelling.lexicon import Lexicon, get_lexicon, normalize


def small() -> Lexicon:
    """A lexicon of a few words, for exact look-up checks."""
    return Lexicon("en", {"receive": 4.8, "relieve": 3.9, "recipe": 4.4, "the": 7.7, "xylophone": 2.5})


def test_near_finds_words_one_and_two_edits_away() -> None:
    assert small().near("recieve") == {"receive": 1, "relieve": 1, "recipe": 2}


def test_near_leaves_out_the_word_itself() -> None:
    assert "receive" not in small().near("receive")


def test_rare_words_are_found_one_edit_away_only() -> None:
    lexicon = Lexicon("en", {"xylophone": 1.0})
    assert lexicon.near("xylophne") == {"xylophone": 1}
    assert lexicon.near("xylofne") == {}


def test_unknown_word_has_zipf_zero() -> None:
    assert small().zipf("qwzx") == 0.0


def test_normalize_lowers_and_unifies_apostrophes() -> None:
    assert normalize("П’ЯТЬ") == "п'ять" == normalize("пʼять")


def test_lexicon_is_built_once_even_from_many_threads() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        lexicons = list(pool.map(get_lexicon, ["uk"] * 8))
    assert all(lexicon is lexicons[0] for lexicon in lexicons)
    assert lexicons[0].zipf("україна") > 4


def test_language_wordfreq_lacks_gives_an_empty_lexicon() -> None:
    assert len(get_lexicon("xx")) == 0
