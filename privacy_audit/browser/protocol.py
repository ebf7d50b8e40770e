"""What passes between the app and the guided browser's worker: requests in, events out. Plain values only.

The app asks through `GuidedBrowser` (which turns each call into one of the small command classes here and
queues it for the worker thread); the worker answers with `BrowserEvent`s. Every event says what the browser
window shows at that moment, so the app's status line can always match it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from privacy_audit.core.audit import Answer


class EventKind(StrEnum):
    """What happened in the guided browser. Values are plain strings, so `kind == "page_shown"` holds."""

    OPENED = "opened"  # a browser window is open; message names the browser
    PAGE_SHOWN = "page_shown"  # the settings page itself has loaded (its document, on the platform's domains)
    LOAD_FAILED = "load_failed"  # the settings page did not load; reason says why, url is the page asked for
    LABEL_FOUND = "label_found"  # the setting's label is on the page and outlined; found = (label,)
    LABEL_MISSING = "label_missing"  # the label was not found; the panel says "look for …"
    LOGIN_PAGE = "login_page"  # a sign-in or checkpoint page: sign in, then carry on
    OFF_DOMAIN = "off_domain"  # after the settings page was shown, the window went to another site (url)
    WINDOW_CLOSED = "window_closed"  # the guided window went away (closed by the person, the app or a crash)
    ANSWERED = "answered"  # the person pressed an answer on the panel; item_id and answer say which
    NEXT = "next"  # the person pressed Next on the panel: move to the next setting, recording nothing
    FALLBACK = "fallback"  # opened in the default browser without guidance; problem says why
    ERROR = "error"  # something did not work; problem says what (and refused, for an address refused)
    PUBLIC_VIEW = "public_view"  # the signed-out view is shown; result says what, found = typed words seen


class LoadFailure(StrEnum):
    """Why the settings page did not load (`BrowserEvent.reason` of a LOAD_FAILED event).

    The app owns the words for each; the codes come from what Chromium itself reports (its network error
    code, the HTTP status, where the window ended up), never from the page's text.
    """

    NO_CONNECTION = "no_connection"  # this computer is offline (ERR_INTERNET_DISCONNECTED and the like)
    NAME_NOT_RESOLVED = "name_not_resolved"  # the address could not be looked up (DNS), offline or filtered
    COULD_NOT_CONNECT = "could_not_connect"  # the site's computer refused or dropped the connection
    BLOCKED = "blocked"  # blocked by a filter or policy: an ERR_BLOCKED_* page, or sent to another site
    INSECURE_CONNECTION = "insecure_connection"  # certificate or TLS failure (a filter inspecting traffic)
    HTTP_ERROR = "http_error"  # the site answered with an error page (status 400 or more; see `status`)
    TIMEOUT = "timeout"  # no page within the time allowed
    OTHER = "other"  # Chromium showed its own error page for another reason (detail has the code)


class BrowserProblem(StrEnum):
    """Why the guided browser could not guide (`BrowserEvent.problem` of a FALLBACK or ERROR event).

    A FALLBACK event opened the page in the person's usual browser instead; an ERROR event with a problem
    that `falls_back` means the usual browser could not be opened either. `BrowserEvent.describe()` is the
    one English wording (terminal and log); the app's screens say their own words (`ui/error_words.py`).
    """

    CHOSE_USUAL_BROWSER = "chose_usual_browser"  # the person chose their usual browser in Settings
    AUTOMATION_FAILED = "automation_failed"  # Playwright, the part that drives the browser, did not start
    SIGN_INS_IN_USE = "sign_ins_in_use"  # another browser has the kept sign-ins folder
    NOT_INSTALLED = "not_installed"  # the one browser to try (`browser`) is not installed
    NO_BROWSER = "no_browser"  # no Chromium-family browser was found at all
    START_TIMEOUT = "start_timeout"  # `browser` did not start in time (a policy may block automation)
    COULD_NOT_START = "could_not_start"  # `browser` is installed but failed to start
    STOPPED_RESPONDING = "stopped_responding"  # a call to the open browser failed (it crashed or hung)
    INTERNAL = "internal"  # a fault in Privacy Audit's own guided-browser code (the log has it)
    ADDRESS_REFUSED = "address_refused"  # the address may not be opened; `refused` says why

    @property
    def falls_back(self) -> bool:
        """Whether this problem sends the page to the person's usual browser instead."""
        return self not in (
            BrowserProblem.STOPPED_RESPONDING,
            BrowserProblem.INTERNAL,
            BrowserProblem.ADDRESS_REFUSED,
        )


