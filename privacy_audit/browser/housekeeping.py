"""What the guided browser leaves on this computer: the browser processes it started, and the folder of
kept sign-ins (its profile). Standard library only, so the app can forget sign-ins without Playwright."""

from __future__ import annotations

import os
import platform
import shutil
import signal
import sys
import threading
from pathlib import Path

PROFILE_MARKER = ".privacy-audit-profile"


class BrowserProcesses:
    """Process ids of the browsers the worker started, so a stuck worker's browser can still be ended.

    Shared between the worker (adds and removes) and the thread calling `shutdown` (kills as a last resort).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pids: set[int] = set()

    def add(self, pid: int) -> None:
        with self._lock:
            self._pids.add(pid)

    def discard(self, pid: int) -> None:
        with self._lock:
            self._pids.discard(pid)

    def snapshot(self) -> set[int]:
        with self._lock:
            return set(self._pids)

    def kill_all(self) -> None:
        # SIGKILL on POSIX; on Windows os.kill with SIGTERM calls TerminateProcess.
        sig = signal.SIGTERM if sys.platform.startswith("win") else getattr(signal, "SIGKILL", signal.SIGTERM)
        for pid in self.snapshot():
            try:
                os.kill(pid, sig)
            except OSError:
                pass
            self.discard(pid)


def prepare_profile(profile_dir: Path) -> Path:
    """Create the kept-sign-ins folder owner-only (0700), marked so `forget_sign_ins` knows it is ours."""
    old_umask = os.umask(0o077)
    try:
        profile_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    finally:
        os.umask(old_umask)
    os.chmod(profile_dir, 0o700)  # tighten a folder that existed with looser permissions
    marker = profile_dir / PROFILE_MARKER
    if not marker.exists():
        marker.write_text("Privacy Audit's guided-browser profile. 'Forget sign-ins' deletes this folder.\n")
    return profile_dir


def forget_sign_ins(profile_dir: Path) -> None:
    """Delete the guided browser's kept sign-ins (its whole profile folder). Close the browser first."""
    profile_dir = Path(profile_dir)
    if profile_dir.is_symlink():
        profile_dir.unlink()  # never follow a link into someone else's folder
        return
    if not profile_dir.exists():
        return
    if not profile_dir.is_dir():
        raise ValueError(f"{profile_dir} is not a folder, so it was left alone.")
    ours = (profile_dir / PROFILE_MARKER).exists() or (profile_dir / "Local State").exists()
    if not ours and any(profile_dir.iterdir()):
        raise ValueError(
            f"{profile_dir} does not look like Privacy Audit's browser profile, so it was not deleted. "
            "Delete it yourself if you are sure."
        )
    shutil.rmtree(profile_dir)


def profile_owner(profile_dir: Path) -> int | None:
    """The process id of the Chromium using `profile_dir`, from its 'SingletonLock' ("host-pid"; a symbolic
    link on Linux and macOS, absent on Windows), when that process runs on this computer with this profile."""
    try:
        owner = os.readlink(profile_dir / "SingletonLock")
    except (OSError, NotImplementedError):
        return None
    host, _, pid_text = owner.rpartition("-")
    if not pid_text.isdigit() or host != platform.node():
        return None
    pid = int(pid_text)
    if Path("/proc/self").exists():  # Linux: make sure the process is that browser, not a reused id
        try:
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return None
        if os.fsencode(os.path.abspath(profile_dir)) not in command_line:
            return None
    return pid
