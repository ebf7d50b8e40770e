"""Start at login: run `privacy-audit remind` when the person logs in, so reminders arrive with the app closed.

One small module per operating system does the work (autostart_linux, autostart_windows, autostart_macos);
this facade picks the right one. Turning the setting off removes the entry. Where the person has switched the
entry off with the system's own tools (Task Manager's Startup apps on Windows, "Hidden"/disabled in a Linux
desktop's startup settings) that choice wins: the app does not switch it back on, and `is_start_at_login()`
reports False.

The app turns this on after the first run and never in demo mode (the UI calls `set_start_at_login`).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType


def _backend() -> ModuleType:
    if sys.platform == "win32":
        from privacy_audit.desktop import autostart_windows as backend
    elif sys.platform == "darwin":
        from privacy_audit.desktop import autostart_macos as backend
    else:
        from privacy_audit.desktop import autostart_linux as backend
    return backend


def set_start_at_login(enabled: bool, *, home: str | os.PathLike[str] | None = None) -> None:
    """Add (enabled) or remove the login entry that runs `privacy-audit remind`.

    `home` is the app's home folder when one is in use (--home / $PRIVACY_AUDIT_HOME). The app then keeps
    every file under it, the login entry included (in `home/autostart`, which the desktop does not read), so
    a run with --home DIR writes nothing outside DIR. Raises OSError with a readable message on failure.
    """
    _backend().set_enabled(enabled, home=home, within=home)


def is_start_at_login(home: str | os.PathLike[str] | None = None) -> bool:
    """True when the login entry exists and the person has not switched it off with the system's tools."""
    return bool(_backend().is_enabled(within=home))


def login_entry_path(home: str | os.PathLike[str] | None = None) -> str:
    """Where the login entry is kept, in words for "Forget everything" (a file, or the Windows registry)."""
    backend = _backend()
    if sys.platform == "win32":
        return str(os.path.join(home, "autostart")) if home is not None else "the Windows registry (Run)"
    if sys.platform == "darwin":
        return str(backend.agent_path(home))
    return str(backend.entry_path(home))


def remove_login_entry(home: str | os.PathLike[str] | None = None) -> str:
    """Remove the login entry that runs the reminders, and say so (or why it could not be removed): the one
    step "Forget everything" and `privacy-audit forget` share."""
    where = login_entry_path(home)
    try:
        present = is_start_at_login(home)
        set_start_at_login(False, home=home)
    except OSError as exc:
        return f"The login reminder could not be removed ({where}: {exc}); remove it in your system's startup settings."
    if present:
        return f"Removed the login reminder ({where})."
    return "There was no login reminder to remove."
