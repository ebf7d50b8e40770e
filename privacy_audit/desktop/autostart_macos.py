"""Start at login on macOS: a LaunchAgent property list in ~/Library/LaunchAgents.

launchd loads every agent in that folder when the person logs in; `RunAtLoad` runs `privacy-audit remind`
once then. (A login item through SMAppService needs a signed app bundle and Objective-C bindings; a
LaunchAgent works for every copy of the app and can be tested as plain bytes.) macOS 13+ lists the agent in
System Settings › General › Login Items, where the person can switch it off; launchd then ignores it, which
is the person's choice and we leave it alone.
"""

from __future__ import annotations

import os
import plistlib
from pathlib import Path

from privacy_audit.desktop.launcher import app_command

LABEL = "org.privacy-audit.reminders"


def agent_path(within: str | os.PathLike[str] | None = None) -> Path:
    """The agent's file: in ~/Library/LaunchAgents, or under `within` for a run with --home DIR."""
    folder = Path(within) / "LaunchAgents" if within is not None else Path.home() / "Library" / "LaunchAgents"
    return folder / f"{LABEL}.plist"


def agent_plist(argv: list[str]) -> bytes:
    """The LaunchAgent that runs `argv` once at login."""
    agent = {
        "Label": LABEL,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "ProcessType": "Interactive",  # it shows a notification or window, so it must not be throttled
        "LimitLoadToSessionType": "Aqua",  # only graphical logins, not ssh sessions
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)


def set_enabled(
    enabled: bool,
    *,
    home: str | os.PathLike[str] | None = None,
    within: str | os.PathLike[str] | None = None,
) -> None:
    path = agent_path(within)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    from privacy_audit.core.files import write_atomically

    write_atomically(path, agent_plist(app_command("remind", home=home)), mode=0o644)


def is_enabled(within: str | os.PathLike[str] | None = None) -> bool:
    try:
        agent = plistlib.loads(agent_path(within).read_bytes())
    except (FileNotFoundError, plistlib.InvalidFileException, ValueError):
        return False
    return agent.get("Label") == LABEL and not agent.get("Disabled", False)
