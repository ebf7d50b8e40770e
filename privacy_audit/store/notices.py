"""What the record tells the person when it opens or is read, besides records set aside: an upgrade, and an
entry that could not be read (left untouched). Each is a code with its facts; `message` is the one English
wording (the terminal and the log), and the desktop app says its own translated words for each code
(`ui/error_words.record_notice_words`). Standard library only.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class RecordNoticeKind(StrEnum):
    """What a `RecordNotice` is about; the comment says which of its facts the words name."""

    UPGRADED = "upgraded"  # detail: where the copy of the record as it was is kept
    CHECK_UNREADABLE = "check_unreadable"  # platform, day: a saved check whose answers cannot be read
    CHECK_DATE_UNREADABLE = "check_date_unreadable"  # platform: a check whose date cannot be read
    SNOOZE_UNREADABLE = "snooze_unreadable"  # platform
    DRAFT_UNREADABLE = "draft_unreadable"  # platform: an unfinished check
    STATEMENT_UNREADABLE = "statement_unreadable"  # the name the statement was signed with


class RecordNotice(NamedTuple):
    """One thing to tell; for an unreadable entry, `detail` is what was wrong, in technical words."""

    kind: RecordNoticeKind
    platform: str = ""  # the platform id
    day: str = ""  # YYYY-MM-DD
    detail: str = ""

    @property
    def message(self) -> str:
        """The English sentence for the terminal and the log."""
        if self.kind == RecordNoticeKind.UPGRADED:
            return (
                f"Your record was upgraded to this version; a copy of it as it was is kept at {self.detail}."
            )
        what = {
            RecordNoticeKind.CHECK_UNREADABLE: f"The {self.platform} check saved on {self.day}",
            RecordNoticeKind.CHECK_DATE_UNREADABLE: f"A {self.platform} check",
            RecordNoticeKind.SNOOZE_UNREADABLE: f"The snooze of {self.platform}",
            RecordNoticeKind.DRAFT_UNREADABLE: f"Your unfinished {self.platform} check",
            RecordNoticeKind.STATEMENT_UNREADABLE: "Your statement of acceptance",
        }[self.kind]
        return f"{what} could not be read: {self.detail}. It was left untouched in your record."
