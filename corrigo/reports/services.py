"""Writes about reports: receive one, safely and once, screened for spam."""

import datetime
import hashlib
import hmac
import uuid

from django.conf import settings as django_settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from corrigo.antispam.reasons import Reason
from corrigo.antispam.screening import Screening, SubmissionStored, submission_reject, submission_screen
from corrigo.articles.services import article_id_for_url
from corrigo.audit.services import audit_record
from corrigo.conf import settings
from corrigo.reports.models import Report, Verdict
from corrigo.reports.placement import report_store_and_place_soon
from corrigo.reports.schemas import ReportIn
from corrigo.sites.models import Site


def client_address(request: HttpRequest) -> str:
    """The client's address: the peer's, or the one the trusted proxies in front of us saw."""
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if settings.PROXY_COUNT and len(forwarded) >= settings.PROXY_COUNT:
        return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request: HttpRequest, *, day: datetime.date | None = None) -> str:
    """A keyed hash of the client address that changes every day; the address itself is never kept."""
    day = day or timezone.now().date()
    key = f"{django_settings.SECRET_KEY}:client:{day.isoformat()}".encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()


def report_submit(*, site: Site, data: ReportIn, client_hash: str) -> Report:
    """Screen and store a report; a known ``client_id`` returns the stored report.

    A suspicious report is stored as held, outside any case; a refused one raises a ``Problem``
    (403, 429) and is only counted. An accepted report is stored in one short transaction, with the
    task run that will place it in its case.

    Nothing is read before screening: the retry of a stored report is found when it would be refused
    (``SubmissionStored``) or when its insert meets the unique (site, client id) index.
    """
    try:
        screening = submission_screen(site=site, data=data, client_hash=client_hash)
    except SubmissionStored as stored:
        return Report.objects.get(pk=stored.report_id)
    try:
        if screening.verdict == Verdict.HELD:
            return _report_hold(site=site, data=data, client_hash=client_hash, screening=screening)
        return _report_store(site=site, data=data, client_hash=client_hash, screening=screening)
    except IntegrityError:
        existing = Report.objects.filter(site=site, client_id=data.client_id).first()
        if existing is not None:
            # The same client_id arrived twice at once and the other request stored it first.
            return existing
        # Another report of the site already used this challenge: a replay.
        raise submission_reject(
            site=site, reason=Reason.REPLAYED_CHALLENGE, detail=_("This form was already sent. Please reload the page.")
        ) from None


def _report_fields(*, data: ReportIn, client_hash: str, screening: Screening) -> dict[str, object]:
    selector = data.selector
    return {
        "client_id": data.client_id,
        "kind": data.kind,
        "exact": selector.exact if selector else "",
        "prefix": selector.prefix if selector else "",
        "suffix": selector.suffix if selector else "",
        "start": selector.start if selector else None,
        "end": selector.end if selector else None,
        "proposed": _proposal(data),
        "comment": data.comment.strip(),
        "email": data.email,
        "language": data.lang,
        "client_hash": client_hash,
        "verdict": screening.verdict,
        "verdict_reason": screening.reason or "",
        "challenge": screening.challenge,
    }


@transaction.atomic
def _report_hold(*, site: Site, data: ReportIn, client_hash: str, screening: Screening) -> Report:
    """Store a held report: no article version and no case until an editor releases it."""
    article_id = article_id_for_url(site=site, url=data.url, title=data.title)
    fields = _report_fields(data=data, client_hash=client_hash, screening=screening)
    report = Report.objects.create(site=site, article_id=article_id, article_text=data.text, **fields)
    audit_record(site=site, action="report.held", target=report, data={"reason": screening.reason})
    return report


def _report_store(*, site: Site, data: ReportIn, client_hash: str, screening: Screening) -> Report:
    """Store an accepted report; the task worker places it in its case (``corrigo.reports.placement``).

    Every accepted report comes this way. Its row is inserted by SQL built once
    (``corrigo.db.insert_prepared``), not by ``Report.objects.create``, which builds it for every
    report; and everything is ready before the transaction begins, because on SQLite the transaction
    holds the database's one write lock, which the other requests and the task worker wait for. In it
    run only the insert and the check for a queued run of the task worker; most reports need no
    transaction but their insert (``report_store_and_place_soon``).
    """
    article_id = article_id_for_url(site=site, url=data.url, title=data.title)
    values = {
        "id": uuid.uuid4(),
        "site_id": site.pk,
        "article_id": article_id,
        "article_text": data.text,
        "created_at": timezone.now(),
        **_report_fields(data=data, client_hash=client_hash, screening=screening),
    }
    placed = report_store_and_place_soon(values)
    # The stored row as a model, from its values in the fields' order: Django's quick way to make one.
    report = Report.from_db(DEFAULT_DB_ALIAS, None, [values.get(field.attname) for field in _REPORT_FIELDS])
    if placed:
        report.refresh_from_db()
    return report


_REPORT_FIELDS = Report._meta.concrete_fields


def _proposal(data: ReportIn) -> str:
    """The reader's proposed wording, or "" when it only repeats the passage unchanged."""
    proposed = data.proposed.strip()
    if data.selector is not None and proposed == data.selector.exact.strip():
        return ""
    return proposed
