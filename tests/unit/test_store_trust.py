"""Only the owner's files are trusted, a busy record is called busy, scrypt is strong but bounded, and the
keyring probe does not start programs.

Ownership is tried for real: the tests run as root in CI, so a folder or a record can be given to another
user account (`nobody`) with chown; run as an ordinary user those cases are skipped.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.paths import app_dirs
from privacy_audit.store import (
    NeedsProtectionChoice,
    NotPrivate,
    ProtectionMismatch,
    RecordBusy,
    RecordLocked,
    check_private,
    crypto,
    open_record,
    schema,
)

NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- D12: whose files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bits", [0o777, 0o775, 0o757, 0o722])
def test_a_home_folder_others_can_write_to_is_refused_before_anything_is_made_in_it(private_home, bits):
    private_home.chmod(bits)
    with pytest.raises(NotPrivate) as raised:
        open_record(app_dirs())
    assert "Other people on this computer can change" in str(raised.value)
    assert list(private_home.iterdir()) == [], "nothing was created there"


def test_a_home_folder_others_may_only_read_is_used_as_it_is(private_home):
    private_home.chmod(0o755)
    open_record(app_dirs()).close()
    assert mode_of(private_home) == 0o755, "the person's own folder's read permissions are theirs to choose"


@pytest.mark.parametrize("folder", ["data", "config", "state", "data/set-aside", "data/backups"])
@pytest.mark.parametrize("bits", [0o777, 0o755, 0o770])
def test_the_apps_own_folders_are_tightened_to_owner_only(private_home, folder, bits):
    open_record(app_dirs()).close()
    target = private_home / folder
    target.mkdir(exist_ok=True)
    target.chmod(bits)
    open_record(app_dirs()).close()
    assert mode_of(target) == 0o700


@pytest.mark.parametrize("bits", [0o644, 0o640, 0o604])
def test_a_record_others_may_read_is_made_private(bits):
    dirs = app_dirs()
    open_record(dirs).close()
    dirs.record_file.chmod(bits)
    open_record(dirs).close()
    assert mode_of(dirs.record_file) == 0o600


@pytest.mark.parametrize("bits", [0o666, 0o662, 0o620])
def test_a_record_others_may_change_is_refused_and_left_as_it_is(bits):
    dirs = app_dirs()
    open_record(dirs).close()
    dirs.record_file.chmod(bits)
    before = dirs.record_file.read_bytes()
    with pytest.raises(NotPrivate) as raised:
        open_record(dirs)
    assert str(dirs.record_file) in str(raised.value) and "chmod go-w" in str(raised.value)
    assert dirs.record_file.read_bytes() == before and mode_of(dirs.record_file) == bits


@as_root
@pytest.mark.parametrize("what", ["home", "data", "state", "record"])
def test_files_of_another_user_account_are_refused(private_home, what):
    dirs = app_dirs()
    open_record(dirs).close()
    target = {"home": private_home, "data": dirs.data, "state": dirs.state, "record": dirs.record_file}[what]
    os.chown(target, NOBODY, NOBODY)
    with pytest.raises(NotPrivate) as raised:
        open_record(dirs)
    assert "belongs to another user account" in str(raised.value) and str(target) in str(raised.value)


def test_check_private_is_one_call_for_other_layers(tmp_path):
    cache = tmp_path / "cache.json"
    cache.write_text("{}")
    cache.chmod(0o666)
    with pytest.raises(NotPrivate):
        check_private(cache, kind="file")
    cache.chmod(0o644)
    check_private(cache, kind="file")
    assert mode_of(cache) == 0o600
    check_private(tmp_path / "missing", kind="file")  # the app will create it owner-only


@pytest.mark.parametrize("how", ["passphrase from the environment", "passphrase typed"])
def test_a_planted_unencrypted_record_cannot_take_a_passphrase_users_answers(how):
    keyring.set_keyring(fail.Keyring())
    dirs = app_dirs()
    open_record(dirs, accept_unencrypted=True).close()  # someone else's record, put where hers would be
    before = dirs.record_file.read_bytes()
    with pytest.raises(ProtectionMismatch) as raised:
        open_record(dirs, passphrase="alice-secret")
    assert "kept unencrypted" in str(raised.value) and "Nothing was saved" in str(raised.value)
    assert dirs.record_file.read_bytes() == before


# -- D16: busy is not damaged ----------------------------------------------------------------------------


@pytest.mark.parametrize("lock", ["BEGIN EXCLUSIVE", "BEGIN IMMEDIATE"])
def test_a_record_another_window_is_writing_to_is_busy_not_damaged(lock, monkeypatch):
    dirs = app_dirs()
    open_record(dirs).close()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(dirs.record_file, isolation_level=None)
    other.execute(lock)
    try:
        with pytest.raises(RecordBusy) as raised:
            record = open_record(dirs)
            record.set_setting("x", 1)  # a reader may open during IMMEDIATE; the write is refused
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert isinstance(raised.value, RecordLocked), "the older name still catches it"
    assert "in use by another Privacy Audit window" in str(raised.value)
    assert "damaged" not in str(raised.value) and not dirs.set_aside.exists()


# -- issue 13 item 11 and D20: scrypt ---------------------------------------------------------------------


def test_new_passphrase_records_use_scrypt_n_of_at_least_2_17():
    keyring.set_keyring(fail.Keyring())
    dirs = app_dirs()
    open_record(dirs, passphrase="a long enough phrase").close()
    conn = sqlite3.connect(dirs.record_file)
    assert int(schema.meta(conn)["kdf_n"]) >= 2**17
    conn.close()


def test_records_made_with_the_older_scrypt_cost_still_open(monkeypatch):
    keyring.set_keyring(fail.Keyring())
    dirs = app_dirs()
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**15)
    open_record(dirs, passphrase="a long enough phrase").close()
    monkeypatch.undo()
    keyring.set_keyring(fail.Keyring())
    with open_record(dirs, passphrase="a long enough phrase") as record:
        assert record.protection.mode == "passphrase" and record.set_aside == ()


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [(2**30, 8, 1), (2**22, 8, 1), (2**18, 16, 1), (3, 8, 1), (0, 8, 1), (2**15, 0, 1), (2**15, 8, 99)],
)
def test_absurd_scrypt_settings_are_refused_before_any_memory_is_used(n, r, p):
    assert crypto.kdf_params_problem(n, r, p)
    with pytest.raises(ValueError):
        crypto.key_from_passphrase("x", b"0" * 16, n, r, p)


@pytest.mark.parametrize(
    "phrase", [" ", "        ", "\t \t", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"]
)
def test_a_passphrase_of_only_spaces_gets_a_clear_sentence(phrase):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NeedsProtectionChoice) as raised:
        open_record(app_dirs(), passphrase=phrase)
    assert "only of spaces" in str(raised.value)


# -- D24: the keyring probe ------------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("strace"), reason="Linux strace")
def test_probing_the_keyring_on_linux_starts_no_other_program(tmp_path):
    log = tmp_path / "execve.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # no keyringrc.cfg: the app's own choice is what is measured
    subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=execve",
            "-o",
            str(log),
            sys.executable,
            "-c",
            "from privacy_audit.store import keys; print(keys.keyring_info())",
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    started = [line for line in log.read_text().splitlines() if "execve(" in line and "= 0" in line]
    assert len(started) == 1, "only the Python being measured:\n" + "\n".join(started)
