"""The queue: cases of the editor's sites by priority, with filters, counts and bulk actions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from corrigo.cases.models import Case, CaseStatus, Kind
from corrigo.cases.reasons import reject_reason_text
from corrigo.cases.selectors import QueueFilters, case_queue, case_queue_counts
from corrigo.cases.services import BulkResult, cases_bulk_assign, cases_bulk_reject
from corrigo.cases.services.accept import cases_bulk_accept
from corrigo.desk.access import desk_memberships
from corrigo.desk.forms import OTHER, BulkForm, QueueFilterForm
from corrigo.desk.rows import QueuePaginator, queue_rows
from corrigo.desk.views.case import is_htmx
from corrigo.sites.selectors import site_acting_members

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _page_size(request: HttpRequest) -> int:
    value = request.GET.get("size", "")
    return min(int(value), MAX_PAGE_SIZE) if value.isdigit() and int(value) > 0 else PAGE_SIZE


def _queue_context(request: HttpRequest, filters: QueueFilters) -> dict:
    memberships = desk_memberships(request)
    counts = case_queue_counts(memberships=memberships, filters=filters, user_id=request.user.pk)
    cases = case_queue(memberships=memberships, filters=filters, user_id=request.user.pk)
    paginator = QueuePaginator(cases, _page_size(request), count=counts[filters.status])
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": page,
        "rows": queue_rows(
            page.object_list,
            query=query.urlencode(),
            acting_site_ids=memberships.acting_site_ids,
            many_sites=len(memberships.sites) > 1,
        ),
        "filters": filters,
        "counts": counts,
        "statuses": [("open", _("Open")), *CaseStatus.choices, ("all", _("All"))],
        "kinds": Kind.choices,
        "sites": memberships.sites,
        "many_sites": len(memberships.sites) > 1,
        "can_act": bool(memberships.acting_site_ids),
        "query": query.urlencode(),
        "bulk_form": BulkForm(),
    }


@require_GET
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The cases of the editor's sites, highest priority first, filtered by the query string."""
    filters = QueueFilterForm(request.GET).filters()
    return render(request, "desk/queue.html", _queue_context(request, filters))


def _bulk_message(action: str, result: BulkResult) -> str:
    done = len(result.done)
    message = {
        "accept": ngettext("%(n)s case accepted.", "%(n)s cases accepted.", done),
        "reject": ngettext("%(n)s case rejected.", "%(n)s cases rejected.", done),
        "assign": ngettext("%(n)s case assigned.", "%(n)s cases assigned.", done),
    }[action] % {"n": done}
    if result.skipped:
        skipped = len(result.skipped)
        message += " " + ngettext("%(n)s case skipped:", "%(n)s cases skipped:", skipped) % {"n": skipped}
        message += " " + "; ".join(f"#{pk} {why}" for pk, why in result.skipped)
    return message


@require_POST
@login_required
def bulk(request: HttpRequest) -> HttpResponse:
    """Accept, reject or assign the ticked cases; each goes through its own service."""
    memberships = desk_memberships(request)
    form = BulkForm(request.POST)
    ids = [int(v) for v in request.POST.getlist("cases") if v.isdigit()]
    cases = list(
        case_queue(memberships=memberships, filters=QueueFilters(status="all"))
        .filter(pk__in=ids)
        .prefetch_related("reports")
    )
    if len(cases) != len(set(ids)):
        raise Http404
    if any(not memberships.can_act(case.site_id) for case in cases):
        raise PermissionDenied
    if not form.is_valid() or not cases:
        return _bulk_respond(request, error=_("Tick cases and choose an action."))
    result = _bulk_run(request, form, cases)
    if isinstance(result, str):
        return _bulk_respond(request, error=result)
    return _bulk_respond(request, notice=_bulk_message(form.cleaned_data["action"], result))


def _bulk_run(request: HttpRequest, form: BulkForm, cases: list[Case]) -> BulkResult | str:
    """Call the bulk service; a string is an error for the editor."""
    data = form.cleaned_data
    if data["action"] == "accept":
        return cases_bulk_accept(cases=cases, editor=request.user)
    if data["action"] == "reject":
        if not data["reason"] or (data["reason"] == OTHER and not data["other"].strip()):
            return _("Choose or write a reason.")
        result = BulkResult()
        for site_cases in _by_site(cases):
            reason = reject_reason_text(site=site_cases[0].site, code=data["reason"], other=data["other"])
            part = cases_bulk_reject(cases=site_cases, editor=request.user, reason=reason)
            result.done += part.done
            result.skipped += part.skipped
        return result
    assignee = None
    if data["assignee"]:
        site_ids = {case.site_id for case in cases}
        members = {m.user_id: m.user for site_id in site_ids for m in site_acting_members(site_id=site_id)}
        assignee = members.get(data["assignee"])
        if assignee is None:
            return _("Only an editor or owner of these sites can be assigned.")
    return cases_bulk_assign(cases=cases, editor=request.user, assignee=assignee)


def _by_site(cases: list[Case]) -> list[list[Case]]:
    """The cases grouped by site (a standard reason is stored in each site's language)."""
    groups: dict[int, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.site_id, []).append(case)
    return list(groups.values())


def _bulk_respond(request: HttpRequest, *, notice: str = "", error: str = "") -> HttpResponse:
    """The queue again, with what happened; htmx swaps it in, a plain form post is redirected."""
    if not is_htmx(request) and not error:
        return redirect("desk:queue")
    filters = QueueFilterForm(request.GET).filters()
    context = {**_queue_context(request, filters), "notice": notice, "error": error}
    return render(request, "desk/queue.html", context, status=400 if error and not is_htmx(request) else 200)
