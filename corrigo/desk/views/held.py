"""The held queue of a site: reports the antispam checks held, for an editor to release or discard."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from corrigo.antispam.selectors import held_report_of_site, reports_held
from corrigo.antispam.services import NotHeld, client_block, report_discard, report_release
from corrigo.desk.access import require_editor, site_or_404
from corrigo.sites.models import Site

PAGE_SIZE = 50
ACTIONS = ("release", "discard", "block")


@require_http_methods(["GET", "POST"])
@login_required
def held_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the site's held reports, oldest first. POST ``report`` and ``action``: release, discard or
    discard and block the sender for the rest of the day. Editors and owners of the site only."""
    site = site_or_404(request, slug)
    require_editor(request, site.pk)
    notice = ""
    if request.method == "POST":
        notice = _held_act(request, site)
        if not request.headers.get("HX-Request"):
            return redirect("desk:held", slug=site.slug)
    page = Paginator(reports_held(site=site), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/held.html", {"site": site, "page": page, "notice": notice})


def _held_act(request: HttpRequest, site: Site) -> str:
    """Carry out the editor's decision on one held report; returns what to tell them."""
    action = request.POST.get("action", "")
    report = held_report_of_site(site=site, report_id=_uuid_or_none(request.POST.get("report", "")))
    if report is None or action not in ACTIONS:
        raise Http404
    try:
        if action == "release":
            case = report_release(report=report, editor=request.user)
            return _("Released into case #%(case)s.") % {"case": case.pk}
        report_discard(report=report, editor=request.user)
    except NotHeld:
        return _("Another editor already decided this report.")
    if action == "block" and report.client_hash:
        client_block(site=site, client_hash=report.client_hash, editor=request.user)
        return _("Discarded; the sender is blocked until the end of the day.")
    return _("Discarded.")


def _uuid_or_none(value: str) -> uuid.UUID | None:
    """The report id; a malformed one must answer 404, not 500."""
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
