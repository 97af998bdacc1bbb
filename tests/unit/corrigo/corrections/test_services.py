"""Corrections made from accepted cases: the notice, the policy, publishing, editing, withdrawing."""

import pytest
from django.core import mail

from corrigo.audit.models import AuditEvent
from corrigo.cases.models import CaseStatus
from corrigo.corrections.models import Correction
from corrigo.corrections.services import (
    CorrectionError,
    correction_applied_confirm,
    correction_notice_edit,
    correction_publish,
    correction_unpublish,
    notice_policy_update,
    notice_required,
)
from tests.factories import user_create
from tests.publishing import accepted, case_reported

pytestmark = pytest.mark.django_db


def test_accepting_a_case_creates_a_published_correction_with_the_default_notice(site):
    editor = user_create(site=site)
    case = case_reported(site)
    correction = accepted(case, editor)
    assert correction.is_published
    assert correction.wording == "An earlier version of this article misspelled “received”."
    assert (correction.before_text, correction.after_text) == ("recieved", "received")
    assert (correction.start, correction.end, correction.exact) == (case.start, case.end, "recieved")
    assert list(correction.cases.all()) == [case]
    actions = set(
        AuditEvent.objects.filter(target_type="correction", target_id=str(correction.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == {"correction.created", "correction.published"}


def test_a_silent_fix_has_no_public_notice(site):
    correction = accepted(case_reported(site), user_create(site=site), publish=False)
    assert not correction.is_published and correction.published_at is None


def test_an_editors_notice_replaces_the_default(site):
    correction = accepted(case_reported(site), user_create(site=site), notice_text="  We misspelled a word.  ")
    assert correction.wording == "We misspelled a word."


def test_typo_fixes_are_silent_by_default_and_factual_errors_never(site):
    assert notice_required(site=site, case_kind="typo") is False
    assert notice_required(site=site, case_kind="fact") is True
    assert notice_required(site=site, case_kind="unclear") is True


def test_a_policy_cannot_make_factual_errors_silent(site):
    notice_policy_update(site=site, silent_kinds=["fact", "unclear"], editor=user_create(site=site))
    assert notice_required(site=site, case_kind="fact") is True
    assert notice_required(site=site, case_kind="unclear") is False
    assert notice_required(site=site, case_kind="typo") is True


def test_editing_a_notice_keeps_its_public_id(site):
    editor = user_create(site=site)
    correction = accepted(case_reported(site), editor)
    edited = correction_notice_edit(correction=correction, editor=editor, wording="New words.", severity="serious")
    assert (edited.public_id, edited.wording, edited.severity) == (correction.public_id, "New words.", "serious")
    assert edited.published_at == correction.published_at


def test_an_empty_notice_is_refused(site):
    editor = user_create(site=site)
    correction = accepted(case_reported(site), editor)
    with pytest.raises(CorrectionError):
        correction_notice_edit(correction=correction, editor=editor, wording="   ")


def test_unpublishing_and_publishing_again(site):
    editor = user_create(site=site)
    correction = accepted(case_reported(site), editor)
    assert not correction_unpublish(correction=correction, editor=editor, reason="Wrong article").is_published
    assert correction_publish(correction=correction, editor=editor).is_published


def test_confirming_a_fix_applied_marks_its_cases_fixed_once(site):
    case = case_reported(site)
    correction = accepted(case, user_create(site=site))
    first = correction_applied_confirm(correction=correction).applied_at
    assert correction_applied_confirm(correction=correction).applied_at == first
    case.refresh_from_db()
    assert case.status == CaseStatus.FIXED
    assert AuditEvent.objects.filter(action="correction.applied").count() == 1


def test_acceptance_emails_the_reader_after_the_commit(site, django_capture_on_commit_callbacks):
    case = case_reported(site, email="reader@example.org", lang="en")
    with django_capture_on_commit_callbacks(execute=True):
        accepted(case, user_create(site=site))
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert Correction.objects.count() == 1
