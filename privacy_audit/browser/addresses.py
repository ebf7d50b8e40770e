"""Which web addresses the guided browser may open, and what a visited address tells about the page.

Only https pages on the platform's own domains are opened (a checklist or a typed profile address could
otherwise send the person anywhere). Plain-http pages on this computer are allowed only in tests and demo
mode, whose practice pages are served on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import SplitResult, urlsplit

from privacy_audit.core.urls import host_is_allowed

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Sign-in and "confirm it's you" pages: facebook.com/login, /checkpoint/, accounts.google.com/…/signin, …
_LOGIN_URL = re.compile(r"log[-_]?in|sign[-_]?in|checkpoint", re.IGNORECASE)


# What RFC 3986 allows in a URL, in ASCII: unreserved, reserved (gen- and sub-delims) and '%' of an escape.
_RFC3986_ASCII = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
# Leading and trailing C0 controls and spaces are dropped by browsers (WHATWG URL standard), so by us too.
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
# A host as a browser would reach it: DNS labels (or an IPv4 address); an IPv6 literal is checked separately.
_HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?")
_SPECIAL_SCHEMES = ("http", "https", "ws", "wss", "ftp")


def _bad_character(url: str) -> str | None:
    """The first character that is not plain URL text, or None.

    A backslash is refused everywhere: Python's URL parser keeps it in the host ('evil.com\\.facebook.com'),
    while a browser reads it as '/' and goes to evil.com. Spaces, control and formatting characters (which
    can also make an address look like another in a message) and ASCII outside RFC 3986 are refused too.
    Other non-ASCII letters are allowed after the host (a typed profile address may hold a name with accents);
    `refusal` refuses them in the host.
    """
    for char in url:
        if char in _RFC3986_ASCII:
            continue
        if char.isascii() or unicodedata.category(char)[0] in "CZ":
            return char
    return None


def _browser_split(url: str) -> SplitResult:
    """`urlsplit` after the browser's own clean-up of special (web) addresses: surrounding spaces and
    control characters dropped, tabs and newlines removed, and '\\' read as '/' (WHATWG URL standard)."""
    url = url.strip(_C0_AND_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in _SPECIAL_SCHEMES:
        url = url.replace("\\", "/")
    return urlsplit(url)


def is_local(url: str) -> bool:
    try:
        return (_browser_split(url).hostname or "") in LOCAL_HOSTS
    except ValueError:
        return False


def refusal(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> str | None:
    """Why `url` may not be opened, in words for the person; None when it may.

    The host is checked as a browser would read the address, and anything a browser could read differently
    from Python's parser (a backslash, spaces, control characters, escapes or non-ASCII in the host) is
    refused before parsing.
    """
    text = url.strip(_C0_AND_SPACE)
    bad = _bad_character(text)
    if bad is not None:
        shown = (
            "a backslash (\\)"
            if bad == "\\"
            else "a space"
            if bad == " "
            else f"the character U+{ord(bad):04X}"
        )
        return f"A web address with {shown} in it is never opened."
    try:
        parts = _browser_split(text)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return f"'{url}' is not a web address."
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return f"Only secure (https://) pages are opened; '{url}' is not one."
    if not text.lower().startswith(f"{scheme}://"):
        # 'https:evil.com' and 'https:/evil.com' are read by browsers as https://evil.com
        return f"'{url}' is not a complete web address (it should start with https://)."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "A web address with a user name or password in it is never opened."
    if host and not (host.isascii() and (_HOST_NAME.fullmatch(host) or _is_ipv6_literal(parts.netloc, host))):
        return f"'{url}' does not have a plain web address (like www.example.com) after {scheme}://."
    if allow_localhost and host in LOCAL_HOSTS:
        return None
    if scheme != "https":
        return f"Only secure (https://) pages are opened; '{url}' is not one."
    if not host:
        return f"'{url}' has no web address after https://."
    if not host_is_allowed(host, allowed_domains):
        shown = ", ".join(allowed_domains) or "none"
        return f"'{host}' is not one of this platform's web addresses ({shown}), so it was not opened."
    return None


def _is_ipv6_literal(netloc: str, host: str) -> bool:
    if f"[{host}]" not in netloc.lower():
        return False
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True


def is_off_domain(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> bool:
    """True when a page the person reached is a web page outside the platform (about:blank etc. are not)."""
    try:
        scheme = _browser_split(url).scheme.lower()
    except ValueError:
        return True
    if scheme not in ("http", "https"):
        return False
    return not is_on_platform(url, allowed_domains, allow_localhost=allow_localhost)


def is_on_platform(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> bool:
    """True only for a web page on the platform's own domains (or, in tests and demo mode, this computer):
    the panel is shown, and its Done and Next are believed, only there."""
    try:
        parts = _browser_split(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if allow_localhost and host in LOCAL_HOSTS and scheme in ("http", "https"):
        return True
    return scheme == "https" and bool(host) and host_is_allowed(host, allowed_domains)


def looks_like_login(url: str) -> bool:
    """True for sign-in and checkpoint addresses; the scheme is ignored so 'https' never matches by accident."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_LOGIN_URL.search(f"{parts.hostname or ''}{parts.path}?{parts.query}"))
