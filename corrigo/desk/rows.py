"""The queue's page: its rows, worked out in Python so that the template only prints them.

Tags and filters in a row (``{% url %}``, ``timesince``, ``get_FOO_display``, a query string
parsed again for every row) cost more than the page's queries once a page has a few dozen rows.
"""

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypedDict

from django.core.paginator import Page, Paginator
from django.db.models import Choices, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from corrigo.cases.models import Case, CaseStatus, Kind
from corrigo.cases.selectors import case_queue_page


class QueuePaginator(Paginator):
    """Pages of a queue counted beforehand (the status tabs count it), each page loaded by itself."""

    def __init__(self, cases: QuerySet[Case], per_page: int, *, count: int) -> None:
        super().__init__(cases, per_page)
        self._count = count

    @property
    def count(self) -> int:
        """The number of cases in the queue, as counted for the tabs."""
        return self._count

    def page(self, number: int | str) -> Page:
        """The page ``number``, its cases loaded with what a row shows."""
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        return self._get_page(case_queue_page(cases=self.object_list, offset=offset, limit=self.per_page), number, self)


class QueueRow(TypedDict):
    """What one line of the queue shows about a case (a dict: templates read dicts fastest)."""

    pk: int
    url: str
    passage: str | None
    """The passage, shortened; None for a message without a passage."""
    kind: str
    kind_label: str
    report_count: int
    article_query: str
    """The queue's query string narrowed to the case's article."""
    article_label: str
    site_name: str
    status_label: str
    assignee: str
    opened: str
    """When the case was opened, ISO 8601 in the current time zone."""
    opened_ago: str
    selectable: bool
    """Whether the user may tick the case for a bulk action."""
    select_label: str


def queue_rows(cases: Iterable[Case], *, query: str, acting_site_ids: Iterable[int]) -> list[QueueRow]:
    """The rows of ``cases``; ``query`` is the queue's query string without its page."""
    kinds, statuses = _labels(Kind), _labels(CaseStatus)
    article_query = _article_query(query)
    acting = set(acting_site_ids)
    now = timezone.now()
    return [
        QueueRow(
            pk=case.pk,
            url=reverse("desk:case", args=[case.pk]),
            passage=_shortened(case.exact, 80) if case.has_passage else None,
            kind=case.kind,
            kind_label=kinds.get(case.kind, case.kind),
            report_count=case.report_count,
            article_query=article_query(case.article_id),
            article_label=_shortened(case.article.title or case.article.url, 60),
            site_name=case.site.name,
            status_label=statuses.get(case.status, case.status),
            assignee=case.assignee.get_username() if case.assignee else "",
            opened=timezone.localtime(case.created_at).isoformat(),
            opened_ago=timesince(case.created_at, now),
            selectable=case.site_id in acting,
            select_label=_("Select case %(n)s") % {"n": case.pk},
        )
        for case in cases
    ]


def _labels(choices: type[Choices]) -> dict[str, str]:
    """The choices' labels in the current language, translated once for the whole page."""
    return {value: str(label) for value, label in choices.choices}


def _article_query(query: str) -> Callable[[int], str]:
    """A function giving ``query`` with ``article`` set to an id, as ``query_with`` would."""
    params = QueryDict(query, mutable=True)
    params.pop("page", None)

    def with_article(article_id: int) -> str:
        # Setting the same key again keeps its place, so reusing ``params`` gives what a fresh copy would.
        params["article"] = str(article_id)
        return params.urlencode()

    return with_article


def _shortened(text: str, limit: int) -> str:
    """``text`` as the ``truncatechars`` filter shows it, without its translation lookups for short text."""
    if len(text) <= limit:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(limit)
