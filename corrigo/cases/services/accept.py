"""Accepting a case: the correction itself is made by the publishing path in the same transaction."""

from collections import Counter
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigo.audit.services import audit_record
from corrigo.cases.models import Case, CaseStatus
from corrigo.cases.services.bulk import BulkResult, cases_each
from corrigo.cases.services.common import DECIDABLE, CaseActionError, case_locked, require_status
from corrigo.corrections.models import Correction, CorrectionKind, Severity
from corrigo.corrections.services import correction_create, notice_required


@transaction.atomic
def case_accept(
    *,
    case: Case,
    editor: AbstractBaseUser,
    final_wording: str,
    publish_notice: bool,
    kind: str,
    severity: str,
    notice_text: str = "",
) -> Correction:
    """Accept the case with ``final_wording`` and hand it to the publishing path.

    ``correction_create`` makes the Correction, publishes the notice when asked and triggers the
    webhooks and emails; an error there rolls the acceptance back with it.
    """
    final_wording = final_wording.strip()
    if not final_wording:
        raise CaseActionError(str(_("Write the final wording.")))
    case = case_locked(case)
    require_status(case, DECIDABLE)
    previous = case.status
    case.status, case.status_reason, case.decided_at = CaseStatus.ACCEPTED, "", timezone.now()
    case.suggested_fix = final_wording
    case.save(update_fields=["status", "status_reason", "decided_at", "suggested_fix", "updated_at"])
    audit_record(
        site=case.site,
        action="case.accepted",
        target=case,
        actor=editor,
        data={"wording": final_wording, "notice": publish_notice, "kind": kind, "severity": severity, "from": previous},
    )
    return correction_create(
        case=case,
        editor=editor,
        final_wording=final_wording,
        publish_notice=publish_notice,
        kind=kind,
        severity=severity,
        notice_text=notice_text,
    )


def case_default_wording(case: Case) -> str:
    """The wording an accept starts from: the fix already chosen, else the proposal most readers sent,
    else the spelling suggestion.

    Reads ``case.reports.all()``, so prefetch the reports when calling it for many cases.
    """
    if case.suggested_fix.strip():
        return case.suggested_fix.strip()
    proposals = Counter(r.proposed.strip() for r in case.reports.all() if r.proposed.strip())
    if proposals:
        return proposals.most_common(1)[0][0]
    return case.machine_fix.strip()


def cases_bulk_accept(*, cases: Iterable[Case], editor: AbstractBaseUser) -> BulkResult:
    """Accept every case with its default wording as a minor correction; the site's policy says
    whether a public notice goes out. A case without any proposed wording is skipped."""

    def accept(case: Case) -> None:
        wording = case_default_wording(case)
        if not wording:
            raise CaseActionError(str(_("No wording was proposed: open the case to write one.")))
        case_accept(
            case=case,
            editor=editor,
            final_wording=wording,
            publish_notice=notice_required(site=case.site, case_kind=case.kind),
            kind=CorrectionKind.CORRECTION,
            severity=Severity.MINOR,
        )

    return cases_each(cases, accept)
