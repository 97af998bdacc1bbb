"""The actions on one case; each validates its form, calls one service and re-renders the page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corrigo.cases.reasons import reject_reason_text
from corrigo.cases.selectors import case_for_user
from corrigo.cases.services import (
    case_assign,
    case_confirm_fixed,
    case_merge,
    case_reject,
    case_reopen,
    case_review,
    case_split,
)
from corrigo.cases.services.accept import case_accept
from corrigo.desk.access import desk_memberships, report_or_404, require_editor
from corrigo.desk.forms import AcceptForm, AssignForm, MergeForm, RejectForm
from corrigo.desk.views.case import acting_case, case_act, case_respond
from corrigo.sites.selectors import site_acting_members


@require_POST
@login_required
def accept(request: HttpRequest, case_id: int) -> HttpResponse:
    """Accept with the final wording; a public notice goes out when the editor asks for one."""
    case = acting_case(request, case_id)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return case_respond(request, case.pk, error=_("Check the accept form."), accept_form=form)
    data = form.cleaned_data
    return case_act(
        request,
        case,
        lambda: case_accept(
            case=case,
            editor=request.user,
            final_wording=data["final_wording"],
            publish_notice=data["publish_notice"],
            kind=data["kind"],
            severity=data["severity"],
            notice_text=data["notice_text"],
        ),
        _("Accepted: the correction is made.")
        if not data["publish_notice"]
        else _("Accepted: the notice is published."),
    )


@require_POST
@login_required
def reject(request: HttpRequest, case_id: int) -> HttpResponse:
    """Reject with a standard reason or the editor's own words; the reader sees it."""
    case = acting_case(request, case_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return case_respond(request, case.pk, error=_("Choose or write a reason."), reject_form=form)
    reason = reject_reason_text(site=case.site, code=form.cleaned_data["reason"], other=form.cleaned_data["other"])
    return case_act(request, case, lambda: case_reject(case=case, editor=request.user, reason=reason), _("Rejected."))


@require_POST
@login_required
def merge(request: HttpRequest, case_id: int) -> HttpResponse:
    """Merge this case into another case of the same site."""
    case = acting_case(request, case_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return case_respond(request, case.pk, error=_("Give the number of the case to merge into."), merge_form=form)
    into = case_for_user(memberships=desk_memberships(request), case_id=form.cleaned_data["into"])
    if into is None:
        return case_respond(request, case.pk, error=_("There is no such case on your sites."), merge_form=form)
    return case_act(
        request,
        case,
        lambda: case_merge(case=case, into=into, editor=request.user),
        _("Merged into case %(n)s.") % {"n": into.pk},
    )


@require_POST
@login_required
def split(request: HttpRequest, report_id: str) -> HttpResponse:
    """Move one report out of its case into a new case."""
    report = report_or_404(request, report_id)
    require_editor(request, report.site_id)
    case = acting_case(request, report.case_id)
    return case_act(
        request,
        case,
        lambda: case_split(report=report, editor=request.user),
        _("The report now has a case of its own."),
    )


@require_POST
@login_required
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """Give the case to an editor of its site, or to nobody."""
    case = acting_case(request, case_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return case_respond(request, case.pk, error=_("Choose whom to assign the case to."))
    assignee = None
    if form.cleaned_data["assignee"]:
        members = site_acting_members(site_id=case.site_id).filter(user_id=form.cleaned_data["assignee"])
        assignee = next((m.user for m in members), None)
        if assignee is None:
            return case_respond(request, case.pk, error=_("Only an editor or owner of this site can be assigned."))
    return case_act(
        request, case, lambda: case_assign(case=case, assignee=assignee, editor=request.user), _("Assignment saved.")
    )


@require_POST
@login_required
def review(request: HttpRequest, case_id: int) -> HttpResponse:
    """Reviewed, keep open."""
    case = acting_case(request, case_id)
    return case_act(request, case, lambda: case_review(case=case, editor=request.user), _("Marked as reviewed."))


@require_POST
@login_required
def reopen(request: HttpRequest, case_id: int) -> HttpResponse:
    """Put a decided case back in the queue."""
    case = acting_case(request, case_id)
    return case_act(request, case, lambda: case_reopen(case=case, editor=request.user), _("Reopened."))


@require_POST
@login_required
def confirm_fixed(request: HttpRequest, case_id: int) -> HttpResponse:
    """Confirm that a later version of the article carries the fix."""
    case = acting_case(request, case_id)
    return case_act(request, case, lambda: case_confirm_fixed(case=case, editor=request.user), _("Confirmed as fixed."))
