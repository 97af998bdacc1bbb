"""Erasing readers' email addresses once the retention period is over."""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from corrigo.audit.services import audit_record
from corrigo.conf import settings
from corrigo.reports.models import Report
from corrigo.sites.models import Site


def retention_cutoff(*, now: datetime.datetime | None = None) -> datetime.datetime:
    """Reports received before this moment lose their email address."""
    return (now or timezone.now()) - datetime.timedelta(days=settings.EMAIL_RETENTION_DAYS)


@transaction.atomic
def report_emails_erase(*, before: datetime.datetime) -> int:
    """Erase the email address of every report received before ``before``; one audit event per site."""
    expired = Report.objects.filter(created_at__lt=before).exclude(email="")
    per_site = dict(expired.values("site").annotate(n=Count("pk")).values_list("site", "n"))
    erased = expired.update(email="")
    for site in Site.objects.filter(pk__in=per_site):
        audit_record(site=site, action="reports.emails_erased", target=site, data={"count": per_site[site.pk]})
    return erased
