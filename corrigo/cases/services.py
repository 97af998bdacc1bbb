"""Writes about cases: grouping reports into them."""

from corrigo.articles.models import Article, ArticleVersion
from corrigo.cases.models import OPEN_STATUSES, Case


def case_for_passage(
    *,
    article: Article,
    version: ArticleVersion,
    kind: str,
    start: int | None,
    end: int | None,
    exact: str,
    prefix: str,
    suffix: str,
) -> tuple[Case, bool]:
    """The open case whose passage overlaps ``start..end`` in ``version``, or a new case.

    Returns the case and whether it was opened now. A report without a passage always opens its own
    case. Call inside the transaction that holds the article's row lock.
    """
    if start is not None and end is not None:
        overlapping = (
            Case.objects.filter(article=article, version=version, status__in=OPEN_STATUSES)
            .filter(start__lt=end, end__gt=start)
            .order_by("created_at", "pk")
            .first()
        )
        if overlapping is not None:
            return overlapping, False
    case = Case.objects.create(
        site=article.site,
        article=article,
        version=version,
        kind=kind,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
    )
    return case, True
