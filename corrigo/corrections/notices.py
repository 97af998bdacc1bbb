"""The default wording of a correction notice, by kind, in the site's language."""

from django.utils import translation
from django.utils.translation import gettext as _

from corrigo.cases.models import Case, Kind
from corrigo.corrections.models import CorrectionKind

MAX_QUOTE = 200
"""Longest passage quoted in a notice, in code points; longer ones are shortened with an ellipsis."""


def quoted(text: str) -> str:
    """A passage fit for quoting in a notice: one line, at most ``MAX_QUOTE`` code points."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_QUOTE else line[: MAX_QUOTE - 1].rstrip() + "…"


def notice_default_text(*, case: Case, final_wording: str, kind: str, language: str) -> str:
    """The templated notice for a fix of ``case`` to ``final_wording``, in ``language``.

    A correction of a typo says what was misspelled; any other correction says what was misstated.
    A case without a passage (a "write to us" message) gets a general sentence.
    """
    before, after = quoted(case.exact), quoted(final_wording)
    values = {"before": before, "after": after}
    with translation.override(language):
        if kind == CorrectionKind.CLARIFICATION:
            if before and after:
                return _("This article has been clarified: “%(before)s” now reads “%(after)s”.") % values
            return _("This article has been clarified.")
        if kind == CorrectionKind.UPDATE:
            if before and after:
                return _("This article has been updated: “%(before)s” now reads “%(after)s”.") % values
            return _("This article has been updated.")
        if not (before and after):
            return _("An earlier version of this article contained an error, which has been corrected.")
        if case.kind == Kind.TYPO:
            return _("An earlier version of this article misspelled “%(after)s”.") % values
        return _("An earlier version of this article misstated “%(before)s”. It should have read “%(after)s”.") % values
