"""Migration steps that only PostgreSQL takes (indexes SQLite has no equivalent for)."""

from collections.abc import Callable, Iterable
from typing import Any


def on_postgresql(statements: Iterable[str]) -> Callable[[Any, Any], None]:
    """A ``RunPython`` step that runs ``statements`` on PostgreSQL and does nothing elsewhere."""

    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
