"""The screens' words for what went wrong, by code, in one place: every screen that reports a record error,
a record set aside, or a problem of the guided browser takes its words from here.

The record (`store.errors.RecordProblem`, `SetAsideReason`) and the guided browser (`browser.LoadFailure`,
`BrowserProblem`, `AddressRefusal`, `PublicViewResult`) say what happened as a stable code; their English
messages stay for the terminal and the log. Where a message names something these words cannot know (a
folder, the operating system's reason), it follows as a detail.

Each table below holds the English source of each code's words, marked for lupdate (QT_TRANSLATE_NOOP), and
`_said` translates one entry in the ErrorWords context: the words are data, looked up by code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication

from privacy_audit.browser.protocol import (
    AddressRefusal,
    BrowserProblem,
    LoadFailure,
    ProblemSentence,
    PublicViewResult,
    Refusal,
    problem_sentences,
)
from privacy_audit.core.provenance import QT_TRANSLATE_NOOP
from privacy_audit.store.errors import RecordError, RecordProblem, SetAsideNotice, SetAsideReason
from privacy_audit.store.notices import RecordNotice, RecordNoticeKind

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent
    from privacy_audit.core.checklist import UrlValueRefused

__all__ = [
    "browser_problem_words",
    "failure_words",
    "load_failure_words",
    "public_view_words",
    "record_error_words",
    "record_problem_words",
    "refusal_words",
    "set_aside_words",
]

ERROR_WORDS_CONTEXT = "ErrorWords"  # the context of every table here (lupdate reads it in each mark)


Code = TypeVar("Code")


def _said(table: Mapping[Code, str], code: Code) -> str:
    """The translated words for `code` in `table` (a table of this module, marked for lupdate)."""
    return QCoreApplication.translate(ERROR_WORDS_CONTEXT, table[code])


# -- the record ----------------------------------------------------------------------------------------

_RECORD_PROBLEM = {
    RecordProblem.UNUSABLE: QT_TRANSLATE_NOOP(
        "ErrorWords", "Your record could not be used as asked. Nothing has been deleted."
    ),
    RecordProblem.NEEDS_PROTECTION_CHOICE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record needs protecting: choose a passphrase, or choose to keep it unencrypted on this computer.",
    ),
    RecordProblem.NEEDS_PASSPHRASE: QT_TRANSLATE_NOOP(
        "ErrorWords", "Your record is protected by a passphrase. Type it to unlock your record."
    ),
    RecordProblem.WRONG_PASSPHRASE: QT_TRANSLATE_NOOP(
        "ErrorWords", "That passphrase does not unlock your record. Nothing was changed; try again."
    ),
    RecordProblem.KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The keyring that keeps the key to your record is locked or cannot be used right now. Unlock "
        "your keyring or sign in to your desktop session, then try again; nothing was changed.",
    ),
    RecordProblem.BUSY: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record is in use by another Privacy Audit window or command. Close the other one and try "
        "again; nothing was changed.",
    ),
    RecordProblem.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Privacy Audit cannot write to your record's folder or file (it may not be yours, the disk may "
        "be read-only or full). Nothing was changed.",
    ),
    RecordProblem.NOT_PRIVATE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Privacy Audit could not make sure that a folder or file it uses is yours alone, so it will not "
        "use it. Nothing was changed.",
    ),
    RecordProblem.PROTECTION_MISMATCH: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record's protection is not what was asked for (a passphrase was given for a record kept "
        "unencrypted). Nothing was saved.",
    ),
}
# The codes whose message carries facts the words above cannot (a path, a backend, an OS error).
_WITH_DETAIL = frozenset(
    {
        RecordProblem.UNUSABLE,
        RecordProblem.KEYRING_UNAVAILABLE,
        RecordProblem.NOT_WRITABLE,
        RecordProblem.NOT_PRIVATE,
        RecordProblem.PROTECTION_MISMATCH,
    }
)

# {moved_to} is where the copy is now; {detail} is `SetAsideNotice.detail` (see `SetAsideReason`).
_SET_ASIDE = {
    SetAsideReason.DAMAGED: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record was damaged, so it could not be read. It was set aside as {moved_to} and a new record "
        "was started.",
    ),
    SetAsideReason.NEWER_VERSION: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record was written by a newer version of Privacy Audit (record version {detail}). It was set "
        "aside as {moved_to} and a new record was started; install the newer version and move the file back "
        "to open it again.",
    ),
    SetAsideReason.PROTECTION_UNKNOWN: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record uses a kind of protection (“{detail}”) this version does not know. It was set aside as "
        "{moved_to} and a new record was started; a newer Privacy Audit can open it.",
    ),
    SetAsideReason.PROTECTION_MISSING: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your record had saved answers but no record of how they are protected, so they cannot be read. It "
        "was set aside as {moved_to} and a new record was started.",
    ),
    SetAsideReason.KEY_MISSING: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The key to your record is missing from {detail}, so your saved answers cannot be read. The record "
        "was set aside as {moved_to} (it can be opened again if the key is restored) and a new record was "
        "started.",
    ),
    SetAsideReason.KEY_CHANGED: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The key {detail} holds for your record has changed and does not unlock it. The record was set aside "
        "as {moved_to} (it can be opened again if the old key is restored) and a new record was started.",
    ),
}


def record_problem_words(code: RecordProblem) -> str:
    """What a record problem means and what to do, in the screens' language (true of every error of it)."""
    return _said(_RECORD_PROBLEM, code)


