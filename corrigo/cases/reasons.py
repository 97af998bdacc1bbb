"""Standard reasons for rejecting a case; the reader sees the chosen one on their status page."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from corrigo.sites.models import Site

REJECT_REASONS = {
    "correct": _("The text is correct as published."),
    "style": _("This is a matter of style, not an error."),
    "unverified": _("We could not verify the claim."),
    "duplicate": _("Duplicate of another report."),
    "out_of_scope": _("This is not something we can change in the article."),
}
"""Reason codes and their wording; "other" means the editor writes the reason."""


def reject_reason_text(*, site: Site, code: str, other: str) -> str:
    """The reason to store: a standard one in the site's language, or the editor's own words."""
    if code in REJECT_REASONS:
        with override(site.default_language):
            return str(REJECT_REASONS[code])
    return other.strip()