class AddressRefusal(StrEnum):
    """Why an address is never opened (`Refusal.code`); the rule itself is `addresses.address_refusal`."""

    ODD_CHARACTER = "odd_character"  # a space, backslash, control or formatting character (`character`)
    NOT_AN_ADDRESS = "not_an_address"
    NOT_SECURE = "not_secure"  # not an https:// page
    INCOMPLETE = "incomplete"  # 'https:evil.com': browsers read it as another address
    USER_OR_PASSWORD = "user_or_password"
    NO_HOST = "no_host"  # nothing after 'https://'
    NOT_PLAIN_HOST = "not_plain_host"  # the typed host is not the host browsers would load
    PORT = "port"  # names a port; a platform's own pages never do
    OTHER_SITE = "other_site"  # `host` is not on the platform's domains (`domains`)


class PublicViewResult(StrEnum):
    """What the signed-out look at a profile found (`BrowserEvent.result` of a PUBLIC_VIEW event)."""

    SHOWN = "shown"  # the page is what anyone sees; `found` has the typed words seen there (of `asked`)
    SIGN_IN_BOX = "sign_in_box"  # a sign-in box shows; the rest of the page is what anyone sees
    SENT_TO_SIGN_IN = "sent_to_sign_in"  # sent to the sign-in page, with none of the typed words on it
    NOT_READ = "not_read"  # the page's text could not be read in time: nothing is said about the words
    NOT_FOUND = "not_found"  # 404 or 410: no page at that address (`status`)
    HTTP_ERROR = "http_error"  # another error answer (`status`): refused, or the platform failed

    @property
    def words_searched(self) -> bool:
        """Whether the typed words were looked for in the page's text (so `found` may be reported)."""
        return self in (
            PublicViewResult.SHOWN,
            PublicViewResult.SIGN_IN_BOX,
            PublicViewResult.SENT_TO_SIGN_IN,
        )


@dataclass(frozen=True)
class Refusal:
    """Why `url` may not be opened: a code and the facts its words name."""

    code: AddressRefusal
    url: str
    scheme: str = ""  # NO_HOST, NOT_PLAIN_HOST: the scheme typed
    host: str = ""  # OTHER_SITE
    domains: tuple[str, ...] = ()  # OTHER_SITE: the platform's domains
    character: str = ""  # ODD_CHARACTER

    def describe(self) -> str:
        """The refusal in English, for the terminal and the log (the app has its own words)."""
        url, scheme = self.url, self.scheme
        return {
            AddressRefusal.ODD_CHARACTER: f"A web address with {_character_name(self.character)} in it is never "
            "opened.",
            AddressRefusal.NOT_AN_ADDRESS: f"'{url}' is not a web address.",
            AddressRefusal.NOT_SECURE: f"Only secure (https://) pages are opened; '{url}' is not one.",
            AddressRefusal.INCOMPLETE: f"'{url}' is not a complete web address (it should start with https://).",
            AddressRefusal.USER_OR_PASSWORD: "A web address with a user name or password in it is never opened.",
            AddressRefusal.NO_HOST: f"'{url}' has no web address after {scheme}://.",
            AddressRefusal.NOT_PLAIN_HOST: f"'{url}' does not have a plain web address (like www.example.com) "
            f"after {scheme}://.",
            AddressRefusal.PORT: f"'{url}' names a port (after ':'); a platform's own pages never do, so it was "
            "not opened.",
            AddressRefusal.OTHER_SITE: f"'{self.host}' is not one of this platform's web addresses "
            f"({', '.join(self.domains) or 'none'}), so it was not opened.",
        }[self.code]


def _character_name(char: str) -> str:
    named = {"\\": "a backslash (\\)", " ": "a space"}
    return named.get(char) or f"the character U+{ord(char or '?'):04X}"


