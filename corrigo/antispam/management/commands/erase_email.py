"""``corrigo erase_email ADDRESS``: erase a reader's email address everywhere it is kept, on request."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from corrigo.antispam.privacy import email_erase


class Command(BaseCommand):
    """Erase one email address from every report (held, accepted or rejected) of every site."""

    help = "Erase a reader's email address from every report (a reader's erasure request)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("address", help="The reader's email address (compared without regard to case).")

    def handle(self, *args: Any, address: str, **options: Any) -> None:
        erased = email_erase(address=address)
        # The address itself is not printed: terminal output ends up in logs.
        self.stdout.write(f"Erased the address from {erased} report(s).")
