"""Re-evaluates, while the app runs, which platforms are due, and says when that changes.

Due dates are computed from stored "last checked" times (`core.due`); timers only wake the computation.
An hourly QTimer covers a day rolling over into a new term. A laptop that sleeps through the start of term
needs more: QTimer counts on a monotonic clock that stops during suspend, so an hourly timer could fire up
to an hour after waking. A one-minute heartbeat compares the wall clock with when it last ran; a jump
bigger than the heartbeat interval (plus slack) means the computer slept or its clock was changed, and the
due state is re-evaluated at once. Intervals are capped below 2^31 ms, QTimer's limit.

`evaluate(now)` runs in the GUI thread, so it must be quick and must not do I/O: pass a function over data
already in memory (`MainWindow.due_platforms`: `core.due.statuses` over the last-checked dates the app holds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

HOUR_MS = 60 * 60 * 1000
MINUTE_MS = 60 * 1000
QTIMER_MAX_MS = 2**31 - 1  # QTimer's interval is a signed 32-bit count of milliseconds


def _timer_interval(ms: int) -> int:
    return max(1, min(int(ms), QTIMER_MAX_MS))


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class DueWatch(QObject):
    """Emits `due_changed(list_of_platform_ids)` when the set of due platforms changes (and on `start`)."""

    due_changed = Signal(list)
    woke = Signal()  # a wall-clock jump was seen: the computer slept, or its clock was changed

    def __init__(
        self,
        evaluate: Callable[[dt.datetime], Iterable[str]],
        *,
        interval_ms: int = HOUR_MS,
        heartbeat_ms: int = MINUTE_MS,
        clock: Callable[[], dt.datetime] = local_now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._evaluate = evaluate
        self._clock = clock
        self._due: list[str] | None = None
        self._last_beat: dt.datetime | None = None
        self._heartbeat_ms = _timer_interval(heartbeat_ms)
        self._timer = QTimer(self)
        self._timer.setInterval(_timer_interval(interval_ms))
        self._timer.timeout.connect(self.refresh)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(self._heartbeat_ms)
        self._heartbeat.timeout.connect(self._beat)

    @property
    def due(self) -> list[str]:
        return list(self._due or [])

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._last_beat = self._clock()
        self._timer.start()
        self._heartbeat.start()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        self._heartbeat.stop()

    def refresh(self) -> None:
        """Re-evaluate now (call it after a check is saved or a snooze is set)."""
        due = list(self._evaluate(self._clock()))
        if due != self._due:
            self._due = due
            self.due_changed.emit(list(due))

    def _beat(self) -> None:
        now = self._clock()
        previous, self._last_beat = self._last_beat, now
        if previous is None:
            return
        gap_ms = abs((now - previous).total_seconds()) * 1000
        # Twice the heartbeat: a busy event loop may deliver a tick late, but never by a whole interval.
        if gap_ms > 2 * self._heartbeat_ms or now < previous:
            self.woke.emit()
            self.refresh()
            self._timer.start()  # restart the hourly count from the moment of waking
