"""Reads for the widget."""

from corrigo.cases.models import Kind
from corrigo.conf import settings
from corrigo.embed.labels import LABELS
from corrigo.sites.models import Site


def widget_config(*, site: Site, language: str) -> dict[str, object]:
    """The widget's configuration for ``site``, in the active language."""
    return {
        "site": site.public_key,
        "name": site.name,
        "lang": language,
        "labels": {key: str(label) for key, label in LABELS.items()},
        "kinds": [{"value": kind.value, "label": str(kind.label)} for kind in Kind],
        "limits": {
            "exact": settings.MAX_EXACT,
            "proposed": settings.MAX_PROPOSED,
            "comment": settings.MAX_COMMENT,
            "email": settings.MAX_EMAIL,
            "text": settings.MAX_TEXT,
        },
    }
