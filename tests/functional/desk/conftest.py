"""Fixtures of the desk's HTTP tests: two sites with a case each, and signed-in clients."""

from dataclasses import dataclass

import pytest
from django.test import Client

from corrigo.cases.models import Case
from corrigo.integrations.services import api_token_create
from corrigo.sites.models import Invitation, Membership, Role, Site
from corrigo.sites.services import invitation_create, invitation_token
from tests.factories import site_create, user_create
from tests.unit.corrigo.cases.builders import case_build


def logged_in(user, **kwargs) -> Client:
    """A client signed in as ``user``."""
    client = Client(**kwargs)
    client.force_login(user)
    return client


@dataclass
class SiteWorld:
    """One site with an owner, a case with two reports, a pending invitation and an API token."""

    site: Site
    owner: object
    case: Case
    membership: Membership
    invitation: Invitation
    token_id: int


def site_world() -> SiteWorld:
    site = site_create()
    owner = user_create(site=site, role=Role.OWNER)
    case = case_build(site, proposals=("received", "recieved"), email="reader@example.org")
    invitation = invitation_create(site=site, email=f"new-{site.slug}@example.org", role=Role.EDITOR, invited_by=owner)
    token, _plain = api_token_create(site=site, name="CMS", created_by=owner)
    return SiteWorld(site, owner, case, Membership.objects.get(user=owner, site=site), invitation, token.pk)


@pytest.fixture
def world(db):
    """Two sites: ``mine`` (the user's) and ``theirs``."""
    return {"mine": site_world(), "theirs": site_world()}


def route_kwargs(world: SiteWorld, names: list[str]) -> dict:
    """Values for a desk route's parameters, taken from one site's objects."""
    values = {
        "case_id": world.case.pk,
        "report_id": world.case.reports.first().pk,
        "slug": world.site.slug,
        "membership_id": world.membership.pk,
        "invitation_id": world.invitation.pk,
        "token_id": world.token_id,
        "token": invitation_token(world.invitation),
    }
    return {name: values[name] for name in names}
