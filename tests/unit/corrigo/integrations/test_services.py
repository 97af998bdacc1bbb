"""CMS API tokens: created once in plain, stored hashed, revocable; webhook endpoints."""

import pytest

from corrigo.integrations.models import ApiToken
from corrigo.integrations.selectors import api_tokens_of_site
from corrigo.integrations.services import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    token_hash,
    webhook_endpoint_create,
)
from tests.factories import site_create, user_create

pytestmark = pytest.mark.django_db


def test_a_token_is_returned_once_and_only_its_hash_is_stored(site):
    token, plain = api_token_create(site=site, name="WordPress", created_by=user_create(site=site))
    stored = ApiToken.objects.get(pk=token.pk)
    assert plain not in (stored.token_hash, stored.prefix, stored.name)
    assert stored.token_hash == token_hash(plain) and plain.startswith(stored.prefix)
    assert api_token_authenticate(plain=plain) == token


def test_a_revoked_or_unknown_token_opens_nothing(site):
    owner = user_create(site=site)
    token, plain = api_token_create(site=site, name="CMS", created_by=owner)
    api_token_revoke(token=token, revoked_by=owner)
    api_token_revoke(token=token, revoked_by=owner)
    assert api_token_authenticate(plain=plain) is None
    assert api_token_authenticate(plain="cgo_nothing") is None
    assert api_token_authenticate(plain="") is None


def test_tokens_of_a_site_are_its_own(site):
    other = site_create()
    api_token_create(site=site, name="mine", created_by=None)
    api_token_create(site=other, name="theirs", created_by=None)
    assert [t.name for t in api_tokens_of_site(site=site)] == ["mine"]


def test_a_webhook_endpoint_gets_a_standard_secret_and_only_http_urls(site):
    endpoint = webhook_endpoint_create(
        site=site, url="https://cms.example/hook", created_by=None, events=["case.accepted"]
    )
    assert endpoint.secret.startswith("whsec_")
    assert endpoint.wants("case.accepted") and not endpoint.wants("case.created")
    with pytest.raises(ValueError):
        webhook_endpoint_create(site=site, url="file:///etc/passwd", created_by=None)
