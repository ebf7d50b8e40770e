"""Nothing leaves the laptop while the desktop app is used: first run, a check, history, the PDF report and
the reminders, all in this process under the network recorder - both what Python attempts (audit hooks)
and any TCP/UDP socket the process holds, whoever opened it (Qt's own code included). The child process
that draws the PDF (report/child.py) runs under the recorder too, as tests/privacy/netguard.py."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from helpers.figures import count
from helpers.gui import finish_first_run, record_call, wait_idle
from netguard import NetGuard

from privacy_audit.core.audit import Answer

# WORKAROUND: Qt's offscreen platform warns whenever a window is shown (https://bugreports.qt.io/browse/QTBUG-74893).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_first_run_a_check_history_the_report_and_reminders_use_no_network(
    qtbot, make_window, tmp_path, monkeypatch
):
    from privacy_audit.report import CHILD_ARGUMENT, child
    from privacy_audit.ui.due_watch import DueWatch
    from privacy_audit.ui.tray import ReminderTray

    child_log = tmp_path / "drawing-child-network.json"
    netguard = Path(__file__).with_name("netguard.py")
    monkeypatch.setattr(
        child,
        "child_command",
        lambda: [sys.executable, str(netguard), str(child_log), "-m", "privacy_audit", CHILD_ARGUMENT],
    )

    with NetGuard(watch_fds=True) as guard:
        window = make_window()
        services = window.services
        finish_first_run(qtbot, window, platforms=("facebook", "instagram"))

        window.start_check("general")
        qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
        for index, _item in enumerate(window.check.items):
            window.check.answer(Answer.ATTENTION if index == 0 else Answer.OK)
        window.check.check_note.setPlainText("asked IT about my old account")
        with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
            window.check.finish()

        window.go("history")
        qtbot.waitUntil(lambda: window.history.list.count() == 1, timeout=10_000)
        assert "asked IT about my old account" in window.history.detail.toPlainText()

        window.go("report")
        wait_idle(qtbot, services)
        target = tmp_path / "report.pdf"
        window.report.path.setText(str(target))
        window.report.name.setText("Ann Teacher")
        with qtbot.waitSignal(window.report.exported, timeout=20_000):
            window.report.export_button.click()
        assert target.read_bytes().startswith(b"%PDF-")

        # Reminders while the app runs: the tray and the due watch, as `attach_tray` wires them.
        tray = ReminderTray(window)
        watch = DueWatch(window.due_platforms, parent=window)
        watch.due_changed.connect(lambda ids: tray.set_due([services.platform_name(p) for p in ids]))
        with qtbot.waitSignal(watch.due_changed, timeout=5_000):
            watch.start()
        assert set(watch.due) == {"facebook", "instagram"}
        # (Not shown: offscreen Qt has no system tray.) Snooze from the tray, as attach_tray wires it.
        tray.snooze_requested.connect(window.snooze_due)
        assert tray.snooze_action.isEnabled()
        tray.snooze_action.trigger()
        wait_idle(qtbot, services)
        snoozes = record_call(qtbot, services, "snoozes")
        assert set(snoozes) == {"facebook", "instagram"}
        assert min(snoozes.values()) > dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
        watch.stop()
        tray.dispose()

    assert guard.attempts == [], "the app tried to reach the network"
    assert json.loads(child_log.read_text()) == [], "the child drawing the PDF tried to reach the network"
    assert guard.open_sockets == set(), "the app held a TCP/UDP socket"
    count("connections_seen", len(guard.attempts) + len(guard.open_sockets))


def test_the_in_process_recorder_sees_sockets_made_through_python_or_held_by_anyone():
    import socket
    import time

    with NetGuard(watch_fds=True) as guard:
        server = socket.create_server(("127.0.0.1", 0))  # held, never connected: only the fd watch sees it
        time.sleep(0.1)
        socket.create_connection(server.getsockname()).close()
        server.close()
    assert [a["event"] for a in guard.attempts] == ["socket.getaddrinfo", "socket.connect"]
    assert guard.beyond_loopback() == []
    assert any(line.startswith("tcp ") for line in guard.open_sockets)
