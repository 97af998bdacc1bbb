"""The queue's page: its rows, worked out in Python so that the template only prints them.

Tags and filters in a row (``{% url %}``, ``timesince``, ``get_FOO_display``, a query string
parsed again for every row) cost more than the page's queries once a page has a few dozen rows.
"""

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypedDict

from django.core.paginator import Page, Paginator
from django.db.models import Choices, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
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
    html: SafeString
    """The row's ``<tr>``, as the queue's template prints it."""


def queue_rows(
    cases: Iterable[Case], *, query: str, acting_site_ids: Iterable[int], many_sites: bool
) -> list[QueueRow]:
    """The rows of ``cases``, each with its ``<tr>``; ``query`` is the queue's query string without its page."""
    kinds, statuses = _labels(Kind), _labels(CaseStatus)
    article_query = _article_query(query)
    acting = set(acting_site_ids)
    now = timezone.now()
    case_url = _case_url()
    rows = [
        QueueRow(
            pk=case.pk,
            url=case_url(case.pk),
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
            html=SafeString(),
        )
        for case in cases
    ]
    labels = RowLabels(no_passage=_("Message without a passage"), only_article=_("Only this article"))
    for row in rows:
        row["html"] = queue_row_html(row, can_act=bool(acting), many_sites=many_sites, labels=labels)
    return rows


@dataclass(frozen=True)
class RowLabels:
    """What every row of a page says the same way, translated once for the page."""

    no_passage: str
    only_article: str


def queue_row_html(row: QueueRow, *, can_act: bool, many_sites: bool, labels: RowLabels) -> SafeString:
    """One ``<tr>`` of the queue, escaped like the template would (50 rows through the template
    engine cost more than the rest of the page)."""
    cells = []
    if can_act:
        checkbox = format_html(
            '<input type="checkbox" name="cases" value="{}" aria-label="{}">', row["pk"], row["select_label"]
        )
        cells.append(format_html("<td>{}</td>", checkbox if row["selectable"] else ""))
    passage = labels.no_passage if row["passage"] is None else format_html("<q>{}</q>", row["passage"])
    cells.append(format_html('<td><a class="case-link" href="{}">{}</a></td>', row["url"], passage))
    cells.append(format_html('<td class="kind-{}">{}</td>', row["kind"], row["kind_label"]))
    cells.append(format_html('<td class="count">{}</td>', row["report_count"]))
    cells.append(
        format_html(
            '<td><a href="?{}" title="{}">{}</a></td>',
            row["article_query"],
            labels.only_article,
            row["article_label"],
        )
    )
    if many_sites:
        cells.append(format_html("<td>{}</td>", row["site_name"]))
    cells.append(format_html("<td>{}</td><td>{}</td>", row["status_label"], row["assignee"]))
    cells.append(format_html('<td><time datetime="{}">{}</time></td>', row["opened"], row["opened_ago"]))
    # Every cell went through format_html, which escaped what it holds.
    return format_html('<tr class="case-row" data-case="{}">{}</tr>', row["pk"], mark_safe("".join(cells)))


def _case_url() -> Callable[[int], str]:
    """A function giving a case's desk URL, with the URL pattern reversed once for the page."""
    marker = 987654321
    template = reverse("desk:case", args=[marker])
    head, tail = template.split(str(marker))
    return lambda pk: f"{head}{pk}{tail}"


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
