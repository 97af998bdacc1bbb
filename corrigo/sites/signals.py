"""CORS for the public API, granted only to origins that a site lists."""

from corsheaders.signals import check_request_enabled
from django.core.cache import cache, caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from corrigo.sites.models import Site
from corrigo.sites.selectors import ORIGINS_CACHE_KEY, origin_is_allowed_anywhere, site_key_cache_key


@receiver(check_request_enabled)
def cors_allow_site_origins(sender: object, request: HttpRequest, **kwargs: object) -> bool:
    """Grant CORS to an origin listed by some site; the endpoint then checks it is the right site."""
    origin = request.headers.get("Origin", "")
    return bool(origin) and origin_is_allowed_anywhere(origin=origin)


@receiver([post_save, post_delete], sender=Site)
def forget_allowed_origins(sender: type[Site], instance: Site, **kwargs: object) -> None:
    """A site changed: the next CORS check and the next report read it afresh (in other processes,
    once their local copies expire)."""
    cache.delete(ORIGINS_CACHE_KEY)
    caches["local"].delete_many([ORIGINS_CACHE_KEY, site_key_cache_key(instance.public_key)])
