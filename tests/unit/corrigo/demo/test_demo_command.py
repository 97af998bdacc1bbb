"""``corrigo demo --no-serve`` sets up the demo newsroom and keeps it on a second run."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from corrigo.demo.services import DEMO_PASSWORD, DEMO_USERNAME
from corrigo.sites.models import Membership, Role, Site

pytestmark = pytest.mark.django_db


def test_demo_creates_the_site_and_an_editor_once(capsys):
    call_command("demo", "--no-serve", "--port", "8123")
    call_command("demo", "--no-serve", "--port", "8124")
    site = Site.objects.get()
    assert site.public_key == "demo"
    assert site.allowed_origins == sorted(
        ["http://127.0.0.1:8123", "http://localhost:8123", "http://127.0.0.1:8124", "http://localhost:8124"]
    )
    user = authenticate(username=DEMO_USERNAME, password=DEMO_PASSWORD)
    assert Membership.objects.get(user=user, site=site).role == Role.OWNER
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8124/desk/" in out and DEMO_PASSWORD in out


def test_demo_article_pages_embed_the_widget(client):
    page = client.get("/demo/bike-lanes/").content.decode()
    assert '<script src="/embed.js" data-site="demo" data-root="article" data-show-corrections defer></script>' in page
    assert "data-corrigo-open" in page
    uk = client.get("/demo/library-hours/").content.decode()
    assert '<html lang="uk">' in uk and "напишіть нам тут" in uk
