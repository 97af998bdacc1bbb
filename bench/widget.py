"""Weigh the reader widget and trace what it costs a page load; print one JSON object.

    .venv/bin/python bench/widget.py [--runs N] [--paragraphs N]

* Size: gzip (level 9, as ``widget/check-build.mjs``) of the committed build: the boot ``embed.js``
  that every page loads, and the whole widget (boot + the dialog module loaded on first use).
* Page load: two servers on 127.0.0.1 stand in for the publisher (an article page with the widget's
  script tag) and corrigo (the built files, and a stub of the widget API). Chromium (Debian's, driven
  by Playwright) loads the page under a Chrome trace (``Tracing`` over CDP), then stays idle for two
  seconds. From the trace: every request the page made, and every main-thread task over 50 ms
  (a long task), with those that ran the widget's code (a script evaluation, compilation or
  function call from the corrigo origin inside the task) and the widget's share of each; a long
  task counts against the widget when it would have been under 50 ms without the widget's code.
  The page's own ``PerformanceObserver``
  for ``longtask`` entries is a second witness. Runs once at full speed and once with the CPU
  slowed down four times (CDP ``Emulation.setCPUThrottlingRate``), as on a cheap phone.
* First use: the reader selects a word and presses Ctrl+Enter; the requests made and the time until
  the dialog is open.
* ``data-show-corrections``: the one request it adds, and when (after the page's load event).

Targets (issue 4): boot <= 2 KB gzip, whole <= 8 KB gzip, 0 requests and 0 long tasks before first use.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
BUILD = PROJECT / "corrigo" / "embed" / "static" / "corrigo"
CHROMIUM = "/usr/bin/chromium"
LONG_TASK_US = 50_000
TARGETS = {
    "boot_gzip_max": 2048,
    "whole_gzip_max": 8192,
    "requests_before_first_use": 0,
    "long_tasks_before_first_use": 0,
}
CATEGORIES = [
    "toplevel",
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8",
    "v8.execute",
    "blink.user_timing",
    "loading",
]
CONFIG = {
    "site": "bench",
    "name": "Bench Daily",
    "lang": "en",
    "catalog": {},
    "plural": None,
    "kinds": [{"value": "typo", "label": "Typo"}, {"value": "other", "label": "Other"}],
    "limits": {"exact": 1000, "proposed": 1000, "comment": 2000, "email": 254, "text": 300000},
}
LONGTASKS_JS = """() => new Promise(done => {
  const seen = [];
  new PerformanceObserver(list => seen.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  setTimeout(() => done(seen.map(e => Math.round(e.duration))), 100);
})"""


def gzip_sizes() -> dict[str, int]:
    """Gzip size of each built file, the boot's, and the whole widget's."""
    sizes = {p.name: len(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0)) for p in sorted(BUILD.glob("*.js"))}
    return {**sizes, "boot": sizes["embed.js"], "whole": sum(sizes.values())}


def article(corrigo: str, paragraphs: int, extra: str = "") -> str:
    """A news article of ``paragraphs`` paragraphs with the widget's script tag."""
    body = "\n".join(
        f"<p>Paragraph {i}: the council met on Tuesday to discuss the bike lanes, the budget and the "
        f"consultation that residents had asked for since the spring; the plan was recieved well.</p>"
        for i in range(paragraphs)
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench article</title></head>'
        f"<body><header><p>Bench Daily</p></header><article><h1>Bike lanes</h1>{body}</article>"
        f'<script src="{corrigo}/embed.js" data-site="bench" data-root="article"{extra} defer></script>'
        "</body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    """Publisher pages, the built widget files, and a stub of the widget API (CORS open)."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        pages: dict[str, str] = self.server.pages  # type: ignore[attr-defined]
        if path in pages:
            return self.send(200, pages[path].encode(), "text/html; charset=utf-8")
        if path == "/embed.js" or path.startswith("/embed/"):
            file = BUILD / ("embed.js" if path == "/embed.js" else path.removeprefix("/embed/"))
            if file.is_file() and file.parent == BUILD:
                return self.send(200, file.read_bytes(), "text/javascript; charset=utf-8")
        if path.endswith("/widget"):
            return self.send(200, json.dumps(CONFIG).encode(), "application/json")
        if path.endswith("/notices"):
            return self.send(200, b'{"notices": []}', "application/json")
        return self.send(404, b"not found", "text/plain")

    def send(self, status: int, body: bytes, kind: str) -> None:
        """Answer with ``body``."""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        """Quiet."""


def serve(pages: dict[str, str]) -> ThreadingHTTPServer:
    """A server on 127.0.0.1 (a free port) in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.pages = pages  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main_thread(events: list[dict[str, Any]], corrigo: str) -> tuple[int, int] | None:
    """(pid, tid) of the renderer main thread that ran the widget's boot."""
    for e in events:
        data = e.get("args", {}).get("data", {})
        if e.get("name") == "EvaluateScript" and str(data.get("url", "")).startswith(corrigo):
            return e["pid"], e["tid"]
    return None


def widget_code(e: dict[str, Any], corrigo: str) -> bool:
    """Whether a trace event runs code from the corrigo origin."""
    data = e.get("args", {}).get("data", {})
    url = data.get("url") or data.get("scriptName") or e.get("args", {}).get("fileName") or ""
    return str(url).startswith(corrigo)


def analyse(trace: dict[str, Any], corrigo: str, publisher: str) -> dict[str, Any]:
    """Requests, long tasks (all and the widget's), and the widget's main-thread time, from a trace."""
    events = trace["traceEvents"]
    requests = [
        e["args"]["data"]["url"]
        for e in events
        if e.get("name") == "ResourceSendRequest" and str(e["args"]["data"].get("url", "")).startswith("http")
    ]
    thread = main_thread(events, corrigo)
    on_main = [e for e in events if thread and (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X"]
    runs = [e for e in on_main if e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask")]
    tasks = [
        t
        for t in runs
        if not any(o is not t and o["ts"] <= t["ts"] and t["ts"] + t["dur"] <= o["ts"] + o["dur"] for o in runs)
    ]
    ours = [
        e
        for e in on_main
        if widget_code(e, corrigo) and e.get("name") in ("EvaluateScript", "v8.compile", "FunctionCall", "v8.run")
    ]
    long_tasks = [t for t in tasks if t.get("dur", 0) > LONG_TASK_US]
    tops = [
        o
        for o in ours
        if not any(
            p is not o and p["ts"] <= o["ts"] and o["ts"] + o.get("dur", 0) <= p["ts"] + p.get("dur", 0) for p in ours
        )
    ]

    def share(task: dict[str, Any]) -> float:
        """Microseconds of the widget's code inside a task."""
        return sum(o.get("dur", 0) for o in tops if task["ts"] <= o["ts"] <= task["ts"] + task["dur"])

    def what(task: dict[str, Any]) -> str:
        """The widget's longest piece of code in a task: the boot's evaluation, or a callback (at column N)."""
        inside = [o for o in tops if task["ts"] <= o["ts"] <= task["ts"] + task["dur"]]
        top = max(inside, key=lambda o: o.get("dur", 0))
        data = top.get("args", {}).get("data", {})
        return top["name"] if top["name"] != "FunctionCall" else f"FunctionCall@{data.get('columnNumber')}"

    with_widget = [(t["dur"], share(t), what(t)) for t in long_tasks if share(t)]
    return {
        "requests": requests,
        "widget_requests": [u for u in requests if u.startswith(corrigo) and not u.startswith(f"{corrigo}/embed.js")],
        "long_tasks": [round(t["dur"] / 1000, 1) for t in long_tasks],
        # Long tasks that ran some of the widget's code: [task ms, of which the widget's ms, its longest piece].
        "long_tasks_with_widget_code": [[round(d / 1000, 1), round(w / 1000, 1), name] for d, w, name in with_widget],
        # Those the widget made long: without its code they would have been under 50 ms.
        "widget_long_tasks": [round(d / 1000, 1) for d, w, _ in with_widget if d - w <= LONG_TASK_US],
        "widget_main_thread_ms": round(sum(o.get("dur", 0) for o in tops) / 1000, 2),
        "longest_task_ms": round(max((t.get("dur", 0) for t in tasks), default=0) / 1000, 1),
    }


def page_load(browser: Browser, url: str, corrigo: str, publisher: str, throttle: float) -> dict[str, Any]:
    """Load ``url`` under a trace, stay idle two seconds, and analyse what happened."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{publisher}/bare.html")  # the same page without the widget: the globals it has
    before = set(page.evaluate("Object.keys(window)"))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url, wait_until="load")
    page.wait_for_function("window.Corrigo")
    page.wait_for_timeout(2000)
    trace = json.loads(browser.stop_tracing())
    result = analyse(trace, corrigo, publisher)
    result["longtask_observer_ms"] = page.evaluate(LONGTASKS_JS)
    result["globals_added"] = sorted(set(page.evaluate("Object.keys(window)")) - before)
    result["first_use"] = first_use(page, corrigo)
    context.close()
    return result


def first_use(page: Page, corrigo: str) -> dict[str, Any]:
    """Select a word, press Ctrl+Enter; the requests made and the milliseconds until the dialog is open."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url.split("?")[0]))
    page.evaluate(
        """() => { const p = document.querySelector('article p'); const r = document.createRange();
        r.setStart(p.firstChild, 0); r.setEnd(p.firstChild, 9);
        getSelection().removeAllRanges(); getSelection().addRange(r); }"""
    )
    start = time.perf_counter()
    page.keyboard.press("Control+Enter")
    page.locator("dialog[open]").wait_for()
    opened = (time.perf_counter() - start) * 1000
    return {"requests": seen, "dialog_open_ms": round(opened, 1)}


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The first run in full, with the medians of the timings over all runs."""
    out = dict(runs[0])
    out["runs"] = len(runs)
    out["widget_main_thread_ms"] = statistics.median(r["widget_main_thread_ms"] for r in runs)
    out["first_use"] = {
        **runs[0]["first_use"],
        "dialog_open_ms": statistics.median(r["first_use"]["dialog_open_ms"] for r in runs),
    }
    out["widget_requests_per_run"] = [len(r["widget_requests"]) for r in runs]
    out["widget_long_tasks_per_run"] = [r["widget_long_tasks"] for r in runs]
    out["long_tasks_with_widget_code_per_run"] = [r["long_tasks_with_widget_code"] for r in runs]
    out["widget_main_thread_ms_per_run"] = [r["widget_main_thread_ms"] for r in runs]
    return out


def show_corrections(browser: Browser, url: str) -> dict[str, Any]:
    """With data-show-corrections: the requests after load, and whether each came after the load event."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)
    entries = page.evaluate(
        """() => {
        const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
        return performance.getEntriesByType('resource')
          .map(e => ({ url: e.name.split('?')[0], after_load: e.startTime >= load }));
    }"""
    )
    context.close()
    return {"requests": entries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per CPU speed (timings are medians)")
    parser.add_argument("--paragraphs", type=int, default=40, help="paragraphs in the test article")
    args = parser.parse_args()

    pages: dict[str, str] = {}
    servers = [serve(pages), serve(pages)]
    publisher, corrigo = (f"http://127.0.0.1:{s.server_address[1]}" for s in servers)
    pages["/article.html"] = article(corrigo, args.paragraphs)
    pages["/notices.html"] = article(corrigo, args.paragraphs, " data-show-corrections")
    pages["/bare.html"] = article(corrigo, args.paragraphs).split("<script")[0] + "</body></html>"
    sizes = gzip_sizes()
    result: dict[str, Any] = {"gzip_bytes": sizes, "targets": TARGETS}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        for name, throttle in (("page_load", 1), ("page_load_cpu_4x", 4)):
            runs = [
                page_load(browser, f"{publisher}/article.html", corrigo, publisher, throttle) for _ in range(args.runs)
            ]
            result[name] = summary(runs)
        result["show_corrections"] = show_corrections(browser, f"{publisher}/notices.html")
        browser.close()
    for s in servers:
        s.shutdown()
    loads = (result["page_load"], result["page_load_cpu_4x"])
    result["targets_met"] = {
        "boot": sizes["boot"] <= TARGETS["boot_gzip_max"],
        "whole": sizes["whole"] <= TARGETS["whole_gzip_max"],
        "requests_before_first_use": not any(n for r in loads for n in r["widget_requests_per_run"]),
        "long_tasks_before_first_use": not any(n for n in result["page_load"]["widget_long_tasks_per_run"]),
        "long_tasks_before_first_use_cpu_4x": not any(
            n for n in result["page_load_cpu_4x"]["widget_long_tasks_per_run"]
        ),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
