"""The editors' desk: the queue of open cases and one case with its passage and reports."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corrigo.audit.selectors import audit_history
from corrigo.cases.selectors import case_for_user, case_queue, passage_paragraphs

PAGE_SIZE = 50


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The open cases of the editor's sites, newest first."""
    page = Paginator(case_queue(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/queue.html", {"page": page})


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """One case: the passage inside the article text, and every report on it."""
    case = case_for_user(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    context = {
        "case": case,
        "paragraphs": passage_paragraphs(case.version.text, case.start, case.end),
        "history": audit_history(target=case),
    }
    return render(request, "desk/case.html", context)
