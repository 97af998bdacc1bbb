"""Writes about reports: receive one, safely and once."""

import datetime
import hashlib
import hmac

from django.conf import settings as django_settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from corrigo.articles.models import Article, VersionSource
from corrigo.articles.services import article_get_or_create, article_version_record
from corrigo.audit.services import audit_record
from corrigo.cases.anchoring import Passage, case_for_passage, reanchor_article_enqueue
from corrigo.cases.models import Case
from corrigo.reports.models import Report
from corrigo.reports.schemas import ReportIn
from corrigo.sites.models import Site


def client_hash(request: HttpRequest, *, day: datetime.date | None = None) -> str:
    """A keyed hash of the client address that changes every day; the address itself is never kept."""
    day = day or timezone.now().date()
    key = f"{django_settings.SECRET_KEY}:client:{day.isoformat()}".encode()
    address = request.META.get("REMOTE_ADDR", "").encode()
    return hmac.new(key, address, hashlib.sha256).hexdigest()


def report_submit(*, site: Site, data: ReportIn, client_hash: str) -> Report:
    """Store a report and attach it to its case; a known ``client_id`` returns the stored report.

    Everything happens in one short transaction that locks the article row, so two reports on the
    same passage cannot open two cases.
    """
    existing = Report.objects.filter(site=site, client_id=data.client_id).first()
    if existing is not None:
        return existing
    try:
        return _report_store(site=site, data=data, client_hash=client_hash)
    except IntegrityError:
        # The same client_id arrived twice at once and the other request stored it first.
        return Report.objects.get(site=site, client_id=data.client_id)


@transaction.atomic
def _report_store(*, site: Site, data: ReportIn, client_hash: str) -> Report:
    article = article_get_or_create(site=site, url=data.url, title=data.title)
    article = Article.objects.select_for_update().get(pk=article.pk)
    version, new_version = article_version_record(article=article, text=data.text, source=VersionSource.READER)
    if new_version:
        reanchor_article_enqueue(article_id=article.pk, version_id=version.pk)
    selector = data.selector
    passage = None
    if selector is not None:
        passage = Passage(version, selector.start, selector.end, selector.exact, selector.prefix, selector.suffix)
    case, opened = case_for_passage(article=article, passage=passage, kind=data.kind)
    report = Report.objects.create(
        site=site,
        client_id=data.client_id,
        article=article,
        version=version,
        case=case,
        kind=data.kind,
        exact=selector.exact if selector else "",
        prefix=selector.prefix if selector else "",
        suffix=selector.suffix if selector else "",
        start=selector.start if selector else None,
        end=selector.end if selector else None,
        proposed=_proposal(data),
        comment=data.comment.strip(),
        email=data.email,
        language=data.lang,
        client_hash=client_hash,
    )
    Case.objects.filter(pk=case.pk).update(report_count=F("report_count") + 1)
    audit_record(site=site, action="report.received", target=report, data={"case": case.pk})
    if opened:
        audit_record(site=site, action="case.opened", target=case, data={"report": str(report.pk)})
    else:
        audit_record(site=site, action="case.report_added", target=case, data={"report": str(report.pk)})
    return report


def _proposal(data: ReportIn) -> str:
    """The reader's proposed wording, or "" when it only repeats the passage unchanged."""
    proposed = data.proposed.strip()
    if data.selector is not None and proposed == data.selector.exact.strip():
        return ""
    return proposed
