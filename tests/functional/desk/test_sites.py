"""Owner pages over HTTP: create a site, its settings and origins, members, invitations, API tokens, numbers."""

import pytest

from corrigo.integrations.models import ApiToken
from corrigo.sites.models import Invitation, Membership, Role, Site
from corrigo.sites.services import invitation_token
from tests.factories import user_create
from tests.functional.desk.conftest import logged_in
from tests.unit.corrigo.cases.builders import article_build, case_build

pytestmark = pytest.mark.django_db


def test_an_owner_creates_a_site_and_sets_its_origins(site):
    owner = user_create(site=site, role=Role.OWNER)
    client = logged_in(owner)
    response = client.post("/desk/sites/new/", {"name": "Gazette", "slug": "gazette", "default_language": "uk"})
    assert response.status_code == 302
    gazette = Site.objects.get(slug="gazette")
    response = client.post(
        "/desk/sites/gazette/",
        {"name": "Gazette", "default_language": "uk", "allowed_origins": "https://gazette.example/\nhttp://localhost:8000"},
    )
    assert response.status_code == 302
    gazette.refresh_from_db()
    assert gazette.allowed_origins == ["http://localhost:8000", "https://gazette.example"]


def test_a_bad_origin_is_refused(site):
    owner = user_create(site=site, role=Role.OWNER)
    response = logged_in(owner).post(
        f"/desk/sites/{site.slug}/", {"name": "X", "default_language": "en", "allowed_origins": "news.example/path"}
    )
    assert response.status_code == 400


def test_an_editor_cannot_create_sites(site):
    assert logged_in(user_create(site=site)).get("/desk/sites/new/").status_code == 403


def test_an_owner_invites_an_editor_who_joins_by_the_link(site):
    owner = user_create(site=site, role=Role.OWNER)
    logged_in(owner).post(f"/desk/sites/{site.slug}/members/invite/", {"email": "ed@example.org", "role": "editor"})
    invitation = Invitation.objects.get()
    client = logged_in(user_create())
    link = f"/desk/invitations/{invitation_token(invitation)}/"
    assert "Join" in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert Membership.objects.filter(site=site, role=Role.EDITOR).count() == 1


def test_an_owner_creates_and_revokes_an_api_token_shown_once(site):
    owner = user_create(site=site, role=Role.OWNER)
    client = logged_in(owner)
    page = client.post(f"/desk/sites/{site.slug}/tokens/", {"name": "WordPress"}).content.decode()
    token = ApiToken.objects.get()
    assert "WordPress" in page and "will not be shown again" in page
    assert token.prefix in page
    client.post(f"/desk/sites/{site.slug}/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_numbers_page_shows_figures_and_chart_data(site):
    case = case_build(site)
    editor = user_create(site=site, role=Role.VIEWER)
    logged_in(user_create(site=site)).post(f"/desk/cases/{case.pk}/reject/", {"reason": "correct"})
    page = logged_in(editor).get(f"/desk/sites/{site.slug}/numbers/").content.decode()
    assert 'id="numbers-data"' in page and "uPlot.iife.min.js" in page
    assert "<script>" not in page


def test_numbers_page_breaks_down_by_section_and_author(site):
    article = article_build(site, section="City", authors=["Ada Lovelace", "Grace Hopper"])
    case = case_build(site, article=article)
    logged_in(user_create(site=site)).post(f"/desk/cases/{case.pk}/reject/", {"reason": "correct"})
    response = logged_in(user_create(site=site)).get(f"/desk/sites/{site.slug}/numbers/")
    numbers = response.context["numbers"]
    assert [(b.name, b.cases, b.accepted) for b in numbers.by_section] == [("City", 1, 0)]
    assert [b.name for b in numbers.by_author] == ["Ada Lovelace", "Grace Hopper"]
    assert numbers.decided == 1 and numbers.share_accepted == 0
