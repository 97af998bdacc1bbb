"""``corrigo purge_emails``: erase readers' email addresses older than the retention period; run it daily."""

from typing import Any

from django.core.management.base import BaseCommand

from corrigo.conf import settings
from corrigo.reports.retention import report_emails_erase, retention_cutoff


class Command(BaseCommand):
    """Erase the email addresses of reports older than CORRIGO_EMAIL_RETENTION_DAYS (default 90)."""

    help = "Erase readers' email addresses older than CORRIGO_EMAIL_RETENTION_DAYS days (run it daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = report_emails_erase(before=retention_cutoff())
        self.stdout.write(f"Erased {erased} email address(es) older than {settings.EMAIL_RETENTION_DAYS} days.")
