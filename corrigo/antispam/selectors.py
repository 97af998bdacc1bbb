"""Reads of the antispam app: the held queue and the block list."""

from django.db.models import QuerySet
from django.utils import timezone

from corrigo.antispam.models import BlockedClient
from corrigo.db import column, db_value, first_value, table
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


def client_is_blocked(*, site: Site, client_hash: str) -> bool:
    """Whether an editor blocked this client hash on ``site`` and the block still holds.

    Every report asks, so the query is written in SQL (``corrigo.db``); the unique (site, client
    hash) index answers it.
    """
    sql = (
        f"SELECT 1 FROM {table(BlockedClient)} WHERE {column(BlockedClient, 'site')} = %s "
        f"AND {column(BlockedClient, 'client_hash')} = %s AND {column(BlockedClient, 'expires_at')} > %s"
    )
    expires = db_value(BlockedClient, "expires_at", timezone.now())
    return first_value(sql, [site.pk, client_hash, expires]) is not None
