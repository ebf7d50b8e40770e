"""One demo run: a throwaway home folder, a record with the sample history, and the practice-page server.

Everything the app writes in demo mode goes under a fresh temporary folder, used as the app's whole home
(record, settings, caches, browser profile), and the folder is deleted when the demo ends. The person's
real record, keyring and browser profile are never opened: while a demo runs, the keyring library is
pointed at its "fail" backend, so even a mistaken keyring call cannot reach the real keyring, and the
record is created unencrypted (there is nothing private in it). Qt-free.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any, Self

from privacy_audit.core.catalogue import Catalogue
from privacy_audit.core.paths import AppDirs, app_dirs
from privacy_audit.demo.sample import seed
from privacy_audit.demo.server import PracticeServer

MARKER = ".privacy-audit-demo"  # only a folder with this file in it is ever wiped or deleted
# The sample school a demo uses when the computer has no school.yaml (instead of the default "Your school").
SAMPLE_SCHOOL_NAME = "Hermitage Primary (demo)"
SAMPLE_SCHOOL_FILE = "demo-school.yaml"


class DemoSession:
    """Use as a context manager, or call `start()` and `close()`. `reset()` (re)creates the sample record and
    may run on any thread, as long as nothing has the record open."""

    def __init__(self, catalogue: Catalogue | None = None, *, parent_dir: Path | None = None) -> None:
        # The catalogue may be given later (before `start`): the app loads it with the demo folder as home.
        self.catalogue = catalogue
        self.home = Path(tempfile.mkdtemp(prefix="privacy-audit-demo-", dir=parent_dir))
        (self.home / MARKER).write_text(
            "A Privacy Audit demo's throwaway folder; deleted when the demo ends.\n"
        )
        self.dirs: AppDirs = app_dirs(self.home)
        self._server: PracticeServer | None = None
        self._keyring_before: Any = None
        self._keyring_swapped = False

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def school_config(self, explicit: str | None = None) -> str | None:
        """The school.yaml the demo uses: the one named or found on this computer, else a sample school's,
        written in the throwaway folder (so the demo shows a school's name, not "Your school")."""
        from privacy_audit.core.paths import find_school_config

        if find_school_config(explicit) is not None:
            return explicit
        path = self.home / SAMPLE_SCHOOL_FILE
        path.write_text(
            "# A made-up school for the demo; the app's own settings are used for everything else.\n"
            f'school_name: "{SAMPLE_SCHOOL_NAME}"\n',
            encoding="utf-8",
        )
        return str(path)

    @property
    def server(self) -> PracticeServer:
        if self._server is None:
            if self.catalogue is None:
                raise RuntimeError("Give the demo its catalogue before starting it.")
            self._server = PracticeServer(self.catalogue)
        return self._server

    def start(self) -> Self:
        self._refuse_keyring()
        self.server.start()
        return self

    def reset(self, now: dt.datetime | None = None) -> None:
        """Back to the starting state: an empty home folder, then a new record with the sample history."""
        from privacy_audit.store import open_record

        if self.catalogue is None:
            raise RuntimeError("Give the demo its catalogue before resetting it.")
        self._wipe()
        self.dirs.ensure()
        record = open_record(self.dirs, accept_unencrypted=True)
        try:
            seed(record, self.catalogue, now)
        finally:
            record.close()

    def close(self) -> None:
        """Stop the server, give the keyring back, and delete the throwaway folder."""
        if self._server is not None:
            self._server.close()
        self._restore_keyring()
        if (self.home / MARKER).exists():
            shutil.rmtree(self.home, ignore_errors=True)

    # -- the throwaway folder ------------------------------------------------------------------------------

    def _wipe(self) -> None:
        if not (self.home / MARKER).exists():
            raise RuntimeError(f"{self.home} is not a demo folder, so it was left alone.")
        for child in self.home.iterdir():
            if child.name in (MARKER, SAMPLE_SCHOOL_FILE):
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()

    # -- the keyring ---------------------------------------------------------------------------------------

    def _refuse_keyring(self) -> None:
        if self._keyring_swapped:
            return
        import keyring
        import keyring.core
        from keyring.backends import fail

        # Read without keyring.get_keyring(), which would load (and so contact) the real keyring first.
        self._keyring_before = getattr(keyring.core, "_keyring_backend", None)
        keyring.set_keyring(fail.Keyring())
        self._keyring_swapped = True

    def _restore_keyring(self) -> None:
        if not self._keyring_swapped:
            return
        import keyring

        if self._keyring_before is not None:
            keyring.set_keyring(self._keyring_before)
        self._keyring_swapped = False
