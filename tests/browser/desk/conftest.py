"""Fixtures of the desk's browser tests: an editor signed in by a session cookie."""

import pytest
from django.test import Client
from playwright.sync_api import Page

from corrigo.sites.models import Role
from tests.factories import site_create, user_create


@pytest.fixture
def desk_site(transactional_db):
    """A site with an editor."""
    return site_create()


@pytest.fixture
def editor(desk_site):
    """An editor of ``desk_site``."""
    return user_create(site=desk_site, role=Role.EDITOR)


@pytest.fixture
def signed_in(page: Page, live_server, editor) -> Page:
    """The browser page with the editor's session (no login form: see test_reader_to_desk.py)."""
    client = Client()
    client.force_login(editor)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.console_errors = errors
    return page
