"""The shapes of the public report API."""

import uuid
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BaseModel, field_validator, model_validator

from corrigo.anchoring import selector_matches
from corrigo.antispam.schemas import ChallengeOut
from corrigo.cases.models import Kind
from corrigo.conf import settings

CONTEXT_MAX = 2 * settings.CONTEXT_LENGTH
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


class TextIn(BaseModel):
    """Input whose every string is refused when it holds a NUL character."""

    @field_validator("*", mode="before")
    @classmethod
    def no_nul_character(cls, value: object) -> object:
        """Text with a NUL character cannot be stored (PostgreSQL refuses it) and no page holds one."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError(_("This text contains a NUL character, which is not allowed."))
        return value


class SelectorIn(TextIn):
    """Where the passage is: a W3C TextQuoteSelector and TextPositionSelector in one object.

    ``start`` and ``end`` count Unicode code points in ``text``, as the W3C model requires.
    """

    exact: str = Field(..., min_length=1, max_length=settings.MAX_EXACT)
    prefix: str = Field("", max_length=CONTEXT_MAX)
    suffix: str = Field("", max_length=CONTEXT_MAX)
    start: int = Field(..., ge=0)
    end: int = Field(..., ge=0)


class ReportIn(TextIn):
    """A reader's report as the widget sends it."""

    site: str = Field(..., min_length=1, max_length=64, description="The site's public key.")
    url: str = Field(..., min_length=1, max_length=2000, description="The article page's URL.")
    title: str = Field("", max_length=500)
    client_id: uuid.UUID = Field(..., description="Made by the widget; a retry sends the same one.")
    kind: Kind
    selector: SelectorIn | None = Field(None, description='Absent for a "write to us" report.')
    text: str = Field("", max_length=settings.MAX_TEXT, description="The article's canonical text.")
    proposed: str = Field("", max_length=settings.MAX_PROPOSED)
    comment: str = Field("", max_length=settings.MAX_COMMENT)
    email: str = Field("", max_length=settings.MAX_EMAIL)
    lang: str = Field("", max_length=16)
    challenge: str = Field("", max_length=500, description="The challenge from the widget configuration.")
    website: str = Field(
        "", max_length=500, description="A honeypot: the widget sends it empty (people never see the field)."
    )
    pow: str = Field("", max_length=2000, description="The ALTCHA payload (base64 JSON) when proof of work is on.")

    @field_validator("url")
    @classmethod
    def url_is_a_page(cls, value: str) -> str:
        """An http(s) URL, without its fragment and tracking parameters."""
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(_("This must be the http or https address of the article."))
        query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith(TRACKING_PARAMETERS))
        return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))

    @field_validator("email")
    @classmethod
    def email_is_valid(cls, value: str) -> str:
        """Empty, or one valid address."""
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except DjangoValidationError as exc:
                raise ValueError(_("This is not a valid email address.")) from exc
        return value

    @field_validator("lang")
    @classmethod
    def primary_language(cls, value: str) -> str:
        """The primary language subtag, lower case (``uk-UA`` → ``uk``)."""
        return value.strip().split("-")[0].split("_")[0].lower()

    @model_validator(mode="after")
    def selector_matches_text(self) -> "ReportIn":
        """The passage must stand in ``text`` at ``start..end``; a report without one must say something."""
        selector = self.selector
        if selector is not None and not selector_matches(
            self.text, exact=selector.exact, start=selector.start, end=selector.end
        ):
            raise ValueError(_("The selected passage does not match the article text at start..end."))
        if selector is None and not (self.comment.strip() or self.proposed.strip()):
            raise ValueError(_("Without a selected passage, please write a comment."))
        return self


class ReportAck(Schema):
    """The answer to a stored report (accepted, or held for the editors to check)."""

    id: uuid.UUID
    status_url: str
    challenge: ChallengeOut = Field(description="A fresh challenge for the reader's next report on this page.")


class HealthOut(Schema):
    """The service answers."""

    status: str
