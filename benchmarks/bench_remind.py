"""`privacy-audit remind` with nothing due, against `python -c pass` (DESIGN.md §7: target ≤ 5×).

The record holds a year of checks on every platform, all up to date, so the command does its whole quick
path (read the record's clear dates, apply the due rules, exit) and shows nothing. Both commands run
alternately, 15 times each after a warm-up, and the medians are compared. A second line reports how many
modules the quick path imports that it must not (PySide6, Playwright, keyring, pydantic, cryptography):
its target is 0.

Usage: python benchmarks/bench_remind.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_env, interleaved_medians, report

FORBIDDEN = ("PySide6", "shiboken6", "playwright", "keyring", "pydantic", "pydantic_core", "cryptography")


def prepare_home() -> Path:
    """A home folder whose record is up to date on every platform (made in a child process, unencrypted)."""
    home = Path(tempfile.mkdtemp(prefix="pa-bench-remind-"))
    script = f"""
import datetime as dt, keyring
from keyring.backends.fail import Keyring
keyring.set_keyring(Keyring())  # never touch the real keyring from a benchmark
from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.core.platforms import PLATFORM_IDS
from privacy_audit.store import open_record
now = dt.datetime.now(dt.timezone.utc)
with open_record(app_dirs({str(home)!r}), accept_unencrypted=True) as record:
    record.set_platforms_in_use(PLATFORM_IDS)
    for weeks in range(0, 52, 13):
        for p in PLATFORM_IDS:
            when = now - dt.timedelta(weeks=weeks)
            record.save_check(CheckResult(p, "1:2026-11-27", ("a",), when, when, (ItemAnswer("a", Answer.OK),)))
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    return home


def forbidden_imports(command: list[str], env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    return sorted(names & set(FORBIDDEN))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    home = prepare_home()
    env = bench_env(PRIVACY_AUDIT_HOME=str(home))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)  # if something were due, nothing may pop up during a benchmark
    remind = [sys.executable, "-m", "privacy_audit", "remind"]
    check = subprocess.run(remind, env=env, capture_output=True, text=True, check=True)
    if not check.stdout.startswith("Nothing is due"):
        raise SystemExit(f"the benchmark record should have nothing due, but remind said: {check.stdout}")
    medians = interleaved_medians(
        {"remind": remind, "floor": [sys.executable, "-c", "pass"]}, runs=args.runs, env=env
    )
    report("remind_nothing_due_seconds", medians["remind"], medians["floor"], "s", 5.0)
    bad = forbidden_imports(remind, env)
    if bad:
        print(f"# remind imported {', '.join(bad)}", file=sys.stderr)
    report("remind_forbidden_imports", float(len(bad)), 1.0, "modules", 0.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
