"""The shapes of the CMS API."""

import datetime
import uuid

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator, model_validator

from corrigo.articles.addresses import article_url_normalize
from corrigo.conf import settings

MAX_HTML = 10 * settings.MAX_TEXT
"""Longest article HTML a CMS may push, in code points (markup weighs more than text)."""


class ArticleIn(Schema):
    """An article version as the CMS sends it: the body as ``html`` or as plain ``text``."""

    url: str = Field(..., min_length=1, max_length=2000, description="The article page's canonical URL.")
    cms_id: str = Field("", max_length=200, description="The CMS's own id of the article.")
    title: str = Field("", max_length=500)
    html: str | None = Field(None, max_length=MAX_HTML, description="The article body's HTML (inner HTML of its root).")
    text: str | None = Field(
        None, max_length=settings.MAX_TEXT, description="The body as plain text, one block a line."
    )
    section: str = Field("", max_length=200)
    authors: list[str] = Field(default_factory=list, max_length=50)
    published_at: datetime.datetime | None = None
    modified_at: datetime.datetime | None = None

    @field_validator("url")
    @classmethod
    def url_is_a_page(cls, value: str) -> str:
        """An http(s) URL, normalised as the report endpoint does."""
        normalized = article_url_normalize(value)
        if normalized is None:
            raise ValueError(_("This must be the http or https address of the article."))
        return normalized

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        """Exactly one of ``html`` and ``text``."""
        if (self.html is None) == (self.text is None):
            raise ValueError(_("Send the article body as either html or text."))
        return self


class ArticleRef(Schema):
    """An article as the CMS knows it."""

    url: str
    cms_id: str


class VersionOut(Schema):
    """A stored version of an article's canonical text."""

    number: int
    sha256: str
    created: bool = Field(..., description="False when this exact text was already stored.")


class ArticlePushOut(Schema):
    """The answer to a pushed article."""

    article: ArticleRef
    version: VersionOut


class SelectorOut(Schema):
    """Where the passage is in ``version``: W3C TextQuoteSelector and TextPositionSelector (code points)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    version: int


class FixOut(Schema):
    """An accepted fix the CMS has yet to apply."""

    id: uuid.UUID
    article: ArticleRef
    kind: str
    selector: SelectorOut | None
    before: str
    final_wording: str
    notice: str | None = Field(..., description="The public notice, or null when it is not published.")
    accepted_at: datetime.datetime
    cases: list[int]


class FixesOut(Schema):
    """The fixes not yet applied, oldest first."""

    fixes: list[FixOut]


class FixAppliedOut(Schema):
    """A fix confirmed as applied."""

    id: uuid.UUID
    applied_at: datetime.datetime
