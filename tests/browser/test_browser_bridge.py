"""The Qt bridge: browser events reach widgets in the GUI thread, and the app never pays for Playwright
until a page is opened."""

from __future__ import annotations

import threading

import pytest
from browser_helpers import CHROMIUM_ARGS, chromium_processes, target, wait_until
from helpers.translation import translation
from PySide6.QtCore import QCoreApplication, QThread

from privacy_audit.browser import BrowserEvent, WindowPlacement
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


def test_the_bridge_gives_every_panel_word_and_the_app_buttons_words_for_the_answers(qtbot):
    from privacy_audit.browser import PANEL_TEXT
    from privacy_audit.ui.answer_words import answer_labels

    words = BrowserBridge().panel_text()
    assert set(words) == set(PANEL_TEXT), "every word on the panel is translated by the app"
    for answer, label in answer_labels().items():
        assert words[f"answer.{answer.value}"] == label
    assert "{labels}" in words["look_for"] and "{label}" in words["found"] and "{answer}" in words["sent"]


TINY_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context><name>BrowserBridge</name>
<message><source>Hide</source><translation>Verbergen</translation></message>
<message><source>Next setting</source><translation>Nächste Einstellung</translation></message>
</context>
<context><name>CheckView</name>
<message><source>It's set correctly</source><translation>Richtig eingestellt</translation></message>
</context>
</TS>
"""


def test_the_panel_words_follow_the_apps_translation(qtbot, tmp_path):
    # A real translation file, built as the app's own are, changes the panel's words; the words it does
    # not translate stay in English.
    english = BrowserBridge().panel_text()
    with translation(TINY_TS, tmp_path, name="tiny_de"):
        german = BrowserBridge().panel_text()
    assert (english["hide"], german["hide"]) == ("Hide", "Verbergen")
    assert german["next"] == "Nächste Einstellung"
    assert german["answer.ok"] == "Richtig eingestellt"  # the very words of the app's answer button
    assert german["show"] == english["show"] == "Show"


def test_a_new_guided_window_is_placed_beside_the_app_window(qtbot):
    from PySide6.QtWidgets import QWidget

    app_window = QWidget()
    qtbot.addWidget(app_window)
    free = app_window.screen().availableGeometry()
    app_window.setGeometry(free.x(), free.y() + 30, 120, free.height() - 60)  # room to its right
    app_window.show()
    app_window.activateWindow()
    qtbot.waitUntil(lambda: app_window.isVisible())
    placement = BrowserBridge().placement()
    assert placement is not None
    frame = app_window.frameGeometry()
    assert placement == WindowPlacement.beside(
        (frame.x(), frame.y(), frame.width(), frame.height()),
        (free.x(), free.y(), free.width(), free.height()),
    )
    assert placement.x >= frame.x() + frame.width(), "the browser starts where the app window ends"
    assert placement.x + placement.width <= free.x() + free.width()
    assert (placement.y, placement.height) == (free.y(), free.height())


def test_a_worker_event_is_delivered_by_the_gui_event_loop_not_the_worker(qtbot):
    bridge = BrowserBridge()
    got: list[bool] = []
    bridge.event.connect(lambda e: got.append(threading.current_thread() is threading.main_thread()))
    worker = threading.Thread(target=bridge._relay, args=(BrowserEvent("next", item_id="x"),))
    worker.start()
    worker.join()
    assert got == [], "nothing is delivered until the GUI loop runs"
    qtbot.waitUntil(lambda: got == [True], timeout=2000)
