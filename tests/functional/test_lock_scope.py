"""On PostgreSQL, a reader's report is stored while an editor's action or the task worker holds a lock.

Storing a report checks its foreign keys to the site and the article with ``FOR KEY SHARE``. A service
that locked either row ``FOR UPDATE``, itself or through ``select_related``, would hold up every
report of that article or site until its transaction ended. SQLite runs one write transaction at a
time, so these tests are for PostgreSQL only.
"""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from corrigo.articles.models import Article
from corrigo.cases.services.organize import case_assign
from corrigo.corrections.services import correction_notice_edit
from corrigo.reports.placement import reports_place
from corrigo.sites.models import Membership, Role, Site
from corrigo.sites.services import membership_role_change, site_settings_update
from tests.factories import ORIGIN, site_create, user_create
from tests.publishing import accepted, case_reported, report_made

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="on SQLite every write transaction runs alone"),
]


def held_while_storing(site: Site, hold: Callable[[], object]) -> None:
    """Run ``hold`` in another connection's transaction and, while it is open, store a report on ``site``."""
    holding, stored = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                hold()
                holding.set()
                stored.wait(timeout=30)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
            holding.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            report_made(site)
    finally:
        stored.set()
        thread.join(timeout=30)
    assert errors == []


@pytest.fixture
def case():
    return case_reported(site_create())


@pytest.fixture
def owner(case):
    return user_create(site=case.site, role=Role.OWNER)


def test_while_an_article_is_locked(case):
    held_while_storing(case.site, lambda: Article.objects.locked().get(pk=case.article_id))


def test_while_the_task_worker_places_the_articles_reports(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    site = site_create()
    waiting = report_made(site)
    held_while_storing(site, lambda: reports_place.call())
    waiting.refresh_from_db()
    assert waiting.case_id is not None, "the run placed the report it found"


def test_while_an_editor_acts_on_a_case(case, owner):
    held_while_storing(case.site, lambda: case_assign(case=case, assignee=owner, editor=owner))


def test_while_a_correction_notice_is_edited(case, owner):
    correction = accepted(case, owner)
    held_while_storing(
        case.site, lambda: correction_notice_edit(correction=correction, editor=owner, wording="Corrected.")
    )


def test_while_an_owner_changes_a_members_role(case, owner):
    membership = Membership.objects.get(user=user_create(site=case.site), site=case.site)
    held_while_storing(case.site, lambda: membership_role_change(membership=membership, role=Role.VIEWER, actor=owner))


def test_while_an_owner_changes_the_sites_settings(case, owner):
    held_while_storing(
        case.site,
        lambda: site_settings_update(
            site=case.site, actor=owner, name="Renamed", default_language="en", allowed_origins=[ORIGIN]
        ),
    )
