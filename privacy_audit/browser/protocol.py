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
    FALLBACK = "fallback"  # opened in the default browser without guidance; message says why
    ERROR = "error"  # something did not work; message says what to do
    PUBLIC_VIEW = "public_view"  # the signed-out view is shown; found = the typed words that anyone can see


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
    OTHER = "other"  # Chromium showed its own error page for another reason (message has the code)


# The answers the panel offers, as the app's answer buttons do, in the same order.
PANEL_ANSWERS: tuple[Answer, ...] = (Answer.OK, Answer.CHANGED, Answer.ATTENTION, Answer.NOT_APPLICABLE)


@dataclass(frozen=True)
class BrowserEvent:
    kind: EventKind
    item_id: str = ""
    url: str = ""
    message: str = ""  # English, for logs and the terminal; the app shows its own words by kind and reason
    found: tuple[str, ...] = ()
    reason: LoadFailure | None = None  # LOAD_FAILED only
    status: int | None = None  # LOAD_FAILED with HTTP_ERROR: the HTTP status
    answer: Answer | None = None  # ANSWERED only: exactly the answer pressed

    def __post_init__(self) -> None:
        # A plain string names a kind too ("page_shown"), but only a kind that exists.
        object.__setattr__(self, "kind", EventKind(self.kind))
        if self.reason is not None:
            object.__setattr__(self, "reason", LoadFailure(self.reason))


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
    "sign_in": "Sign in, then press Continue in Privacy Audit.",
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
