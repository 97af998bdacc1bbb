"""The desk over HTTP: login, the queue, the case page, and tenant isolation."""

import pytest
from django.test import Client

from corrigo.cases.models import Case
from corrigo.sites.models import Role
from tests.conftest import post_json
from tests.factories import report_payload, site_create, user_create

pytestmark = pytest.mark.django_db


def report(site, **fields):
    response = post_json(Client(HTTP_ORIGIN="https://news.example"), "/api/v1/reports", report_payload(site, **fields))
    assert response.status_code == 202, response.content
    return Case.objects.filter(site=site).latest("pk")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_desk_requires_login():
    response = Client().get("/desk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/")


def test_login_form_logs_an_editor_in(site):
    user_create(site=site)
    client = Client()
    username = site.memberships.get().user.username
    response = client.post("/desk/login/", {"username": username, "password": "pw-Secret-123"})
    assert response.status_code == 302
    assert client.get("/desk/").status_code == 200


def test_queue_lists_open_cases_of_own_sites_with_counts(site):
    report(site)
    report(site, proposed="received again")
    other = site_create()
    report(other, word="goverment")
    page = logged_in(user_create(site=site)).get("/desk/").content.decode()
    assert "recieved" in page
    assert "goverment" not in page
    assert '<td class="count">2</td>' in page


def test_case_page_highlights_the_passage_in_the_article_text(site):
    case = report(site, comment="Spelling")
    page = logged_in(user_create(site=site, role=Role.VIEWER)).get(f"/desk/cases/{case.pk}/").content.decode()
    assert '<mark class="passage">recieved</mark>' in page
    assert "Spelling" in page


def test_case_of_another_site_is_404_for_every_role(site):
    other_case = report(site_create(), word="goverment")
    for role in Role.values:
        client = logged_in(user_create(site=site, role=role))
        assert client.get(f"/desk/cases/{other_case.pk}/").status_code == 404


def test_reader_text_is_escaped_in_the_desk(site):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    case = report(site, comment=payload, proposed=payload)
    page = logged_in(user_create(site=site)).get(f"/desk/cases/{case.pk}/").content.decode()
    assert payload not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_reader_text_is_escaped_in_the_queue(site):
    payload = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
    text = f"The council {payload} recieved the plan."
    start = text.index("recieved")
    report(
        site,
        title=payload,
        text=text,
        selector={
            "exact": f"{payload} recieved",
            "prefix": "The council ",
            "suffix": " the plan.",
            "start": text.index(payload),
            "end": start + len("recieved"),
        },
    )
    page = logged_in(user_create(site=site)).get("/desk/").content.decode()
    assert payload not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;script&gt;" in page
