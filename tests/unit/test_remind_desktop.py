"""`privacy-audit remind` on a real X display with a real notification service (Xvfb + D-Bus + notification-daemon).

The reminder appears as a desktop notification; clicking it opens the app, and its "Snooze 3 days" button
snoozes the due platforms in the record. Clicks are real X input events (XTest), as a mouse would send.
Skips, saying what is missing, only where Xvfb, dbus-daemon or notification-daemon are not installed;
.ci/run installs them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.desktop.reminders import ReminderState
from privacy_audit.store import open_record
from privacy_audit.store.reminder_inputs import read_reminder_inputs

pytestmark = pytest.mark.slow

NOTIFICATION_DAEMON = "/usr/lib/notification-daemon/notification-daemon"
NEEDED = {
    "Xvfb": shutil.which("Xvfb"),
    "dbus-daemon": shutil.which("dbus-daemon"),
    "xwininfo": shutil.which("xwininfo"),
    "notification-daemon": NOTIFICATION_DAEMON if Path(NOTIFICATION_DAEMON).exists() else None,
    "libXtst": ctypes.util.find_library("Xtst"),
    "libX11": ctypes.util.find_library("X11"),
}
MISSING = sorted(name for name, found in NEEDED.items() if not found)
if MISSING:
    pytestmark = [
        pytest.mark.slow,
        pytest.mark.skip(
            reason=f"needs {', '.join(MISSING)} (apt-get install xvfb dbus "
            "notification-daemon x11-utils libxtst6)"
        ),
    ]


class Desktop:
    """A private X server, session bus and notification service, stopped (by pid) when the test ends."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen] = []
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            self.display = ":" + pipe.readline().strip()
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.processes.append(bus)
        self.bus_address = bus.stdout.readline().strip()
        self.env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        self.env.update(DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=self.bus_address, NO_AT_BRIDGE="1")
        self.processes.append(
            subprocess.Popen([NOTIFICATION_DAEMON], env=self.env, stderr=subprocess.DEVNULL)
        )
        self._wait_for_notification_service()

    def _wait_for_notification_service(self) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        deadline = time.monotonic() + 20
        bus = DBusAddress(
            "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
        )
        with open_dbus_connection(bus=self.bus_address) as connection:
            while time.monotonic() < deadline:
                reply = connection.send_and_get_reply(
                    new_method_call(bus, "NameHasOwner", "s", ("org.freedesktop.Notifications",))
                )
                if reply.body[0]:
                    return
                time.sleep(0.1)
        raise AssertionError("notification-daemon did not start")

    def notification_geometry(self, timeout: float = 20) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the visible notification popup."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", self.display], capture_output=True, text=True
            ).stdout
            found = re.search(
                r'"Notification": \("notification-daemon".*?\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)',
                tree,
            )
            if found:
                width, height, x, y = map(int, found.groups())
                return x, y, width, height
            time.sleep(0.1)
        raise AssertionError("no notification appeared on the screen")

    def drawn_notification(self, shot: Path, timeout: float = 20) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the notification once it is painted and has stopped moving.

        The popup is mapped before it is painted, and the daemon may resize or move it after adding its action
        buttons; on a busy machine both can lag, and a click aimed at the first geometry lands somewhere else.
        """
        deadline = time.monotonic() + timeout
        previous = None
        while True:
            geometry = self.notification_geometry(timeout)
            x, y, width, height = geometry
            self.screenshot(shot)
            mean = subprocess.run(
                [
                    "convert",
                    str(shot),
                    "-crop",
                    f"{width}x{height}+{x}+{y}",
                    "-format",
                    "%[fx:mean]",
                    "info:",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            painted = float(mean) > 0.3  # the popup is drawn there (the empty screen is black)
            if painted and geometry == previous:
                return geometry
            if time.monotonic() > deadline:
                raise AssertionError(f"the notification was not drawn still: {geometry}, mean {mean}")
            previous = geometry if painted else None
            time.sleep(0.3)

    def click(self, x: int, y: int) -> None:
        """A real left click at (x, y), through the XTest extension."""
        x11 = ctypes.CDLL(NEEDED["libX11"])
        xtst = ctypes.CDLL(NEEDED["libXtst"])
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        xtst.XTestFakeMotionEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        handle = x11.XOpenDisplay(self.display.encode())
        assert handle, f"cannot open display {self.display}"
        try:
            xtst.XTestFakeMotionEvent(handle, -1, x, y, 0)
            x11.XFlush(handle)
            time.sleep(0.2)  # let the popup see the pointer enter before the press
            xtst.XTestFakeButtonEvent(handle, 1, 1, 0)
            xtst.XTestFakeButtonEvent(handle, 1, 0, 0)
            x11.XFlush(handle)
        finally:
            x11.XCloseDisplay(handle)

    def screenshot(self, path: Path) -> None:
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)], check=True, timeout=30
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()


@pytest.fixture
def desktop():
    desktop = Desktop()
    yield desktop
    desktop.stop()


def due_record(home: Path) -> None:
    """Facebook and Instagram in use and never checked; the general checklist done just now.

    Made without a keyring (as on a computer that has none), so the reminder's own process, which cannot reach
    the test's in-memory keyring, can open it to save a snooze.
    """
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())  # the memory_keyring fixture puts the test keyring back afterwards
    now = dt.datetime.now(dt.UTC)
    with open_record(app_dirs(home), accept_unencrypted=True) as record:
        record.set_platforms_in_use(["facebook", "instagram"])
        record.save_check(
            CheckResult("general", "1:2026-11-27", ("a",), now, now, (ItemAnswer("a", Answer.OK),))
        )


def start_remind(desktop: Desktop, home: Path) -> subprocess.Popen:
    env = dict(desktop.env, QT_QPA_PLATFORM="offscreen")  # the app a click opens runs invisibly here
    return subprocess.Popen(
        [sys.executable, "-m", "privacy_audit", "--home", str(home), "remind"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(process: subprocess.Popen) -> tuple[str, str]:
    try:
        return process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"remind did not finish after the click:\n{out}\n{err}") from None


def test_a_due_reminder_is_a_visible_notification_whose_click_opens_the_app(desktop, private_home, tmp_path):
    due_record(private_home)
    remind = start_remind(desktop, private_home)
    x, y, width, height = desktop.drawn_notification(tmp_path / "reminder.png")
    assert ReminderState(private_home / "state").shown_today(dt.date.today())

    desktop.click(x + width // 3, y + height // 3)  # on the text: the notification's default action
    out, err = finish(remind)
    opened = re.search(r"Opening Privacy Audit \(process (\d+)\)", out)
    if opened:
        try:
            os.killpg(int(opened.group(1)), signal.SIGTERM)  # the app it started, in its own session
        except ProcessLookupError:
            pass
    assert remind.returncode == 0, err
    assert "Your termly privacy check is due: Facebook, Instagram\n" in out
    assert opened, out


def test_the_snooze_button_postpones_the_due_platforms_for_three_days(desktop, private_home, tmp_path):
    due_record(private_home)
    remind = start_remind(desktop, private_home)
    x, y, width, height = desktop.drawn_notification(tmp_path / "reminder.png")
    # notification-daemon draws action buttons in a row at the bottom right, "Open Privacy Audit" then "Snooze 3 days".
    desktop.click(x + width - 100, y + height - 38)
    out, err = finish(remind)
    assert remind.returncode == 0, err
    assert "Snoozed until" in out, out
    assert "kept by the reminder only" not in err, err
    inputs = read_reminder_inputs(app_dirs(private_home).record_file)
    now = dt.datetime.now(dt.UTC)
    assert set(inputs.snoozes) == {"facebook", "instagram"}
    for until in inputs.snoozes.values():
        assert dt.timedelta(days=2, hours=23) < until - now <= dt.timedelta(days=3)
