"""`GuidedBrowser`: the app's handle on the guided browser, callable from any thread.

It owns one worker thread, and only that thread touches Playwright (its sync API), so no Playwright object
ever crosses threads. Every method here only queues a command (`protocol.OpenPage` and friends) and returns
at once; what happens is reported through `on_event`, called on the worker thread with a `BrowserEvent` (the
Qt side, `privacy_audit.ui.browser_bridge`, turns those into queued signals). Playwright is imported by the
worker when the first page is opened, so starting the app never pays for it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from privacy_audit.browser import protocol
from privacy_audit.browser.discovery import CHOICES
from privacy_audit.browser.housekeeping import BrowserProcesses
from privacy_audit.browser.protocol import BrowserEvent, Command, GuidanceTarget, WindowPlacement

log = logging.getLogger(__name__)


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
        extra_args: tuple[str, ...] = (),
        headless: bool = False,
        launch_timeout: float = 10.0,
        page_timeout: float = 30.0,
        label_grace: float = 2.0,
        panel_text: Mapping[str, str] | None = None,
        open_default: Callable[[str], bool] | None = None,
    ) -> None:
        if choice not in CHOICES:
            raise ValueError(f"Unknown browser choice '{choice}'; choose one of: {', '.join(CHOICES)}.")
        if choice == "path" and not executable_path:
            raise ValueError("Choose the browser program to use, or pick another browser option.")
        self._settings = protocol.WorkerSettings(
            choice=choice,
            executable_path=executable_path,
            profile_dir=Path(profile_dir) if profile_dir is not None else None,
            allow_localhost=allow_localhost,
            extra_args=tuple(extra_args),
            headless=headless,
            launch_timeout=launch_timeout,
            page_timeout=page_timeout,
            label_grace=label_grace,
            panel_text={**protocol.PANEL_TEXT, **(panel_text or {})},
            open_default=open_default or _default_opener,
        )
        self._on_event = on_event
        self._commands: queue.Queue[Command] = queue.Queue()
        self._processes = BrowserProcesses()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def open(self, target: GuidanceTarget, placement: WindowPlacement | None = None) -> None:
        """Show `target`'s settings page in the guided window (opening the window, at `placement`, if needed)."""
        self._post(protocol.OpenPage(target, placement))

    def public_view(
        self,
        url: str,
        words: tuple[str, ...],
        allowed_domains: tuple[str, ...],
        placement: WindowPlacement | None = None,
    ) -> None:
        """Open `url` signed out, in a fresh context, and report which of `words` anyone can see there."""
        request = protocol.PublicViewRequest(
            url=url, words=tuple(words), allowed_domains=tuple(allowed_domains)
        )
        self._post(protocol.ShowPublicView(request, placement))

    def close_window(self) -> None:
        self._post(protocol.CloseWindow())

    def shutdown(self, timeout: float = 5.0) -> None:
        """Close every window and stop the worker; ends the browser's process if the worker is stuck."""
        with self._lock:
            self._stopped = True
            thread = self._thread
        if thread is None:
            return
        self._commands.put(protocol.Shutdown())
        thread.join(timeout * 0.7)
        if thread.is_alive():
            # The worker is stuck in a browser call (a hung page or browser): ending the browser makes
            # that call fail, so the worker can finish and nothing is left running.
            log.warning("The guided browser did not close in time; ending its process.")
            self._processes.kill_all()
            thread.join(timeout * 0.3)

    def _post(self, command: Command) -> None:
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