def _details(detail: str) -> str:
    return QCoreApplication.translate("ErrorWords", "Details: {problem}").format(problem=detail)


def set_aside_words(notice: SetAsideNotice) -> str:
    """A record set aside, where the copy is now, and (for damage) what was found wrong."""
    if "{detail}" in _SET_ASIDE[notice.code] and not notice.detail:
        # Kept by an older version, without the fact these words name: its own sentence is still true.
        return notice.message
    words = _said(_SET_ASIDE, notice.code).format(moved_to=notice.moved_to, detail=notice.detail)
    if notice.code == SetAsideReason.DAMAGED and notice.detail:
        words += " " + _details(notice.detail)
    return words


# What the record tells besides a record set aside. {platform}: the platform's name; {day}: the date;
# {copy}: where the copy of the record as it was is kept.
_RECORD_NOTICE = {
    RecordNoticeKind.UPGRADED: QT_TRANSLATE_NOOP(
        "ErrorWords", "Your record was upgraded to this version; a copy of it as it was is kept at {copy}."
    ),
    RecordNoticeKind.CHECK_UNREADABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The {platform} check saved on {day} could not be read, so it is not shown. It was left untouched "
        "in your record.",
    ),
    RecordNoticeKind.CHECK_DATE_UNREADABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A {platform} check has a date that could not be read, so it is not counted. It was left untouched "
        "in your record.",
    ),
    RecordNoticeKind.SNOOZE_UNREADABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The snooze of {platform} has a date that could not be read, so it is not used. It was left untouched "
        "in your record.",
    ),
    RecordNoticeKind.DRAFT_UNREADABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your unfinished {platform} check could not be read, so it cannot be carried on. It was left "
        "untouched in your record.",
    ),
    RecordNoticeKind.STATEMENT_UNREADABLE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The name your Statement of Acceptance was signed with could not be read; type it again when you "
        "next make the statement. It was left untouched in your record.",
    ),
}


def record_notice_words(notice: RecordNotice, platform_name: str = "") -> str:
    """An upgrade, or an entry of the record that could not be read, in the screens' words; for an entry,
    what was wrong follows as a detail."""
    words = _said(_RECORD_NOTICE, notice.kind).format(
        platform=platform_name or notice.platform, day=_day_words(notice.day), copy=notice.detail
    )
    if notice.kind != RecordNoticeKind.UPGRADED and notice.detail:
        words += " " + _details(notice.detail)
    return words


def _day_words(day: str) -> str:
    """A notice's day (YYYY-MM-DD) as the screens write dates; as it was saved when it is not a date."""
    import datetime as dt

    from privacy_audit.ui.dates import long_date

    try:
        return long_date(dt.date.fromisoformat(day))
    except ValueError:
        return day


