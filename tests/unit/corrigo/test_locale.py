"""Every user-facing string is translated into Ukrainian and Russian, and the compiled catalogues are current."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[3] / "corrigo" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def test_there_are_catalogues_for_ukrainian_and_russian():
    assert {p.parts[-3] for p in CATALOGUES} == {"uk", "ru"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_catalogue_is_complete_and_compiled(path: Path):
    po = polib.pofile(str(path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(path.with_suffix(".mo")))}
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po.translated_entries()}
    assert compiled == source, f"{path.with_suffix('.mo')} is out of date: run `corrigo compilemessages`"
