"""Which web addresses the guided browser may open, and what a visited address tells about the page.

Only https pages on the platform's own domains are opened (a checklist or a typed profile address could
otherwise send the person anywhere). Plain-http pages on this computer are allowed only in tests and demo
mode, whose practice pages are served on 127.0.0.1.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Sign-in and "confirm it's you" pages: facebook.com/login, /checkpoint/, accounts.google.com/…/signin, …
_LOGIN_URL = re.compile(r"log[-_]?in|sign[-_]?in|checkpoint", re.IGNORECASE)


def host_is_allowed(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """The same rule as `privacy_audit.core.checklist.host_is_allowed` (a domain or any of its sub-domains),
    repeated here so that opening the first page does not have to import pydantic."""
    host = host.lower().rstrip(".")
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains)


def is_local(url: str) -> bool:
    try:
        return (urlsplit(url).hostname or "") in LOCAL_HOSTS
    except ValueError:
        return False


def refusal(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> str | None:
    """Why `url` may not be opened, in words for the person; None when it may."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return f"'{url}' is not a web address."
    if allow_localhost and host in LOCAL_HOSTS and parts.scheme in ("http", "https"):
        return None
    if parts.scheme != "https":
        return f"Only secure (https://) pages are opened; '{url}' is not one."
    if not host:
        return f"'{url}' has no web address after https://."
    if parts.username or parts.password:
        return "A web address with a user name or password in it is never opened."
    if not host_is_allowed(host, allowed_domains):
        shown = ", ".join(allowed_domains) or "none"
        return f"'{host}' is not one of this platform's web addresses ({shown}), so it was not opened."
    return None


def is_off_domain(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> bool:
    """True when a page the person reached is a web page outside the platform (about:blank etc. are not)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower()
    if allow_localhost and host in LOCAL_HOSTS:
        return False
    return not host_is_allowed(host, allowed_domains)


def looks_like_login(url: str) -> bool:
    """True for sign-in and checkpoint addresses; the scheme is ignored so 'https' never matches by accident."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_LOGIN_URL.search(f"{parts.hostname or ''}{parts.path}?{parts.query}"))