# The English for each problem (`BrowserEvent.describe`); {browser} is the browser tried.
_PROBLEM_ENGLISH: Mapping[BrowserProblem, str] = {
    BrowserProblem.CHOSE_USUAL_BROWSER: "You chose to open pages in your usual browser.",
    BrowserProblem.AUTOMATION_FAILED: "The guided browser could not start (the browser automation part of "
    "Privacy Audit could not start).",
    BrowserProblem.SIGN_INS_IN_USE: "The guided browser could not start (another browser is already using the "
    "kept sign-ins folder).",
    BrowserProblem.NOT_INSTALLED: "The guided browser could not start ({browser} is not installed).",
    BrowserProblem.NO_BROWSER: "The guided browser could not start (no Chromium-family browser (Edge, Chrome or "
    "Chromium) was found).",
    BrowserProblem.START_TIMEOUT: "The guided browser could not start ({browser} did not start in time).",
    BrowserProblem.COULD_NOT_START: "The guided browser could not start ({browser} could not be started).",
    BrowserProblem.STOPPED_RESPONDING: "The browser stopped responding.",
    BrowserProblem.INTERNAL: "Something went wrong in the guided browser.",
}


class ProblemSentence(StrEnum):
    """The sentences that tell a FALLBACK or ERROR event's problem (`problem_sentences` picks them, in order);
    each audience has its own words for each: `_SENTENCE_ENGLISH` here, the screens' in `ui/error_words.py`."""

    WHY = "why"  # the problem itself, in that problem's words ({browser})
    AGAIN_CHECK = "again_check"  # try the check's button again, or do without the guided browser
    AGAIN_PUBLIC = "again_public"  # try the public view's button again
    OPENED_WITHOUT_GUIDANCE = "opened_without_guidance"  # a setting's page went to the usual browser
    OPENED_IN_USUAL = "opened_in_usual"  # the public view's page went to the usual browser
    USUAL_NOT_OPENED = "usual_not_opened"  # the usual browser (the person's choice) did not open: {url}
    USUAL_NOT_OPENED_EITHER = (
        "usual_not_opened_either"  # nor did the usual browser, after the guided one: {url}
    )
    PUBLIC_CAUTION = "public_caution"  # the usual browser may be signed in: it can show more than the public


def problem_sentences(event: BrowserEvent) -> list[ProblemSentence]:
    """Which sentences tell `event`'s problem, in order: the one rule behind the English (`describe`) and the
    screens' words. Not for ADDRESS_REFUSED, whose refusal says it all. An event with no `item_id` is the
    public view's: it has no steps to follow, and a usual browser may be signed in."""
    problem = event.problem or BrowserProblem.INTERNAL
    said = [ProblemSentence.WHY]
    if problem in (BrowserProblem.STOPPED_RESPONDING, BrowserProblem.INTERNAL):
        said.append(ProblemSentence.AGAIN_CHECK if event.item_id else ProblemSentence.AGAIN_PUBLIC)
    if not problem.falls_back:
        return said
    if event.kind == EventKind.FALLBACK:
        said.append(
            ProblemSentence.OPENED_WITHOUT_GUIDANCE if event.item_id else ProblemSentence.OPENED_IN_USUAL
        )
    elif problem == BrowserProblem.CHOSE_USUAL_BROWSER:  # no guided browser was tried: not "either"
        said.append(ProblemSentence.USUAL_NOT_OPENED)
    else:
        said.append(ProblemSentence.USUAL_NOT_OPENED_EITHER)
    if not event.item_id:
        said.append(ProblemSentence.PUBLIC_CAUTION)
    return said


# The English of each sentence but WHY (`_PROBLEM_ENGLISH`); {url} is the page's address.
_SENTENCE_ENGLISH: Mapping[ProblemSentence, str] = {
    ProblemSentence.AGAIN_CHECK: "Press “Open on this laptop” again, or follow the steps in Privacy Audit.",
    ProblemSentence.AGAIN_PUBLIC: "Press “Show my public profile” again.",
    ProblemSentence.OPENED_WITHOUT_GUIDANCE: "The page was opened in your usual browser without on-page "
    "guidance; follow the steps in Privacy Audit.",
    ProblemSentence.OPENED_IN_USUAL: "The page was opened in your usual browser.",
    ProblemSentence.USUAL_NOT_OPENED: "Your usual browser could not be opened; open this address yourself: {url}",
    ProblemSentence.USUAL_NOT_OPENED_EITHER: "Your usual browser could not be opened either; open this address "
    "yourself: {url}",
    ProblemSentence.PUBLIC_CAUTION: "Your usual browser may be signed in, so it can show more than the public "
    "sees: open the address in a private window to be sure.",
}
# The English for the kinds whose words name nothing of the page (OFF_DOMAIN and LABEL_MISSING name the
# platform and the labels, so the worker writes those).
_KIND_ENGLISH: Mapping[EventKind, str] = {
    EventKind.LOGIN_PAGE: "Sign in, then carry on with the check in Privacy Audit.",
    EventKind.WINDOW_CLOSED: "The guided window was closed.",
}


