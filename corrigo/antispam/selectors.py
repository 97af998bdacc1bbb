"""Reads of the antispam app: the block list, read with each report, and the held queue."""

from django.core.cache import caches
from django.db.models import QuerySet
from django.utils import timezone

from corrigo.antispam.models import BlockedClient
from corrigo.reports.models import Report, Verdict
from corrigo.sites.models import Site


def blocked_cache_key(site_id: int) -> str:
    """Where the process-local cache keeps a site's block list."""
    return f"corrigo:antispam:blocked:{site_id}"


def client_is_blocked(*, site: Site, client_hash: str) -> bool:
    """Whether an editor blocked ``client_hash`` on ``site`` and the block still holds.

    Every report asks, so each process keeps the site's block list (each hash and when its block
    ends) for a few seconds in its local cache: a block, or its removal, applies at once in the
    process that made it, which drops the list (``corrigo.antispam.signals``), and within
    ``CORRIGO_LOCAL_CACHE_SECONDS`` in the others. A submission from inside the service has no
    client hash and is never blocked.
    """
    if not client_hash:
        return False
    local, key = caches["local"], blocked_cache_key(site.pk)
    blocks = local.get(key)
    if blocks is None:
        active = BlockedClient.objects.filter(site=site, expires_at__gt=timezone.now())
        blocks = dict(active.values_list("client_hash", "expires_at"))
        local.set(key, blocks)
    ends = blocks.get(client_hash)
    return ends is not None and ends > timezone.now()


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
