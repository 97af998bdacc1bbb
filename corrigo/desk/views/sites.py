"""Sites in the desk: the list, a new site, and an owner's settings page with its API tokens."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from corrigo.corrections.services import notice_policy_of_site, notice_policy_update
from corrigo.desk.access import desk_memberships, require_owner, site_or_404
from corrigo.desk.forms import NewSiteForm, SiteForm, TokenForm
from corrigo.integrations.selectors import api_tokens_of_site
from corrigo.integrations.services import api_token_create, api_token_revoke
from corrigo.sites.models import Site
from corrigo.sites.services import SiteError, site_create, site_settings_update


def may_create_sites(request: HttpRequest) -> bool:
    """Operators (staff) and the owners of a site may create sites."""
    memberships = desk_memberships(request)
    return request.user.is_staff or any(memberships.is_owner(pk) for pk in memberships.site_ids)


@login_required
def site_list(request: HttpRequest) -> HttpResponse:
    """The user's sites with their role on each."""
    memberships = desk_memberships(request)
    rows = [(site, memberships.role(site.pk)) for site in memberships.sites]
    return render(request, "desk/sites/list.html", {"rows": rows, "may_create": may_create_sites(request)})


@require_http_methods(["GET", "POST"])
@login_required
def site_new(request: HttpRequest) -> HttpResponse:
    """Create a site; its creator becomes its owner."""
    if not may_create_sites(request):
        raise PermissionDenied
    form = NewSiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            site = site_create(owner=request.user, **form.cleaned_data)
        except SiteError as refusal:
            form.add_error("slug", refusal.message)
        else:
            return redirect("desk:site-settings", slug=site.slug)
    return render(request, "desk/sites/new.html", {"form": form}, status=400 if form.errors else 200)


def _settings_page(request: HttpRequest, site: Site, **extra: object) -> HttpResponse:
    policy = notice_policy_of_site(site=site)
    initial = {
        "name": site.name,
        "default_language": site.default_language,
        "allowed_origins": "\n".join(site.allowed_origins),
        "silent_kinds": policy.silent_kinds,
    }
    context = {
        "site": site,
        "form": SiteForm(initial=initial),
        "token_form": TokenForm(),
        "tokens": api_tokens_of_site(site=site),
        **extra,
    }
    status = 400 if any(getattr(f, "errors", None) for f in extra.values()) else 200
    return render(request, "desk/sites/settings.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def site_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """An owner's page: name, language, allowed origins, notice policy, API tokens."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    if request.method == "GET":
        return _settings_page(request, site)
    form = SiteForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, site, form=form)
    data = form.cleaned_data
    site = site_settings_update(
        site=site,
        actor=request.user,
        name=data["name"],
        default_language=data["default_language"],
        allowed_origins=data["allowed_origins"],
    )
    notice_policy_update(site=site, silent_kinds=data["silent_kinds"], editor=request.user)
    return redirect("desk:site-settings", slug=site.slug)


@require_POST
@login_required
def token_create(request: HttpRequest, slug: str) -> HttpResponse:
    """A new CMS API token; its secret is shown this once."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, site, token_form=form)
    token, plain = api_token_create(site=site, name=form.cleaned_data["name"], created_by=request.user)
    return _settings_page(request, site, new_token=plain, new_token_name=token.name)


@require_POST
@login_required
def token_revoke(request: HttpRequest, slug: str, token_id: int) -> HttpResponse:
    """Revoke one of the site's API tokens."""
    site = site_or_404(request, slug)
    require_owner(request, site.pk)
    token = api_tokens_of_site(site=site).filter(pk=token_id).first()
    if token is None:
        raise Http404
    api_token_revoke(token=token, revoked_by=request.user)
    return redirect("desk:site-settings", slug=site.slug)
