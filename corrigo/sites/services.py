"""Writes about sites: create one, change its settings, manage its members and invitations."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigo.audit.services import audit_record
from corrigo.sites.models import Invitation, Membership, Role, Site
from corrigo.sites.tasks import INVITATION_SALT, invitation_send

INVITATION_MAX_AGE = 14 * 24 * 3600
"""An invitation link works for two weeks."""


class SiteError(Exception):
    """A change to a site or its members that is not possible; the message is for the owner."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def site_create(*, name: str, slug: str, owner: AbstractBaseUser, default_language: str = "en") -> Site:
    """A new site with ``owner`` as its first owner."""
    if Site.objects.filter(slug=slug).exists():
        raise SiteError(str(_("Another site already uses this short name.")))
    site = Site.objects.create(name=name, slug=slug, default_language=default_language)
    Membership.objects.create(user=owner, site=site, role=Role.OWNER)
    audit_record(site=site, action="site.created", target=site, actor=owner, data={"name": name})
    return site


@transaction.atomic
def site_settings_update(
    *, site: Site, actor: AbstractBaseUser, name: str, default_language: str, allowed_origins: list[str]
) -> Site:
    """Change the site's name, language and the origins whose pages may send reports."""
    site = Site.objects.select_for_update(no_key=True).get(pk=site.pk)
    before = {"name": site.name, "default_language": site.default_language, "allowed_origins": site.allowed_origins}
    site.name, site.default_language, site.allowed_origins = name, default_language, allowed_origins
    site.save()
    after = {"name": site.name, "default_language": site.default_language, "allowed_origins": site.allowed_origins}
    audit_record(site=site, action="site.updated", target=site, actor=actor, data={"before": before, "after": after})
    return site


def _other_owners(membership: Membership) -> bool:
    return Membership.objects.filter(site_id=membership.site_id, role=Role.OWNER).exclude(pk=membership.pk).exists()


@transaction.atomic
def membership_role_change(*, membership: Membership, role: str, actor: AbstractBaseUser) -> Membership:
    """Give a member another role; a site always keeps at least one owner."""
    membership = Membership.objects.select_for_update(of=("self",)).select_related("site").get(pk=membership.pk)
    if membership.role == Role.OWNER and role != Role.OWNER and not _other_owners(membership):
        raise SiteError(str(_("A site needs at least one owner.")))
    previous = membership.role
    membership.role = Role(role)
    membership.save(update_fields=["role"])
    audit_record(
        site=membership.site,
        action="membership.changed",
        target=membership,
        actor=actor,
        data={"user": membership.user_id, "from": previous, "to": membership.role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: AbstractBaseUser) -> None:
    """Take a member off the site; a site always keeps at least one owner."""
    membership = Membership.objects.select_for_update(of=("self",)).select_related("site").get(pk=membership.pk)
    if membership.role == Role.OWNER and not _other_owners(membership):
        raise SiteError(str(_("A site needs at least one owner.")))
    audit_record(
        site=membership.site,
        action="membership.removed",
        target=membership,
        actor=actor,
        data={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()


@transaction.atomic
def invitation_create(*, site: Site, email: str, role: str, invited_by: AbstractBaseUser) -> Invitation:
    """Invite ``email`` to the site with ``role``; the email goes out after the commit."""
    email = email.strip().lower()
    if Membership.objects.filter(site=site, user__email__iexact=email).exists():
        raise SiteError(str(_("This person is already a member of the site.")))
    invitation = Invitation.objects.create(site=site, email=email, role=Role(role), invited_by=invited_by)
    audit_record(
        site=site, action="invitation.sent", target=invitation, actor=invited_by, data={"email": email, "role": role}
    )
    transaction.on_commit(lambda: invitation_send.enqueue(invitation_id=invitation.pk))
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: AbstractBaseUser) -> Invitation:
    """Make a pending invitation's link useless."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("site").get(pk=invitation.pk)
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(site=invitation.site, action="invitation.revoked", target=invitation, actor=actor)
    return invitation


def invitation_token(invitation: Invitation) -> str:
    """The signed token of the invitation's link."""
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The pending invitation a link's token stands for; None when it is forged, expired or used."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    invitation = Invitation.objects.select_related("site").filter(pk=pk).first()
    return invitation if invitation is not None and invitation.is_pending else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """``user`` joins the invitation's site with its role (an existing membership keeps the higher role)."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("site").get(pk=invitation.pk)
    if not invitation.is_pending:
        raise SiteError(str(_("This invitation has already been used or withdrawn.")))
    membership, created = Membership.objects.get_or_create(
        user=user, site=invitation.site, defaults={"role": invitation.role}
    )
    if not created and _rank(invitation.role) > _rank(membership.role):
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(site=invitation.site, action="invitation.accepted", target=invitation, actor=user)
    return membership


@transaction.atomic
def user_create_from_invitation(*, invitation: Invitation, username: str, password: str) -> AbstractBaseUser:
    """A new account for the invited person, who then joins the site."""
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise SiteError(str(_("This username is taken.")))
    user = get_user_model().objects.create_user(username=username, email=invitation.email, password=password)
    invitation_accept(invitation=invitation, user=user)
    return user


def _rank(role: str) -> int:
    return {Role.VIEWER: 0, Role.EDITOR: 1, Role.OWNER: 2}.get(role, 0)
