"""How to start this copy of Privacy Audit again: the command line that autostart entries and reminders run.

A packaged build is one executable; an installed wheel has the `privacy-audit` console script beside the
Python that runs it; a source checkout falls back to `python -m privacy_audit`. Autostart entries and the
"open the app" click of a reminder both use this, so they always start the same copy that wrote them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_audit import APP_ID
from privacy_audit.core.paths import HOME_ENV

if TYPE_CHECKING:
    import subprocess

WINDOWED_EXE = "PrivacyAudit.exe"  # build.spec's windowed Windows program
APP_USER_MODEL_ID = APP_ID  # the Start-menu shortcut's id (packaging/windows)


def set_windows_app_id() -> None:
    """Tell Windows this process is the app of the Start-menu shortcut, so its notifications and taskbar
    button belong to Privacy Audit rather than to python.exe. Does nothing elsewhere."""
    if sys.platform != "win32":
        return
    import ctypes

    try:
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)  # type: ignore[attr-defined]
    except (AttributeError, OSError):  # very old Windows: notifications still work, grouped under Python
        pass


def app_command(*arguments: str, home: str | os.PathLike[str] | None = None) -> list[str]:
    """The argv that runs `privacy-audit [--home DIR] ARGUMENTS...` with this copy of the app.

    `home` defaults to $PRIVACY_AUDIT_HOME, so that a portable or test copy keeps using its own folder.
    """
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable).resolve()
        # On Windows the bundle has a console program (privacy-audit.exe) and a windowed one beside it;
        # entries that run at login or from a reminder use the windowed one, so no console flashes up.
        windowed = executable.with_name(WINDOWED_EXE)
        if sys.platform == "win32" and windowed.is_file():
            executable = windowed
        command = [str(executable)]
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
    import subprocess  # here, not at the top: the app imports this module before its first paint

    kwargs: dict = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "close_fds": True,
    }
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(argv, **kwargs)
