"""An article's address as corrigo stores it, whoever sends it (the widget, the CMS, a template tag)."""

from corrigo.reports.schemas import ReportIn


def article_url_normalize(url: str) -> str | None:
    """``url`` without its fragment and tracking parameters, host in lower case; None if not http(s).

    The same rule as the report endpoint's, so that every door finds the same article.
    """
    try:
        return ReportIn.url_is_a_page(url)
    except ValueError:
        return None
