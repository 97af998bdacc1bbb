"""Reads about cases for the desk."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, QuerySet

from corrigo.cases.models import OPEN_STATUSES, Case
from corrigo.reports.models import Report
from corrigo.sites.selectors import sites_of_user


def case_queue(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Case]:
    """The open cases of every site ``user`` works on, newest first."""
    return (
        Case.objects.filter(site__in=sites_of_user(user=user), status__in=OPEN_STATUSES)
        .select_related("site", "article")
        .order_by("-created_at", "-pk")
    )


def case_for_user(*, user: AbstractBaseUser | AnonymousUser, case_id: int) -> Case | None:
    """The case ``case_id`` if ``user`` is a member of its site, with its version and reports."""
    reports = Prefetch("reports", queryset=Report.objects.order_by("created_at"))
    return (
        Case.objects.filter(pk=case_id, site__in=sites_of_user(user=user))
        .select_related("site", "article", "version")
        .prefetch_related(reports)
        .first()
    )


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph, marked when it belongs to the passage."""

    text: str
    marked: bool


def passage_paragraphs(text: str, start: int | None, end: int | None) -> list[list[Segment]]:
    """The canonical text as paragraphs of segments, with ``start..end`` marked.

    A passage may cross paragraphs (canonical text joins blocks with one newline): each paragraph
    gets its own marked segment.
    """
    paragraphs: list[list[Segment]] = []
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if start is None or end is None or end <= line_start or start >= line_end:
            paragraphs.append([Segment(line, False)])
            continue
        a, b = max(start, line_start) - line_start, min(end, line_end) - line_start
        pieces = [Segment(line[:a], False), Segment(line[a:b], True), Segment(line[b:], False)]
        paragraphs.append([p for p in pieces if p.text])
    return paragraphs
