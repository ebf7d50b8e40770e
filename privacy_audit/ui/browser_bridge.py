"""The Qt side of the guided browser: requests go to its worker thread, events come back as a signal.

`BrowserBridge.event` is always emitted in the GUI thread. The worker calls back on its own thread, so the
bridge re-emits through a private signal with a queued connection to one of its own methods; connecting
the worker straight to widgets would run their slots on the worker thread (a PySide6 pitfall with lambdas
and plain functions). The `GuidedBrowser`, and with it Playwright, is created on first use only.

A new guided window is placed beside the app's window (on the same screen), not on top of it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent, GuidanceTarget, GuidedBrowser, WindowPlacement


class BrowserBridge(QObject):
    """Opens settings pages and public views for the GUI; `event` carries `BrowserEvent`s."""

    event = Signal(object)
    _from_worker = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        choice: str = "auto",
        executable_path: str | None = None,
        profile_dir: Path | None = None,
        allow_localhost: bool = False,
        extra_args: tuple[str, ...] = (),
        headless: bool = False,
    ) -> None:
        super().__init__(parent)
        self._options: dict[str, Any] = {
            "choice": choice,
            "executable_path": executable_path,
            "profile_dir": profile_dir,
            "allow_localhost": allow_localhost,
            "extra_args": tuple(extra_args),
            "headless": headless,
        }
        self._browser: GuidedBrowser | None = None
        self._from_worker.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            # Quitting with a window open must not leave a browser running.
            app.aboutToQuit.connect(self.shutdown)

    def panel_text(self) -> dict[str, str]:
        """The on-page panel's words, translated like the rest of the app; the answer buttons use the very
        words of the app's own answer buttons."""
        from privacy_audit.ui.answer_words import answer_labels

        text = {
            "heading": self.tr("Privacy Audit"),
            "hide": self.tr("Hide"),
            "show": self.tr("Show"),
            "safe": self.tr("Safe setting:"),
            "next": self.tr("Next setting"),
            "sent": self.tr("Sent to Privacy Audit: “{answer}”."),
            "found": self.tr("The setting “{label}” is outlined in red."),
            "look_for": self.tr("Look for {labels} on this page."),
            "or": self.tr(" or "),
            "no_label": self.tr("Follow the steps in Privacy Audit."),
            "sign_in": self.tr("Sign in, then carry on with the check in Privacy Audit."),
            "answer.not_possible": self.tr("Not possible on this platform"),
        }
        text.update({f"answer.{answer.value}": label for answer, label in answer_labels().items()})
        return text

    def placement(self) -> WindowPlacement | None:
        """Where a new guided window goes: beside the app's active window, on that window's screen."""
        from privacy_audit.browser import WindowPlacement

        app = QCoreApplication.instance()
        if not isinstance(app, QApplication):
            return None
        window = QApplication.activeWindow()
        if window is None:
            window = next((w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()), None)
        if window is None or window.screen() is None:
            return None
        frame = window.frameGeometry()
        free = window.screen().availableGeometry()  # the screen without its taskbar or dock
        return WindowPlacement.beside(
            (frame.x(), frame.y(), frame.width(), frame.height()),
            (free.x(), free.y(), free.width(), free.height()),
        )

    @property
    def started(self) -> bool:
        return self._browser is not None

    def open(self, target: GuidanceTarget) -> None:
        self._guided_browser().open(target, self.placement())

    def public_view(self, url: str, words: tuple[str, ...], domains: tuple[str, ...]) -> None:
        self._guided_browser().public_view(url, tuple(words), tuple(domains), self.placement())

    def close_window(self) -> None:
        if self._browser is not None:
            self._browser.close_window()

    def reconfigure(self, **options: Any) -> None:
        """Use new settings (browser choice, kept sign-ins) from the next page on.

        The old browser is closed on a helper thread, so the GUI never waits for it.
        """
        unknown = set(options) - set(self._options)
        if unknown:
            raise TypeError(f"Unknown browser options: {', '.join(sorted(unknown))}")
        self._options.update(options)
        old, self._browser = self._browser, None
        if old is not None:
            threading.Thread(target=old.shutdown, name="guided-browser-close", daemon=True).start()

    @Slot()
    def shutdown(self, timeout: float = 5.0) -> None:
        """Close the browser and stop its worker. Called when the app quits: this one call may wait (up to
        `timeout`), because leaving a browser running after the app has gone would be worse."""
        browser, self._browser = self._browser, None
        if browser is not None:
            browser.shutdown(timeout)

    def _guided_browser(self) -> GuidedBrowser:
        if self._browser is None:
            from privacy_audit.browser import GuidedBrowser

            self._browser = GuidedBrowser(on_event=self._relay, panel_text=self.panel_text(), **self._options)
        return self._browser

    def _relay(self, event: BrowserEvent) -> None:
        # Worker thread: hand over to the GUI thread.
        try:
            self._from_worker.emit(event)
        except RuntimeError:
            pass  # the bridge was deleted while the browser was closing; nobody is listening

    @Slot(object)
    def _deliver(self, event: BrowserEvent) -> None:
        self.event.emit(event)
