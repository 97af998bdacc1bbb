"""A site's reports as W3C Web Annotations (JSON-LD), for the site's own systems.

Reports hold readers' comments and cases that were never published, so the export is served to the
site's CMS token only, never publicly; readers' email addresses and client hashes are never in it.
"""

from typing import Any

from corrigo.reports.models import Report, Verdict
from corrigo.sites.models import Site

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PAGE_SIZE = 500


def report_annotation(report: Report) -> dict[str, Any]:
    """One report as a W3C Annotation: the passage as its target, the proposal and comment as bodies."""
    bodies: list[dict[str, Any]] = [{"type": "TextualBody", "value": report.kind, "purpose": "tagging"}]
    if report.proposed:
        bodies.append({"type": "TextualBody", "value": report.proposed, "purpose": "editing"})
    if report.comment:
        bodies.append({"type": "TextualBody", "value": report.comment, "purpose": "commenting"})
    target: dict[str, Any] = {"source": report.article.url}
    if report.has_passage:
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": report.exact, "prefix": report.prefix, "suffix": report.suffix},
            {"type": "TextPositionSelector", "start": report.start, "end": report.end},
        ]
    return {
        "id": f"urn:uuid:{report.pk}",
        "type": "Annotation",
        "motivation": "editing" if report.proposed else "commenting",
        "created": report.created_at.isoformat(),
        "body": bodies,
        "target": target,
    }


def site_annotations(*, site: Site, page: int, page_url: str) -> dict[str, Any]:
    """Page ``page`` (from 1) of the site's accepted reports as an AnnotationPage in a collection.

    ``page_url`` is the export's address with ``{page}`` where the page number goes.
    """
    reports = (
        Report.objects.filter(site=site, verdict=Verdict.ACCEPTED)
        .select_related("article")
        .order_by("created_at", "pk")
    )
    total = reports.count()
    offset = (page - 1) * PAGE_SIZE
    items = [report_annotation(r) for r in reports[offset : offset + PAGE_SIZE]]
    annotation_page: dict[str, Any] = {
        "@context": CONTEXT,
        "id": page_url.format(page=page),
        "type": "AnnotationPage",
        "startIndex": offset,
        "partOf": {"id": page_url.split("?")[0], "type": "AnnotationCollection", "label": site.name, "total": total},
        "items": items,
    }
    if offset + PAGE_SIZE < total:
        annotation_page["next"] = page_url.format(page=page + 1)
    return annotation_page
