"""Which browser the guided browser starts, from the person's choice in Settings.

The guided browser uses a browser that is already installed rather than bundling one (a bundled Chromium
adds ~140 MB and breaks macOS code signing). This module only decides what to try and in which order; it
never starts anything, so it is cheap to import and easy to test. The worker (`privacy_audit.browser.worker`)
tries the candidates in turn.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

CHOICES = ("auto", "msedge", "chrome", "chromium", "path", "default")

# Executables of Chromium-family browsers that are not found through Playwright's channels.
_PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_MAC_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_WINDOWS_APPS = (
    r"Chromium\Application\chrome.exe",
    r"Google\Chrome\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
)


@dataclass(frozen=True)
class Candidate:
    """One way of starting a browser: a Playwright channel, an executable, or Playwright's own Chromium."""

    label: str  # shown to the person, e.g. "Microsoft Edge"
    channel: str | None = None
    executable: str | None = None
    bundled: bool = False  # Playwright's own downloaded Chromium


class UnknownChoice(ValueError):
    pass


def _windows_paths(env: dict[str, str]) -> list[str]:
    roots = [env.get(name) for name in ("LOCALAPPDATA", "PROGRAMFILES", "PROGRAMFILES(X86)")]
    return [str(PureWindowsPath(root) / app) for root in roots if root for app in _WINDOWS_APPS]


def system_executables(
    *,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.isfile,
    platform: str = sys.platform,
    env: dict[str, str] | None = None,
) -> list[str]:
    """Chromium-family executables found on this computer, most likely first, without duplicates."""
    found: list[str] = []
    for name in _PATH_NAMES:
        path = which(name)
        if path:
            found.append(path)
    if platform == "darwin":
        found.extend(p for p in _MAC_APPS if exists(p))
    elif platform.startswith("win"):
        found.extend(p for p in _windows_paths(dict(os.environ) if env is None else env) if exists(p))
    unique: list[str] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def candidates(
    choice: str,
    executable_path: str | None = None,
    *,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.isfile,
    platform: str = sys.platform,
    env: dict[str, str] | None = None,
) -> list[Candidate]:
    """The browsers to try, in order, for a Settings choice; empty for "default" (the default browser only).

    An explicit `executable_path` always comes first: tests and people with a portable browser use it.
    """
    if choice not in CHOICES:
        raise UnknownChoice(f"Unknown browser choice '{choice}'; choose one of: {', '.join(CHOICES)}.")
    if choice == "default":
        return []
    chosen: list[Candidate] = []
    if executable_path:
        chosen.append(
            Candidate(label=Path(executable_path).name or executable_path, executable=executable_path)
        )
    if choice == "path":
        return chosen
    if choice in ("auto", "msedge"):
        chosen.append(Candidate(label="Microsoft Edge", channel="msedge"))
    if choice in ("auto", "chrome"):
        chosen.append(Candidate(label="Google Chrome", channel="chrome"))
    if choice in ("auto", "chromium"):
        for path in system_executables(which=which, exists=exists, platform=platform, env=env):
            if path != executable_path:
                chosen.append(Candidate(label=f"{Path(path).name} ({path})", executable=path))
        chosen.append(Candidate(label="Playwright's Chromium", bundled=True))
    return chosen
