"""``corrigo place_reports``: make sure the task worker will place every waiting report.

Each stored report asks for a placing run in its own transaction, so this is only needed after a
task worker died in the middle of a run (its run then never finishes, and reports that arrived
during it wait for the next report). Run it from cron every few minutes, or once after a crash.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from corrigo.reports.placement import reports_place_soon, reports_waiting


class Command(BaseCommand):
    help = "Queue a run of the task that places waiting reports in their cases, if any report waits."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            waiting = reports_waiting().count()
            if waiting:
                reports_place_soon()
        self.stdout.write(f"{waiting} report(s) waiting to be placed.")
