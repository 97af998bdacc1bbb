"""Writes of the antispam app: the editors' decisions on held reports and the block list."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from corrigo.antispam.models import BlockedClient
from corrigo.antispam.reasons import Reason
from corrigo.articles.models import Article
from corrigo.audit.services import audit_record
from corrigo.cases.models import Case
from corrigo.cases.priority import case_priority_refresh
from corrigo.reports.models import Report, Verdict
from corrigo.reports.placement import report_place
from corrigo.sites.models import Site


class NotHeld(Exception):
    """The report is no longer held (another editor decided it first)."""


def _held_locked(report: Report) -> Report:
    locked = Report.objects.select_for_update(of=("self",)).select_related("article", "site").get(pk=report.pk)
    if locked.verdict != Verdict.HELD:
        raise NotHeld(str(report.pk))
    return locked


@transaction.atomic
def report_release(*, report: Report, editor: AbstractBaseUser) -> Case:
    """Accept a held report: it joins (or opens) its case exactly as a report arriving now would."""
    report = _held_locked(report)
    report.article = Article.objects.locked().get(pk=report.article_id)
    previous_reason = report.verdict_reason
    report.verdict, report.verdict_reason = Verdict.ACCEPTED, ""
    case = report_place(report=report)
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
    report.email, report.article_text = "", ""
    report.save(update_fields=["verdict", "verdict_reason", "email", "article_text"])
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
