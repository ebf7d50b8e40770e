"""What a check is: one person's answers to one platform's checklist, as plain values (no Qt, no storage).

The record (`privacy_audit.store`) saves these; the desktop app and the terminal `check` command create
them. Answers are stored by item id, together with the checklist's item ids at the time, so that a later
change to a checklist never rewrites what someone answered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Answer(str, Enum):
    """The answers a person can give to an item.

    NOT_POSSIBLE is its own state, never a kind of "set correctly": the platform offers no setting that
    makes this safe (Bluesky posts are always public, for example). It is shown as itself everywhere.
    """

    OK = "ok"  # it was already set correctly
    CHANGED = "changed"  # I changed it now
    ATTENTION = "attention"  # I need help with this
    NOT_APPLICABLE = "not_applicable"  # doesn't apply to me
    NOT_POSSIBLE = "not_possible"  # the platform has no setting that makes this safe

    @property
    def is_safe(self) -> bool:
        return self in (Answer.OK, Answer.CHANGED, Answer.NOT_APPLICABLE)


def offered_answers(not_possible: bool) -> tuple[Answer, ...]:
    """The four answers offered for an item, in key order (1-4), on the app's buttons, the on-page panel and
    the terminal alike. A setting the platform cannot make safe offers "Not possible on this platform"
    instead of "It's set correctly": saying it is set correctly would not be true."""
    first = Answer.NOT_POSSIBLE if not_possible else Answer.OK
    return (first, Answer.CHANGED, Answer.ATTENTION, Answer.NOT_APPLICABLE)


@dataclass(frozen=True)
class ItemAnswer:
    item_id: str
    answer: Answer
    note: str = ""  # private; encrypted at rest


@dataclass(frozen=True)
class CheckResult:
    """A finished check of one platform; `id` is None until the record has saved it."""

    platform: str
    checklist_version: str  # the checklist's schema_version and last_reviewed date, e.g. "1:2026-11-27"
    item_ids: tuple[str, ...]  # the checklist's items when the check was made, in order
    started: dt.datetime  # timezone-aware (UTC)
    finished: dt.datetime  # timezone-aware (UTC)
    answers: tuple[ItemAnswer, ...]
    note: str = ""  # private note on the whole check; encrypted at rest
    id: int | None = None

    @property
    def needs_attention(self) -> tuple[ItemAnswer, ...]:
        """The settings left to fix: what makes a platform "Checked, N to fix" instead of done."""
        return tuple(a for a in self.answers if a.answer is Answer.ATTENTION)

    @property
    def not_possible(self) -> tuple[ItemAnswer, ...]:
        """Settings the platform cannot make safe: shown as themselves, never counted as set correctly."""
        return tuple(a for a in self.answers if a.answer is Answer.NOT_POSSIBLE)

    def answer_for(self, item_id: str) -> ItemAnswer | None:
        for answer in self.answers:
            if answer.item_id == item_id:
                return answer
        return None


@dataclass
class Draft:
    """An unfinished check, kept so the person can resume later."""

    platform: str
    checklist_version: str
    started: dt.datetime
    answers: dict[str, ItemAnswer] = field(default_factory=dict)
    position: int = 0  # index of the item on screen
    note: str = ""


def checklist_version(schema_version: int, last_reviewed: dt.date) -> str:
    return f"{schema_version}:{last_reviewed.isoformat()}"
