"""The words of the answers a person can give to a setting, shared by the check screen's answer buttons and
the guided browser's on-page panel, so both always offer the same answers in the same words.

Kept apart from `ui/check.py` so the browser bridge can use them without importing the check screen (and,
through it, the checklist models) on the way to the first page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from privacy_audit.core.audit import Answer, offered_answers

if TYPE_CHECKING:
    from privacy_audit.core.checklist import Item


def answer_labels() -> dict[Answer, str]:
    """Every answer's words, in the app's language, in the order the buttons are shown."""
    return {
        Answer.OK: QCoreApplication.translate("CheckView", "It's set correctly"),
        Answer.NOT_POSSIBLE: QCoreApplication.translate("CheckView", "Not possible on this platform"),
        Answer.CHANGED: QCoreApplication.translate("CheckView", "I changed it now"),
        Answer.ATTENTION: QCoreApplication.translate("CheckView", "I need help with this"),
        Answer.NOT_APPLICABLE: QCoreApplication.translate("CheckView", "Doesn't apply to me"),
    }


def answers_for(item: Item) -> list[tuple[Answer, str]]:
    """The four answers offered for `item`, in key order (1-4), with their words (core.audit.offered_answers)."""
    labels = answer_labels()
    return [(answer, labels[answer]) for answer in offered_answers(bool(item.not_possible))]
