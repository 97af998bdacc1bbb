"""Erasing a reader's email address on request."""

from django.db import transaction
from django.db.models import Count

from corrigo.audit.services import audit_record
from corrigo.reports.models import Report
from corrigo.sites.models import Site


@transaction.atomic
def email_erase(*, address: str) -> int:
    """Erase ``address`` from every report that holds it (any case of letters); one audit event per site.

    Reports are the only place a reader's address is stored; the audit events record counts, never
    the address.
    """
    address = address.strip()
    if not address:
        return 0
    matching = Report.objects.filter(email__iexact=address)
    per_site = dict(matching.values("site").annotate(n=Count("pk")).values_list("site", "n"))
    erased = matching.update(email="")
    for site in Site.objects.filter(pk__in=per_site):
        audit_record(
            site=site, action="reports.email_erased_on_request", target=site, data={"count": per_site[site.pk]}
        )
    return erased
