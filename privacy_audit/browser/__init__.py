"""The guided browser: opens the person's own settings page, points at the setting, shows the public view.

`GuidedBrowser` owns one worker thread, and only that thread touches Playwright (its sync API), so no
Playwright object ever crosses threads. Every method here only posts a request and returns at once; what
happens is reported through `on_event`, called on the worker thread with a `BrowserEvent` (the Qt side,
`privacy_audit.ui.browser_bridge`, turns those into queued signals). Playwright is imported by the worker
when the first page is opened, so starting the app never pays for it.

Nothing here changes a setting, reads a form field or sends anything anywhere: the browser only shows
pages the person asked for, on the platform's own https domains.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

EVENT_KINDS = frozenset(
    {
        "opened",  # a browser window is open; message names the browser
        "page_shown",  # the settings page's document has loaded (DOMContentLoaded)
        "label_found",  # the setting's label is on the page and outlined; found = (label,)
        "label_missing",  # the label was not found; the panel says "look for …"
        "login_page",  # a sign-in or checkpoint page: sign in, then press Continue
        "off_domain",  # the window left the platform's domains; url says where to
        "window_closed",  # the guided window went away (closed by the person, the app or a crash)
        "done",  # the person pressed Done on the page's panel; item_id is the item that panel showed
        "next",  # the person pressed Next on the page's panel (page scripts cannot send either)
        "fallback",  # opened in the default browser without guidance; message says why
        "error",  # something did not work; message says what to do
        "public_view",  # the signed-out view is shown; found = the typed words that anyone can see
    }
)

# The panel's words; the Qt bridge passes translated ones. Placeholders: {labels}, {label}.
PANEL_TEXT: Mapping[str, str] = {
    "heading": "Privacy Audit",
    "hide": "Hide",
    "show": "Show",
    "safe": "Safe setting:",
    "done": "Done",
    "next": "Next",
    "found": "The setting “{label}” is outlined in red.",
    "look_for": "Look for {labels} on this page.",
    "or": " or ",
    "no_label": "Follow the steps in Privacy Audit.",
    "sign_in": "Sign in, then press Continue in Privacy Audit.",
}

PROFILE_MARKER = ".privacy-audit-profile"


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


@dataclass(frozen=True)
class BrowserEvent:
    kind: str
    item_id: str = ""
    url: str = ""
    message: str = ""
    found: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublicViewRequest:
    url: str
    words: tuple[str, ...] = field(repr=False)  # typed just for this look; never written or logged
    allowed_domains: tuple[str, ...]


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


class BrowserProcesses:
    """Process ids of the browsers the worker started, so a stuck worker's browser can still be ended.

    Shared between the worker (adds and removes) and the thread calling `shutdown` (kills as a last resort).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pids: set[int] = set()

    def add(self, pid: int) -> None:
        with self._lock:
            self._pids.add(pid)

    def discard(self, pid: int) -> None:
        with self._lock:
            self._pids.discard(pid)

    def snapshot(self) -> set[int]:
        with self._lock:
            return set(self._pids)

    def kill_all(self) -> None:
        # SIGKILL on POSIX; on Windows os.kill with SIGTERM calls TerminateProcess.
        sig = signal.SIGTERM if sys.platform.startswith("win") else signal.SIGKILL
        for pid in self.snapshot():
            try:
                os.kill(pid, sig)
            except OSError:
                pass
            self.discard(pid)


def _default_opener(url: str) -> bool:
    import webbrowser

    return webbrowser.open(url, new=2)