# The answers the panel offers, as the app's answer buttons do, in the same order.
PANEL_ANSWERS: tuple[Answer, ...] = (Answer.OK, Answer.CHANGED, Answer.ATTENTION, Answer.NOT_APPLICABLE)


@dataclass(frozen=True)
class BrowserEvent:
    """One thing that happened in the guided browser. Codes and facts only: `message` is the English for
    the terminal and the log (made by `describe()` when not given); the app's screens choose their own words
    by `kind` and the code (`reason`, `problem`, `result`). An event with no `item_id` is the public view's."""

    kind: EventKind
    item_id: str = ""
    url: str = ""
    message: str = ""  # English, for the terminal and the log
    found: tuple[str, ...] = ()
    reason: LoadFailure | None = None  # LOAD_FAILED only
    status: int | None = None  # LOAD_FAILED with HTTP_ERROR, PUBLIC_VIEW with HTTP_ERROR: the HTTP status
    answer: Answer | None = None  # ANSWERED only: exactly the answer pressed
    problem: BrowserProblem | None = None  # FALLBACK and ERROR: why the page could not be guided
    refused: Refusal | None = None  # ERROR with ADDRESS_REFUSED: why the address is never opened
    browser: str = ""  # OPENED, and launch problems: the browser started or tried (its label)
    result: PublicViewResult | None = None  # PUBLIC_VIEW only
    asked: int = 0  # PUBLIC_VIEW: how many words were typed (`found` has those seen)
    detail: str = (
        ""  # technical facts for the log only (a net error code, each browser tried and how it failed)
    )

    def __post_init__(self) -> None:
        # A plain string names a kind too ("page_shown"), but only a kind that exists.
        object.__setattr__(self, "kind", EventKind(self.kind))
        for name, codes in (
            ("reason", LoadFailure),
            ("problem", BrowserProblem),
            ("result", PublicViewResult),
        ):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, codes(getattr(self, name)))
        if not self.message:
            object.__setattr__(self, "message", self.describe())

    def describe(self) -> str:
        """The event in English: the one wording of each code, for the terminal and the log."""
        if self.kind == EventKind.LOAD_FAILED and self.reason is not None:
            return f"The page did not load ({self.reason}: {self.detail or 'unknown'})."
        if self.kind == EventKind.PUBLIC_VIEW and self.result is not None:
            return self._describe_public_view()
        if self.kind == EventKind.OPENED:
            return self.browser  # the browser started, by its label
        if self.problem is None:
            return _KIND_ENGLISH.get(self.kind, "")
        if self.problem == BrowserProblem.ADDRESS_REFUSED:
            return self.refused.describe() if self.refused else "This address is never opened."
        sentences = [
            _PROBLEM_ENGLISH[self.problem] if said is ProblemSentence.WHY else _SENTENCE_ENGLISH[said]
            for said in problem_sentences(self)
        ]
        return " ".join(sentences).format(browser=self.browser or "the browser", url=self.url)

    def _describe_public_view(self) -> str:
        words = _PUBLIC_VIEW_ENGLISH[self.result or PublicViewResult.SHOWN].format(status=self.status)
        if self.asked and (self.result or PublicViewResult.SHOWN).words_searched:
            words += (
                f" {len(self.found)} of the {self.asked} words you typed were found in the page's text and are "
                "highlighted."
                if self.found
                else f" None of the {self.asked} words you typed were found in the page's text (pictures are "
                "not searched)."
            )
        return words


# What a signed-out look at a profile found, in English. {status}: the HTTP status.
_PUBLIC_VIEW_ENGLISH: Mapping[PublicViewResult, str] = {
    PublicViewResult.SHOWN: "This is what anyone can see without signing in.",
    PublicViewResult.SIGN_IN_BOX: (
        "The platform shows a sign-in box to people who are not signed in; everything else on this page is "
        "what they can see."
    ),
    PublicViewResult.SENT_TO_SIGN_IN: "People who are not signed in were sent to the platform's sign-in page.",
    PublicViewResult.NOT_READ: (
        "Privacy Audit could not read this page's text in time, so it cannot say what is on it. Look at the "
        "page yourself for anything you would not want pupils to see."
    ),
    PublicViewResult.NOT_FOUND: (
        "The platform says there is no page at this address ({status}); check your profile's address."
    ),
    PublicViewResult.HTTP_ERROR: (
        "The platform refused to show this page or could not answer ({status}); try again later."
    ),
}


