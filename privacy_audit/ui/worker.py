"""The one background-work helper: a single worker thread that runs slow jobs in order.

Everything that touches the record (SQLite, the keyring, encryption) or the disk runs here, and so does the
wait for the child process that draws a PDF (`report.child`: Qt text layout never runs on this thread), so
the GUI thread never waits on I/O. One thread rather than a pool because SQLite connections
belong to the thread that opened them, and because record writes must happen in the order they were asked for.

Results come back to the GUI thread through a signal connected to a method of `_Dispatcher`, a QObject
that lives in the GUI thread. (A signal connected to a lambda would run the callback in the worker thread:
https://doc.qt.io/qtforpython-6/tutorials/basictutorial/signals_and_slots.html)
"""

from __future__ import annotations

import itertools
import queue
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

Callback = Callable[[Any], None]


@dataclass
class Failure:
    """What went wrong in a job: the exception and its formatted traceback (for the details box)."""

    error: BaseException
    details: str

    def __str__(self) -> str:
        return str(self.error) or type(self.error).__name__


@dataclass
class _Job:
    job_id: int
    fn: Callable[[], Any]


class _Dispatcher(QObject):
    """Lives in the GUI thread; calls each job's callbacks there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.callbacks: dict[int, tuple[Callback | None, Callable[[Failure], None] | None]] = {}

    @Slot(object)
    def deliver(self, outcome: tuple[int, bool, object]) -> None:
        job_id, ok, value = outcome
        on_done, on_error = self.callbacks.pop(job_id, (None, None))
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)  # type: ignore[arg-type]
        else:
            failure: Failure = value  # type: ignore[assignment]
            # Nobody handles it: hand it to the app's error dialog through the excepthook.
            import sys

            sys.excepthook(type(failure.error), failure.error, failure.error.__traceback__)


class _Thread(QThread):
    # (job id, succeeded, result or Failure) as one Python object: nothing to convert to C++ and back.
    job_finished = Signal(object)

    def __init__(self, jobs: queue.Queue[_Job | None]) -> None:
        super().__init__()
        self._jobs = jobs

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                value = job.fn()
            except Exception as exc:  # noqa: BLE001 (a job's failure is reported, never lost or fatal)
                if job.job_id == 0:  # the final job at shut-down: nobody is left to show it
                    traceback.print_exc()
                    continue
                self.job_finished.emit((job.job_id, False, Failure(exc, traceback.format_exc())))
            else:
                if job.job_id:
                    self.job_finished.emit((job.job_id, True, value))


class Worker(QObject):
    """Runs `fn` on the worker thread; `on_done(result)` or `on_error(Failure)` run in the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._dispatcher = _Dispatcher(self)
        self._pending = 0
        self._thread = _Thread(self._jobs)
        self._thread.setObjectName("privacy-audit-worker")
        self._thread.job_finished.connect(self._dispatcher.deliver)
        self._thread.job_finished.connect(self._count_down)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callable[[Failure], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._dispatcher.callbacks[job_id] = (on_done, on_error)
        self._pending += 1
        self._jobs.put(_Job(job_id, fn))
        return job_id

    @property
    def pending(self) -> int:
        return self._pending

    @Slot(object)
    def _count_down(self, _outcome: object) -> None:
        self._pending -= 1

    def stop(self, final: Callable[[], Any] | None = None, timeout_ms: int = 10_000) -> bool:
        """Run `final` (e.g. closing the record) after the queued jobs, then end the thread and wait for it."""
        if not self._thread.isRunning():
            return True
        if final is not None:
            self._jobs.put(_Job(0, final))
        self._jobs.put(None)
        return self._thread.wait(timeout_ms)
