"""Forged requests: every POST to a page without a CSRF token or from a foreign Origin is refused, and
CORS is granted to no look-alike of a site's origin, on every route that exists."""

import itertools

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from tests.factories import ORIGIN, user_create
from tests.security.routes import api_operations, site_paths

pytestmark = pytest.mark.django_db
PATHS = sorted(set(site_paths()))


def test_the_route_walk_finds_the_desk_and_the_admin():
    names = {name for _path, name in PATHS}
    assert {"desk:queue", "desk:accept", "desk:held", "desk:login"} <= names
    assert any(name.startswith("admin:") for name in names)


def signed_in(site) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_create(site=site))
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    return client, token


@pytest.mark.parametrize(("path", "name"), PATHS, ids=[name for _p, name in PATHS])
def test_every_post_without_a_token_or_from_a_foreign_origin_is_403(site, path, name):
    client, token = signed_in(site)
    without = client.post(path, {"x": "1"})
    assert without.status_code == 403, (path, without.status_code)
    assert b"CSRF" in without.content
    foreign = client.post(path, {"x": "1"}, HTTP_X_CSRFTOKEN=token, HTTP_ORIGIN="https://evil.example")
    assert foreign.status_code == 403 and b"CSRF" in foreign.content, path


def test_a_post_with_its_token_from_its_own_origin_passes_the_check(site):
    client, token = signed_in(site)
    response = client.post("/desk/bulk/", {}, HTTP_X_CSRFTOKEN=token, HTTP_ORIGIN="http://testserver")
    assert b"CSRF verification failed" not in response.content


def look_alikes(origin: str, count: int = 1000) -> list[str]:
    """``count`` origins that resemble ``origin`` (https://news.example) and are not it."""
    host = origin.split("://")[1]
    name, tld = host.rsplit(".", 1)
    hosts = {
        f"{name}.{tld}.evil.test",
        f"evil.{host}",
        f"{name}-{tld}.test",
        f"{name}{tld}",
        f"x{host}",
        f"{host}x",
        f"{name}.{tld}x",
        f"{name}.{tld}.",
        f"{host}@evil.test",
        f"evil.test#{host}",
        f"{name}.{tld}%2eevil.test",
        f"xn--{name}-abc.{tld}",
        f"{name.replace('e', 'е')}.{tld}",
        f"{name.replace('s', 'ѕ')}.{tld}",
        f"{name.replace('w', 'vv')}.{tld}",
        f"{name}0.{tld}",
        f"{name}.{tld}.{tld}",
        f"www.{host}",
    }
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789-":
        hosts.update({f"{letter}{host}", f"{host}{letter}", f"{name}{letter}.{tld}", f"{letter}.{host}"})
    for index in range(len(name)):
        hosts.add(name[:index] + name[index + 1 :] + f".{tld}")
        hosts.add(name[:index] + name[index] * 2 + name[index + 1 :] + f".{tld}")
    schemes = ["https", "http", "wss", "ftp", "null"]
    ports = ["", ":8443", ":80", ":1"]
    candidates = [f"{s}://{h}{p}" for h, s, p in itertools.product(sorted(hosts), schemes, ports)]
    candidates += [f"http://{host}", "null", f"{origin}:8443", f"{origin}/", f"{origin}/path", "https://evil.example"]
    found = [c for c in dict.fromkeys(candidates) if c != origin]
    assert len(found) >= count
    return found[:count]


def cors_grants(origin: str, method: str, path: str, *, actual: bool = True) -> list[str]:
    """The origins a preflight (and an actual request) to ``path`` were granted, other than the site's."""
    client = Client(HTTP_ORIGIN=origin)
    responses = [client.options(path, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method)]
    if actual:
        responses.append(client.generic(method, path))
    values = [r.get("Access-Control-Allow-Origin") for r in responses]
    return [v for v in values if v not in (None, ORIGIN)]


def test_no_look_alike_origin_is_granted_cors(site):
    granted = [o for o in look_alikes(ORIGIN) if cors_grants(o, "POST", "/api/v1/reports", actual=False)]
    assert granted == []
    allowed = Client(HTTP_ORIGIN=ORIGIN).options("/api/v1/reports", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN


def test_no_api_operation_grants_cors_to_a_look_alike(site):
    sample = look_alikes(ORIGIN)[::50]
    granted = [
        (o, m, p) for o, (m, p) in itertools.product(sample, sorted(set(api_operations()))) if cors_grants(o, m, p)
    ]
    assert granted == []
