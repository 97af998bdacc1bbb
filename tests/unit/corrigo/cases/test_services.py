"""Case services: every action changes the state in a transaction and leaves an audit event."""

import pytest

from corrigo.audit.models import AuditEvent
from corrigo.cases.models import Case, CaseStatus
from corrigo.cases.services import (
    CaseActionError,
    case_assign,
    case_merge,
    case_reject,
    case_reopen,
    case_review,
    case_split,
    cases_bulk_reject,
    email_masked,
    report_email_reveal,
)
from corrigo.cases.services.accept import case_accept, case_default_wording
from corrigo.corrections.models import Correction
from corrigo.sites.models import Role
from tests.factories import site_create, user_create
from tests.unit.corrigo.cases.builders import article_build, case_build

pytestmark = pytest.mark.django_db


def actions(case: Case) -> list[str]:
    return list(AuditEvent.objects.filter(target_type="case", target_id=str(case.pk)).values_list("action", flat=True))


def test_reject_stores_the_reason_for_the_reader_and_records_it(site):
    editor = user_create(site=site)
    case = case_reject(case=case_build(site), editor=editor, reason="The text is correct as published.")
    assert (case.status, case.status_reason) == (CaseStatus.REJECTED, "The text is correct as published.")
    assert case.decided_at is not None
    assert actions(case) == ["case.rejected"]


def test_reject_without_a_reason_is_refused(site):
    with pytest.raises(CaseActionError):
        case_reject(case=case_build(site), editor=user_create(site=site), reason="  ")


def test_a_decided_case_cannot_be_rejected_again(site):
    editor = user_create(site=site)
    case = case_reject(case=case_build(site), editor=editor, reason="No.")
    with pytest.raises(CaseActionError):
        case_reject(case=case, editor=editor, reason="Still no.")


def test_review_keeps_the_case_open_and_reopen_brings_a_rejected_case_back(site):
    editor = user_create(site=site)
    case = case_review(case=case_build(site), editor=editor)
    assert case.status == CaseStatus.IN_REVIEW
    case = case_reject(case=case, editor=editor, reason="No.")
    case = case_reopen(case=case, editor=editor)
    assert (case.status, case.status_reason, case.decided_at) == (CaseStatus.IN_REVIEW, "", None)
    assert actions(case) == ["case.reviewed", "case.rejected", "case.reopened"]


def test_merge_moves_every_report_and_keeps_the_counts_exact(site):
    editor = user_create(site=site)
    article = article_build(site)
    target = case_build(site, "recieved", article=article, proposals=("received", "received"))
    duplicate = case_build(site, "goverment", article=article, proposals=("government", "government", ""))
    merged = case_merge(case=duplicate, into=target, editor=editor)
    duplicate.refresh_from_db()
    assert merged.report_count == 5 == merged.reports.count()
    assert (duplicate.status, duplicate.merged_into_id, duplicate.report_count) == (CaseStatus.DUPLICATE, target.pk, 0)
    assert actions(duplicate) == ["case.merged"]
    assert actions(target) == ["case.merged_from"]


def test_merge_refuses_cases_of_another_site(site):
    other = case_build(site_create())
    with pytest.raises(CaseActionError):
        case_merge(case=case_build(site), into=other, editor=user_create(site=site))


def test_merge_into_itself_is_refused(site):
    case = case_build(site)
    with pytest.raises(CaseActionError):
        case_merge(case=case, into=case, editor=user_create(site=site))


def test_split_moves_one_report_into_a_new_case(site):
    editor = user_create(site=site)
    case = case_build(site, proposals=("received", "recieved!"))
    report = case.reports.order_by("created_at").last()
    new = case_split(report=report, editor=editor)
    case.refresh_from_db()
    assert (case.report_count, new.report_count) == (1, 1)
    assert list(new.reports.all()) == [report]
    assert (new.exact, new.status) == ("recieved", CaseStatus.NEW)
    assert actions(case) == ["case.split"] and actions(new) == ["case.split_from"]


def test_the_only_report_cannot_be_split_off(site):
    case = case_build(site)
    with pytest.raises(CaseActionError):
        case_split(report=case.reports.get(), editor=user_create(site=site))


def test_assign_only_to_an_editor_of_the_site(site):
    editor = user_create(site=site)
    colleague = user_create(site=site, role=Role.EDITOR)
    viewer = user_create(site=site, role=Role.VIEWER)
    case = case_assign(case=case_build(site), assignee=colleague, editor=editor)
    assert case.assignee == colleague
    with pytest.raises(CaseActionError):
        case_assign(case=case, assignee=viewer, editor=editor)
    assert case_assign(case=case, assignee=None, editor=editor).assignee is None


def test_accept_creates_the_correction_in_the_same_transaction(site):
    editor = user_create(site=site)
    case = case_build(site, kind="fact", proposals=("received",))
    correction = case_accept(
        case=case,
        editor=editor,
        final_wording="received",
        publish_notice=True,
        kind="correction",
        severity="significant",
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.decided_at is not None
    assert isinstance(correction, Correction) and list(correction.cases.all()) == [case]
    assert correction.public and correction.after_text == "received"
    assert "case.accepted" in actions(case)


def test_accept_needs_a_wording(site):
    with pytest.raises(CaseActionError):
        case_accept(
            case=case_build(site),
            editor=user_create(site=site),
            final_wording=" ",
            publish_notice=False,
            kind="correction",
            severity="minor",
        )


def test_default_wording_is_the_commonest_proposal(site):
    case = case_build(site, proposals=("recieved.", "received", "received"))
    assert case_default_wording(case) == "received"


def test_bulk_reject_skips_cases_already_decided(site):
    editor = user_create(site=site)
    article = article_build(site)
    first, second = case_build(site, "recieved", article=article), case_build(site, "goverment", article=article)
    case_reject(case=second, editor=editor, reason="No.")
    result = cases_bulk_reject(cases=[first, second], editor=editor, reason="Style.")
    assert result.done == [first.pk]
    assert [pk for pk, _why in result.skipped] == [second.pk]


def test_email_is_masked_and_its_reveal_is_recorded(site):
    editor = user_create(site=site)
    case = case_build(site, email="reader@example.org")
    report = case.reports.get()
    assert email_masked(report.email) == "r•••@example.org"
    assert report_email_reveal(report=report, editor=editor) == "reader@example.org"
    event = AuditEvent.objects.get(action="report.email_revealed")
    assert (event.actor, event.target_id) == (editor, str(report.pk))
