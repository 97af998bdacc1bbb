"""``corrigo antispam_counts``: how submissions ended (accepted, held, rejected), per site, day and reason."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from corrigo.antispam.counts import outcome_counts
from corrigo.sites.models import Site


class Command(BaseCommand):
    """Print the outcome counts of the last days, one line per site, day, verdict and reason."""

    help = "Print how submissions ended (accepted, held, rejected with reasons) per site and day."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7, help="How many days back, today included (default 7).")
        parser.add_argument("--site", default="", help="Only the site with this slug.")

    def handle(self, *args: Any, days: int, site: str, **options: Any) -> None:
        only = None
        if site:
            only = Site.objects.filter(slug=site).first()
            if only is None:
                raise CommandError(f"There is no site {site!r}.")
        until = timezone.localdate()
        since = until - datetime.timedelta(days=max(days, 1) - 1)
        rows = outcome_counts(since=since, until=until, site=only)
        self.stdout.write(f"{'site':<24} {'day':<10} {'verdict':<9} {'reason':<22} {'count':>7}")
        for row in rows:
            self.stdout.write(
                f"{row.site:<24} {row.day.isoformat():<10} {row.verdict:<9} {row.reason or '-':<22} {row.count:>7}"
            )
        total = sum(row.count for row in rows)
        self.stdout.write(
            f"{len(rows)} line(s), {total} submission(s) from {since.isoformat()} to {until.isoformat()}."
        )
