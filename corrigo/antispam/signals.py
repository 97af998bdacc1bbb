"""After ``migrate``: make sure the database cache's table exists (rate limits live there by default)."""

from typing import Any

from django.core.management import call_command


def cache_table_ensure(sender: object, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """Create the table of every database cache (``createcachetable`` does nothing when it exists)."""
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
