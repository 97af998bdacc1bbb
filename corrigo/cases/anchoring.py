"""Keeping cases on their passages as articles change, and grouping reports by passage.

Every version of an article is stored, so a case is moved to a new version by mapping its position
through the difference between the two texts (``corrigo.anchoring``), never by searching blindly.
Re-anchoring runs as a background task that the database backend stores in the same transaction as
the new version, so a committed version is never left without its re-anchoring.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext, override
from django_tasks import task

from corrigo.anchoring import Anchor, TextMap, quote_selector_at, text_map
from corrigo.articles.models import Article, ArticleVersion
from corrigo.audit.services import audit_record
from corrigo.cases.models import OPEN_STATUSES, Case, CaseStatus, Kind
from corrigo.cases.suggestions import case_machine_fix_enqueue
from corrigo.conf import settings


@dataclass(frozen=True)
class Passage:
    """A reported passage: where it is in one version, and its W3C quote."""

    version: ArticleVersion
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


NEIGHBOUR_GAP = 3


class _Maps:
    """Text maps between versions, computed once per pair."""

    def __init__(self) -> None:
        self._maps: dict[tuple[int, int], TextMap] = {}

    def get(self, old: ArticleVersion, new: ArticleVersion) -> TextMap:
        key = (old.pk, new.pk)
        if key not in self._maps:
            self._maps[key] = text_map(old.text, new.text)
        return self._maps[key]


def passage_in_version(passage: Passage, version: ArticleVersion, maps: _Maps | None = None) -> Anchor | None:
    """Where ``passage`` (in its own version) stands in ``version``; None when it cannot be placed."""
    if passage.version.pk == version.pk:
        return Anchor(passage.start, passage.end, changed=False, confidence=1.0)
    return (maps or _Maps()).get(passage.version, version).locate(passage.exact, passage.start, passage.end)


def latest_version(*, article: Article) -> ArticleVersion:
    """The newest stored version of ``article``."""
    return article.versions.order_by("-number").first()


def case_for_passage(
    *,
    article: Article,
    passage: Passage | None,
    kind: str,
    proposed: str = "",
    open_cases: list[Case] | None = None,
    unsaved_proposals: Mapping[int, Collection[str]] | None = None,
) -> tuple[Case, bool]:
    """The open case whose passage overlaps ``passage``, or a new case; returns it and whether it is new.

    A passage right next to an open case's joins it when the reader proposed the same fix as one of
    that case's readers (two readers selecting neighbouring halves of one wrong phrase).

    Open cases on other versions are compared after mapping them into the passage's version, so a
    reader with an older or newer copy of the page joins the right case. A report without a passage
    opens its own case. Call inside the transaction that holds the article's row lock. A caller that
    places many reports of the article under that lock passes ``open_cases`` (from
    ``article_open_cases``), kept up to date here, instead of reading them for every report, and
    ``unsaved_proposals``: the proposals of the reports it put in each case and has not saved yet.
    """
    if open_cases is None:
        open_cases = article_open_cases(article=article)
    if passage is not None:
        match = open_case_for_passage(
            open_cases, passage=passage, proposed=proposed, unsaved_proposals=unsaved_proposals
        )
        if match is not None:
            return match, False
    latest = latest_version(article=article)
    version = passage.version if passage else latest
    case = Case.objects.create(
        site=article.site,
        article=article,
        version=version,
        kind=kind,
        start=passage.start if passage else None,
        end=passage.end if passage else None,
        exact=passage.exact if passage else "",
        prefix=passage.prefix if passage else "",
        suffix=passage.suffix if passage else "",
    )
    if passage is not None and kind == Kind.TYPO:
        case_machine_fix_enqueue(case_id=case.pk)
    if passage is not None and version.pk != latest.pk:
        # The reader saw an older copy of the article: the case lives in the newest version.
        case_reanchor(case=case, version=latest)
    if passage is not None:
        open_cases.append(case)
    return case, True


def article_open_cases(*, article: Article) -> list[Case]:
    """The article's open cases that have a passage to compare with, oldest first."""
    return list(
        Case.objects.filter(article=article, status__in=OPEN_STATUSES, start__isnull=False, orphaned=False)
        .select_related("version")
        .defer("version__text")  # read only for a case on another version than the passage's
        .order_by("created_at", "pk")
    )


