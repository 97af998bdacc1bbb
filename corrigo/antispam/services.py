"""Writes of the antispam app: the editors' decisions on held reports and the block list."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from corrigo.antispam.models import BlockedClient
from corrigo.antispam.reasons import Reason
from corrigo.audit.services import audit_record
from corrigo.cases.models import Case
from corrigo.cases.priority import case_priority_refresh
from corrigo.reports.models import Report, Verdict
from corrigo.reports.schemas import ReportIn
from corrigo.reports.services import report_case_attach
from corrigo.sites.models import Site


class NotHeld(Exception):
    """The report is no longer held (another editor decided it first)."""


def _held_locked(report: Report) -> Report:
    locked = Report.objects.select_for_update().select_related("article", "site").get(pk=report.pk)
    if locked.verdict != Verdict.HELD:
        raise NotHeld(str(report.pk))
    return locked


def _as_submitted(report: Report) -> ReportIn:
    """The report as the reader sent it, to place it now as if it had just arrived."""
    selector = None
    if report.has_passage:
        selector = {
            "exact": report.exact,
            "prefix": report.prefix,
            "suffix": report.suffix,
            "start": report.start,
            "end": report.end,
        }
    return ReportIn(
        site=report.site.public_key,
        url=report.article.url,
        title=report.article.title,
        client_id=report.client_id,
        kind=report.kind,
        selector=selector,
        text=report.held_text,
        proposed=report.proposed,
        comment=report.comment,
        email=report.email,
        lang=report.language,
    )


@transaction.atomic
def report_release(*, report: Report, editor: AbstractBaseUser) -> Case:
    """Accept a held report: it joins (or opens) its case exactly as a report arriving now would."""
    report = _held_locked(report)
    data = _as_submitted(report)
    previous_reason = report.verdict_reason
    report.verdict, report.verdict_reason, report.held_text = Verdict.ACCEPTED, "", ""
    case = report_case_attach(report=report, data=data)
    case_priority_refresh(case_id=case.pk)
    audit_record(
        site=report.site,
        action="report.released",
        target=report,
        actor=editor,
        data={"case": case.pk, "reason": previous_reason},
    )
    return case


@transaction.atomic
def report_discard(*, report: Report, editor: AbstractBaseUser) -> Report:
    """Reject a held report as spam: it stays counted as rejected, without its email or article text."""
    report = _held_locked(report)
    previous_reason = report.verdict_reason
    report.verdict, report.verdict_reason = Verdict.REJECTED, Reason.DISCARDED
    report.email, report.held_text = "", ""
    report.save(update_fields=["verdict", "verdict_reason", "email", "held_text"])
    audit_record(
        site=report.site, action="report.discarded", target=report, actor=editor, data={"reason": previous_reason}
    )
    return report


def _end_of_hash_day(now: datetime.datetime) -> datetime.datetime:
    """When the day's client hashes rotate (they are keyed by the UTC date)."""
    tomorrow = now.astimezone(datetime.UTC).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=datetime.UTC)


@transaction.atomic
def client_block(*, site: Site, client_hash: str, editor: AbstractBaseUser | None) -> BlockedClient:
    """Block a client hash on ``site`` until the hash rotates at the end of its day."""
    now = timezone.now()
    blocked, _created = BlockedClient.objects.update_or_create(
        site=site, client_hash=client_hash, defaults={"blocked_by": editor, "expires_at": _end_of_hash_day(now)}
    )
    audit_record(
        site=site, action="client.blocked", target=blocked, actor=editor, data={"until": str(blocked.expires_at)}
    )
    return blocked
