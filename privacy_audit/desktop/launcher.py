"""How to start this copy of Privacy Audit again: the command line that autostart entries and reminders run.

A packaged build is one executable; an installed wheel has the `privacy-audit` console script beside the
Python that runs it; a source checkout falls back to `python -m privacy_audit`. Autostart entries and the
"open the app" click of a reminder both use this, so they always start the same copy that wrote them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from privacy_audit.core.paths import HOME_ENV


def app_command(*arguments: str, home: str | os.PathLike[str] | None = None) -> list[str]:
    """The argv that runs `privacy-audit [--home DIR] ARGUMENTS...` with this copy of the app.

    `home` defaults to $PRIVACY_AUDIT_HOME, so that a portable or test copy keeps using its own folder.
    """
    if getattr(sys, "frozen", False):
        command = [str(Path(sys.executable).resolve())]
    else:
        script_name = "privacy-audit.exe" if sys.platform == "win32" else "privacy-audit"
        script = Path(sys.executable).parent / script_name
        # The venv's own script, not one found on PATH: PATH may hold a different (older) install.
        command = [str(script)] if script.is_file() else [sys.executable, "-m", "privacy_audit"]
    chosen_home = home if home is not None else os.environ.get(HOME_ENV)
    if chosen_home:
        command += ["--home", str(Path(chosen_home).expanduser().resolve())]
    return command + list(arguments)


def start_detached(argv: list[str]) -> subprocess.Popen[bytes]:
    """Start `argv` so that it outlives the caller (the reminder exits right after starting the app)."""
    kwargs: dict = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "close_fds": True}
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(argv, **kwargs)
