"""Writes about cases: every change of a case's state, each in a transaction with an audit event."""

from corrigo.cases.services.bulk import BulkResult, cases_bulk_assign, cases_bulk_reject
from corrigo.cases.services.common import CaseActionError
from corrigo.cases.services.decisions import case_confirm_fixed, case_reject, case_reopen, case_review
from corrigo.cases.services.organize import case_assign, case_merge, case_split
from corrigo.cases.services.privacy import email_masked, report_email_reveal

__all__ = [
    "BulkResult",
    "CaseActionError",
    "case_assign",
    "case_confirm_fixed",
    "case_merge",
    "case_reject",
    "case_reopen",
    "case_review",
    "case_split",
    "cases_bulk_assign",
    "cases_bulk_reject",
    "email_masked",
    "report_email_reveal",
]
