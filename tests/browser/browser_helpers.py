"""Helpers for the guided-browser tests (imported by conftest.py and the tests): pages served on 127.0.0.1, an event recorder, process checks.

The pages are real HTTP responses from `http.server` on a thread, so headers such as a strict
Content-Security-Policy reach the real Chromium exactly as a platform would send them.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from privacy_audit.browser import BrowserEvent, GuidanceTarget

# As root (CI containers) Chromium needs --no-sandbox; the rest keep a test browser off the network.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


@dataclass
class Route:
    body: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False  # send the headers and body so far, then never finish
    delay: float = 0.0  # seconds to wait before answering at all


class Site:
    """A small website on 127.0.0.1; `reports` collects what the test pages' own scripts POST back."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.reports: list[str] = []
        self.requests: list[tuple[str, str]] = []  # (path, Cookie header) of every page asked for
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("Cookie", "")))
                route = site.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404)
                    return
                if route.delay:
                    site.release.wait(route.delay)
                data = route.body.encode()
                self.send_response(route.status)
                content_type = {"js": "text/javascript", "css": "text/css"}.get(
                    self.path.rsplit(".", 1)[-1], "text/html; charset=utf-8"
                )
                self.send_header("Content-Type", content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.hang:
                    self.end_headers()
                    self.wfile.write(data)
                    self.wfile.flush()
                    site.release.wait(60)
                    return
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                site.reports.append(self.rfile.read(length).decode())
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def add(self, path: str, body: str, **options: object) -> str:
        self.routes[path] = Route(body=body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def wait_for_report(self, predicate: Callable[[str], bool], timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for report in self.reports:
                if predicate(report):
                    return report
            time.sleep(0.05)
        raise AssertionError(f"no matching report from the page; got {self.reports}")

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class Events:
    """Collects BrowserEvents (arriving on the worker thread) and lets a test wait for one."""

    def __init__(self) -> None:
        self.seen: list[BrowserEvent] = []
        self.threads: set[str] = set()
        self._changed = threading.Condition()

    def __call__(self, event: BrowserEvent) -> None:
        with self._changed:
            self.seen.append(event)
            self.threads.add(threading.current_thread().name)
            self._changed.notify_all()

    def wait_for(self, kind: str, timeout: float = 15.0, **match: str) -> BrowserEvent:
        def hit() -> BrowserEvent | None:
            for event in self.seen:
                if event.kind == kind and all(getattr(event, k) == v for k, v in match.items()):
                    return event
            return None

        with self._changed:
            found = self._changed.wait_for(hit, timeout)
        if found is None:
            raise AssertionError(f"no '{kind}' event {match or ''} within {timeout} s; got {self.kinds()}")
        return found

    def kinds(self) -> list[str]:
        with self._changed:
            return [event.kind for event in self.seen]


def target(
    url: str,
    *,
    labels: tuple[str, ...] = ("Who can see your future posts",),
    item_id: str = "future-posts",
    domains: tuple[str, ...] = ("facebook.com",),
) -> GuidanceTarget:
    return GuidanceTarget(
        url=url,
        allowed_domains=domains,
        platform_name="Facebook",
        item_id=item_id,
        title="Who can see your future posts",
        safe_value="Friends",
        labels=labels,
    )


def chromium_processes() -> set[int]:
    """Live (not zombie) Chromium processes started under this test process, read from /proc."""
    me = os.getpid()
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ..." — comm may contain spaces, so split after the closing parenthesis.
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
        if state == "Z":
            continue
        parents[int(entry.name)] = int(ppid)
        names[int(entry.name)] = comm

    def under_me(pid: int) -> bool:
        seen = 0
        while pid > 1 and seen < 64:
            pid = parents.get(pid, 0)
            if pid == me:
                return True
            seen += 1
        return False

    return {pid for pid, name in names.items() if "chrom" in name.lower() and under_me(pid)}


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
