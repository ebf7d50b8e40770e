"""Test harness shared by every test: offscreen Qt, and a private home folder for each test.

Every test gets its own PRIVACY_AUDIT_HOME (so nothing touches a real record) and no school config from
the environment. Qt warnings and Python warnings fail the test (see pyproject.toml).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PRIVACY_AUDIT_SCHOOL_CONFIG", None)

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty home folder for the app, used through $PRIVACY_AUDIT_HOME."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PRIVACY_AUDIT_HOME", str(home))
    monkeypatch.delenv("PRIVACY_AUDIT_SCHOOL_CONFIG", raising=False)
    return home


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def chromium_path() -> str:
    """Debian's Chromium, which the browser tests drive; .ci/run installs it."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM}; install it with: apt-get install chromium")
    return CHROMIUM


class MemoryKeyring:
    """Stands in for the OS keyring in tests: really stores and returns secrets, in memory.

    (keyring's `null` backend silently drops writes and its `fail` backend refuses everything; tests
    that want those set them explicitly.)
    """

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        store: dict[tuple[str, str], str] = {}

        class _Memory(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def get_password(self, service: str, username: str) -> str | None:
                return store.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                store[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                from keyring.errors import PasswordDeleteError

                if (service, username) not in store:
                    raise PasswordDeleteError("not found")
                del store[(service, username)]

        self.backend = _Memory()
        self.store = store


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """Every test gets an empty in-memory keyring, so no test reads or writes the real one."""
    import keyring

    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory.backend)
    yield memory
    keyring.set_keyring(previous)
