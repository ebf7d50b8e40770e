"""Fetching a page for the link and help-page checks: status, every redirect, the final address, the text.

Standard library only (http.client). Redirects are followed here, one hop at a time, so the report can say
where each address went. `resolve` sends named hosts to another address (like curl's --resolve) and
`insecure` skips certificate checks: both exist so the tools can be tested against pages served on
127.0.0.1, and neither is meant for a real run.
"""

from __future__ import annotations

import html.parser
import http.client
import re
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from maintainer import TOOL_VERSION

USER_AGENT = f"PrivacyAudit-maintainer/{TOOL_VERSION} (guidance link check; run by the project's maintainers)"
MAX_BODY = 2 * 1024 * 1024
MAX_REDIRECTS = 10

# Where platforms send a signed-out visitor; checked on the path of the final address.
_SIGN_IN_PATH = re.compile(
    r"(^|/)(log-?in|sign-?in|signin|login\.php|accounts/login|auth|session)(/|$|\.|\?)", re.IGNORECASE
)
_PASSWORD_FIELD = re.compile(rb"<input[^>]+type\s*=\s*[\"']?password", re.IGNORECASE)


@dataclass
class Fetched:
    url: str
    status: int | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def sign_in_wall(self) -> bool:
        """Landed on a sign-in page: the final address looks like one, or the page asks for a password."""
        if self.final_url and _SIGN_IN_PATH.search(urlsplit(self.final_url).path):
            return True
        return bool(_PASSWORD_FIELD.search(self.body))


def parse_resolve(entries: list[str] | None) -> dict[str, tuple[str, int]]:
    """'www.example.test=127.0.0.1:8443' (or '*.example.test=...') -> {host pattern: (address, port)}."""
    mapping: dict[str, tuple[str, int]] = {}
    for entry in entries or []:
        host, _, target = entry.partition("=")
        address, _, port = target.rpartition(":")
        if not host or not address or not port.isdigit():
            raise ValueError(f"--resolve {entry!r}: give HOST=ADDRESS:PORT")
        mapping[host.lower()] = (address, int(port))
    return mapping


def resolved(host: str, resolve: Mapping[str, tuple[str, int]]) -> tuple[str, int] | None:
    host = host.lower()
    for pattern, target in resolve.items():
        if host == pattern or (
            pattern.startswith("*.") and (host.endswith(pattern[1:]) or host == pattern[2:])
        ):
            return target
    return None


class _Connection(http.client.HTTPSConnection):
    """HTTPS to `address`, while the TLS server name and Host header stay the page's own host."""

    def __init__(
        self, host: str, port: int, address: tuple[str, int] | None, timeout: float, context: ssl.SSLContext
    ):
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection(self._address or (self.host, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def fetch(
    url: str,
    timeout: float = 20.0,
    resolve: Mapping[str, tuple[str, int]] | None = None,
    insecure: bool = False,
) -> Fetched:
    """GET `url`, following up to MAX_REDIRECTS redirects; never raises for a network problem."""
    result = Fetched(url=url)
    context = ssl.create_default_context()
    if insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme != "https" or not parts.hostname:
            result.error = f"not an https address: {current}"
            result.final_url = current
            return result
        port = parts.port or 443
        connection = _Connection(
            parts.hostname, port, resolved(parts.hostname, resolve or {}), timeout, context
        )
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(
                "GET",
                path,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept-Language": "en-GB,en;q=0.8",
                    "Accept": "text/html,*/*",
                },
            )
            response = connection.getresponse()
            status = response.status
            location = response.getheader("Location")
            body = response.read(MAX_BODY) if not (300 <= status < 400 and location) else b""
        except (OSError, http.client.HTTPException) as exc:
            result.final_url = current
            result.error = (
                "timed out"
                if isinstance(exc, TimeoutError | socket.timeout)
                else f"{type(exc).__name__}: {exc}"
            )
            return result
        finally:
            connection.close()
        if 300 <= status < 400 and location:
            current = urljoin(current, location)
            result.redirects.append(current)
            continue
        result.status, result.final_url, result.body = status, current, body
        return result
    result.final_url = current
    result.error = f"more than {MAX_REDIRECTS} redirects"
    return result


class _Text(html.parser.HTMLParser):
    SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        for name, value in attrs:
            if name in ("aria-label", "alt", "title") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def normalise(text: str) -> str:
    """Lower case, one space between words, straight quotes: how labels are compared with page text."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def page_text(body: bytes) -> str:
    parser = _Text()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    return normalise(" ".join(parser.parts))
