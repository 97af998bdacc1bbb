"""Production settings: ``corrigo check --deploy`` is clean, security headers are sent, and errors
show no stack trace (a busy database is a 503 with Retry-After)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from corrigo.urls import urlpatterns as service_urls

ROOT = Path(__file__).resolve().parents[2]
HEADERS_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client()
page = client.get("/desk/login/", secure=True, HTTP_HOST="corrigo.example")
api = client.get("/api/v1/health", secure=True, HTTP_HOST="corrigo.example")
plain = client.get("/desk/login/", HTTP_HOST="corrigo.example")
redirect = [plain.status_code, plain.headers.get("Location")]
print(json.dumps({"page": dict(page.headers), "api": dict(api.headers), "plain": redirect}))
"""


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CORRIGO_", "DJANGO_", "DEBUG", "DATABASE_URL"))}
    env.update(
        CORRIGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="corrigo.example",
        CORRIGO_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="corrigo.settings",
    )
    return env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "corrigo", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_the_security_headers_and_redirects_to_https(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", HEADERS_SCRIPT],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    page = answer["page"]
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Frame-Options"] == "DENY"
    csp = page["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "Strict-Transport-Security" in answer["api"]
    assert answer["plain"] == [301, "https://corrigo.example/desk/login/"]


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internals /etc/passwd")


def busy(request: HttpRequest) -> HttpResponse:
    raise OperationalError("database is locked")


urlpatterns = [path("boom/", boom), path("busy/", busy), path("api/v1/boom/", boom), *service_urls]
handler404 = "corrigo.urls.not_found"
handler500 = "corrigo.problems.server_error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_errors_show_no_stack_trace_and_a_busy_database_is_503():
    client = Client(raise_request_exception=False)
    page = client.get("/boom/")
    assert page.status_code == 500
    assert b"secret internals" not in page.content and b"Traceback" not in page.content
    assert b"Something went wrong" in page.content
    api = client.get("/api/v1/boom/")
    assert api.status_code == 500 and api["Content-Type"] == "application/problem+json"
    assert b"secret internals" not in api.content
    locked = client.get("/busy/")
    assert locked.status_code == 503 and locked["Retry-After"] == "5"
    assert b"database is locked" not in locked.content
