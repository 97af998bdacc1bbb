"""Editors' emails: one per new case or a digest, as each chose; never the same email twice."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from corrigo.cases.models import Case
from corrigo.notifications.management.commands.send_digests import period_end
from corrigo.notifications.models import Delivery, Mode
from corrigo.notifications.services import preference_of, preference_set
from corrigo.notifications.tasks import case_opened_notify, digest_send
from corrigo.sites.models import Role
from tests.factories import site_create, user_create
from tests.unit.corrigo.cases.builders import case_build

pytestmark = pytest.mark.django_db


def editor_wanting(site, mode, role=Role.EDITOR, email="ed@example.org"):
    user = user_create(site=site, role=role)
    user.email = email
    user.save()
    preference_set(user=user, mode=mode)
    return user


def test_the_default_is_a_daily_digest(site):
    assert preference_of(user=user_create(site=site)) == Mode.DAILY


def test_a_new_case_emails_the_editors_who_want_each_case_with_a_link(site, settings):
    settings.CORRIGO_PUBLIC_URL = "https://desk.example"
    editor_wanting(site, Mode.EACH, email="each@example.org")
    editor_wanting(site, Mode.DAILY, email="daily@example.org")
    editor_wanting(site, Mode.EACH, role=Role.VIEWER, email="viewer@example.org")
    editor_wanting(site_create(), Mode.EACH, email="elsewhere@example.org")
    case = case_build(site)
    assert case_opened_notify.call(case_id=case.pk) == 1
    assert [m.to for m in mail.outbox] == [["each@example.org"]]
    assert f"https://desk.example/desk/cases/{case.pk}/" in mail.outbox[0].body


def test_the_new_case_email_is_sent_once_even_if_the_task_runs_twice(site):
    editor_wanting(site, Mode.EACH)
    case = case_build(site)
    case_opened_notify.call(case_id=case.pk)
    assert case_opened_notify.call(case_id=case.pk) == 0
    assert len(mail.outbox) == 1


def test_opening_a_case_enqueues_the_email_after_the_commit(site, django_capture_on_commit_callbacks):
    editor_wanting(site, Mode.EACH)
    with django_capture_on_commit_callbacks(execute=True):
        case_build(site)
    assert len(mail.outbox) == 1


def test_the_digest_lists_the_periods_cases_once(site):
    editor = editor_wanting(site, Mode.HOURLY)
    start = datetime(2026, 3, 1, 10, tzinfo=UTC)
    inside, outside = case_build(site), case_build(site)
    Case.objects.filter(pk=inside.pk).update(created_at=start + timedelta(minutes=5))
    Case.objects.filter(pk=outside.pk).update(created_at=start + timedelta(hours=2))
    assert digest_send.call(user_id=editor.pk, period="hourly", start=start.isoformat()) == 1
    assert digest_send.call(user_id=editor.pk, period="hourly", start=start.isoformat()) == 0
    assert len(mail.outbox) == 1 and f"/desk/cases/{inside.pk}/" in mail.outbox[0].body
    assert f"/desk/cases/{outside.pk}/" not in mail.outbox[0].body


def test_an_empty_period_sends_nothing(site):
    editor = editor_wanting(site, Mode.DAILY)
    start = datetime(2020, 1, 1, tzinfo=UTC).isoformat()
    assert digest_send.call(user_id=editor.pk, period="daily", start=start) == 0
    assert mail.outbox == [] and Delivery.objects.filter(user=editor).count() == 1


def test_send_digests_command_is_idempotent(site):
    editor_wanting(site, Mode.DAILY)
    case = case_build(site)
    Case.objects.filter(pk=case.pk).update(created_at=datetime(2026, 3, 1, 15, tzinfo=UTC))
    call_command("send_digests", "--period", "daily", "--at", "2026-03-02T08:00:00+00:00")
    call_command("send_digests", "--period", "daily", "--at", "2026-03-02T09:30:00+00:00")
    assert len(mail.outbox) == 1


def test_period_end_is_the_last_complete_hour_or_day():
    now = datetime(2026, 3, 2, 8, 41, tzinfo=UTC)
    assert period_end(period="hourly", now=now) == datetime(2026, 3, 2, 8, tzinfo=UTC)
    assert period_end(period="daily", now=now) == datetime(2026, 3, 2, tzinfo=UTC)
