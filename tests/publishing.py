"""Builders for the publishing tests: a reported case, accepted or rejected through the desk's services."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from corrigo.cases.models import Case
from corrigo.cases.services import case_reject
from corrigo.cases.services.accept import case_accept
from corrigo.corrections.models import Correction
from corrigo.reports.models import Report
from corrigo.reports.schemas import ReportIn
from corrigo.reports.services import report_submit
from corrigo.sites.models import Site
from tests.factories import ARTICLE_TEXT, report_payload


def report_made(site: Site, word: str = "recieved", text: str = ARTICLE_TEXT, **fields: Any) -> Report:
    """A stored report (through the reports service) selecting ``word``."""
    return report_submit(
        site=site, data=ReportIn(**report_payload(site, word=word, text=text, **fields)), client_hash=""
    )


def case_reported(site: Site, word: str = "recieved", **fields: Any) -> Case:
    """The case of a new report selecting ``word``."""
    return Case.objects.get(pk=report_made(site, word=word, **fields).case_id)


def accepted(
    case: Case,
    editor: Any,
    wording: str = "received",
    *,
    publish: bool = True,
    kind: str = "correction",
    severity: str = "minor",
    notice_text: str = "",
) -> Correction:
    """Accept ``case`` with the desk's service, as the accept button does."""
    return case_accept(
        case=case,
        editor=editor,
        final_wording=wording,
        publish_notice=publish,
        kind=kind,
        severity=severity,
        notice_text=notice_text,
    )


def rejected(case: Case, editor: Any, reason: str = "The spelling is the local one.") -> Case:
    """Reject ``case`` with the desk's service."""
    return case_reject(case=case, editor=editor, reason=reason)


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers each request with the next status of ``statuses``."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.requests: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def bodies(self) -> list[dict[str, Any]]:
        """The JSON bodies received, in order."""
        return [json.loads(body) for _headers, body in self.requests]
