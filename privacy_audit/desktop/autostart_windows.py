"""Start at login on Windows: a value in HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run.

Task Manager's "Startup apps" and Settings › Apps › Startup do not delete a Run value when the person turns
it off; they write a flag into ...\\Explorer\\StartupApproved\\Run instead. We read that flag and never
switch a disabled entry back on: the person's choice in Windows wins. Turning the setting off in the app
removes our Run value (and leaves the flag, which is Windows' own bookkeeping).

The registry work goes through a tiny `Registry` interface so that the decisions can be tested on any OS;
`WinRegistry` is the real one, built on the standard library's `winreg`.
"""

from __future__ import annotations

import os
import subprocess
from typing import Protocol

from privacy_audit.desktop.launcher import app_command

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE_NAME = "Privacy Audit reminders"


class Registry(Protocol):
    """The few HKEY_CURRENT_USER operations autostart needs."""

    def read(self, key: str, name: str) -> object | None: ...
    def write_string(self, key: str, name: str, value: str) -> None: ...
    def delete(self, key: str, name: str) -> None: ...


def run_value(argv: list[str]) -> str:
    """The command line stored in the Run value (Windows quoting rules, as CreateProcess parses them)."""
    return subprocess.list2cmdline(argv)


def approved_says_disabled(flag: object | None) -> bool:
    """Whether a StartupApproved\\Run value means "turned off by the person".

    The value is 12 bytes: the first is 0x02 or 0x06 for enabled and 0x03 or 0x07 for disabled (an odd first
    byte), the other 8 hold the FILETIME when it was disabled. No value means enabled.
    """
    if not isinstance(flag, (bytes, bytearray)) or not flag:
        return False
    return bool(flag[0] & 0x01)


def set_enabled(
    enabled: bool,
    *,
    home: str | os.PathLike[str] | None = None,
    registry: Registry | None = None,
    within: str | os.PathLike[str] | None = None,
) -> None:
    if within is not None:  # a run with --home DIR: the registry is outside DIR, so a file stands in for it
        registry = FolderRegistry(within)
    registry = registry or WinRegistry()
    if not enabled:
        registry.delete(RUN_KEY, VALUE_NAME)
        return
    if approved_says_disabled(registry.read(APPROVED_KEY, VALUE_NAME)):
        return  # switched off in Task Manager: don't switch it back on behind the person's back
    registry.write_string(RUN_KEY, VALUE_NAME, run_value(app_command("remind", home=home)))


def is_enabled(*, registry: Registry | None = None, within: str | os.PathLike[str] | None = None) -> bool:
    if within is not None:
        registry = FolderRegistry(within)
    registry = registry or WinRegistry()
    if registry.read(RUN_KEY, VALUE_NAME) is None:
        return False
    return not approved_says_disabled(registry.read(APPROVED_KEY, VALUE_NAME))


class WinRegistry:
    """HKEY_CURRENT_USER through `winreg` (only importable on Windows)."""

    def read(self, key: str, name: str) -> object | None:
        import winreg  # type: ignore[import-not-found]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
                return value
        except FileNotFoundError:
            return None

    def write_string(self, key: str, name: str, value: str) -> None:
        import winreg  # type: ignore[import-not-found]

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:
        import winreg  # type: ignore[import-not-found]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


class FolderRegistry:
    """The Run value kept as a small text file under a home folder (--home DIR) instead of the registry, so such
    a run writes nothing outside DIR. Windows does not read it: it records what would have been set."""

    def __init__(self, within: str | os.PathLike[str]) -> None:
        from pathlib import Path

        self.folder = Path(within) / "autostart"

    def _file(self, key: str, name: str):
        return self.folder / f"{'approved' if key == APPROVED_KEY else 'run'}-{name}.txt"

    def read(self, key: str, name: str) -> object | None:
        try:
            return self._file(key, name).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None

    def write_string(self, key: str, name: str, value: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._file(key, name).write_text(value, encoding="utf-8")

    def delete(self, key: str, name: str) -> None:
        self._file(key, name).unlink(missing_ok=True)