def open_case_for_passage(
    open_cases: list[Case],
    *,
    passage: Passage,
    proposed: str = "",
    unsaved_proposals: Mapping[int, Collection[str]] | None = None,
) -> Case | None:
    """The case of ``open_cases`` that a report on ``passage`` joins (see ``case_for_passage``), or None.

    The oldest open case over the same passage, else one next to it that was sent the same fix. It
    writes nothing.
    """
    proposed, unsaved_proposals = proposed.strip(), unsaved_proposals or {}
    maps = _Maps()
    neighbours = []
    for case in open_cases:
        if case.orphaned or case.status not in OPEN_STATUSES:
            continue  # became so while its article's reports were being placed
        anchor = passage_in_version(_passage_of(case), passage.version, maps)
        if anchor is None:
            continue
        if anchor.start < passage.end and passage.start < anchor.end:
            return case
        if proposed and _next_to(passage.version.text, anchor, passage):
            neighbours.append(case)
    return next(
        (
            case
            for case in neighbours
            if proposed in unsaved_proposals.get(case.pk, ()) or _was_proposed(case, proposed)
        ),
        None,
    )


def _next_to(text: str, anchor: Anchor, passage: Passage) -> bool:
    """Whether the two spans touch or are apart by at most a few spaces and punctuation marks."""
    gap = text[anchor.end : passage.start] if anchor.end <= passage.start else text[passage.end : anchor.start]
    return len(gap) <= NEIGHBOUR_GAP and not any(ch.isalnum() for ch in gap)


def _was_proposed(case: Case, proposed: str) -> bool:
    return case.reports.filter(proposed=proposed).exists()


def _passage_of(case: Case) -> Passage:
    return Passage(case.version, case.start, case.end, case.exact, case.prefix, case.suffix)


def reanchor_article_enqueue(*, article_id: int, version_id: int) -> None:
    """Ask the task worker to move the article's open cases to ``version_id``.

    Call inside the transaction that stored the version: the database task backend commits the task
    with it.
    """
    reanchor_article.enqueue(article_id=article_id, version_id=version_id)


@task()
def reanchor_article(*, article_id: int, version_id: int) -> int:
    """Move every open case of the article to the version, if it is still the newest; idempotent."""
    with transaction.atomic():
        article = Article.objects.locked().filter(pk=article_id).first()
        version = ArticleVersion.objects.filter(pk=version_id, article_id=article_id).first()
        if article is None or version is None or latest_version(article=article).pk != version.pk:
            return 0
        return cases_reanchor(article=article, version=version)


def cases_reanchor(*, article: Article, version: ArticleVersion) -> int:
    """Move the article's open cases with a passage to ``version``; returns how many moved."""
    maps = _Maps()
    cases = (
        Case.objects.filter(article=article, status__in=OPEN_STATUSES, start__isnull=False)
        .exclude(version=version)
        .select_related("version", "site")
        .prefetch_related("reports")
    )
    return sum(case_reanchor(case=case, version=version, maps=maps) for case in cases)


def case_reanchor(*, case: Case, version: ArticleVersion, maps: _Maps | None = None) -> bool:
    """Move one case with a passage to ``version``; False when its passage could not be placed."""
    anchor = passage_in_version(_passage_of(case), version, maps)
    if anchor is None:
        _mark_orphaned(case, version)
        return False
    _move(case, version, anchor)
    return True


def _mark_orphaned(case: Case, version: ArticleVersion) -> None:
    """The passage is gone: keep the last known place and say so; the case is never dropped."""
    if case.orphaned:
        return
    case.orphaned = True
    case.save(update_fields=["orphaned", "updated_at"])
    audit_record(site=case.site, action="case.orphaned", target=case, data={"version": version.number})


def _move(case: Case, version: ArticleVersion, anchor: Anchor) -> None:
    """Put the case on ``version`` at ``anchor``; a changed passage makes it stale, or fixed for review."""
    before = case.exact
    text = version.text
    quote = quote_selector_at(text, anchor.start, anchor.end, context=settings.CONTEXT_LENGTH)
    case.version, case.start, case.end = version, anchor.start, anchor.end
    case.exact, case.prefix, case.suffix = quote.exact, quote.prefix, quote.suffix
    case.orphaned = False
    action = "case.moved"
    if anchor.changed:
        if quote.exact.strip() in _proposals(case):
            case.fixed_in = version
            action = "case.fixed_in_version"
        else:
            case.status = CaseStatus.STALE
            with override(case.site.default_language):
                case.status_reason = gettext("The passage changed in version %(n)s.") % {"n": version.number}
            action = "case.stale"
    case.save()
    details = {"version": version.number, "before": before, "now": case.exact}
    audit_record(site=case.site, action=action, target=case, data=details)


def _proposals(case: Case) -> set[str]:
    """Every fix proposed for the case: its readers' wordings and the suggested fix."""
    proposals = {report.proposed.strip() for report in case.reports.all() if report.proposed.strip()}
    if case.suggested_fix.strip():
        proposals.add(case.suggested_fix.strip())
    return proposals
