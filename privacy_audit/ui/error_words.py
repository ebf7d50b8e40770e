"""The screens' words for what went wrong, by code, in one place: every screen that reports a record error
or a settings page that did not load takes its words from here.

The record (`store.errors.RecordProblem`) and the guided browser (`browser.LoadFailure`) say what happened
as a stable code; their English messages stay for the terminal and the log. Where the record's own message
names something these words cannot know (a folder, the operating system's reason), it follows as a detail.
Notices about a record set aside are still the record's own sentences (they name where the copy went).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from privacy_audit.store.errors import RecordError, RecordProblem

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent

__all__ = ["failure_words", "load_failure_words", "record_error_words", "record_problem_words"]

# The codes whose message carries facts the words below cannot (a path, a backend, an OS error).
_WITH_DETAIL = frozenset(
    {
        RecordProblem.UNUSABLE,
        RecordProblem.KEYRING_UNAVAILABLE,
        RecordProblem.NOT_WRITABLE,
        RecordProblem.NOT_PRIVATE,
        RecordProblem.PROTECTION_MISMATCH,
    }
)


def record_problem_words(code: RecordProblem) -> str:
    """What a record problem means and what to do, in the screens' language (true of every error of it)."""
    words = {
        RecordProblem.UNUSABLE: QCoreApplication.translate(
            "ErrorWords", "Your record could not be used as asked. Nothing has been deleted."
        ),
        RecordProblem.NEEDS_PROTECTION_CHOICE: QCoreApplication.translate(
            "ErrorWords",
            "Your record needs protecting: choose a passphrase, or choose to keep it unencrypted on this "
            "computer.",
        ),
        RecordProblem.NEEDS_PASSPHRASE: QCoreApplication.translate(
            "ErrorWords", "Your record is protected by a passphrase. Type it to unlock your record."
        ),
        RecordProblem.WRONG_PASSPHRASE: QCoreApplication.translate(
            "ErrorWords", "That passphrase does not unlock your record. Nothing was changed; try again."
        ),
        RecordProblem.KEYRING_UNAVAILABLE: QCoreApplication.translate(
            "ErrorWords",
            "The keyring that keeps the key to your record is locked or cannot be used right now. Unlock "
            "your keyring or sign in to your desktop session, then try again; nothing was changed.",
        ),
        RecordProblem.BUSY: QCoreApplication.translate(
            "ErrorWords",
            "Your record is in use by another Privacy Audit window or command. Close the other one and try "
            "again; nothing was changed.",
        ),
        RecordProblem.NOT_WRITABLE: QCoreApplication.translate(
            "ErrorWords",
            "Privacy Audit cannot write to your record's folder or file (it may not be yours, the disk may "
            "be read-only or full). Nothing was changed.",
        ),
        RecordProblem.NOT_PRIVATE: QCoreApplication.translate(
            "ErrorWords",
            "Privacy Audit could not make sure that a folder or file it uses is yours alone, so it will not "
            "use it. Nothing was changed.",
        ),
        RecordProblem.PROTECTION_MISMATCH: QCoreApplication.translate(
            "ErrorWords",
            "Your record's protection is not what was asked for (a passphrase was given for a record kept "
            "unencrypted). Nothing was saved.",
        ),
    }
    return words[code]


def record_error_words(error: RecordError) -> str:
    """A record error for a screen: the notices of records set aside first (as `str(error)` puts them),
    then the words for its code, then the record's own message as a detail where it adds facts."""
    parts = [notice.message for notice in error.set_aside]
    parts.append(record_problem_words(error.code))
    if error.code in _WITH_DETAIL and error.problem:
        parts.append(
            QCoreApplication.translate("ErrorWords", "Details: {problem}").format(problem=error.problem)
        )
    return "\n\n".join(parts)


def failure_words(error: BaseException) -> str:
    """Any failure of a job for a screen: a record error in the words above, anything else as it says."""
    if isinstance(error, RecordError):
        return record_error_words(error)
    return str(error) or type(error).__name__


def load_failure_words(event: BrowserEvent, platform: str) -> str:
    """Why a settings page did not load (`event.reason`, a `LoadFailure`) and what to do instead."""
    from privacy_audit.browser import LoadFailure

    didnt = QCoreApplication.translate("ErrorWords", "The {platform} settings page didn't open:").format(
        platform=platform
    )
    reasons = {
        LoadFailure.NO_CONNECTION: QCoreApplication.translate(
            "ErrorWords", "this computer isn't connected to the internet."
        ),
        LoadFailure.NAME_NOT_RESOLVED: QCoreApplication.translate(
            "ErrorWords",
            "its address couldn't be looked up. You may be offline, or this network may block {platform}.",
        ),
        LoadFailure.COULD_NOT_CONNECT: QCoreApplication.translate(
            "ErrorWords", "the connection failed. You may be offline, or this network may block {platform}."
        ),
        LoadFailure.BLOCKED: QCoreApplication.translate(
            "ErrorWords",
            "it was blocked, probably by this network's web filter (schools often block {platform}).",
        ),
        LoadFailure.INSECURE_CONNECTION: QCoreApplication.translate(
            "ErrorWords",
            "the secure connection failed. A web filter that inspects traffic, or a wrong clock on this "
            "computer, can cause this.",
        ),
        LoadFailure.HTTP_ERROR: QCoreApplication.translate(
            "ErrorWords", "{platform} answered with an error page (error {status})."
        ),
        LoadFailure.TIMEOUT: QCoreApplication.translate(
            "ErrorWords",
            "it didn't load in time. The connection may be slow, or this network may block {platform}.",
        ),
        LoadFailure.OTHER: QCoreApplication.translate(
            "ErrorWords", "the browser shows an error page instead."
        ),
    }
    reason = reasons[event.reason or LoadFailure.OTHER]
    what_now = QCoreApplication.translate(
        "ErrorWords",
        "Choose “Open on my phone” to scan a code and follow the steps on your phone instead, or “Copy link” "
        "to open the page later on another network (at home, say).",
    )
    return " ".join((didnt, reason.format(platform=platform, status=event.status or ""), what_now))
