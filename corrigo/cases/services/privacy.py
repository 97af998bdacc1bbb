"""The reader's email: shown masked, revealed to an editor on request, and the reveal is recorded."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from corrigo.audit.services import audit_record
from corrigo.reports.models import Report

MASK = "•••"


def email_masked(email: str) -> str:
    """``reader@example.org`` → ``r•••@example.org``; an empty address stays empty."""
    if not email:
        return ""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}{MASK}@{domain}" if domain else f"{email[:1]}{MASK}"


@transaction.atomic
def report_email_reveal(*, report: Report, editor: AbstractBaseUser) -> str:
    """The reader's full address for ``editor``, with an audit event saying who saw it."""
    audit_record(
        site=report.site, action="report.email_revealed", target=report, actor=editor, data={"case": report.case_id}
    )
    return report.email
