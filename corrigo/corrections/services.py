"""Writes about corrections: make one from an accepted case, publish, edit and withdraw its notice."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from corrigo.audit.services import audit_record
from corrigo.cases.models import Case, CaseStatus, Kind
from corrigo.corrections.models import DEFAULT_SILENT_KINDS, Correction, CorrectionKind, NoticePolicy, Severity
from corrigo.corrections.notices import notice_default_text
from corrigo.integrations.events import case_accepted_emit, correction_published_emit
from corrigo.reports.outcome import reader_outcome_schedule
from corrigo.sites.models import Site

__all__ = [
    "CorrectionError",
    "correction_applied_confirm",
    "correction_create",
    "correction_notice_edit",
    "correction_publish",
    "correction_unpublish",
    "notice_default_text",
    "notice_policy_of_site",
    "notice_policy_update",
    "notice_required",
]

MAX_NOTICE = 2000
"""Longest notice, in code points."""


class CorrectionError(Exception):
    """A change to a correction that is not possible; the message is for the editor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def notice_policy_of_site(*, site: Site) -> NoticePolicy:
    """The site's notice policy, created with the defaults on first use."""
    policy, _created = NoticePolicy.objects.get_or_create(site=site, defaults={"silent_kinds": DEFAULT_SILENT_KINDS})
    return policy


@transaction.atomic
def notice_policy_update(*, site: Site, silent_kinds: list[str], editor: AbstractBaseUser) -> NoticePolicy:
    """Say which case kinds are fixed without a public notice; factual errors never are."""
    policy = notice_policy_of_site(site=site)
    policy.silent_kinds = silent_kinds
    policy.save()
    audit_record(
        site=site, action="notice_policy.updated", target=policy, actor=editor, data={"silent": policy.silent_kinds}
    )
    return policy


def notice_required(*, site: Site, case_kind: str) -> bool:
    """Whether the site's policy wants a public notice for a fix of a ``case_kind`` case."""
    if case_kind == Kind.FACT:
        return True
    return case_kind not in notice_policy_of_site(site=site).silent_kinds


def _clean_notice(text: str) -> str:
    text = text.replace("\x00", "").strip()  # PostgreSQL cannot store NUL; it means nothing in a notice
    if len(text) > MAX_NOTICE:
        raise CorrectionError(_("The notice is too long: at most %(n)s characters.") % {"n": MAX_NOTICE})
    return text


@transaction.atomic
def correction_create(
    *,
    case: Case,
    editor: AbstractBaseUser,
    final_wording: str,
    publish_notice: bool,
    kind: str,
    severity: str,
    notice_text: str = "",
) -> Correction:
    """The correction of an accepted ``case``: its notice is published when ``publish_notice``.

    Called by the desk's accept inside its transaction. After the commit, webhooks announce the
    acceptance (and the notice) and the case's readers are told the outcome by email.
    """
    site = case.site
    language = site.default_language
    kind, severity = CorrectionKind(kind), Severity(severity)
    wording = _clean_notice(notice_text) or notice_default_text(
        case=case, final_wording=final_wording, kind=kind, language=language
    )
    correction = Correction.objects.create(
        site=site,
        article=case.article,
        kind=kind,
        severity=severity,
        wording=wording,
        before_text=case.exact,
        after_text=final_wording,
        version=case.version,
        start=case.start,
        end=case.end,
        exact=case.exact,
        prefix=case.prefix,
        suffix=case.suffix,
        language=language,
        created_by=editor,
    )
    correction.cases.add(case)
    audit_record(
        site=site, action="correction.created", target=correction, actor=editor, data={"case": case.pk, "kind": kind}
    )
    case_accepted_emit(correction=correction, case=case)
    if publish_notice:
        _publish(correction, editor)
    reader_outcome_schedule(case=case)
    return correction


def _publish(correction: Correction, editor: AbstractBaseUser | None) -> None:
    correction.public = True
    correction.published_at = correction.published_at or timezone.now()
    correction.save(update_fields=["public", "published_at", "updated_at"])
    audit_record(site=correction.site, action="correction.published", target=correction, actor=editor)
    correction_published_emit(correction=correction)


@transaction.atomic
def correction_publish(*, correction: Correction, editor: AbstractBaseUser) -> Correction:
    """Publish the notice of a correction that was made silently or withdrawn."""
    correction = (
        Correction.objects.select_for_update(of=("self",)).select_related("site", "article").get(pk=correction.pk)
    )
    if correction.is_published:
        return correction
    if not correction.wording.strip():
        raise CorrectionError(_("Write the notice before publishing it."))
    _publish(correction, editor)
    return correction


@transaction.atomic
def correction_notice_edit(
    *, correction: Correction, editor: AbstractBaseUser, wording: str, severity: str | None = None
) -> Correction:
    """Change the notice's words (and severity); its public id, so its feed id, stays the same."""
    wording = _clean_notice(wording)
    if not wording:
        raise CorrectionError(_("The notice cannot be empty."))
    correction = Correction.objects.select_for_update(of=("self",)).select_related("site").get(pk=correction.pk)
    previous = correction.wording
    correction.wording = wording
    correction.severity = Severity(severity or correction.severity)
    correction.save(update_fields=["wording", "severity", "updated_at"])
    audit_record(
        site=correction.site,
        action="correction.edited",
        target=correction,
        actor=editor,
        data={"before": previous, "after": wording, "severity": correction.severity},
    )
    return correction


@transaction.atomic
def correction_unpublish(*, correction: Correction, editor: AbstractBaseUser, reason: str = "") -> Correction:
    """Withdraw the public notice; the correction itself and its history stay."""
    correction = Correction.objects.select_for_update(of=("self",)).select_related("site").get(pk=correction.pk)
    if not correction.public:
        return correction
    correction.public = False
    correction.save(update_fields=["public", "updated_at"])
    audit_record(
        site=correction.site, action="correction.unpublished", target=correction, actor=editor, data={"reason": reason}
    )
    return correction


@transaction.atomic
def correction_applied_confirm(*, correction: Correction) -> Correction:
    """The CMS says the fix is in the article now: its accepted cases become fixed; a repeat changes nothing."""
    correction = Correction.objects.select_for_update(of=("self",)).select_related("site").get(pk=correction.pk)
    if correction.applied_at is not None:
        return correction
    correction.applied_at = timezone.now()
    correction.save(update_fields=["applied_at", "updated_at"])
    audit_record(site=correction.site, action="correction.applied", target=correction)
    for case in correction.cases.select_for_update().filter(status=CaseStatus.ACCEPTED):
        case.status = CaseStatus.FIXED
        case.save(update_fields=["status", "updated_at"])
        audit_record(
            site=correction.site, action="case.fixed", target=case, data={"correction": str(correction.public_id)}
        )
    return correction
