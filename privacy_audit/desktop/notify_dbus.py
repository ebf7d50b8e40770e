"""Desktop notifications on Linux through the org.freedesktop.Notifications D-Bus service.

Uses `jeepney`, a small pure-Python D-Bus library that keyring already depends on on Linux, so showing a
notification needs neither Qt nor a `notify-send` binary. The reminder waits (blocking, with a deadline)
for the ActionInvoked / NotificationClosed signal of its own notification; that is the "running loop" that
clickable actions need.

Specification: https://specifications.freedesktop.org/notification-spec/latest/
"""

from __future__ import annotations

import time
from dataclasses import dataclass

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
from privacy_audit import APP_ID, APP_NAME

CALL_TIMEOUT = 10.0  # seconds; D-Bus may have to start the notification service first


class NoNotificationService(Exception):
    """No session bus, or nothing on it shows notifications; str(e) says which."""


@dataclass(frozen=True)
class Outcome:
    """How a notification ended: `action` is the key clicked ("default" for the body), or "" if none."""

    action: str
    closed_reason: int | None = (
        None  # 1 expired, 2 dismissed, 3 closed by call, 4 undefined; None if we stopped waiting
    )


class DesktopNotifier:
    """One connection to the session bus's notification service."""

    def __init__(self) -> None:
        try:
            from jeepney import DBusAddress
            from jeepney.io.blocking import open_dbus_connection
        except ImportError as exc:  # pragma: no cover - jeepney ships with keyring on Linux
            raise NoNotificationService(f"the jeepney D-Bus library is missing ({exc})") from None
        try:
            self._connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError, RuntimeError) as exc:
            # KeyError: no DBUS_SESSION_BUS_ADDRESS and no /run/user/<uid>/bus to fall back on.
            raise NoNotificationService(f"no desktop session bus ({exc or type(exc).__name__})") from None
        self._address = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
        try:
            self.capabilities = frozenset(self._call("GetCapabilities", "", ())[0])
        except NoNotificationService:
            self.close()
            raise

    def _call(self, method: str, signature: str, body: tuple) -> tuple:
        from jeepney import new_method_call
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        message = new_method_call(self._address, method, signature, body)
        try:
            reply = self._connection.send_and_get_reply(message, timeout=CALL_TIMEOUT)
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as exc:
            raise NoNotificationService(f"the notification service did not answer: {exc.name}") from None
        except (OSError, TimeoutError) as exc:
            raise NoNotificationService(
                f"the notification service did not answer ({exc or 'timed out'})"
            ) from None

    @property
    def supports_actions(self) -> bool:
        return "actions" in self.capabilities

    def show_and_wait(
        self, title: str, body: str, actions: list[tuple[str, str]], wait_seconds: float
    ) -> Outcome:
        """Show a notification that stays until acted on, and wait up to `wait_seconds` for what happens.

        `actions` are (key, label) pairs; the key "default" is what a click on the notification itself does.
        """
        from jeepney import MatchRule, message_bus

        rule = MatchRule(type="signal", interface=INTERFACE, path=OBJECT_PATH)
        # Subscribe before showing it, so a very quick click cannot be missed.
        self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT)
        flat_actions: list[str] = []
        if self.supports_actions:
            for key, label in actions:
                flat_actions += [key, label]
        if "body-markup" in self.capabilities:
            body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        hints = {
            "urgency": ("y", 1),  # normal: it is a reminder, not an alarm
            "resident": ("b", True),  # stays in the tray after an action
            "desktop-entry": ("s", APP_ID),
            "category": ("s", "reminder"),
        }
        with self._connection.filter(rule, bufsize=32) as queue:
            (notification_id,) = self._call(
                "Notify", "susssasa{sv}i", (APP_NAME, 0, APP_ID, title, body, flat_actions, hints, 0)
            )
            self.notification_id = notification_id
            deadline = time.monotonic() + wait_seconds
            while True:
                remaining = deadline - time.monotonic()
                try:
                    if remaining <= 0:
                        raise TimeoutError
                    signal = self._connection.recv_until_filtered(queue, timeout=remaining)
                except TimeoutError:
                    # Nobody is left to act on a click, so take the notification away rather than leave a dead one.
                    self.close_notification(notification_id)
                    return Outcome("", None)
                member = signal.header.fields.get(_member_field())
                if not signal.body or signal.body[0] != notification_id:
                    continue
                if member == "ActionInvoked":
                    self.close_notification(notification_id)
                    return Outcome(str(signal.body[1]), None)
                if member == "NotificationClosed":
                    return Outcome("", int(signal.body[1]))

    def close_notification(self, notification_id: int) -> None:
        try:
            self._call("CloseNotification", "u", (notification_id,))
        except NoNotificationService:
            pass  # it may already be gone

    def close(self) -> None:
        self._connection.close()


def _member_field():
    from jeepney.low_level import HeaderFields

    return HeaderFields.member
