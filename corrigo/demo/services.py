"""Sets up the demo newsroom; running it again keeps what is there."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction

from corrigo.sites.models import Membership, Role, Site

DEMO_KEY = "demo"
DEMO_USERNAME = "editor"
DEMO_PASSWORD = "corrigo-demo"


@transaction.atomic
def demo_site_ensure(*, origins: list[str]) -> Site:
    """The demo publication, allowing ``origins`` in addition to those it already had."""
    site, _created = Site.objects.get_or_create(
        public_key=DEMO_KEY, defaults={"name": "Demo Daily", "slug": "demo-daily"}
    )
    missing = [o for o in origins if not site.allows_origin(o)]
    if missing:
        site.allowed_origins = [*site.allowed_origins, *missing]
        site.save()
    return site


@transaction.atomic
def demo_editor_ensure(*, site: Site) -> AbstractUser:
    """The demo editor account, owner of the demo site; an existing password is left alone."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=DEMO_USERNAME)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, site=site, defaults={"role": Role.OWNER})
    return user
