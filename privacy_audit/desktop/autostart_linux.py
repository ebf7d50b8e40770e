"""Start at login on Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/privacy-audit.desktop`.

Follows the XDG Autostart and Desktop Entry specifications; GNOME, KDE, Xfce, Cinnamon and MATE all read
this folder. A desktop's startup settings may switch an entry off by writing `Hidden=true` or
`X-GNOME-Autostart-enabled=false` into it; we keep that choice.
"""

from __future__ import annotations

import os
from pathlib import Path

from privacy_audit import APP_ID
from privacy_audit.desktop.launcher import app_command

FILE_NAME = "privacy-audit.desktop"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_dir(within: str | os.PathLike[str] | None = None) -> Path:
    """The folder the login entry goes in: the desktop's own, or `within/autostart` for a run with a home
    folder (--home DIR), which writes nothing outside DIR (the desktop does not read that copy)."""
    if within is not None:
        return Path(within) / "autostart"
    config_home = os.environ.get("XDG_CONFIG_HOME", "")
    # The spec says a relative or empty XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config_home) if config_home and os.path.isabs(config_home) else Path.home() / ".config"
    return base / "autostart"


def entry_path(within: str | os.PathLike[str] | None = None) -> Path:
    return autostart_dir(within) / FILE_NAME


def quote_exec_argument(argument: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry spec, "The Exec key")."""
    argument = argument.replace("%", "%%")  # field codes start with %; a literal one is doubled
    if argument and not (set(argument) & _RESERVED):
        return argument
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    # The file format then escapes backslashes once more, since Exec is a string value.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def exec_line(argv: list[str]) -> str:
    return " ".join(quote_exec_argument(a) for a in argv)


def desktop_entry(argv: list[str]) -> str:
    """The text of the autostart entry that runs `argv`."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=Privacy Audit reminders\n"
        "Comment=Reminds you when your termly social media privacy check is due\n"
        f"Exec={exec_line(argv)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
        # Give the desktop's notification service time to start before we ask it for a notification.
        "X-GNOME-Autostart-Delay=30\n"
    )


def _entry_keys(text: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    in_main_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_main_group = line == "[Desktop Entry]"
        elif in_main_group and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def switched_off_by_person(text: str) -> bool:
    keys = _entry_keys(text)
    return (
        keys.get("Hidden", "").lower() == "true"
        or keys.get("X-GNOME-Autostart-enabled", "").lower() == "false"
    )


def set_enabled(
    enabled: bool,
    *,
    home: str | os.PathLike[str] | None = None,
    within: str | os.PathLike[str] | None = None,
) -> None:
    path = entry_path(within)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    if path.is_file() and switched_off_by_person(path.read_text(encoding="utf-8", errors="replace")):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    from privacy_audit.core.files import write_atomically

    write_atomically(path, desktop_entry(app_command("remind", home=home)).encode("utf-8"), mode=0o644)


def is_enabled(within: str | os.PathLike[str] | None = None) -> bool:
    path = entry_path(within)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not switched_off_by_person(text)
