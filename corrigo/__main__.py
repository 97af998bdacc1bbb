"""The ``corrigo`` command: Django's management commands for the corrigo service."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command (``corrigo demo``, ``corrigo migrate``, ``corrigo db_worker`` …)."""
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is a local sandbox: it must start on a fresh machine without any configuration.
        os.environ.setdefault("CORRIGO_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corrigo.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
