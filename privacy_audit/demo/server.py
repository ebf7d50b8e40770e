"""A small web server on 127.0.0.1 for the demo's practice pages, so the guided browser has real pages to
open with no network and no accounts.

It listens on the loopback address only (nothing on the network can reach it), on a free port chosen by
the system, in a daemon thread. Pages are rendered per request by `PracticePages`. Qt-free.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from privacy_audit.core.catalogue import Catalogue
from privacy_audit.core.urls import host_is_allowed
from privacy_audit.demo.pages import PROFILE_PATH, PracticePages

HOST = "127.0.0.1"

# The pages carry no scripts and load only their own stylesheet; say so to the browser too.
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}


class PracticeServer:
    """Serves the practice pages until `close()`. Also maps checklist items to their practice addresses."""

    def __init__(self, catalogue: Catalogue, pages: PracticePages | None = None) -> None:
        self.catalogue = catalogue
        self.pages = pages or PracticePages(catalogue)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- running -----------------------------------------------------------------------------------------

    def start(self) -> PracticeServer:
        if self._server is not None:
            return self
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            server_version = "PrivacyAuditPractice"
            sys_version = ""

            def do_GET(self) -> None:
                self._answer(send_body=True)

            def do_HEAD(self) -> None:
                self._answer(send_body=False)

            def _answer(self, send_body: bool) -> None:
                page = pages.page(self.path)
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                for name, value in _HEADERS.items():
                    self.send_header(name, value)
                self.end_headers()
                if send_body:
                    self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # a demo on a projector has no use for a request log on the terminal

        server = ThreadingHTTPServer((HOST, 0), Handler)
        server.daemon_threads = True
        self._server = server
        # A short poll keeps Reset demo and quitting quick (shutdown waits for the next poll).
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="practice-pages", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("The practice server is not running.")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    # -- addresses ---------------------------------------------------------------------------------------

    def item_url(self, platform: str, item_id: str) -> str:
        return f"{self.base_url}/{platform}/{item_id}"

    def profile_url(self, platform: str) -> str:
        return f"{self.base_url}/{platform}/{PROFILE_PATH}"

    def platform_for_name(self, name: str) -> str | None:
        """The platform id whose display name is `name` (a GuidanceTarget carries the name)."""
        return next((c.platform for c in self.catalogue.checklists.values() if c.name == name), None)

    def platform_for_url(self, url: str) -> str | None:
        """The platform whose own web addresses `url` is on (e.g. a public profile address)."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        for checklist in self.catalogue.checklists.values():
            if checklist.domains and host_is_allowed(host, checklist.domains):
                return checklist.platform
        return None
