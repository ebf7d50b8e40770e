"""Where the app finds its bundled data and where it keeps the person's files.

One place answers both questions so that nothing else checks for a frozen build or an installed wheel:
bundled data lives beside the package in a source checkout, under `privacy_audit/_data` in a wheel, and
under PyInstaller's extraction folder in the packaged app. The person's files live in the platformdirs
folders, or all under one folder when `--home DIR` / `PRIVACY_AUDIT_HOME` is given.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple
from pathlib import Path

HOME_ENV = "PRIVACY_AUDIT_HOME"
SCHOOL_CONFIG_ENV = "PRIVACY_AUDIT_SCHOOL_CONFIG"
SCHOOL_FILE_NAME = "school.yaml"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _bundled_roots() -> list[Path]:
    roots = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source checkout or editable install
    return roots


def bundled_dir(name: str) -> Path:
    """The bundled folder `name` (`checklists` or `resources`), wherever this copy of the app keeps it."""
    for root in _bundled_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The app's '{name}' folder is missing; reinstall Privacy Audit.")


def checklists_dir() -> Path:
    return bundled_dir("checklists")


def resource_path(*parts: str) -> Path:
    return bundled_dir("resources").joinpath(*parts)


# A named tuple rather than a dataclass: `privacy-audit remind` imports this module at every login, and
# `dataclasses` alone would add a sixth of its start-up time (it imports `inspect`).
class AppDirs(namedtuple("AppDirs", ("data", "config", "state"))):
    """The folders that hold the person's own files (Paths); all of them are created owner-only on demand."""

    __slots__ = ()

    @property
    def record_file(self) -> Path:
        return Path(self.data) / "record.sqlite3"

    @property
    def browser_profile(self) -> Path:
        return Path(self.data) / "browser-profile"

    @property
    def set_aside(self) -> Path:
        """Damaged files are moved here with a timestamp, never deleted."""
        return Path(self.data) / "set-aside"

    @property
    def log_file(self) -> Path:
        """The app's log (`core.log`): in the home folder's `log` when one is given, else the user log folder."""
        home = self.home
        if home is not None:
            return home / "log" / "privacy-audit.log"
        import platformdirs

        return Path(platformdirs.user_log_dir("privacy-audit", appauthor=False)) / "privacy-audit.log"

    @property
    def home(self) -> Path | None:
        """The single home folder these folders were made from (--home / $PRIVACY_AUDIT_HOME), else None."""
        base = Path(self.data).parent
        if self.data.name == "data" and self.config == base / "config" and self.state == base / "state":
            return base
        return None

    def ensure(self) -> None:
        old_umask = os.umask(0o077)
        try:
            for folder in (self.data, self.config, self.state):
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        finally:
            os.umask(old_umask)


def app_dirs(home: str | os.PathLike[str] | None = None) -> AppDirs:
    """The person's folders: under `home` (or $PRIVACY_AUDIT_HOME) when given, else the platform's usual ones."""
    chosen = home if home is not None else os.environ.get(HOME_ENV)
    if chosen:
        base = Path(chosen).expanduser().resolve()
        return AppDirs(data=base / "data", config=base / "config", state=base / "state")
    import platformdirs  # imported here: only needed when no home folder is given

    return AppDirs(
        data=Path(platformdirs.user_data_dir("privacy-audit", appauthor=False)),
        config=Path(platformdirs.user_config_dir("privacy-audit", appauthor=False)),
        state=Path(platformdirs.user_state_dir("privacy-audit", appauthor=False)),
    )


def machine_config_dirs() -> list[Path]:
    """Machine-wide config folders where a school's IT can place `school.yaml` for every user."""
    import platformdirs

    return [
        Path(p)
        for p in platformdirs.site_config_dir("privacy-audit", appauthor=False, multipath=True).split(
            os.pathsep
        )
    ]


def executable_dir() -> Path:
    """The folder of the running program: the packaged app's folder, or the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _PACKAGE_DIR.parent


def candidate_paths(explicit: str | os.PathLike[str] | None = None) -> list[tuple[str, Path]]:
    """Where a school.yaml may be, in the order the app looks, each with how it was found."""
    candidates: list[tuple[str, Path]] = []
    if explicit:
        candidates.append(("--school-config", Path(explicit)))
    from_env = os.environ.get(SCHOOL_CONFIG_ENV)
    if from_env:
        candidates.append((SCHOOL_CONFIG_ENV, Path(from_env)))
    candidates.append(("beside the program", executable_dir() / SCHOOL_FILE_NAME))
    for folder in machine_config_dirs():
        candidates.append(("machine-wide config folder", folder / SCHOOL_FILE_NAME))
    return candidates


def find_school_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The first school.yaml in the lookup order; a named file (option or variable) counts even if missing."""
    for how, path in candidate_paths(explicit):
        if how in ("--school-config", SCHOOL_CONFIG_ENV) or path.is_file():
            return path
    return None