# A value typed for an address (a user name, a Mastodon server) that cannot go in it, by reason.
# {label}: the words beside the box; {value}: what was typed; {count}: the most characters a value may have.
_URL_VALUE = {
    "empty": QT_TRANSLATE_NOOP("ErrorWords", "Fill in “{label}” first."),
    "characters": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "“{value}” can't go in “{label}”: use only the letters a to z, digits, dots, dashes and underscores.",
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "“{label}” is too long: it can have at most {count} characters."
    ),
}


def typed_value_refusal(error: BaseException) -> UrlValueRefused | None:
    """The typed value refused behind `error`: the error itself, or what a QR code was refused for; else None."""
    from privacy_audit.core.checklist import UrlValueRefused  # pydantic: not for screens that never need it

    for found in (error, error.__cause__):
        if isinstance(found, UrlValueRefused):
            return found
    return None


def url_value_words(refused: UrlValueRefused, parameters: Iterable[Any]) -> str:
    """Why a typed value cannot make a page's address, naming the box by the label the person sees beside it
    (`parameters`: the checklist's `url_parameters`)."""
    from privacy_audit.core.checklist import MAX_URL_VALUE_LENGTH

    label = next((p.label for p in parameters if p.name == refused.name), refused.name)
    return _said(_URL_VALUE, refused.reason).format(
        label=label, value=refused.value, count=MAX_URL_VALUE_LENGTH
    )


def set_aside_notices_words(notices: Iterable[SetAsideNotice]) -> list[str]:
    return [set_aside_words(notice) for notice in notices]


def record_error_words(error: RecordError) -> str:
    """A record error for a screen: the records set aside first (as `str(error)` puts them), then the words
    for its code, then the record's own message as a detail where it adds facts."""
    parts = set_aside_notices_words(error.set_aside)
    parts.append(record_problem_words(error.code))
    if error.code in _WITH_DETAIL and error.problem:
        parts.append(_details(error.problem))
    return "\n\n".join(parts)


def failure_words(error: BaseException) -> str:
    """Any failure of a job for a screen: a record error in the words above, anything else as it says."""
    if isinstance(error, RecordError):
        return record_error_words(error)
    return str(error) or type(error).__name__


# -- the guided browser --------------------------------------------------------------------------------

# What follows "The {platform} settings page didn't open:". {platform}, {status}: the event's.
_LOAD_FAILURE = {
    LoadFailure.NO_CONNECTION: QT_TRANSLATE_NOOP(
        "ErrorWords", "this computer isn't connected to the internet."
    ),
    LoadFailure.NAME_NOT_RESOLVED: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "its address couldn't be looked up. You may be offline, or this network may block {platform}.",
    ),
    LoadFailure.COULD_NOT_CONNECT: QT_TRANSLATE_NOOP(
        "ErrorWords", "the connection failed. You may be offline, or this network may block {platform}."
    ),
    LoadFailure.BLOCKED: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "it was blocked, probably by this network's web filter (schools often block {platform}).",
    ),
    LoadFailure.INSECURE_CONNECTION: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the secure connection failed. A web filter that inspects traffic, or a wrong clock on this "
        "computer, can cause this.",
    ),
    LoadFailure.HTTP_ERROR: QT_TRANSLATE_NOOP(
        "ErrorWords", "{platform} answered with an error page (error {status})."
    ),
    LoadFailure.TIMEOUT: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "it didn't load in time. The connection may be slow, or this network may block {platform}.",
    ),
    LoadFailure.OTHER: QT_TRANSLATE_NOOP("ErrorWords", "the browser shows an error page instead."),
}

