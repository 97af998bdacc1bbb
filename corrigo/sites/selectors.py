"""Reads about sites."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache, caches
from django.db.models import QuerySet

from corrigo.sites.models import Invitation, Membership, Role, Site, normalize_origin

ORIGINS_CACHE_KEY = "corrigo:sites:allowed-origins"


def site_key_cache_key(key: str) -> str:
    """Where the process-local cache keeps the site of a widget key (hashed: a key may hold anything)."""
    return f"corrigo:sites:key:{hashlib.sha256(key.encode()).hexdigest()}"


def site_by_public_key(*, key: str) -> Site | None:
    """The site whose widget key is ``key``, or None; kept a few seconds in the process-local cache."""
    local = caches["local"]
    site = local.get(site_key_cache_key(key))
    if site is None:
        site = Site.objects.filter(public_key=key).first()
        if site is not None:
            local.set(site_key_cache_key(key), site)
    return site


def sites_of_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Site]:
    """The sites ``user`` is a member of, in any role."""
    if not user.is_authenticated:
        return Site.objects.none()
    return Site.objects.filter(memberships__user=user)


def origin_is_allowed_anywhere(*, origin: str) -> bool:
    """Whether any site lists ``origin``: CORS preflights carry no site key, so they ask this.

    The set is kept in the shared cache (dropped whenever a site changes) and for a few seconds in
    the process-local one.
    """
    origins = caches["local"].get(ORIGINS_CACHE_KEY)
    if origins is None:
        origins = cache.get(ORIGINS_CACHE_KEY)
        if origins is None:
            origins = {o for allowed in Site.objects.values_list("allowed_origins", flat=True) for o in allowed}
            cache.set(ORIGINS_CACHE_KEY, origins, timeout=300)
        caches["local"].set(ORIGINS_CACHE_KEY, origins)
    return normalize_origin(origin) in origins


@dataclass(frozen=True)
class Memberships:
    """A user's sites and role on each: what the desk may show and do for them."""

    sites: tuple[Site, ...]
    roles: dict[int, str]

    @property
    def site_ids(self) -> list[int]:
        """The ids of the user's sites."""
        return [site.pk for site in self.sites]

    def role(self, site_id: int) -> str | None:
        """The user's role on a site, None when not a member."""
        return self.roles.get(site_id)

    def can_act(self, site_id: int) -> bool:
        """Whether the user may act on the site's cases (owner or editor)."""
        return self.roles.get(site_id) in (Role.OWNER, Role.EDITOR)

    def is_owner(self, site_id: int) -> bool:
        """Whether the user owns the site."""
        return self.roles.get(site_id) == Role.OWNER

    @property
    def acting_site_ids(self) -> list[int]:
        """The sites on which the user may act."""
        return [site.pk for site in self.sites if self.can_act(site.pk)]


def memberships_of(*, user: AbstractBaseUser | AnonymousUser) -> Memberships:
    """Every site ``user`` belongs to with the role, in one query."""
    if not user.is_authenticated:
        return Memberships(sites=(), roles={})
    rows = Membership.objects.filter(user=user).select_related("site").order_by("site__name", "site_id")
    return Memberships(sites=tuple(m.site for m in rows), roles={m.site_id: m.role for m in rows})


def site_members(*, site: Site) -> QuerySet[Membership]:
    """The site's memberships with their users, owners first."""
    return Membership.objects.filter(site=site).select_related("user").order_by("role", "user__username")


def site_acting_members(*, site_id: int) -> QuerySet[Membership]:
    """The editors and owners of a site: who can be assigned a case."""
    return (
        Membership.objects.filter(site_id=site_id, role__in=(Role.OWNER, Role.EDITOR))
        .select_related("user")
        .order_by("user__username")
    )


def site_invitations(*, site: Site) -> QuerySet[Invitation]:
    """The site's invitations still waiting for an answer, newest first."""
    return Invitation.objects.filter(site=site, accepted_at__isnull=True, revoked_at__isnull=True).select_related(
        "invited_by"
    )
