"""The public report endpoint over HTTP: storage, idempotency, grouping, and every error class."""

import json
import uuid

import pytest
from django.test import Client

from corrigo.cases.models import Case
from corrigo.reports.models import Report
from corrigo.reports.schemas import ReportAck
from tests.conftest import post_json
from tests.factories import ARTICLE_TEXT, ORIGIN, report_payload

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports"


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


def test_report_is_stored_and_acknowledged_with_a_status_link(api_client, site):
    response = post_json(api_client, URL, report_payload(site))
    assert response.status_code == 202
    body = response.json()
    report = Report.objects.get()
    assert body["id"] == str(report.id)
    assert body["status_url"].endswith(f"/status/{report.id}/")
    assert report.exact == "recieved"
    assert report.case.report_count == 1
    assert report.version.text == ARTICLE_TEXT


def test_the_acknowledgement_is_the_json_its_schema_describes(api_client, site):
    response = post_json(api_client, URL, report_payload(site))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    ack = ReportAck.model_validate(body)
    assert body == json.loads(ack.model_dump_json(by_alias=True)), "no field more, none less, none changed"


def test_same_client_id_twice_stores_one_report_and_gives_the_same_answer(api_client, site):
    payload = report_payload(site)
    first = post_json(api_client, URL, payload)
    second = post_json(api_client, URL, payload)
    assert first.status_code == second.status_code == 202
    same = ("id", "status_url")
    assert [first.json()[k] for k in same] == [second.json()[k] for k in same]
    assert Report.objects.count() == 1
    assert Case.objects.get().report_count == 1


def test_two_readers_reporting_the_same_passage_make_one_case_with_count_two(api_client, site):
    post_json(api_client, URL, report_payload(site))
    post_json(api_client, URL, report_payload(site, proposed="received", comment="typo"))
    case = Case.objects.get()
    assert case.report_count == 2
    assert case.reports.count() == 2


def test_overlapping_passage_joins_the_case_and_a_distant_one_opens_another(api_client, site):
    post_json(api_client, URL, report_payload(site, word="recieved"))
    post_json(api_client, URL, report_payload(site, word="first recieved last"))
    post_json(api_client, URL, report_payload(site, word="goverment"))
    assert sorted(Case.objects.values_list("report_count", flat=True)) == [1, 2]


def test_a_report_on_a_newer_copy_joins_the_case_moved_to_it(api_client, site):
    post_json(api_client, URL, report_payload(site))
    post_json(api_client, URL, report_payload(site, text="Breaking: " + ARTICLE_TEXT))
    case = Case.objects.get()
    assert (case.report_count, case.version.number, case.start) == (2, 2, ARTICLE_TEXT.index("recieved") + 10)


def test_write_to_us_report_without_selector_opens_its_own_case(api_client, site):
    payload = report_payload(site, selector=None, comment="The photo caption names the wrong street.")
    assert post_json(api_client, URL, payload).status_code == 202
    case = Case.objects.get()
    assert not case.has_passage


def test_write_to_us_report_without_comment_is_refused(api_client, site):
    body = assert_problem(post_json(api_client, URL, report_payload(site, selector=None, proposed="")), 422)
    assert "comment" in json.dumps(body).lower()


def test_unknown_site_is_404(api_client, site):
    payload = report_payload(site)
    payload["site"] = "nope"
    assert_problem(post_json(api_client, URL, payload), 404)


def test_origin_not_allowed_for_the_site_is_403(site):
    for client in (Client(HTTP_ORIGIN="https://evil.example"), Client()):
        assert_problem(post_json(client, URL, report_payload(site)), 403)
    assert not Report.objects.exists()


def test_page_url_of_another_site_is_refused(api_client, site):
    body = assert_problem(post_json(api_client, URL, report_payload(site, url="https://other.example/a")), 422)
    assert body["errors"][0]["field"] == "url"


def test_malformed_json_is_400_with_a_readable_detail(api_client, site):
    response = api_client.post(URL, data='{"site": "x",', content_type="application/json")
    body = assert_problem(response, 400)
    assert "JSON" in body["detail"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("comment", "x" * 2001), ("proposed", "y" * 1001), ("text", ARTICLE_TEXT + "z" * 300_000)],
)
def test_over_long_fields_are_422_with_the_field_named(api_client, site, field, value):
    body = assert_problem(post_json(api_client, URL, report_payload(site, **{field: value})), 422)
    assert [e["field"] for e in body["errors"]] == [field]


def test_over_long_exact_is_422(api_client, site):
    text = "a" * 1500
    payload = report_payload(site, word="a" * 1001, text=text)
    body = assert_problem(post_json(api_client, URL, payload), 422)
    assert body["errors"][0]["field"] == "selector.exact"


def test_limits_count_code_points_not_utf16_units(api_client, site):
    emoji_comment = "\U0001F600" * 2000  # 2,000 code points, 4,000 UTF-16 units
    assert post_json(api_client, URL, report_payload(site, comment=emoji_comment)).status_code == 202


def test_selector_not_matching_the_text_is_422(api_client, site):
    payload = report_payload(site)
    payload["selector"]["start"] += 1
    body = assert_problem(post_json(api_client, URL, payload), 422)
    assert "passage" in body["errors"][0]["message"]


def test_missing_and_invalid_fields_are_each_named(api_client, site):
    payload = report_payload(site, kind="rant", client_id="not-a-uuid", email="nobody@")
    del payload["url"]
    body = assert_problem(post_json(api_client, URL, payload), 422)
    assert {e["field"] for e in body["errors"]} == {"kind", "client_id", "url", "email"}


def test_a_body_over_the_size_limit_is_413_and_nothing_is_stored(api_client, site, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    payload = report_payload(site, comment="x" * 10_000)
    body = assert_problem(post_json(api_client, URL, payload), 413)
    assert "too large" in body["detail"]
    assert not Report.objects.exists()


def test_a_json_array_body_is_422_not_500(api_client, site):
    assert_problem(post_json(api_client, URL, [1, 2]), 422)


def test_unknown_api_path_is_a_problem_document(api_client):
    assert_problem(api_client.get("/api/v1/nothing-here"), 404)


def test_the_endpoint_never_sets_a_cookie(api_client, site):
    api_client.cookies["sessionid"] = "x"
    response = post_json(api_client, URL, report_payload(site))
    assert response.status_code == 202
    assert not response.cookies


def test_cors_is_granted_only_to_the_sites_origins(site):
    preflight = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}
    allowed = Client(HTTP_ORIGIN=ORIGIN).options(URL, **preflight)
    refused = Client(HTTP_ORIGIN="https://news.example.evil.test").options(URL, **preflight)
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in allowed
    assert "Access-Control-Allow-Origin" not in refused


def test_email_is_validated(api_client, site):
    body = assert_problem(post_json(api_client, URL, report_payload(site, email="not an email")), 422)
    assert body["errors"][0]["field"] == "email"
    ok = post_json(api_client, URL, report_payload(site, email="reader@example.org", client_id=str(uuid.uuid4())))
    assert ok.status_code == 202


def test_a_proposal_that_repeats_the_passage_is_not_kept_as_a_proposal(api_client, site):
    post_json(api_client, URL, report_payload(site, proposed="recieved"))
    assert Report.objects.get().proposed == ""


def test_health_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/api/v1/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_a_held_report_gets_the_same_acknowledgement_as_an_accepted_one(api_client, site):
    payload = report_payload(site)
    del payload["challenge"]
    response = post_json(api_client, URL, payload)
    assert response.status_code == 202
    assert set(response.json()) == {"id", "status_url", "challenge"}
    assert Report.objects.get().verdict == "held"
