"""The one rule for which web addresses belong to a platform, shared by the checklist model, the guided
browser and the practice-page server. Standard library only, so opening the first page needs no pydantic."""

from __future__ import annotations


def host_is_allowed(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when `host` is one of `domains` or a sub-domain of one (www.facebook.com for facebook.com)."""
    host = host.lower().rstrip(".")
    return any(host == domain.lower() or host.endswith("." + domain.lower()) for domain in domains)


def url_host_template(url: str) -> str:
    """The host part of a URL that may contain placeholders, e.g. `{server}` or `www.facebook.com`."""
    rest = url.split("://", 1)[1]
    return rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower()
