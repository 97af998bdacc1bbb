"""The case page and the actions on one case; each action calls one service and re-renders the page."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from corrigo.cases.models import Case
from corrigo.cases.services import CaseActionError, report_email_reveal
from corrigo.desk.access import case_or_404, report_or_404, require_editor
from corrigo.desk.context import case_page_context


@require_GET
@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """One case: the passage in the article, the reports, the fix, the history and the actions."""
    case = case_or_404(request, case_id)
    return render(request, "desk/case.html", case_page_context(request, case))


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (it then swaps the answer into the page)."""
    return request.headers.get("HX-Request") == "true"


def case_respond(
    request: HttpRequest, case_id: int, *, notice: str = "", error: str = "", **extra: Any
) -> HttpResponse:
    """The page after an action: re-rendered for htmx, a redirect otherwise; an error re-renders."""
    if not error and not is_htmx(request):
        return redirect("desk:case", case_id=case_id)
    case = case_or_404(request, case_id)
    context = case_page_context(request, case, notice=notice, error=error, **extra)
    status = 400 if error and not is_htmx(request) else 200
    return render(request, "desk/case.html", context, status=status)


def case_act(request: HttpRequest, case: Case, action: Callable[[], object], notice: str, **extra: Any) -> HttpResponse:
    """Run one service call for ``case`` and answer with the page, or with the service's refusal."""
    try:
        action()
    except CaseActionError as refusal:
        return case_respond(request, case.pk, error=refusal.message, **extra)
    return case_respond(request, case.pk, notice=notice, **extra)


def acting_case(request: HttpRequest, case_id: int) -> Case:
    """The case, if the user may act on it: 404 outside their sites, 403 for a viewer."""
    case = case_or_404(request, case_id)
    require_editor(request, case.site_id)
    return case


@require_POST
@login_required
def report_email(request: HttpRequest, report_id: str) -> HttpResponse:
    """Reveal a reader's email to an editor; the reveal is recorded in the audit trail."""
    report = report_or_404(request, report_id)
    require_editor(request, report.site_id)
    email = report_email_reveal(report=report, editor=request.user)
    template = "desk/partials/email.html" if is_htmx(request) else "desk/email.html"
    return render(request, template, {"email": email, "report": report})
