"""Sites, members and invitations."""

import pytest
from django.core import mail

from corrigo.audit.models import AuditEvent
from corrigo.sites.models import Membership, Role
from corrigo.sites.services import (
    SiteError,
    invitation_accept,
    invitation_create,
    invitation_from_token,
    invitation_revoke,
    invitation_token,
    membership_remove,
    membership_role_change,
    site_create,
    user_create_from_invitation,
)
from tests.factories import user_create

pytestmark = pytest.mark.django_db


def test_the_creator_of_a_site_is_its_owner(db):
    owner = user_create()
    site = site_create(name="Gazette", slug="gazette", owner=owner)
    assert Membership.objects.get(site=site).role == Role.OWNER
    with pytest.raises(SiteError):
        site_create(name="Other", slug="gazette", owner=owner)


def test_an_invitation_is_emailed_and_joins_with_its_role(site, django_capture_on_commit_callbacks):
    owner = user_create(site=site, role=Role.OWNER)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(site=site, email="New@Example.org", role=Role.EDITOR, invited_by=owner)
    token = invitation_token(invitation)
    assert mail.outbox[0].to == ["new@example.org"] and token in mail.outbox[0].body
    user = user_create_from_invitation(
        invitation=invitation_from_token(token), username="newbie", password="pw-Secret-123"
    )
    assert Membership.objects.get(user=user, site=site).role == Role.EDITOR
    assert invitation_from_token(token) is None
    assert AuditEvent.objects.filter(action="invitation.accepted").exists()


def test_a_forged_or_revoked_invitation_does_nothing(site):
    owner = user_create(site=site, role=Role.OWNER)
    invitation = invitation_create(site=site, email="x@example.org", role=Role.VIEWER, invited_by=owner)
    assert invitation_from_token(invitation_token(invitation) + "x") is None
    invitation_revoke(invitation=invitation, actor=owner)
    assert invitation_from_token(invitation_token(invitation)) is None
    with pytest.raises(SiteError):
        invitation_accept(invitation=invitation, user=user_create())


def test_a_site_keeps_at_least_one_owner(site):
    owner = user_create(site=site, role=Role.OWNER)
    membership = Membership.objects.get(user=owner)
    with pytest.raises(SiteError):
        membership_role_change(membership=membership, role=Role.EDITOR, actor=owner)
    with pytest.raises(SiteError):
        membership_remove(membership=membership, actor=owner)
    editor = user_create(site=site)
    membership_role_change(membership=Membership.objects.get(user=editor), role=Role.OWNER, actor=owner)
    membership_remove(membership=membership, actor=owner)
    assert not Membership.objects.filter(user=owner).exists()
