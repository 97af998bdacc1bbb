"""Production settings refuse to start without a secret key and allowed hosts."""

import os
import subprocess
import sys

import pytest

CHECK = "import django; django.setup()"


def run_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "CORRIGO_ENV"}}
    full = {**base, "DJANGO_SETTINGS_MODULE": "corrigo.settings", **env}
    return subprocess.run([sys.executable, "-c", CHECK], env=full, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("env", "missing"),
    [({}, "SECRET_KEY"), ({"SECRET_KEY": "s" * 50}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without(env, missing):
    result = run_with({"CORRIGO_ENV": "production", **env})
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_production_starts_with_both(tmp_path):
    env = {"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "news.example", "CORRIGO_DATA_DIR": str(tmp_path)}
    assert run_with(env).returncode == 0


def test_sqlite_runs_in_wal_mode_with_immediate_transactions_and_the_file_mapped(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor();"
        "c.execute('PRAGMA journal_mode'); mode = c.fetchone()[0]; c.execute('PRAGMA mmap_size');"
        "print(mode, connection.settings_dict['OPTIONS']['transaction_mode'], c.fetchone()[0])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "corrigo.settings",
        "CORRIGO_ENV": "development",
        "CORRIGO_DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["wal", "IMMEDIATE", str(256 * 1024 * 1024)]
