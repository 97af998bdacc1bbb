"""Who may see and do what in the desk: every object is looked up within the user's sites.

An object of a site the user is not a member of answers 404, whatever their role elsewhere; a
viewer who tries an action answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from corrigo.cases.models import Case
from corrigo.cases.selectors import case_for_user, report_for_user
from corrigo.reports.models import Report
from corrigo.sites.models import Site
from corrigo.sites.selectors import Memberships, memberships_of


def desk_memberships(request: HttpRequest) -> Memberships:
    """The signed-in user's sites and roles, read once per request."""
    if not hasattr(request, "_desk_memberships"):
        request._desk_memberships = memberships_of(user=request.user)
    return request._desk_memberships


def case_or_404(request: HttpRequest, case_id: int) -> Case:
    """The case if it belongs to one of the user's sites; else 404."""
    case = case_for_user(memberships=desk_memberships(request), case_id=case_id)
    if case is None:
        raise Http404
    return case


def report_or_404(request: HttpRequest, report_id: object) -> Report:
    """The report if it belongs to one of the user's sites; else 404."""
    report = report_for_user(memberships=desk_memberships(request), report_id=report_id)
    if report is None:
        raise Http404
    return report


def site_or_404(request: HttpRequest, slug: str) -> Site:
    """The user's site with this slug; else 404."""
    for site in desk_memberships(request).sites:
        if site.slug == slug:
            return site
    raise Http404


def require_editor(request: HttpRequest, site_id: int) -> None:
    """Refuse (403) unless the user is an editor or owner of the site."""
    if not desk_memberships(request).can_act(site_id):
        raise PermissionDenied


def require_owner(request: HttpRequest, site_id: int) -> None:
    """Refuse (403) unless the user owns the site."""
    if not desk_memberships(request).is_owner(site_id):
        raise PermissionDenied