# Why the guided browser could not guide a page. {browser}: the browser tried.
_BROWSER_PROBLEM = {
    BrowserProblem.CHOSE_USUAL_BROWSER: QT_TRANSLATE_NOOP(
        "ErrorWords", "You chose in Settings to open pages in your usual browser."
    ),
    BrowserProblem.AUTOMATION_FAILED: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The guided browser could not start: the part of Privacy Audit that drives it did not start.",
    ),
    BrowserProblem.SIGN_INS_IN_USE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The guided browser could not start: another browser window is using the sign-ins you chose to keep. "
        "Close it, then try again.",
    ),
    BrowserProblem.NOT_INSTALLED: QT_TRANSLATE_NOOP(
        "ErrorWords", "The guided browser could not start: {browser} is not installed on this computer."
    ),
    BrowserProblem.NO_BROWSER: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The guided browser could not start: no Edge, Chrome or Chromium was found on this computer.",
    ),
    BrowserProblem.START_TIMEOUT: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The guided browser could not start: {browser} did not start in time. This computer's settings may "
        "stop other programs from starting it.",
    ),
    BrowserProblem.COULD_NOT_START: QT_TRANSLATE_NOOP(
        "ErrorWords", "The guided browser could not start: {browser} is installed but would not start."
    ),
    BrowserProblem.STOPPED_RESPONDING: QT_TRANSLATE_NOOP("ErrorWords", "The browser stopped responding."),
    BrowserProblem.INTERNAL: QT_TRANSLATE_NOOP("ErrorWords", "Something went wrong in the guided browser."),
}

# The sentences after the problem itself (`protocol.problem_sentences` picks them). {url}: the page's address.
_PROBLEM_SENTENCE = {
    ProblemSentence.AGAIN_CHECK: QT_TRANSLATE_NOOP(
        "ErrorWords", "Press “Open on this laptop” again, or follow the steps in Privacy Audit."
    ),
    ProblemSentence.AGAIN_PUBLIC: QT_TRANSLATE_NOOP("ErrorWords", "Press “Show my public profile” again."),
    ProblemSentence.OPENED_WITHOUT_GUIDANCE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The page was opened in your usual browser, without guidance on the page; follow the steps in "
        "Privacy Audit.",
    ),
    ProblemSentence.OPENED_IN_USUAL: QT_TRANSLATE_NOOP(
        "ErrorWords", "The page was opened in your usual browser."
    ),
    ProblemSentence.USUAL_NOT_OPENED: QT_TRANSLATE_NOOP(
        "ErrorWords", "Your usual browser could not be opened; open this address yourself: {url}"
    ),
    ProblemSentence.USUAL_NOT_OPENED_EITHER: QT_TRANSLATE_NOOP(
        "ErrorWords", "Your usual browser could not be opened either; open this address yourself: {url}"
    ),
    ProblemSentence.PUBLIC_CAUTION: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your usual browser may be signed in, so it can show more than the public sees: open the address in a "
        "private window to be sure.",
    ),
}

# Why an address is never opened. {url}, {host}, {scheme}, {domains}, {character}: the refusal's.
_REFUSAL = {
    AddressRefusal.ODD_CHARACTER: QT_TRANSLATE_NOOP(
        "ErrorWords", "A web address with {character} in it is never opened."
    ),
    AddressRefusal.NOT_AN_ADDRESS: QT_TRANSLATE_NOOP("ErrorWords", "“{url}” is not a web address."),
    AddressRefusal.NOT_SECURE: QT_TRANSLATE_NOOP(
        "ErrorWords", "Only secure (https://) pages are opened; “{url}” is not one."
    ),
    AddressRefusal.INCOMPLETE: QT_TRANSLATE_NOOP(
        "ErrorWords", "“{url}” is not a complete web address (it should start with https://)."
    ),
    AddressRefusal.USER_OR_PASSWORD: QT_TRANSLATE_NOOP(
        "ErrorWords", "A web address with a user name or password in it is never opened."
    ),
    AddressRefusal.NO_HOST: QT_TRANSLATE_NOOP("ErrorWords", "“{url}” has no web address after {scheme}://."),
    AddressRefusal.NOT_PLAIN_HOST: QT_TRANSLATE_NOOP(
        "ErrorWords", "“{url}” does not have a plain web address (like www.example.com) after {scheme}://."
    ),
    AddressRefusal.PORT: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "“{url}” names a port (after “:”); a platform's own pages never do, so it was not opened.",
    ),
    AddressRefusal.OTHER_SITE: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "“{host}” is not one of this platform's web addresses ({domains}), so it was not opened.",
    ),
}

