"""Accept → notice → it appears in every public output of its own site, and nothing else does."""

import datetime
import json
import re

import feedparser
import pytest
from django.template import Context, Template

from corrigo.corrections import views as log_views
from corrigo.corrections.services import correction_notice_edit
from tests.factories import ORIGIN, site_create, user_create
from tests.publishing import accepted, case_reported, rejected

pytestmark = pytest.mark.django_db

ARTICLE_URL = f"{ORIGIN}/2026/bike-lanes"


@pytest.fixture
def editor(site):
    return user_create(site=site)


@pytest.fixture
def published(site, editor):
    """A typo case accepted with a public notice."""
    return accepted(case_reported(site), editor)


def log_of(client, site) -> str:
    response = client.get(f"/corrections/{site.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def atom_of(client, site):
    response = client.get(f"/corrections/{site.slug}/feed.atom")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def json_feed_of(client, site):
    """The JSON Feed, checked against the JSON Feed 1.1 rules (feedparser 6.0 reads no JSON feeds)."""
    response = client.get(f"/corrections/{site.slug}/feed.json")
    assert response["Content-Type"] == "application/feed+json"
    body = response.json()
    assert body["version"] == "https://jsonfeed.org/version/1.1" and body["title"]
    for item in body["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        datetime.datetime.fromisoformat(item["date_published"])
        datetime.datetime.fromisoformat(item["date_modified"])
    return body


def notices_of(client, site, url=ARTICLE_URL):
    return client.get(f"/api/v1/sites/{site.public_key}/notices", {"url": url})


def test_a_published_notice_is_on_the_log_page_linking_its_article(client, site, published):
    page = log_of(client, site)
    assert published.wording in page
    assert f'href="{ARTICLE_URL}"' in page


def test_the_atom_feed_parses_and_keeps_its_entry_ids_after_an_edit(client, site, editor, published):
    before = atom_of(client, site)
    assert [e.id for e in before.entries] == [f"urn:uuid:{published.public_id}"]
    assert before.entries[0].summary == published.wording
    assert before.entries[0].link == ARTICLE_URL
    correction_notice_edit(correction=published, editor=editor, wording="We misspelled “received”.")
    after = atom_of(client, site)
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert after.entries[0].summary == "We misspelled “received”."


def test_the_json_feed_is_version_1_1_and_keeps_its_ids_after_an_edit(client, site, editor, published):
    body = json_feed_of(client, site)
    assert [i["id"] for i in body["items"]] == [f"urn:uuid:{published.public_id}"]
    assert body["items"][0]["url"] == ARTICLE_URL
    correction_notice_edit(correction=published, editor=editor, wording="Edited.")
    body_after = json_feed_of(client, site)
    assert [i["id"] for i in body_after["items"]] == [i["id"] for i in body["items"]]
    assert body_after["items"][0]["content_text"] == "Edited."


def test_the_notices_endpoint_answers_the_widget(client, site, published):
    response = notices_of(client, site, url=ARTICLE_URL + "?utm_source=x#top")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    notice = response.json()["notices"][0]
    assert notice == {
        "id": str(published.public_id),
        "kind": "correction",
        "severity": "minor",
        "text": published.wording,
        "published_at": notice["published_at"],
    }
    assert re.match(r"\d{4}-\d\d-\d\dT", notice["published_at"])


def test_the_notices_endpoint_allows_the_sites_origin_and_sets_no_cookie(client, site, published):
    response = client.get(
        f"/api/v1/sites/{site.public_key}/notices", {"url": ARTICLE_URL}, HTTP_ORIGIN=ORIGIN, HTTP_COOKIE="sessionid=x"
    )
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert not response.cookies


def test_notices_are_newest_first(client, site, editor):
    older = accepted(case_reported(site), editor)
    newer = accepted(case_reported(site, word="goverment", proposed="government"), editor)
    ids = [n["id"] for n in notices_of(client, site).json()["notices"]]
    assert ids == [str(newer.public_id), str(older.public_id)]


def test_an_unknown_article_has_no_notices_and_an_unknown_site_is_a_problem(client, site):
    assert notices_of(client, site, url=f"{ORIGIN}/never-seen").json() == {"notices": []}
    missing = client.get("/api/v1/sites/nope/notices", {"url": ARTICLE_URL})
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_the_article_json_ld_carries_correction_comments(site, published):
    html = Template("{% load corrigo %}{% corrigo_jsonld key url %}").render(
        Context({"key": site.public_key, "url": ARTICLE_URL})
    )
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*)</script>', html).group(1))
    assert data["correction"] == [
        {"@type": "CorrectionComment", "text": published.wording, "datePublished": published.published_at.isoformat()}
    ]
    assert data["dateModified"] == published.published_at.isoformat()


def test_a_rejected_case_and_a_silent_fix_appear_nowhere_public(client, site, editor):
    rejected(case_reported(site), editor)
    accepted(case_reported(site, word="goverment", proposed="government"), editor, publish=False)
    assert "recieved" not in log_of(client, site) and "goverment" not in log_of(client, site)
    assert atom_of(client, site).entries == []
    assert json_feed_of(client, site)["items"] == []
    assert notices_of(client, site).json() == {"notices": []}


def test_another_sites_notices_never_appear(client, site, editor):
    other = site_create()
    theirs = accepted(case_reported(other), user_create(site=other), notice_text="Site B's notice.")
    mine = accepted(case_reported(site), editor, notice_text="Site A's notice.")
    assert "Site B's notice." not in log_of(client, site)
    assert [e.id for e in atom_of(client, site).entries] == [f"urn:uuid:{mine.public_id}"]
    assert [i["id"] for i in json_feed_of(client, site)["items"]] == [f"urn:uuid:{mine.public_id}"]
    assert [n["id"] for n in notices_of(client, site).json()["notices"]] == [str(mine.public_id)]
    assert str(theirs.public_id) in json.dumps(notices_of(client, other).json())


def test_an_empty_log_says_so_and_an_unknown_site_is_404(client, site):
    assert "No corrections have been published yet." in log_of(client, site)
    for path in ("/corrections/nope/", "/corrections/nope/feed.atom", "/corrections/nope/feed.json"):
        assert client.get(path).status_code == 404


def test_the_log_is_paginated_newest_first(client, site, editor, monkeypatch):
    monkeypatch.setattr(log_views, "PAGE_SIZE", 1)
    accepted(case_reported(site), editor, notice_text="Older notice.")
    accepted(case_reported(site, word="goverment", proposed="government"), editor, notice_text="Newer notice.")
    first = log_of(client, site)
    assert "Newer notice." in first and "Older notice." not in first and 'rel="next"' in first
    second = client.get(f"/corrections/{site.slug}/", {"page": 2}).content.decode()
    assert "Older notice." in second and "Page 2 of 2" in second


def test_control_characters_in_a_notice_do_not_break_the_atom_feed(client, site, editor, published):
    # NUL is dropped when the notice is stored (PostgreSQL cannot hold it); the rest when the feed is made.
    correction_notice_edit(correction=published, editor=editor, wording="We misspelled\x00 \x1b[0m“received”\x08.")
    assert atom_of(client, site).entries[0].summary == "We misspelled [0m“received”."
