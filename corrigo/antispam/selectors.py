"""Reads of the antispam app: the held queue (the block list is read with each report, in
``corrigo.reports.selectors.submission_known``)."""

from django.db.models import QuerySet

from corrigo.reports.models import Report, Verdict
from corrigo.sites.models import Site


def reports_held(*, site: Site) -> QuerySet[Report]:
    """The site's held reports waiting for an editor, oldest first, with their articles."""
    return (
        Report.objects.filter(site=site, verdict=Verdict.HELD)
        .select_related("article", "site")
        .order_by("created_at", "pk")
    )


def held_report_of_site(*, site: Site, report_id: object) -> Report | None:
    """The held report ``report_id`` of ``site``, or None (another site's report is not found)."""
    return reports_held(site=site).filter(pk=report_id).first()
