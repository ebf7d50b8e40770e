"""What the dashboard shows: the platforms in use, each one's due state, and what the record adds once open.

Plain values only (no Qt), so that the first overview can be read before PySide6 is imported
(`store.first_overview`) and the widgets draw it the same way whichever way it was read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from privacy_audit.core.due import PlatformStatus


@dataclass
class Overview:
    """Everything the dashboard needs: read in one go on the worker thread once the record is open, or, before
    the first paint, from the record's clear columns (`store.first_overview`)."""

    in_use: list[str]
    statuses: dict[str, PlatformStatus]
    first_run_done: bool
    acceptance: tuple[str, dt.date] | None
    settings: dict[str, Any] = field(default_factory=dict)
    # Read with the record open (None or empty in the quick start's overview, which reads no answers):
    unresolved: dict[str, tuple[str, ...]] = field(default_factory=dict)  # item ids still to fix, by platform
    guidance_notice: str | None = None  # `current_guidance().notice`: one plain line, or None
    live_checked: tuple[int, int] | None = None  # (items in use checked on the live site, items in use)
    termly: dict[str, Any] | None = None  # the termly check in progress (settings.TERMLY_CHECK)
    item_counts: dict[str, int] = field(default_factory=dict)  # settings on each platform's checklist
    item_minutes: dict[str, float] = field(
        default_factory=dict
    )  # about how long each check takes (core.effort)
    phone_only: frozenset[str] = frozenset()  # platforms whose settings are only in the phone app

    @property
    def checked_count(self) -> int:
        """Platforms checked this term (whatever their checks left to fix)."""
        return sum(1 for p in self.in_use if p in self.statuses and self.statuses[p].checked)

    @property
    def to_fix_total(self) -> int:
        return sum(self.statuses[p].to_fix or 0 for p in self.in_use if self.statuses[p].checked)

    @property
    def not_possible_total(self) -> int:
        return sum(self.statuses[p].not_possible or 0 for p in self.in_use if self.statuses[p].checked)

    @property
    def due(self) -> list[str]:
        """The platforms in use that still need this term's check (due, or never checked)."""
        return [p for p in self.in_use if self.statuses[p].state in ("due", "never")]
