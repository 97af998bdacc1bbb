"""After ``migrate``: make sure the database cache's table exists (rate limits live there by default).
After a block is made, changed or removed: drop its site's block list from the process-local cache."""

from typing import Any

from django.core.cache import caches
from django.core.management import call_command

from corrigo.antispam.selectors import blocked_cache_key


def cache_table_ensure(sender: object, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """Create the table of every database cache (``createcachetable`` does nothing when it exists)."""
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))


def block_list_forget(sender: object, instance: Any, **kwargs: Any) -> None:
    """This process reads the site's block list again at its next report (``client_is_blocked``)."""
    caches["local"].delete(blocked_cache_key(instance.site_id))
