"""The Qt bridge: browser events reach widgets in the GUI thread, and the app never pays for Playwright
until a page is opened."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from browser_helpers import CHROMIUM_ARGS, chromium_processes, target, wait_until
from PySide6.QtCore import QCoreApplication, QThread

from privacy_audit.browser import BrowserEvent
from privacy_audit.ui.browser_bridge import BrowserBridge


@pytest.mark.browser
def test_events_arrive_in_the_gui_thread_and_quitting_closes_the_browser(qtbot, site, chromium_path):
    url = site.add("/settings", "<html><body><p>Who can see your future posts</p></body></html>")
    bridge = BrowserBridge(
        choice="path",
        executable_path=chromium_path,
        allow_localhost=True,
        extra_args=CHROMIUM_ARGS,
        headless=True,
    )
    arrived: list[tuple[str, bool, bool]] = []
    # A lambda runs in the emitting thread, so it shows where `event` is really emitted.
    bridge.event.connect(
        lambda e: arrived.append(
            (
                e.kind,
                QThread.currentThread() is QCoreApplication.instance().thread(),
                threading.current_thread() is threading.main_thread(),
            )
        )
    )
    assert not bridge.started, "the browser is created on first use only"

    with qtbot.waitSignal(bridge.event, timeout=20000, check_params_cb=lambda e: e.kind == "label_found"):
        bridge.open(target(url))
    # The page's load event and the panel's label report come from different places, in either order.
    qtbot.waitUntil(lambda: "page_shown" in [kind for kind, *_ in arrived], timeout=10000)

    kinds = [kind for kind, *_ in arrived]
    assert kinds[0] == "opened" and {"page_shown", "label_found"} <= set(kinds[1:3]), kinds
    assert all(in_gui and in_main for _, in_gui, in_main in arrived)
    bridge.shutdown()
    assert wait_until(lambda: not chromium_processes(), timeout=5)


def test_the_panel_words_come_from_qt_translations(qtbot):
    bridge = BrowserBridge()
    words = bridge.panel_text()
    assert words["done"] == "Done" and "{labels}" in words["look_for"] and "{label}" in words["found"]


def test_a_worker_event_is_delivered_by_the_gui_event_loop_not_the_worker(qtbot):
    bridge = BrowserBridge()
    got: list[bool] = []
    bridge.event.connect(lambda e: got.append(threading.current_thread() is threading.main_thread()))
    worker = threading.Thread(target=bridge._relay, args=(BrowserEvent("done", item_id="x"),))
    worker.start()
    worker.join()
    assert got == [], "nothing is delivered until the GUI loop runs"
    qtbot.waitUntil(lambda: got == [True], timeout=2000)


def test_importing_the_browser_parts_does_not_load_playwright():
    code = (
        "import sys, privacy_audit.browser, privacy_audit.browser.discovery, privacy_audit.browser.addresses, "
        "privacy_audit.ui.browser_bridge; print(sorted(m for m in sys.modules if m.startswith('playwright')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
