"""Reads about sites."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import QuerySet

from corrigo.sites.models import Site, normalize_origin

ORIGINS_CACHE_KEY = "corrigo:sites:allowed-origins"


def site_by_public_key(*, key: str) -> Site | None:
    """The site whose widget key is ``key``, or None."""
    return Site.objects.filter(public_key=key).first()


def sites_of_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Site]:
    """The sites ``user`` is a member of, in any role."""
    if not user.is_authenticated:
        return Site.objects.none()
    return Site.objects.filter(memberships__user=user)


def origin_is_allowed_anywhere(*, origin: str) -> bool:
    """Whether any site lists ``origin``: CORS preflights carry no site key, so they ask this."""
    origins = cache.get(ORIGINS_CACHE_KEY)
    if origins is None:
        origins = {o for allowed in Site.objects.values_list("allowed_origins", flat=True) for o in allowed}
        cache.set(ORIGINS_CACHE_KEY, origins, timeout=300)
    return normalize_origin(origin) in origins
