"""Members of a site: the owner's list, invitations by email, and accepting an invitation."""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from corrigo.desk.access import require_owner, site_or_404
from corrigo.desk.forms import InviteForm, JoinForm, MemberForm
from corrigo.sites.models import Site
from corrigo.sites.selectors import site_invitations, site_members
from corrigo.sites.services import (
    SiteError,
    invitation_accept,
    invitation_create,
    invitation_from_token,
    invitation_revoke,
    membership_remove,
    membership_role_change,
    user_create_from_invitation,
)


def _members_page(request: HttpRequest, site: Site, **extra: object) -> HttpResponse:
    context = {
        "site": site,
        "members": site_members(site=site),
        "invitations": site_invitations(site=site),
        "invite_form": InviteForm(),
        **extra,
    }
    status = 400 if extra.get("error") or getattr(extra.get("invite_form"), "errors", None) else 200
    return render(request, "desk/sites/members.html", context, status=status)


@login_required
def site_members_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The site's members and pending invitations (owners only)."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    return _members_page(request, site)


@require_POST
@login_required
def member_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """Invite someone by email; the link goes out by the task worker."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, site, invite_form=form)
    try:
        invitation_create(site=site, invited_by=request.user, **form.cleaned_data)
    except SiteError as refusal:
        return _members_page(request, site, error=refusal.message)
    return redirect("desk:site-members", slug=site.slug)


@require_POST
@login_required
def member_change(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    """Change a member's role or remove them."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    membership = site_members(site=site).filter(pk=membership_id).first()
    form = MemberForm(request.POST)
    if membership is None:
        raise Http404
    if not form.is_valid() or not (form.cleaned_data["remove"] or form.cleaned_data["role"]):
        return _members_page(request, site, error=_("Choose a role, or remove the member."))
    try:
        if form.cleaned_data["remove"]:
            membership_remove(membership=membership, actor=request.user)
        else:
            membership_role_change(membership=membership, role=form.cleaned_data["role"], actor=request.user)
    except SiteError as refusal:
        return _members_page(request, site, error=refusal.message)
    return redirect("desk:site-members", slug=site.slug)


@require_POST
@login_required
def invitation_revoke_view(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    """Withdraw a pending invitation."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    invitation = site_invitations(site=site).filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    invitation_revoke(invitation=invitation, actor=request.user)
    return redirect("desk:site-members", slug=site.slug)


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Join a site from an invitation link: signed in, with one click; otherwise with a new account."""
    invitation = invitation_from_token(token)
    if invitation is None:
        raise Http404
    form = JoinForm(request.POST or None) if not request.user.is_authenticated else None
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                invitation_accept(invitation=invitation, user=request.user)
                return redirect("desk:queue")
            if form is not None and form.is_valid():
                user = user_create_from_invitation(invitation=invitation, **form.cleaned_data)
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return redirect("desk:queue")
        except SiteError as refusal:
            return render(
                request,
                "desk/invitation.html",
                {"invitation": invitation, "form": form, "error": refusal.message},
                status=400,
            )
    status = 400 if form is not None and form.errors else 200
    return render(request, "desk/invitation.html", {"invitation": invitation, "form": form}, status=status)
