"""The tray menu while the app runs, the due-state watcher (hourly and after sleep), and the reminder window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from privacy_audit.desktop.reminder_window import ReminderWindow
from privacy_audit.ui.due_watch import HOUR_MS, QTIMER_MAX_MS, DueWatch
from privacy_audit.ui.tray import ReminderTray

UTC = dt.UTC


@pytest.fixture
def tray(qapp):
    tray = ReminderTray()
    yield tray
    tray.dispose()


def test_the_tray_menu_offers_open_check_now_snooze_and_quit(tray):
    labels = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert labels == ["Open Privacy Audit", "Check now", "Snooze 3 days", "Quit"]
    assert tray.icon.contextMenu() is tray.menu


@pytest.mark.parametrize(
    "action, signal",
    [
        ("open_action", "open_requested"),
        ("check_action", "check_requested"),
        ("snooze_action", "snooze_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_each_menu_entry_emits_its_signal(tray, qtbot, action, signal):
    tray.set_due(["Facebook"])
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        getattr(tray, action).trigger()


def test_clicking_the_icon_or_its_message_opens_the_app(tray, qtbot):
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.icon.messageClicked.emit()
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_the_tooltip_says_what_is_due_and_snooze_is_offered_only_then(tray):
    tray.set_due(["Facebook", "Instagram"])
    assert tray.icon.toolTip() == "Privacy Audit: check due for Facebook, Instagram"
    assert tray.snooze_action.isEnabled()
    due_icon = tray.icon.icon().pixmap(32, 32).toImage()
    tray.set_due([])
    assert "all your checks are done" in tray.icon.toolTip()
    assert not tray.snooze_action.isEnabled()
    assert tray.icon.icon().pixmap(32, 32).toImage() != due_icon  # the amber dot is gone


# --- DueWatch -----------------------------------------------------------------------------------------------


class FakeClock:
    """A wall clock the test moves by hand (the real one cannot be made to sleep)."""

    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def due_after(switch: dt.datetime):
    return lambda now: ["facebook"] if now >= switch else []


def test_it_reports_the_due_state_when_started_and_again_only_when_it_changes(qtbot):
    clock = FakeClock(dt.datetime(2027, 1, 3, 23, 0, tzinfo=UTC))
    watch = DueWatch(due_after(dt.datetime(2027, 1, 4, tzinfo=UTC)), clock=clock)
    seen: list[list[str]] = []
    watch.due_changed.connect(seen.append)
    watch.start()
    try:
        watch.refresh()
        assert seen == [[]]
        clock.now += dt.timedelta(hours=2)
        watch.refresh()
        watch.refresh()
        assert seen == [[], ["facebook"]]
        assert watch.due == ["facebook"]
    finally:
        watch.stop()
    assert not watch.is_running()


def test_the_periodic_timer_re_evaluates_without_being_asked(qtbot):
    clock = FakeClock(dt.datetime(2027, 1, 3, 23, 0, tzinfo=UTC))
    watch = DueWatch(
        due_after(dt.datetime(2027, 1, 4, tzinfo=UTC)), clock=clock, interval_ms=30, heartbeat_ms=10_000
    )
    watch.start()
    try:
        clock.now += dt.timedelta(hours=2)
        with qtbot.waitSignal(watch.due_changed, timeout=2000) as blocker:
            pass
        assert blocker.args == [["facebook"]]
    finally:
        watch.stop()


def test_waking_from_sleep_re_evaluates_at_once(qtbot):
    clock = FakeClock(dt.datetime(2027, 1, 3, 18, 0, tzinfo=UTC))
    # The hourly timer would not fire for an hour; only the wake detection can notice the new term.
    watch = DueWatch(
        due_after(dt.datetime(2027, 1, 4, tzinfo=UTC)), clock=clock, interval_ms=HOUR_MS, heartbeat_ms=20
    )
    watch.start()
    try:
        with qtbot.assertNotEmitted(watch.woke, wait=100):
            pass  # ticks 20 ms apart in wall-clock time too: no sleep
        clock.now += dt.timedelta(hours=14)  # the lid was closed overnight
        with qtbot.waitSignals([watch.woke, watch.due_changed], timeout=2000):
            pass
        assert watch.due == ["facebook"]
    finally:
        watch.stop()


def test_intervals_beyond_qtimers_limit_are_capped_not_overflowed(qapp):
    watch = DueWatch(lambda now: [], interval_ms=40 * 24 * HOUR_MS)  # 40 days > 2^31 ms (about 24.8 days)
    assert watch.interval_ms == QTIMER_MAX_MS


# --- the reminder window (no notification service, Windows, macOS) -----------------------------------------


@pytest.mark.parametrize(
    "button, expected", [("open_button", "open"), ("snooze_button", "snooze"), ("later_button", "")]
)
def test_the_reminder_window_reports_the_choice_once(qtbot, button, expected):
    window = ReminderWindow("Privacy check due", "Your termly privacy check is due: Facebook, Instagram")
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    window.chosen.connect(seen.append)
    qtbot.mouseClick(getattr(window, button), Qt.MouseButton.LeftButton)
    assert seen == [expected]
    assert not window.isVisible()


def test_the_reminder_window_works_from_the_keyboard(qtbot):
    window = ReminderWindow("Privacy check due", "Your termly privacy check is due: Facebook")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: list[str] = []
    window.chosen.connect(seen.append)
    window.open_button.setFocus()
    qtbot.keyClick(window.open_button, Qt.Key.Key_Space)
    assert seen == ["open"]
    for widget in (window.open_button, window.snooze_button, window.later_button):
        assert widget.accessibleName()


def test_escape_closes_the_reminder_window_as_not_now(qtbot):
    window = ReminderWindow("Privacy check due", "<b>Facebook</b>")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: list[str] = []
    window.chosen.connect(seen.append)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert seen == [""]
