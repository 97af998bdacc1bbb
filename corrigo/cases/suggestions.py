"""The likely fix of a reported typo, computed in the background from the passage and the site's words."""

import re

from django_tasks import task

from corrigo.articles.vocabulary import site_vocabulary
from corrigo.cases.models import Case, Kind
from corrigo.spelling import detect_language, suggest

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")


def case_machine_fix_enqueue(*, case_id: int) -> None:
    """Ask the task worker for a typo case's spelling suggestion; call in the transaction that opened it."""
    case_machine_fix.enqueue(case_id=case_id)


@task()
def case_machine_fix(*, case_id: int) -> str:
    """Store the best spelling suggestion for a typo case's passage; idempotent. Returns it ("" if none)."""
    case = Case.objects.select_related("version", "site").filter(pk=case_id).first()
    if case is None or case.kind != Kind.TYPO or not case.has_passage or not case.exact.strip():
        return ""
    context, offset = sentence_around(case.version.text, case.start, case.end)
    language = _language(case, context)
    vocabulary = site_vocabulary(site=case.site)
    found = suggest(case.exact, context=context, start=offset, language=language, vocabulary=vocabulary)
    best = found[0] if found else None
    Case.objects.filter(pk=case.pk).update(
        machine_fix=best.text if best else "", machine_fix_score=round(best.score, 3) if best else None
    )
    return best.text if best else ""


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence (or sentences) of ``text`` that hold ``start..end``, and where ``start`` is in it."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in SENTENCE_END.finditer(text, end)), len(text))
    return text[left:right], start - left


def _language(case: Case, context: str) -> str:
    """The language of the readers' reports, else the one the passage is written in."""
    language = case.reports.exclude(language="").values_list("language", flat=True).first()
    if language in {"en", "uk", "ru"}:
        return language
    return detect_language(context, default=case.site.default_language)
