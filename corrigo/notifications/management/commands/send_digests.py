"""``corrigo send_digests --period hourly|daily``: run from cron to email the editors' digests."""

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from corrigo.notifications.tasks import PERIODS, digests_enqueue


def period_end(*, period: str, now: datetime) -> datetime:
    """The end of the last complete period before ``now``: the top of the hour, or midnight UTC."""
    now = now.astimezone(UTC)
    top = now.replace(minute=0, second=0, microsecond=0)
    return top if period == "hourly" else top.replace(hour=0)


class Command(BaseCommand):
    help = (
        "Queue the digest emails of the last complete hour or day (UTC) for the editors who chose it. "
        "Running it twice for the same period sends nothing twice; --at catches up a missed run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", choices=sorted(PERIODS), required=True)
        parser.add_argument("--at", help="treat this ISO 8601 time as now (default: the current time)")

    def handle(self, *args: object, period: str, at: str | None, **options: object) -> None:
        now = datetime.fromisoformat(at) if at else timezone.now()
        if timezone.is_naive(now):
            now = now.replace(tzinfo=UTC)
        end = period_end(period=period, now=now)
        count = digests_enqueue(period=period, end=end)
        self.stdout.write(f"{count} {period} digest(s) queued for the period ending {end.isoformat()}")
