"""`privacy-audit remind` with nothing due loads none of the app's heavy libraries (checked with -X importtime)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record
from privacy_audit.store.reminder_inputs import cache_schedule

HEAVY = (
    "PySide6",
    "shiboken6",
    "playwright",
    "keyring",
    "pydantic",
    "pydantic_core",
    "cryptography",
    "ruamel",
    "jeepney",
)


def imported_modules(importtime_stderr: str) -> set[str]:
    """Top-level package names from `python -X importtime` output ('import time: self | cumulative | name')."""
    names = set()
    for line in importtime_stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name.split(".")[0])
    return names


def test_nothing_due_imports_neither_qt_playwright_keyring_pydantic_nor_cryptography(private_home):
    from privacy_audit.commands.remind import run  # noqa: F401 - the module itself must import cleanly here too

    dirs = app_dirs(private_home)
    now = dt.datetime.now(dt.UTC)
    cache_schedule(dirs, [dt.date(2026, 9, 2)], None, "Oak Hill")
    with open_record(dirs, accept_unencrypted=True) as record:
        record.set_platforms_in_use(["general", "facebook"])
        for platform in ("general", "facebook"):
            record.save_check(
                CheckResult(platform, "1:2026-11-27", ("a",), now, now, (ItemAnswer("a", Answer.OK),))
            )

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "privacy_audit", "--home", str(private_home), "remind"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("Nothing is due")
    modules = imported_modules(result.stderr)
    assert "privacy_audit" in modules and "sqlite3" in modules  # the measurement itself worked
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    # Not even `typing` (about 3 ms of every login): the modules on this path use `TYPE_CHECKING = False`.
    assert "typing" not in modules
