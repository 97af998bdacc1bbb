"""The CMS API: bearer tokens per site, pushing versions, reading and confirming accepted fixes."""

import pytest

from corrigo.articles.models import Article, VersionSource
from corrigo.audit.models import AuditEvent
from corrigo.cases.models import Case, CaseStatus
from corrigo.integrations.services import api_token_create, api_token_revoke
from tests.conftest import post_json
from tests.factories import ARTICLE_TEXT, ORIGIN, site_create, user_create
from tests.publishing import accepted, case_reported, report_made

pytestmark = pytest.mark.django_db

ARTICLE_URL = f"{ORIGIN}/2026/bike-lanes"


@pytest.fixture
def token(site):
    return api_token_create(site=site, name="CMS", created_by=None)[1]


def auth(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def push(client, token, **fields):
    body = {"url": ARTICLE_URL, "cms_id": "post-17", "title": "Council approves bike lanes", "text": ARTICLE_TEXT}
    return post_json(client, "/api/v1/cms/articles", {**body, **fields}, **auth(token))


def test_pushing_an_article_stores_a_cms_version_with_its_details(client, token, site):
    response = push(
        client,
        token,
        html="<h1>Council approves bike lanes</h1><p>The plan,&nbsp;which   passed.</p>",
        text=None,
        section="City",
        authors=["A. Writer", "B. Writer"],
        published_at="2026-03-01T09:00:00+00:00",
        modified_at="2026-03-02T10:00:00Z",
    )
    assert response.status_code == 201
    assert response.json()["version"]["number"] == 1 and response.json()["version"]["created"] is True
    article = Article.objects.get(site=site)
    assert (article.cms_id, article.section, article.authors) == ("post-17", "City", ["A. Writer", "B. Writer"])
    assert article.modified_at.isoformat() == "2026-03-02T10:00:00+00:00"
    version = article.versions.get()
    assert (version.text, version.source) == ("Council approves bike lanes\nThe plan, which passed.", VersionSource.CMS)


def test_pushing_the_same_text_again_adds_no_version(client, token):
    assert push(client, token).status_code == 201
    again = push(client, token)
    assert again.status_code == 200 and again.json()["version"] == {**again.json()["version"], "created": False}


def test_a_cms_push_with_the_typo_fixed_marks_the_case_fixed_in_that_version(client, token, site):
    case = case_reported(site)
    response = push(client, token, text=ARTICLE_TEXT.replace("recieved", "received"))
    assert response.json()["version"]["number"] == 2
    case.refresh_from_db()
    assert case.fixed_in is not None and case.fixed_in.number == 2
    assert case.exact == "received"
    assert AuditEvent.objects.filter(action="case.fixed_in_version", target_id=str(case.pk)).exists()


def test_accepted_fixes_are_listed_with_selectors_until_confirmed(client, token, site):
    correction = accepted(case_reported(site), user_create(site=site))
    fixes = client.get("/api/v1/cms/fixes", **auth(token)).json()["fixes"]
    assert len(fixes) == 1
    fix = fixes[0]
    assert fix["id"] == str(correction.public_id)
    assert (fix["before"], fix["final_wording"], fix["notice"]) == ("recieved", "received", correction.wording)
    start = ARTICLE_TEXT.index("recieved")
    assert fix["selector"] == {
        "exact": "recieved",
        "prefix": ARTICLE_TEXT[start - 32 : start],
        "suffix": ARTICLE_TEXT[start + 8 : start + 40],
        "start": start,
        "end": start + 8,
        "version": 1,
    }
    confirmed = post_json(client, f"/api/v1/cms/fixes/{fix['id']}/applied", {}, **auth(token))
    assert confirmed.status_code == 200 and confirmed.json()["applied_at"]
    assert client.get("/api/v1/cms/fixes", **auth(token)).json() == {"fixes": []}
    assert Case.objects.get().status == CaseStatus.FIXED


def test_a_token_of_another_site_sees_none_of_this_sites_fixes(client, site):
    correction = accepted(case_reported(site), user_create(site=site))
    other_token = api_token_create(site=site_create(), name="B", created_by=None)[1]
    assert client.get("/api/v1/cms/fixes", **auth(other_token)).json() == {"fixes": []}
    response = post_json(client, f"/api/v1/cms/fixes/{correction.public_id}/applied", {}, **auth(other_token))
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    correction.refresh_from_db()
    assert correction.applied_at is None


@pytest.mark.parametrize("header", [None, "Bearer cgo_wrong", "Basic dXNlcjpwdw=="])
def test_without_a_valid_token_the_answer_is_a_401_problem(client, header):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/cms/fixes", **headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_revoked_token_is_refused(client, site):
    token, plain = api_token_create(site=site, name="old", created_by=None)
    api_token_revoke(token=token, revoked_by=None)
    assert client.get("/api/v1/cms/fixes", **auth(plain)).status_code == 401


def test_a_push_needs_exactly_one_body(client, token):
    response = push(client, token, html="<p>x</p>")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Send the article body as either html or text."
    assert push(client, token, text=None).status_code == 422


def test_reports_export_as_w3c_web_annotations_without_email(client, token, site):
    report = report_made(site, email="reader@example.org", comment="Spelling.")
    response = client.get("/api/v1/cms/annotations", **auth(token))
    assert response["Content-Type"].startswith("application/ld+json")
    page = response.json()
    assert page["type"] == "AnnotationPage" and page["partOf"]["total"] == 1
    annotation = page["items"][0]
    assert annotation["id"] == f"urn:uuid:{report.pk}" and annotation["motivation"] == "editing"
    assert annotation["target"]["source"] == ARTICLE_URL
    assert {s["type"] for s in annotation["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    assert "reader@example.org" not in response.content.decode()
    assert client.get("/api/v1/cms/annotations").status_code == 401
