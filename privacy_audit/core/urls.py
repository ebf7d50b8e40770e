"""The rules for which web addresses belong to a platform, shared by the checklist model, the guided
browser, the record's imports and the practice-page server. The standard library and the Public Suffix List
only, so opening the first page needs no pydantic."""

from __future__ import annotations

import functools
import re
from typing import Any

# One DNS label: letters, digits and inner hyphens (an IDN in its ASCII "xn--" form), at most 63 characters.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# A public host name: two labels or more, the last of them letters only (or an IDN top-level domain), so a
# bare top-level domain ("com"), an IP address ("127.0.0.1", "0") and a lone word ("localhost") never pass.
_PUBLIC_HOST = re.compile(rf"(?:{_LABEL}\.)+(?:[a-z]{{2,63}}|xn--[a-z0-9-]{{1,59}})")
# Names that stay on this computer or its local network, whatever their shape.
_LOCAL_SUFFIXES = ("localhost", "local", "internal", "home.arpa", "in-addr.arpa", "ip6.arpa")


def host_name_problem(value: str) -> str | None:
    """Why `value` is not a plain public host name like `mastodon.social`, in words; None when it is one.

    THE rule for every host name a person types or imports (a Mastodon server, say): the value then joins
    the platform's domains, so anything wider than one real site ("com" would take in every .com page, an
    IP address or "localhost" a computer on the school's network) is refused.
    """
    if not value:
        return "no server name was given"
    if len(value) > 253:
        return "a server name has at most 253 characters"
    lowered = value.lower()
    if not _PUBLIC_HOST.fullmatch(lowered):
        return f"'{value}' is not a server name like mastodon.social (letters, digits, dots and hyphens)"
    if any(lowered == suffix or lowered.endswith("." + suffix) for suffix in _LOCAL_SUFFIXES):
        return f"'{value}' names a computer on this network, not a public server"
    if is_public_suffix(lowered):
        return f"'{value}' is an ending shared by many websites, not one server; give the whole name"
    return None


def is_public_suffix(host: str) -> bool:
    """True when `host` is an ending under which anyone may have a name of their own ("com", "co.uk",
    "ac.uk", "com.au", and shared hosts such as "github.io" or "blogspot.com"), so it stands for many
    unrelated sites rather than one.

    The rule is Mozilla's Public Suffix List, both its ICANN and its private sections, as bundled in the
    `publicsuffixlist` package (its version is the list's date; the app carries the copy it was built with,
    and nothing is fetched). Note that the list makes each UK school's own `name.sch.uk` a suffix too.
    """
    name = host.lower().rstrip(".")
    if "." not in name:
        return True
    return bool(_public_suffix_list().is_public(name))


@functools.cache
def _public_suffix_list() -> Any:
    # Imported and parsed (about 0.1 s) the first time a host name is checked, never at start-up.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def is_public_host_name(value: str) -> bool:
    """True when `value` is a plain public host name (see `host_name_problem`)."""
    return host_name_problem(value) is None


def host_is_allowed(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when `host` is one of `domains` or a sub-domain of one (www.facebook.com for facebook.com).

    A domain that is not a plain public host name allows nothing, so a bad value that reached the list
    (a typed "com", an imported "127.0.0.1") cannot widen it.
    """
    host = host.lower().rstrip(".")
    allowed = (domain.lower() for domain in domains if is_public_host_name(domain))
    return any(host == domain or host.endswith("." + domain) for domain in allowed)


def url_host_template(url: str) -> str:
    """The host part of a URL that may contain placeholders, e.g. `{server}` or `www.facebook.com`."""
    rest = url.split("://", 1)[1]
    return rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower()
