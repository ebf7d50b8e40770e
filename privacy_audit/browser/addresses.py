"""Which web addresses the guided browser may open, and what a visited address tells about the page.

Only https pages on the platform's own domains are opened (a checklist or a typed profile address could
otherwise send the person anywhere). Plain-http pages on this computer are allowed only in tests and demo
mode, whose practice pages are served on 127.0.0.1.

Addresses are read with `ada_url`, a parser that follows the WHATWG URL standard as Chromium does, so the
host checked here is the host Chromium loads ('https://evil.com\\.facebook.com/' is evil.com to both). The
domain rule itself is `privacy_audit.core.urls.host_is_allowed`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import ada_url

from privacy_audit.browser.protocol import AddressRefusal, Refusal
from privacy_audit.core.urls import host_is_allowed

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
# Sign-in and "confirm it's you" pages: facebook.com/login, /checkpoint/, accounts.google.com/…/signin, …
_LOGIN_URL = re.compile(r"log[-_]?in|sign[-_]?in|checkpoint", re.IGNORECASE)
# What RFC 3986 allows in a URL, in ASCII: unreserved, reserved (gen- and sub-delims) and '%' of an escape.
_RFC3986_ASCII = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))  # dropped around an address by browsers, so by us too


def _parsed(url: str) -> dict[str, Any] | None:
    """The address as Chromium reads it (WHATWG), or None when it is not a web address at all."""
    try:
        return dict(ada_url.parse_url(url))
    except ValueError:
        return None


def _bad_character(url: str) -> str | None:
    """The first character that is not plain URL text, or None.

    The parser would cope with these, but an address holding them can be made to look like another one in
    the message that names it (spaces, control and formatting characters such as U+202E), and a backslash
    is read as '/' by browsers, so none is ever opened. Non-ASCII letters are allowed after the host (a
    typed profile address may hold a name with accents); `address_refusal` refuses them in the host.
    """
    for char in url:
        if char in _RFC3986_ASCII:
            continue
        if char.isascii() or unicodedata.category(char)[0] in "CZ":
            return char
    return None


def _typed_host_and_port(text: str, scheme: str) -> str:
    """The host (and port) exactly as typed after 'scheme://', for comparing with the parser's reading."""
    rest = text[len(scheme) + 3 :]
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    return rest[:end]


def address_refusal(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> Refusal | None:
    """Why `url` may not be opened, as a code and the facts its words name; None when it may.

    The host is the one the WHATWG parser (Chromium's reading) finds; an address whose typed host differs
    from it (escapes, look-alike or non-ASCII letters, an IP address written oddly) is refused, as is any
    user name, password or explicit port: a platform's settings pages have none of them.
    """
    text = url.strip(_C0_AND_SPACE)
    bad = _bad_character(text)
    if bad is not None:
        return Refusal(AddressRefusal.ODD_CHARACTER, url, character=bad)
    parts = _parsed(text)
    if parts is None:
        return Refusal(AddressRefusal.NOT_AN_ADDRESS, url)
    scheme = str(parts["protocol"]).rstrip(":")
    if scheme not in ("http", "https"):
        return Refusal(AddressRefusal.NOT_SECURE, url)
    if not text.lower().startswith(f"{scheme}://"):
        # 'https:evil.com' and 'https:/evil.com' are read by browsers as https://evil.com
        return Refusal(AddressRefusal.INCOMPLETE, url)
    typed = _typed_host_and_port(text, scheme).lower()
    if parts["username"] or parts["password"] or "@" in typed:
        return Refusal(AddressRefusal.USER_OR_PASSWORD, url)
    host = str(parts["hostname"])
    if not typed:
        return Refusal(AddressRefusal.NO_HOST, url, scheme=scheme)
    # The port follows the last ':' (an IPv6 address keeps its own ':'s inside brackets).
    typed_host = typed if typed.endswith("]") or ":" not in typed else typed.rsplit(":", 1)[0]
    if typed_host != host:
        return Refusal(AddressRefusal.NOT_PLAIN_HOST, url, scheme=scheme)
    if allow_localhost and host in LOCAL_HOSTS:
        return None
    if scheme != "https":
        return Refusal(AddressRefusal.NOT_SECURE, url)
    if typed != typed_host:
        return Refusal(AddressRefusal.PORT, url)
    if not host_is_allowed(host, allowed_domains):
        return Refusal(AddressRefusal.OTHER_SITE, url, host=host, domains=tuple(allowed_domains))
    return None


def refusal(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> str | None:
    """Why `url` may not be opened, in English (`address_refusal`, described); None when it may."""
    refused = address_refusal(url, allowed_domains, allow_localhost=allow_localhost)
    return refused.describe() if refused else None


def is_off_domain(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> bool:
    """True when a page the person reached is a web page outside the platform (about:blank etc. are not)."""
    parts = _parsed(url)
    if parts is None:
        return True
    if str(parts["protocol"]) not in ("http:", "https:"):
        return False
    return not is_on_platform(url, allowed_domains, allow_localhost=allow_localhost)


def is_on_platform(url: str, allowed_domains: tuple[str, ...], *, allow_localhost: bool) -> bool:
    """True only for a web page on the platform's own domains, on the usual port (or, in tests and demo
    mode, this computer): the panel is shown, and its answers are believed, only there."""
    parts = _parsed(url)
    if parts is None:
        return False
    scheme, host = str(parts["protocol"]), str(parts["hostname"]).lower()
    if allow_localhost and host in LOCAL_HOSTS and scheme in ("http:", "https:"):
        return True
    return scheme == "https:" and not parts["port"] and bool(host) and host_is_allowed(host, allowed_domains)


def is_browser_error_page(url: str) -> bool:
    """True for Chromium's own "This site can't be reached" page (it is shown at chrome-error://)."""
    return url.startswith("chrome-error:")


def looks_like_login(url: str) -> bool:
    """True for sign-in and checkpoint addresses; the scheme is ignored so 'https' never matches by accident."""
    parts = _parsed(url)
    if parts is None:
        return False
    return bool(_LOGIN_URL.search(f"{parts['hostname']}{parts['pathname']}{parts['search']}"))
