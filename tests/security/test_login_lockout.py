"""Login lockout: after 5 wrong passwords the pair (user name, client) is locked out, even with the right one."""

import pytest
from django.test import Client

from tests.factories import user_create

pytestmark = pytest.mark.django_db


def attempt(client: Client, username: str, password: str):
    return client.post("/desk/login/", {"username": username, "password": password})


def test_five_failures_lock_the_account_from_that_client_and_say_so(site):
    user = user_create(site=site)
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(4):
        assert attempt(client, user.username, "wrong").status_code == 200
    locked = attempt(client, user.username, "wrong")
    assert locked.status_code == 429
    assert b"Too many failed logins" in locked.content
    right = attempt(client, user.username, "pw-Secret-123")
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    elsewhere = attempt(Client(REMOTE_ADDR="203.0.113.6"), user.username, "pw-Secret-123")
    assert elsewhere.status_code == 302


def test_a_successful_login_resets_the_count(site):
    user = user_create(site=site)
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        attempt(client, user.username, "wrong")
    assert attempt(client, user.username, "pw-Secret-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, user.username, "wrong").status_code == 200
