"""Shared helpers for the benchmarks: time commands side by side and print ratios against their floors.

Every benchmark measures the app and its floor (DESIGN.md §7) in the same run, interleaved, so the ratio
holds on whatever machine it runs on. Each result is one JSON object per line, which `benchmarks/run.py`
collects into a table.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).resolve().parent / "floors"


def report(name: str, value: float, floor: float, unit: str, target: float | None) -> dict:
    """Print one measurement as a JSON line: its value, its floor, their ratio and the target ratio."""
    ratio = value / floor if floor else float("inf")
    line = {
        "name": name,
        "value": round(value, 4),
        "floor": round(floor, 4),
        "unit": unit,
        "ratio": round(ratio, 3),
        "target": target,
    }
    print(json.dumps(line), flush=True)
    return line


def bench_env(**extra: str) -> dict[str, str]:
    """A quiet, offscreen environment with a throwaway home, so a benchmark never touches a real record.

    Python byte-code is cached as in an installed copy (pip and PyInstaller compile it), in a throwaway
    folder outside the tree: with PYTHONDONTWRITEBYTECODE set (as on CI machines), every run would compile
    the app's modules from source again and measure that instead of the app."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PRIVACY_AUDIT_HOME", tempfile.mkdtemp(prefix="pa-bench-"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="pa-bench-pycache-")
    env.update(extra)
    return env


def run_timed(
    command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120
) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (KiB) of one run of `command`; fails loudly if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, capture_output=True, timeout=timeout)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr.decode(errors='replace')}"
        )
    # ru_maxrss of children is the maximum over all children so far; run each measured command in a fresh
    # process via peak_rss() below when memory matters.
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def peak_rss_kib(command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120) -> int:
    """Peak resident memory of `command` alone, measured by a fresh Python parent so earlier runs don't count."""
    probe = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], env=env, capture_output=True, text=True, timeout=timeout
    )
    value = int(out.stdout.strip() or -1)
    if value < 0:
        raise SystemExit(f"{' '.join(command)} failed while measuring memory")
    return value


def interleaved_medians(
    commands: dict[str, Sequence[str]], runs: int, env: dict[str, str] | None = None, warmup: int = 1
) -> dict[str, float]:
    """Median wall-clock seconds of each command, run alternately so machine noise hits them alike."""
    for _ in range(warmup):
        for command in commands.values():
            run_timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_timed(command, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}
