"""The WordPress plugin's HTTP contract, run with Debian's PHP against a live corrigo.

The plugin's WordPress-free classes (the CMS API client, the Standard Webhooks check, the fix
applier) are driven by integrations/wordpress/tests/contract.php; WordPress itself is not installed.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from corrigo.articles.models import Article, VersionSource
from corrigo.corrections.models import Correction
from corrigo.integrations.models import new_webhook_secret
from corrigo.integrations.services import api_token_create
from tests.factories import ARTICLE_TEXT, ORIGIN, site_create, user_create
from tests.publishing import accepted, case_reported

PLUGIN = Path(__file__).resolve().parents[3] / "integrations" / "wordpress"
PHP = shutil.which("php")
HTML = "".join(f"<p>{line}</p>" for line in ARTICLE_TEXT.split("\n"))


@pytest.fixture(scope="module")
def php() -> str:
    """Debian's PHP; CI installs php-cli (.ci/run)."""
    if PHP is None:
        pytest.fail("php is missing: install Debian's php-cli package (apt-get install php-cli)")
    return PHP


def run(php: str, *args: str, stdin: object = None) -> object:
    """Run the contract script and return its JSON output."""
    result = subprocess.run(
        [php, str(PLUGIN / "tests" / "contract.php"), *args],
        input=json.dumps(stdin),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(result.stdout)


def test_every_plugin_file_is_valid_php(php):
    files = sorted(PLUGIN.rglob("*.php"))
    assert len(files) >= 4
    for path in files:
        subprocess.run([php, "-l", str(path)], capture_output=True, check=True)


@pytest.mark.django_db(transaction=True)
def test_the_plugin_pushes_posts_reads_fixes_applies_and_confirms_them(php, live_server):
    site = site_create()
    token = api_token_create(site=site, name="WordPress", created_by=None)[1]
    base = live_server.url
    case = case_reported(site)
    article = {
        "url": f"{ORIGIN}/2026/bike-lanes",
        "cms_id": "17",
        "title": "Bike lanes",
        "html": HTML,
        "authors": ["Ann"],
    }
    pushed = run(php, "push", base, token, stdin=article)
    assert pushed["article"] == {"url": f"{ORIGIN}/2026/bike-lanes", "cms_id": "17"}
    assert (pushed["version"]["number"], pushed["version"]["created"]) == (1, False), "the reader saw the same text"

    correction = accepted(case, user_create(site=site))
    fixes = run(php, "fixes", base, token)
    assert [f["id"] for f in fixes] == [str(correction.public_id)]
    fixed_html = run(php, "apply", stdin={"html": HTML, "fix": fixes[0]})
    assert "first received last spring" in fixed_html and "recieved" not in fixed_html

    assert run(php, "push", base, token, stdin={**article, "html": fixed_html})["version"]["created"] is True
    assert Article.objects.get(cms_id="17").versions.get(number=2).source == VersionSource.CMS
    assert run(php, "confirm", base, token, fixes[0]["id"])["id"] == fixes[0]["id"]
    assert run(php, "fixes", base, token) == []
    assert Correction.objects.get().applied_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_plugin_reports_a_refused_token(php, live_server):
    answer = run(php, "fixes", live_server.url, "cgo_not-a-token")
    assert answer == {"error": "corrigo: The API token is missing, unknown or revoked.", "status": 401}


def test_the_plugin_verifies_standard_webhooks_signatures(php):
    secret = new_webhook_secret()
    body = json.dumps({"type": "case.accepted", "data": {"final_wording": "received"}})
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(timezone.now().timestamp())),
        "webhook-signature": Webhook(secret).sign("msg_1", timezone.now(), body),
    }
    assert run(php, "verify", secret, stdin={"headers": headers, "body": body}) == json.loads(body)
    assert run(php, "verify", secret, stdin={"headers": headers, "body": body.replace("received", "x")}) is None
    old = {**headers, "webhook-timestamp": str(int(timezone.now().timestamp()) - 3600)}
    assert run(php, "verify", secret, stdin={"headers": old, "body": body}) is None
    assert run(php, "verify", new_webhook_secret(), stdin={"headers": headers, "body": body}) is None


def test_the_plugin_leaves_an_ambiguous_passage_to_the_editor(php):
    fix = {"selector": {"exact": "the", "prefix": "", "suffix": ""}, "final_wording": "a"}
    assert run(php, "apply", stdin={"html": "<p>the cat and the dog</p>", "fix": fix}) is None
    fix["selector"]["prefix"] = "cat and "
    assert run(php, "apply", stdin={"html": "<p>the cat and the dog</p>", "fix": fix}) == "<p>the cat and a dog</p>"
