"""Why a submission was held or rejected: one code per reason, stored and counted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    """The reason that goes with a held or rejected verdict (an accepted report has none)."""

    NO_CHALLENGE = "no_challenge", _("No challenge")
    EXPIRED_CHALLENGE = "expired_challenge", _("Expired challenge")
    TOO_FAST = "too_fast", _("Sent too fast")
    HONEYPOT = "honeypot", _("Hidden field filled in")
    LINKS = "links", _("Links")
    REPEATED_TEXT = "repeated_text", _("Repeated text")
    NO_PROOF_OF_WORK = "no_proof_of_work", _("No proof of work")
    INVALID_CHALLENGE = "invalid_challenge", _("Invalid challenge")
    REPLAYED_CHALLENGE = "replayed_challenge", _("Replayed challenge")
    INVALID_PROOF_OF_WORK = "invalid_proof_of_work", _("Invalid proof of work")
    BLOCKED = "blocked", _("Blocked client")
    RATE_LIMITED = "rate_limited", _("Too many reports")
    DISCARDED = "discarded", _("Discarded by an editor")
