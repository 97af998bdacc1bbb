"""What the case page shows, gathered from the selectors in a fixed number of queries."""

from typing import Any

from django.http import HttpRequest

from corrigo.audit.selectors import audit_history
from corrigo.cases.models import Case
from corrigo.cases.selectors import (
    article_versions,
    case_next_id,
    case_previous_id,
    fix_preview,
    merge_candidates,
    passage_paragraphs,
    proposals_of,
    text_diff,
    version_texts,
)
from corrigo.cases.services.accept import case_default_wording
from corrigo.cases.services.common import DECIDABLE
from corrigo.corrections.models import CorrectionKind, Severity
from corrigo.corrections.services import notice_default_text, notice_required
from corrigo.desk.access import desk_memberships
from corrigo.desk.forms import AssignForm, MergeForm, RejectForm
from corrigo.sites.selectors import site_acting_members


def case_page_context(request: HttpRequest, case: Case, **extra: Any) -> dict[str, Any]:
    """Everything the case page needs; ``extra`` carries a notice, an error or bound forms."""
    memberships = desk_memberships(request)
    can_act = memberships.can_act(case.site_id)
    versions = article_versions(case=case)
    wording = case_default_wording(case)
    context: dict[str, Any] = {
        "case": case,
        "can_act": can_act,
        "decidable": case.status in DECIDABLE,
        "paragraphs": passage_paragraphs(case.version.text, case.start, case.end),
        "preview": fix_preview(case.version.text, case.start, case.end, wording),
        "proposals": proposals_of(case),
        "wording": wording,
        "versions": versions,
        "latest_number": versions[0].number if versions else case.version.number,
        "fixed_in_number": _version_number(versions, case.fixed_in_id),
        "history": audit_history(target=case),
        "next_case_id": case_next_id(memberships=memberships, case=case),
        "previous_case_id": case_previous_id(memberships=memberships, case=case),
        "reject_form": RejectForm(),
        "merge_form": MergeForm(),
        "assign_form": AssignForm(initial={"assignee": case.assignee_id}),
    }
    if can_act:
        context.update(_action_context(case, wording))
    context.update(_diff_context(request, case, versions))
    context.update(extra)
    return context


def _version_number(versions: list, version_id: int | None) -> int | None:
    """The number of one of the article's versions, read from the list the page loads anyway."""
    return next((v.number for v in versions if v.pk == version_id), None)


def _action_context(case: Case, wording: str) -> dict[str, Any]:
    """The choices the action forms offer: merge targets, assignees, the notice's defaults."""
    return {
        "merge_candidates": list(merge_candidates(case=case)),
        "assignees": [m.user for m in site_acting_members(site_id=case.site_id)],
        "correction_kinds": CorrectionKind.choices,
        "severities": Severity.choices,
        "notice_default": notice_required(site=case.site, case_kind=case.kind),
        "notice_text_default": notice_default_text(
            case=case, final_wording=wording, kind=CorrectionKind.CORRECTION, language=case.site.default_language
        ),
    }


def _diff_context(request: HttpRequest, case: Case, versions: list) -> dict[str, Any]:
    """The difference between version ``?diff=N`` and the one before it, when asked for."""
    number = request.GET.get("diff", "")
    numbers = {v.number for v in versions}
    if not number.isdigit() or int(number) not in numbers or int(number) - 1 not in numbers:
        return {}
    texts = version_texts(case=case, numbers=[int(number) - 1, int(number)])
    return {"diff_number": int(number), "diff": text_diff(texts[int(number) - 1], texts[int(number)])}