class GuidedBrowser:
    """One guided browser window at a time, driven from a single worker thread. Methods never block
    (except `shutdown`, which waits up to `timeout`)."""

    def __init__(
        self,
        *,
        choice: str = "auto",
        executable_path: str | None = None,
        profile_dir: Path | None = None,
        on_event: Callable[[BrowserEvent], None],
        allow_localhost: bool = False,
        extra_args: tuple = (),
        headless: bool = False,
        launch_timeout: float = 10.0,
        page_timeout: float = 30.0,
        label_grace: float = 2.0,
        panel_text: Mapping[str, str] | None = None,
        open_default: Callable[[str], bool] | None = None,
    ) -> None:
        from privacy_audit.browser.discovery import CHOICES

        if choice not in CHOICES:
            raise ValueError(f"Unknown browser choice '{choice}'; choose one of: {', '.join(CHOICES)}.")
        if choice == "path" and not executable_path:
            raise ValueError("Choose the browser program to use, or pick another browser option.")
        self._settings = WorkerSettings(
            choice=choice,
            executable_path=executable_path,
            profile_dir=Path(profile_dir) if profile_dir is not None else None,
            allow_localhost=allow_localhost,
            extra_args=tuple(extra_args),
            headless=headless,
            launch_timeout=launch_timeout,
            page_timeout=page_timeout,
            label_grace=label_grace,
            panel_text={**PANEL_TEXT, **(panel_text or {})},
            open_default=open_default or _default_opener,
        )
        self._on_event = on_event
        self._commands: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._processes = BrowserProcesses()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def keeps_sign_ins(self) -> bool:
        return self._settings.profile_dir is not None

    def open(self, target: GuidanceTarget) -> None:
        """Show `target`'s settings page in the guided window (opening the window if needed)."""
        self._post("open", target)

    def public_view(self, url: str, words: tuple[str, ...], allowed_domains: tuple[str, ...]) -> None:
        """Open `url` signed out, in a fresh context, and report which of `words` anyone can see there."""
        self._post(
            "public_view",
            PublicViewRequest(url=url, words=tuple(words), allowed_domains=tuple(allowed_domains)),
        )

    def close_window(self) -> None:
        self._post("close_window")

    def shutdown(self, timeout: float = 5.0) -> None:
        """Close every window and stop the worker; ends the browser's process if the worker is stuck."""
        with self._lock:
            self._stopped = True
            thread = self._thread
        if thread is None:
            return
        self._commands.put(("shutdown",))
        thread.join(timeout * 0.7)
        if thread.is_alive():
            # The worker is stuck in a browser call (a hung page or browser): ending the browser makes
            # that call fail, so the worker can finish and nothing is left running.
            log.warning("The guided browser did not close in time; ending its process.")
            self._processes.kill_all()
            thread.join(timeout * 0.3)

    def _post(self, *command: Any) -> None:
        with self._lock:
            if self._stopped:
                raise RuntimeError("This guided browser has been shut down.")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="guided-browser", daemon=True)
                self._thread.start()
            self._commands.put(command)

    def _run(self) -> None:
        from privacy_audit.browser.worker import Worker

        Worker(self._settings, self._commands, self._on_event, self._processes).run()


def prepare_profile(profile_dir: Path) -> Path:
    """Create the kept-sign-ins folder owner-only (0700), marked so `forget_sign_ins` knows it is ours."""
    old_umask = os.umask(0o077)
    try:
        profile_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    finally:
        os.umask(old_umask)
    os.chmod(profile_dir, 0o700)  # tighten a folder that existed with looser permissions
    marker = profile_dir / PROFILE_MARKER
    if not marker.exists():
        marker.write_text("Privacy Audit's guided-browser profile. 'Forget sign-ins' deletes this folder.\n")
    return profile_dir


def forget_sign_ins(profile_dir: Path) -> None:
    """Delete the guided browser's kept sign-ins (its whole profile folder). Close the browser first."""
    profile_dir = Path(profile_dir)
    if profile_dir.is_symlink():
        profile_dir.unlink()  # never follow a link into someone else's folder
        return
    if not profile_dir.exists():
        return
    if not profile_dir.is_dir():
        raise ValueError(f"{profile_dir} is not a folder, so it was left alone.")
    ours = (profile_dir / PROFILE_MARKER).exists() or (profile_dir / "Local State").exists()
    if not ours and any(profile_dir.iterdir()):
        raise ValueError(
            f"{profile_dir} does not look like Privacy Audit's browser profile, so it was not deleted. "
            "Delete it yourself if you are sure."
        )
    shutil.rmtree(profile_dir)


__all__ = [
    "EVENT_KINDS",
    "PANEL_TEXT",
    "BrowserEvent",
    "GuidanceTarget",
    "GuidedBrowser",
    "forget_sign_ins",
    "prepare_profile",
]