# What the signed-out look at a profile found. {status}: the HTTP status.
_PUBLIC_VIEW = {
    PublicViewResult.SHOWN: QT_TRANSLATE_NOOP(
        "ErrorWords", "This is what anyone can see without signing in."
    ),
    PublicViewResult.SIGN_IN_BOX: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The platform shows a sign-in box to people who are not signed in; everything else on this page is "
        "what they can see.",
    ),
    PublicViewResult.SENT_TO_SIGN_IN: QT_TRANSLATE_NOOP(
        "ErrorWords", "People who are not signed in were sent to the platform's sign-in page."
    ),
    PublicViewResult.NOT_READ: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Privacy Audit could not read this page's text in time, so it cannot say what is on it. Look at the "
        "page yourself for anything you would not want pupils to see.",
    ),
    PublicViewResult.NOT_FOUND: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The platform says there is no page at this address ({status}); check your profile's address.",
    ),
    PublicViewResult.HTTP_ERROR: QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The platform refused to show this page or could not answer ({status}); try again later.",
    ),
}


def load_failure_words(event: BrowserEvent, platform: str) -> str:
    """Why a settings page did not load (`event.reason`, a `LoadFailure`) and what to do instead."""
    didnt = QCoreApplication.translate("ErrorWords", "The {platform} settings page didn't open:").format(
        platform=platform
    )
    reason = _said(_LOAD_FAILURE, event.reason or LoadFailure.OTHER)
    what_now = QCoreApplication.translate(
        "ErrorWords",
        "Choose “Open on my phone” to scan a code and follow the steps on your phone instead, or “Copy link” "
        "to open the page later on another network (at home, say).",
    )
    return " ".join((didnt, reason.format(platform=platform, status=event.status or ""), what_now))


def _character_words(char: str) -> str:
    if char == "\\":
        return QCoreApplication.translate("ErrorWords", "a backslash (\\)")
    if char == " ":
        return QCoreApplication.translate("ErrorWords", "a space")
    return QCoreApplication.translate("ErrorWords", "the character {code}").format(
        code=f"U+{ord(char or '?'):04X}"
    )


def refusal_words(refused: Refusal) -> str:
    """Why an address is never opened (`addresses.address_refusal`)."""
    domains = ", ".join(refused.domains) or QCoreApplication.translate("ErrorWords", "none")
    return _said(_REFUSAL, refused.code).format(
        url=refused.url,
        host=refused.host,
        scheme=refused.scheme,
        domains=domains,
        character=_character_words(refused.character),
    )


def browser_problem_words(event: BrowserEvent) -> str:
    """Why the guided browser could not guide a page (a FALLBACK or ERROR event's `problem`) and, when the
    page went to the person's usual browser, whether it opened there. An event with no `item_id` is the
    public view's, where the usual browser may show more than the public sees."""
    problem = event.problem or BrowserProblem.INTERNAL
    if problem == BrowserProblem.ADDRESS_REFUSED:
        return (
            refusal_words(event.refused)
            if event.refused
            else _said(_BROWSER_PROBLEM, BrowserProblem.INTERNAL)
        )
    parts = [
        _said(_BROWSER_PROBLEM, problem) if said is ProblemSentence.WHY else _said(_PROBLEM_SENTENCE, said)
        for said in problem_sentences(event)
    ]
    return " ".join(parts).format(browser=event.browser, url=event.url)


def public_view_words(event: BrowserEvent) -> str:
    """What the signed-out look at a profile found (a PUBLIC_VIEW event's `result`)."""
    words = _said(_PUBLIC_VIEW, event.result or PublicViewResult.SHOWN).format(status=event.status or "")
    if (event.result or PublicViewResult.SHOWN).words_searched and event.asked:
        seen = (
            QCoreApplication.translate(
                "ErrorWords",
                "{found} of the {asked} words you typed were found in the page's text and are highlighted.",
            )
            if event.found
            else QCoreApplication.translate(
                "ErrorWords",
                "None of the {asked} words you typed were found in the page's text (pictures are not searched).",
            )
        )
        words += " " + seen.format(found=len(event.found), asked=event.asked)
    return words
