"""The QR code of a platform's settings page, made on this computer with segno.

Scanned on a phone, the address opens the platform's app or mobile site, where the person is already
signed in. Nothing is sent anywhere and no link shortener is used: the code holds the address itself.

Only a platform's own settings addresses are ever encoded, so nothing about a person can end up in a
code: an address must pass the checklist's URL rule (`check_url_form`: https, plain characters, no user
name) and be on the platform's domains (`host_is_allowed`); an address still holding a `{parameter}`
is refused, since only the person can fill it (their Mastodon server, say) and only when they ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import segno

from privacy_audit.core.checklist import (
    Checklist,
    Item,
    allowed_domains,
    check_url_form,
    fill_url,
    has_placeholder,
)
from privacy_audit.core.urls import host_is_allowed, url_host_template

# The QR specification asks for four light modules around the code; scanners rely on it.
QUIET_ZONE = 4


class QrRefused(ValueError):
    """The address is not one a QR code may hold; the message says why, in words."""


@dataclass(frozen=True)
class QrMatrix:
    """The modules of a QR code, without the quiet zone: `rows[y][x]` is True for a dark module."""

    address: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules along one side, without the quiet zone."""
        return len(self.rows)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


def qr_address_problem(address: str, domains: Sequence[str]) -> str | None:
    """Why `address` may not go in a QR code, in words; None when it may.

    `domains` are the platform's own (plus, for a filled address, the server the person typed, as
    `checklist.allowed_domains` gives them).
    """
    try:
        check_url_form(address)
    except ValueError as exc:
        return str(exc)
    if has_placeholder(address):
        return "the address still has a {parameter} in it; only the person can fill it in"
    host = url_host_template(address)
    if not host_is_allowed(host, tuple(domains)):
        return f"'{host}' is not one of the platform's domains ({', '.join(domains) or 'none'})"
    return None


def qr_matrix(address: str, domains: Sequence[str]) -> QrMatrix:
    """The QR code of `address`, refused (QrRefused) unless it is a settings address on `domains`."""
    problem = qr_address_problem(address, domains)
    if problem is not None:
        raise QrRefused(problem)
    # Error correction M (15%) survives a crease in a printed guide; micro codes are not read by every
    # phone camera, so a full QR code always.
    code = segno.make_qr(address, error="m", boost_error=False)
    rows = tuple(tuple(bool(module) for module in row) for row in code.matrix_iter(scale=1, border=0))
    return QrMatrix(address=address, rows=rows)


def item_qr_address(checklist: Checklist, item: Item, values: dict[str, str] | None = None) -> str | None:
    """The address a QR code for `item` may hold, or None when the item has none to give.

    Without `values` only a complete template qualifies (an address needing the person's server has no
    code). With `values`, given only when the person asks, the template is filled as the guided browser
    fills it. Raises QrRefused when a filled value is not a plain name.
    """
    template = item.where.url
    if template is None:
        return None
    if not has_placeholder(template):
        return template
    if not values:
        return None
    try:
        return fill_url(template, values)
    except ValueError as exc:
        raise QrRefused(str(exc)) from exc


def item_qr(checklist: Checklist, item: Item, values: dict[str, str] | None = None) -> QrMatrix | None:
    """The QR code of `item`'s settings page (see `item_qr_address`); None when the item has no address."""
    address = item_qr_address(checklist, item, values)
    if address is None:
        return None
    return qr_matrix(address, allowed_domains(checklist, values or {}))
