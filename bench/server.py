"""Starting and stopping a real corrigo server for the benches and long tests: gunicorn on 127.0.0.1
with a temporary data directory (SQLite) or a fresh PostgreSQL database; loopback only."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_KEY = "bench-key"
ORIGIN = "https://news.example"
WORKERS = os.cpu_count() or 2
"""gunicorn's sync workers in the load and cost benches: one per core, as the README advises."""
SETUP = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from corrigo.sites.models import Site
Site.objects.get_or_create(public_key="{key}", defaults=dict(name="Bench", slug="bench", allowed_origins=["{origin}"]))
"""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_url(name: str) -> str | None:
    """A fresh, empty PostgreSQL database on 127.0.0.1:5432 (dropped first), or None if there is none."""
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{name}"')
    except Exception:
        return None
    return f"postgres://postgres@127.0.0.1:5432/{name}"


@dataclass
class Server:
    """A gunicorn serving corrigo; ``env`` is also what a client process needs to read its database."""

    data_dir: Path
    workers: int = 4
    database_url: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)
    task_worker: bool = False
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    worker: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CORRIGO_", "DJANGO_", "DATABASE_URL"))}
        env.update(
            CORRIGO_ENV="production",
            SECRET_KEY=_secret(self.data_dir),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            CORRIGO_DATA_DIR=str(self.data_dir),
            DJANGO_SETTINGS_MODULE="bench.settings",
            PYTHONPATH=str(ROOT),
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.extra_env)
        return env

    def setup(self) -> None:
        """Migrate (which also creates the cache table) and create the bench site."""
        (self.data_dir / "static").mkdir(exist_ok=True)
        code = "import django; django.setup()\n" + SETUP.format(key=SITE_KEY, origin=ORIGIN)
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=self.env, check=True, timeout=300)

    def start(self, *, wait: bool = True) -> None:
        """Start gunicorn in its own process group and wait until it answers."""
        (self.data_dir / "static").mkdir(exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "corrigo.wsgi:application",
            "-w",
            str(self.workers),
            "-b",
            f"127.0.0.1:{self.port}",
            "--backlog",
            "2048",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)
        if self.task_worker and self.worker is None:
            # As the README advises for production: one task worker beside the web server places
            # reports in their cases, at a lower CPU priority than the web workers.
            worker = ["nice", "-n", "10", sys.executable, "-m", "corrigo", "db_worker", "--no-startup-delay"]
            self.worker = subprocess.Popen(
                worker, cwd=ROOT, env=self.env, start_new_session=True, stdout=subprocess.DEVNULL
            )
        if wait:
            self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/api/v1/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def wait_placed(self, timeout: float = 600) -> float:
        """Wait until the task worker has placed every accepted report; returns the seconds waited."""
        from django.db import close_old_connections

        from corrigo.reports.placement import reports_waiting

        began = time.monotonic()
        while time.monotonic() - began < timeout:
            close_old_connections()
            if not reports_waiting().exists():
                break
            time.sleep(0.2)
        return time.monotonic() - began

    def kill(self) -> None:
        """kill -9 the whole server: master and workers (the task worker too)."""
        for name in ("process", "worker"):
            process = getattr(self, name)
            if process is not None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
                setattr(self, name, None)

    def stop(self) -> None:
        """Stop gracefully (SIGTERM), or kill after 30 s."""
        for name in ("process", "worker"):
            process = getattr(self, name)
            if process is not None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=30)
                setattr(self, name, None)


def _secret(data_dir: Path) -> str:
    path = data_dir / "secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text()


@contextmanager
def running(server: Server) -> Iterator[Server]:
    """Set up and start ``server``; stop it whatever happens."""
    server.setup()
    server.start()
    try:
        yield server
    finally:
        server.stop()
