"""The desk's guards, checked over every route: CSRF, roles, and tenancy (404 for another site's objects).

The routes are enumerated from ``corrigo.desk.urls``, so a new route is covered without editing this file.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from corrigo.audit.models import AuditEvent
from corrigo.cases.models import Case
from corrigo.desk import urls as desk_urls
from corrigo.sites.models import Role
from tests.factories import user_create
from tests.functional.desk.conftest import logged_in, route_kwargs

pytestmark = pytest.mark.django_db

ROUTES: list[URLPattern] = [p for p in desk_urls.urlpatterns if isinstance(p, URLPattern)]
OBJECT_PARAMS = {"case_id", "report_id", "slug", "membership_id", "invitation_id", "token_id"}
OBJECT_ROUTES = [p for p in ROUTES if set(p.pattern.converters) & OBJECT_PARAMS]


def url_of(pattern: URLPattern, world) -> str:
    kwargs = route_kwargs(world, list(pattern.pattern.converters))
    return reverse(f"desk:{pattern.name}", kwargs=kwargs)


def allowed_method(pattern: URLPattern, world) -> str:
    """GET for a page, POST for an action: asked of the route itself by its owner."""
    response = logged_in(world.owner).get(url_of(pattern, world))
    return "post" if response.status_code == 405 else "get"


def test_the_enumeration_sees_the_desk_routes():
    names = {p.name for p in ROUTES}
    assert {"queue", "bulk", "case", "accept", "reject", "merge", "split", "assign", "report-email"} <= names


@pytest.mark.parametrize("pattern", ROUTES, ids=lambda p: p.name)
def test_every_desk_post_without_a_csrf_token_is_refused(world, pattern):
    mine = world["mine"]
    client = logged_in(mine.owner, enforce_csrf_checks=True)
    events = AuditEvent.objects.count()
    response = client.post(url_of(pattern, mine), {"reason": "correct", "into": world["mine"].case.pk})
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("pattern", OBJECT_ROUTES, ids=lambda p: p.name)
def test_every_object_route_of_another_site_is_404_for_every_role(world, pattern, role):
    mine, theirs = world["mine"], world["theirs"]
    user = user_create(site=mine.site, role=role)
    method = allowed_method(pattern, theirs)
    client = logged_in(user)
    response = getattr(client, method)(url_of(pattern, theirs), {"reason": "correct", "into": mine.case.pk})
    assert response.status_code == 404


@pytest.mark.parametrize("pattern", OBJECT_ROUTES, ids=lambda p: p.name)
def test_a_viewer_cannot_act(world, pattern):
    mine = world["mine"]
    viewer = user_create(site=mine.site, role=Role.VIEWER)
    events = AuditEvent.objects.count()
    response = logged_in(viewer).post(
        url_of(pattern, mine), {"reason": "correct", "into": mine.case.pk, "role": "owner"}
    )
    # 405: a read-only page, which takes no POST from anyone.
    assert response.status_code in (403, 405)
    assert AuditEvent.objects.count() == events


def test_a_viewer_reads_the_case_but_sees_no_actions_and_no_email(world):
    mine = world["mine"]
    page = logged_in(user_create(site=mine.site, role=Role.VIEWER)).get(f"/desk/cases/{mine.case.pk}/").content.decode()
    assert "recieved" in page
    assert 'id="accept"' not in page and "r•••@example.org" not in page


def test_an_editor_cannot_open_the_owner_pages(world):
    mine = world["mine"]
    client = logged_in(user_create(site=mine.site, role=Role.EDITOR))
    assert client.get(f"/desk/sites/{mine.site.slug}/").status_code == 403
    assert client.get(f"/desk/sites/{mine.site.slug}/members/").status_code == 403
    assert client.get(f"/desk/sites/{mine.site.slug}/numbers/").status_code == 200


def test_bulk_with_a_case_of_another_site_is_404(world):
    mine, theirs = world["mine"], world["theirs"]
    client = logged_in(mine.owner)
    response = client.post(
        "/desk/bulk/", {"action": "reject", "reason": "correct", "cases": [mine.case.pk, theirs.case.pk]}
    )
    assert response.status_code == 404
    assert Case.objects.get(pk=mine.case.pk).status == "new"


def test_bulk_by_a_viewer_is_403(world):
    mine = world["mine"]
    viewer = user_create(site=mine.site, role=Role.VIEWER)
    response = logged_in(viewer).post("/desk/bulk/", {"action": "reject", "reason": "correct", "cases": [mine.case.pk]})
    assert response.status_code == 403


def test_the_admin_is_for_operators_only(world):
    response = logged_in(world["mine"].owner).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_anonymous_visitors_are_sent_to_the_login(world):
    for pattern in OBJECT_ROUTES:
        response = Client().get(url_of(pattern, world["mine"]))
        assert response.status_code in (302, 405), pattern.name
