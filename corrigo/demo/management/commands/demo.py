"""``corrigo demo``: a demo newsroom on SQLite, served on 127.0.0.1."""

import os
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from corrigo.demo.articles import ARTICLES
from corrigo.demo.services import DEMO_PASSWORD, DEMO_USERNAME, demo_editor_ensure, demo_site_ensure


class Command(BaseCommand):
    help = "Create (if missing) the demo publication and editor, then serve corrigo on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (default 8000).")
        parser.add_argument("--no-serve", action="store_true", help="Set up the demo data and exit.")

    def handle(self, *args: Any, port: int, no_serve: bool, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        origins = [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
        site = demo_site_ensure(origins=origins)
        demo_editor_ensure(site=site)
        base = f"http://127.0.0.1:{port}"
        self.stdout.write(self.style.SUCCESS("corrigo demo is ready."))
        self.stdout.write(f"  Articles:  {base}/demo/{ARTICLES[0].slug}/  (and {base}/)")
        self.stdout.write("             select a word, press Ctrl+Enter (Cmd+Enter on a Mac)")
        self.stdout.write(f"  Desk:      {base}/desk/   user {DEMO_USERNAME!r}, password {DEMO_PASSWORD!r}")
        self.stdout.write(f"  API docs:  {base}/api/v1/docs")
        self.stdout.write("  Tasks:     a background worker runs beside the server (re-anchoring, suggestions, emails)")
        if not no_serve:
            self._serve(port)

    def _serve(self, port: int) -> None:
        """Run the task worker in a child process and the web server here; stop both together."""
        worker = subprocess.Popen([sys.executable, "-m", "corrigo", "db_worker"], env=os.environ.copy())
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