# The panel's words; the Qt bridge passes translated ones. Placeholders: {labels}, {label}, {answer}.
# "answer.<value>" is the label of each answer button, the same words as the app's answer buttons.
PANEL_TEXT: Mapping[str, str] = {
    "heading": "Privacy Audit",
    "hide": "Hide",
    "show": "Show",
    "safe": "Safe setting:",
    "next": "Next setting",
    "sent": "Sent to Privacy Audit: “{answer}”.",
    "found": "The setting “{label}” is outlined in red.",
    "look_for": "Look for {labels} on this page.",
    "or": " or ",
    "no_label": "Follow the steps in Privacy Audit.",
    "sign_in": "Sign in, then carry on with the check in Privacy Audit.",
    "answer.ok": "It's set correctly",
    "answer.changed": "I changed it now",
    "answer.attention": "I need help with this",
    "answer.not_applicable": "Doesn't apply to me",
    "answer.not_possible": "Not possible on this platform",
}


@dataclass(frozen=True)
class WindowPlacement:
    """Where the guided window goes on screen, in the desktop's logical pixels (as Qt and Chromium use)."""

    x: int
    y: int
    width: int
    height: int

    def chromium_args(self) -> tuple[str, ...]:
        return (f"--window-position={self.x},{self.y}", f"--window-size={self.width},{self.height}")

    @classmethod
    def beside(
        cls, app: tuple[int, int, int, int], screen: tuple[int, int, int, int], *, min_width: int = 640
    ) -> WindowPlacement:
        """Beside the app's window (x, y, width, height, frame included) on its screen's free area.

        The browser takes the free side of the screen, right first; when neither side has `min_width`
        (the app fills the screen), it takes two-thirds of the screen on the side with more room, so the
        other part of the app, at least, stays in view.
        """
        sx, sy, sw, sh = screen
        ax, _, aw, _ = app
        right = (sx + sw) - (ax + aw)
        left = ax - sx
        wanted = min(sw, min_width)
        if right >= wanted:
            x, width = ax + aw, right
        elif left >= wanted:
            x, width = sx, left
        else:
            width = max(max(left, right), min(sw, max(wanted, sw * 2 // 3)))
            x = sx + sw - width if right >= left else sx
        return cls(x=x, y=sy, width=width, height=sh)


@dataclass(frozen=True)
class GuidanceTarget:
    """One checklist item to show: its settings page and what to point at there."""

    url: str
    allowed_domains: tuple[str, ...]
    platform_name: str
    item_id: str
    title: str
    safe_value: str
    labels: tuple[str, ...]  # visible label texts of the setting, tried in order
    answers: tuple[Answer, ...] = PANEL_ANSWERS  # the answers the panel offers (and the only ones believed)
    # How far this guidance has been checked, in the app's words ("Not yet checked on the live site."), so
    # the panel never says less than the check screen does; empty shows nothing.
    provenance: str = ""


@dataclass(frozen=True)
class PublicViewRequest:
    url: str
    words: tuple[str, ...] = field(repr=False)  # typed just for this look; never written or logged
    allowed_domains: tuple[str, ...]


# ----- commands to the worker ----------------------------------------------------------------------


@dataclass(frozen=True)
class OpenPage:
    target: GuidanceTarget
    placement: WindowPlacement | None = None  # where a new window goes; an open window is never moved


@dataclass(frozen=True)
class ShowPublicView:
    request: PublicViewRequest
    placement: WindowPlacement | None = None


@dataclass(frozen=True)
class CloseWindow:
    pass


@dataclass(frozen=True)
class Shutdown:
    pass


Command = OpenPage | ShowPublicView | CloseWindow | Shutdown


@dataclass(frozen=True)
class WorkerSettings:
    """Everything the worker needs to know, fixed when the GuidedBrowser is made."""

    choice: str
    executable_path: str | None
    profile_dir: Path | None
    allow_localhost: bool
    extra_args: tuple[str, ...]
    headless: bool
    launch_timeout: float
    page_timeout: float
    label_grace: float
    panel_text: Mapping[str, str]
    open_default: Callable[[str], bool]
