"""Helpers for the privacy and safety tests: drive the app, read the record, hand figures to the summary."""

from __future__ import annotations

import json
import os


def count(name: str, value: int) -> None:
    """Hand a figure to benchmarks/bench_reliability.py when it runs these tests (RELIABILITY_FIGURES)."""
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"name": name, "value": value}) + "\n")


def finish_first_run(qtbot, window, platforms=("facebook",)) -> None:
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    for platform in platforms:
        window.welcome.boxes[platform].setChecked(True)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.welcome.continue_button.click()


def wait_idle(qtbot, services, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: services.worker.pending == 0, timeout=timeout)


def record_call(qtbot, services, method: str, *args):
    """Call a Record method on the worker thread (where the record lives) and return its result."""
    box: list[object] = []
    services.worker.submit(lambda: getattr(services._record, method)(*args), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]
