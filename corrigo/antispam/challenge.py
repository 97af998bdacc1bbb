"""The widget's challenge: a signed token bound to one site and the moment it was issued.

The widget receives it with its configuration and sends it back with the report. The token proves
that the report comes through the configuration call, how long the reader took (the minimum fill
time), and, stored with the report, that it is used once: a second report with the same token is a
replay. With proof of work on, the challenge also carries an ALTCHA challenge bound to the token.
"""

import base64
import binascii
import datetime
import hashlib
import json
import secrets
import time
from dataclasses import dataclass

from altcha import create_challenge_v1, extract_params_v1, verify_solution_v1
from django.conf import settings as django_settings
from django.core import signing

from corrigo.antispam.reasons import Reason
from corrigo.conf import settings
from corrigo.sites.models import Site

SALT = "corrigo.antispam.challenge"
CLOCK_SKEW = 5.0
"""Seconds a token may seem to come from the future (servers' clocks differ a little)."""


@dataclass(frozen=True)
class ChallengeCheck:
    """What a report's challenge proved: its nonce when it was genuine, and a reason when not clean."""

    nonce: str | None
    reason: Reason | None


def _pow_key() -> str:
    return hashlib.sha256(f"{django_settings.SECRET_KEY}:corrigo.antispam.pow".encode()).hexdigest()


def challenge_issue(*, site: Site, now: float | None = None) -> dict[str, object]:
    """A fresh challenge for ``site``: ``{"challenge": token, "pow": ALTCHA challenge or None}``."""
    issued = time.time() if now is None else now
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"s": site.pk, "n": nonce, "t": round(issued, 3)}, salt=SALT)
    pow_challenge = None
    if settings.PROOF_OF_WORK:
        expires = datetime.datetime.fromtimestamp(issued + settings.CHALLENGE_MAX_AGE, tz=datetime.UTC)
        altcha = create_challenge_v1(
            hmac_key=_pow_key(), max_number=settings.POW_MAX_NUMBER, expires=expires, params={"nonce": nonce}
        )
        pow_challenge = {
            "algorithm": altcha.algorithm,
            "challenge": altcha.challenge,
            "maxnumber": altcha.max_number,
            "salt": altcha.salt,
            "signature": altcha.signature,
        }
    return {"challenge": token, "pow": pow_challenge}


def challenge_check(*, site: Site, token: str, pow_payload: str = "", now: float | None = None) -> ChallengeCheck:
    """Check a report's challenge; replays are found later, against the stored reports."""
    if not token:
        return ChallengeCheck(None, Reason.NO_CHALLENGE)
    try:
        data = signing.loads(token, salt=SALT)
        nonce, issued, site_id = str(data["n"]), float(data["t"]), data["s"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return ChallengeCheck(None, Reason.INVALID_CHALLENGE)
    current = time.time() if now is None else now
    if site_id != site.pk or issued > current + CLOCK_SKEW:
        return ChallengeCheck(None, Reason.INVALID_CHALLENGE)
    if settings.PROOF_OF_WORK:
        reason = _pow_reason(pow_payload, nonce)
        if reason is not None:
            return ChallengeCheck(nonce, reason)
    if current - issued > settings.CHALLENGE_MAX_AGE:
        return ChallengeCheck(nonce, Reason.EXPIRED_CHALLENGE)
    if current - issued < settings.MIN_FILL_SECONDS:
        return ChallengeCheck(nonce, Reason.TOO_FAST)
    return ChallengeCheck(nonce, None)


def _pow_reason(payload: str, nonce: str) -> Reason | None:
    """None when ``payload`` solves the ALTCHA challenge issued with ``nonce``."""
    if not payload:
        return Reason.NO_PROOF_OF_WORK
    try:
        solution = json.loads(base64.b64decode(payload, validate=True))
        ok, _error = verify_solution_v1(solution, _pow_key(), check_expires=True)
        bound = ok and extract_params_v1(solution).get("nonce", [""])[0] == nonce
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return Reason.INVALID_PROOF_OF_WORK
    return None if bound else Reason.INVALID_PROOF_OF_WORK
