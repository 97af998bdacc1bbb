"""Deciding a case without publishing anything: reject, keep open, reopen, confirm a fix."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigo.audit.services import audit_record
from corrigo.cases.models import Case, CaseStatus
from corrigo.cases.services.common import DECIDABLE, CaseActionError, case_locked, require_status

REOPENABLE = (CaseStatus.REJECTED, CaseStatus.STALE, CaseStatus.FIXED)
MAX_REASON = 500


@transaction.atomic
def case_reject(*, case: Case, editor: AbstractBaseUser, reason: str) -> Case:
    """Close the case without a change; the reader's status page shows ``reason``."""
    reason = reason.strip()
    if not reason:
        raise CaseActionError(str(_("Give the reader a reason.")))
    if len(reason) > MAX_REASON:
        raise CaseActionError(str(_("The reason is too long: at most %(n)s characters.") % {"n": MAX_REASON}))
    case = case_locked(case)
    require_status(case, DECIDABLE)
    previous = case.status
    case.status, case.status_reason, case.decided_at = CaseStatus.REJECTED, reason, timezone.now()
    case.save(update_fields=["status", "status_reason", "decided_at", "updated_at"])
    audit_record(
        site=case.site, action="case.rejected", target=case, actor=editor, data={"reason": reason, "from": previous}
    )
    return case


@transaction.atomic
def case_review(*, case: Case, editor: AbstractBaseUser) -> Case:
    """Mark the case as looked at and keep it open ("reviewed, keep open")."""
    case = case_locked(case)
    require_status(case, DECIDABLE)
    previous = case.status
    case.status = CaseStatus.IN_REVIEW
    case.save(update_fields=["status", "updated_at"])
    audit_record(site=case.site, action="case.reviewed", target=case, actor=editor, data={"from": previous})
    return case


@transaction.atomic
def case_reopen(*, case: Case, editor: AbstractBaseUser) -> Case:
    """Put a rejected, stale or fixed case back in the queue."""
    case = case_locked(case)
    require_status(case, REOPENABLE)
    previous = case.status
    case.status, case.status_reason, case.decided_at = CaseStatus.IN_REVIEW, "", None
    case.save(update_fields=["status", "status_reason", "decided_at", "updated_at"])
    audit_record(site=case.site, action="case.reopened", target=case, actor=editor, data={"from": previous})
    return case


@transaction.atomic
def case_confirm_fixed(*, case: Case, editor: AbstractBaseUser) -> Case:
    """Confirm that a later version of the article already carries the fix (re-anchoring found it)."""
    case = case_locked(case)
    require_status(case, DECIDABLE)
    if case.fixed_in_id is None:
        raise CaseActionError(str(_("No version of the article carries a proposed fix.")))
    case.status, case.decided_at = CaseStatus.FIXED, timezone.now()
    case.save(update_fields=["status", "decided_at", "updated_at"])
    audit_record(
        site=case.site, action="case.fixed_confirmed", target=case, actor=editor, data={"version": case.fixed_in_id}
    )
    return case
