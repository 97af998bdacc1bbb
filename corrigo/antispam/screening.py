"""Screening a reader's submission before it is stored: block list, rate limits, challenge, honeypot,
proof of work and content checks. It decides the verdict; ``corrigo.reports.services`` stores the report.

A rejected submission is refused with a problem document and counted, never stored; a held one is
stored for the desk's held queue; nothing is dropped silently.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _

from corrigo.antispam.challenge import challenge_check
from corrigo.antispam.content import has_markup_link, is_repetitive, links_in, text_fingerprint
from corrigo.antispam.counts import rejection_count
from corrigo.antispam.ratelimit import Limit, RateLimited, hit, limits_enforce
from corrigo.antispam.reasons import Reason
from corrigo.antispam.selectors import client_is_blocked
from corrigo.conf import settings
from corrigo.problems import Problem
from corrigo.reports.models import Verdict
from corrigo.reports.schemas import ReportIn
from corrigo.reports.selectors import report_of_client
from corrigo.sites.models import Site

REJECTED_WHEN = {Reason.INVALID_CHALLENGE, Reason.INVALID_PROOF_OF_WORK}
REPEAT_WINDOW = 3600


@dataclass(frozen=True)
class Screening:
    """The verdict on a submission that may be stored: accepted or held (with its reason)."""

    verdict: Verdict
    reason: Reason | None
    challenge: str | None


class SubmissionStored(Exception):
    """A refused submission is the retry of a report stored before (same ``client_id``): answer with it."""

    def __init__(self, report_id: uuid.UUID) -> None:
        super().__init__(f"report {report_id} is stored already")
        self.report_id = report_id


def submission_reject(*, site: Site, reason: Reason, detail: str) -> Problem:
    """Count a rejection and return the 403 problem to raise."""
    rejection_count(site=site, reason=reason)
    return Problem(403, detail)


def submission_screen(*, site: Site, data: ReportIn, client_hash: str) -> Screening:
    """Decide how a new submission is taken; raise a ``Problem`` (403, 429) when it is refused.

    A refused submission that is the retry of a stored report (its ``client_id`` is known) raises
    ``SubmissionStored`` instead, uncounted: the reader gets the same answer as the first time, even
    if the challenge has expired or the client was blocked since. A retry that passes is found when
    it is stored (``corrigo.reports.services.report_submit``), so an accepted report asks nothing
    beforehand. A challenge is used once per site: the report's unique challenge refuses a replay
    when it is stored, likewise.
    """
    if client_is_blocked(site=site, client_hash=client_hash):
        detail = _("Reports from this client are blocked.")
        raise _refusal(site=site, data=data, reason=Reason.BLOCKED, problem=Problem(403, detail))
    _rate_limits_enforce(site=site, data=data, client_hash=client_hash)
    check = challenge_check(site=site, token=data.challenge, pow_payload=data.pow)
    if check.reason in REJECTED_WHEN or (check.reason == Reason.NO_CHALLENGE and settings.REQUIRE_CHALLENGE):
        detail = _("The form has expired. Please reload the page and try again.")
        raise _refusal(site=site, data=data, reason=check.reason, problem=Problem(403, detail))
    reason = Reason.HONEYPOT if data.website.strip() else check.reason
    reason = reason or _content_reason(site=site, data=data)
    return Screening(verdict=Verdict.HELD if reason else Verdict.ACCEPTED, reason=reason, challenge=check.nonce)


def _rate_limits_enforce(*, site: Site, data: ReportIn, client_hash: str) -> None:
    """The client's own limits first, then the article's and the site's; 429 with Retry-After."""
    configured = [
        ("client", client_hash, settings.RATE_CLIENT),
        ("client", client_hash, settings.RATE_CLIENT_HOUR),
        ("article", hashlib.sha256(f"{site.pk}:{data.url}".encode()).hexdigest()[:32], settings.RATE_ARTICLE),
        ("site", str(site.pk), settings.RATE_SITE),
    ]
    # No client hash: a report from inside the service (no request), limited by article and site only.
    limits = [Limit(scope, subject, *rate) for scope, subject, rate in configured if rate and subject]
    try:
        limits_enforce(limits)
    except RateLimited as exc:
        detail = _("Too many reports just now. Please try again in a little while.")
        problem = Problem(429, detail, headers={"Retry-After": str(exc.retry_after)})
        raise _refusal(site=site, data=data, reason=Reason.RATE_LIMITED, problem=problem) from exc


def _refusal(*, site: Site, data: ReportIn, reason: Reason, problem: Problem) -> Exception:
    """What refuses a submission: ``SubmissionStored`` for the retry of a stored report, else
    ``problem``, with the rejection counted."""
    stored = report_of_client(site=site, client_id=data.client_id)
    if stored is not None:
        return SubmissionStored(stored)
    rejection_count(site=site, reason=reason)
    return problem


def _content_reason(*, site: Site, data: ReportIn) -> Reason | None:
    """Links, markup links or repeated text in what the reader wrote; counts repeats across reports."""
    written = f"{data.proposed}\n{data.comment}"
    exact = data.selector.exact if data.selector else ""
    if has_markup_link(written) or links_in(written, besides=exact) > settings.MAX_LINKS:
        return Reason.LINKS
    if is_repetitive(data.comment) or is_repetitive(data.proposed):
        return Reason.REPEATED_TEXT
    fingerprint = text_fingerprint(written)
    if fingerprint is not None:
        if hit(f"repeat:{site.pk}:{fingerprint}", REPEAT_WINDOW) > settings.MAX_REPEATS:
            return Reason.REPEATED_TEXT
    return None
