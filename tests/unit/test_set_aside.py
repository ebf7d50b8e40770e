"""A record that cannot be used is set aside, never lost, and the person is told first, in every mode.

Each kind of damage (physical, impossible header values, missing tables or columns, settings out of bounds,
braces in the record's own text, an unknown protection) is tried against records protected by the keyring,
by a passphrase and kept unencrypted. Whatever the mode, the first thing the store says - on the returned
record or on the exception that asks for a passphrase or a choice - is where the copy went.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import (
    NeedsPassphrase,
    NeedsProtectionChoice,
    RecordError,
    SetAsideNotice,
    open_record,
)
from privacy_audit.store.errors import SetAsideReason
from privacy_audit.store.pending import pending_set_aside

PASSPHRASE = "correct horse battery"


def a_check(note: str = "my note") -> CheckResult:
    started = dt.datetime(2026, 9, 1, 10, 0, tzinfo=dt.UTC)
    return CheckResult(
        platform="facebook",
        checklist_version="1",
        item_ids=("private-account",),
        started=started,
        finished=started + dt.timedelta(minutes=5),
        answers=(ItemAnswer("private-account", Answer.OK),),
        note=note,
    )


def make_record(mode: str):
    dirs = app_dirs()
    if mode != "keyring":
        keyring.set_keyring(fail.Keyring())
    record = open_record(
        dirs,
        passphrase=PASSPHRASE if mode == "passphrase" else None,
        accept_unencrypted=mode == "unencrypted",
    )
    record.save_check(a_check())
    record.close()
    return dirs


def sql(*statements: str):
    def damage(path, _memory):
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()

    return damage


def garbage_header(path, _memory):
    data = bytearray(path.read_bytes())
    data[:16] = b"not a record at "
    path.write_bytes(bytes(data))


def key_deleted(_path, memory):
    memory.store.clear()


# Damage that any record can have, whatever protects it.
ANY_MODE = {
    "not a database": garbage_header,
    "newer version": sql("PRAGMA user_version = 99"),
    "negative version": sql("PRAGMA user_version = -1"),
    "very negative version": sql("PRAGMA user_version = -5"),
    "version zero with tables": sql("PRAGMA user_version = 0"),
    "a version older than its tables": sql("PRAGMA user_version = 1"),
    "meta table dropped": sql("DROP TABLE meta"),
    "checks table dropped": sql("DROP TABLE checks"),
    "settings table dropped": sql("DROP TABLE settings"),
    "a column dropped": sql("ALTER TABLE snoozes DROP COLUMN until"),
    "no identity": sql("DELETE FROM meta WHERE key = 'record_id'"),
    "unknown protection": sql("UPDATE meta SET value = 'rot13' WHERE key = 'protection'"),
    "braces in the protection": sql("UPDATE meta SET value = 'v{2}' WHERE key = 'protection'"),
    "a named brace in the protection": sql("UPDATE meta SET value = '{moved} {x}' WHERE key = 'protection'"),
    "protection lost with answers kept": sql("DELETE FROM meta WHERE key = 'protection'"),
}
PASSPHRASE_ONLY = {
    "kdf_n 2**30": sql("UPDATE meta SET value = '1073741824' WHERE key = 'kdf_n'"),
    "kdf_n 2**22": sql("UPDATE meta SET value = '4194304' WHERE key = 'kdf_n'"),
    "kdf_n not a power of two": sql("UPDATE meta SET value = '100000' WHERE key = 'kdf_n'"),
    "kdf_n negative": sql("UPDATE meta SET value = '-16384' WHERE key = 'kdf_n'"),
    "kdf_r huge": sql("UPDATE meta SET value = '100000' WHERE key = 'kdf_r'"),
    "kdf_p zero": sql("UPDATE meta SET value = '0' WHERE key = 'kdf_p'"),
    "salt not base64": sql("UPDATE meta SET value = '!!!' WHERE key = 'kdf_salt'"),
    "salt too short": sql("UPDATE meta SET value = 'AAAA' WHERE key = 'kdf_salt'"),
    "key check missing": sql("DELETE FROM meta WHERE key = 'key_check'"),
}
KEYRING_ONLY = {
    "key missing": key_deleted,
    "key missing, braces in the backend": lambda path, memory: (
        sql("UPDATE meta SET value = 'GNOME {Keyring}' WHERE key = 'keyring_backend'")(path, memory),
        key_deleted(path, memory),
    ),
    "key check missing": sql("DELETE FROM meta WHERE key = 'key_check'"),
    "key check of another key": sql("UPDATE meta SET value = 'RTE=' WHERE key = 'key_check'"),
}
# What each case is, as the code the screens choose their words by (any other case is damage).
EXPECTED_CODES = {
    "newer version": SetAsideReason.NEWER_VERSION,
    "unknown protection": SetAsideReason.PROTECTION_UNKNOWN,
    "braces in the protection": SetAsideReason.PROTECTION_UNKNOWN,
    "a named brace in the protection": SetAsideReason.PROTECTION_UNKNOWN,
    "protection lost with answers kept": SetAsideReason.PROTECTION_MISSING,
    "key missing": SetAsideReason.KEY_MISSING,
    "key missing, braces in the backend": SetAsideReason.KEY_MISSING,
    "key check of another key": SetAsideReason.KEY_CHANGED,
}
CASES = (
    [(mode, name) for mode in ("keyring", "passphrase", "unencrypted") for name in ANY_MODE]
    + [("passphrase", name) for name in PASSPHRASE_ONLY]
    + [("keyring", name) for name in KEYRING_ONLY]
)


def damage_for(mode: str, name: str):
    return {
        **ANY_MODE,
        **(PASSPHRASE_ONLY if mode == "passphrase" else {}),
        **(KEYRING_ONLY if mode == "keyring" else {}),
    }[name]


def assert_told(notices: tuple[SetAsideNotice, ...], dirs) -> SetAsideNotice:
    assert len(notices) == 1, notices
    notice = notices[0]
    assert notice.moved_to.parent == dirs.set_aside and notice.moved_to.exists()
    assert str(notice.moved_to) in notice.message and "\x00" not in notice.message
    assert "set aside" in notice.message
    return notice


@pytest.mark.parametrize(("mode", "name"), CASES, ids=[f"{m}: {n}" for m, n in CASES])
def test_a_damaged_record_is_set_aside_and_the_person_is_told_first(mode, name, memory_keyring):
    dirs = make_record(mode)
    damage_for(mode, name)(dirs.record_file, memory_keyring)
    before = dirs.record_file.read_bytes()

    if mode == "keyring":
        record = open_record(dirs)
        notice = assert_told(record.set_aside, dirs)
        assert record.notices[0] == notice.message, "the set-aside notice comes before anything else"
        assert record.checks() == []
        record.close()
    else:
        # No keyring: the new record needs a passphrase or a choice, and the question still says what happened.
        with pytest.raises(NeedsProtectionChoice) as raised:
            open_record(dirs)
        notice = assert_told(raised.value.set_aside, dirs)
        assert str(raised.value).startswith(notice.message), "told before being asked"
        assert raised.value.problem in str(raised.value)
        # A run that stops at the question (a script, a closed window) does not lose the notice either.
        with pytest.raises(NeedsProtectionChoice) as again:
            open_record(dirs)
        assert again.value.set_aside == (notice,)
        # Readable without the key, for `status`, `remind` and the app's first screen.
        assert pending_set_aside(dirs.record_file) == (notice,)
        record = open_record(dirs, accept_unencrypted=True)
        assert record.set_aside == (notice,) and record.notices[0] == notice.message
        record.close()
    assert notice.moved_to.read_bytes() == before, "the copy is the file as it was, byte for byte"
    # The code the screens choose their words by, and the fact those words name.
    assert notice.code == EXPECTED_CODES.get(name, SetAsideReason.DAMAGED)
    assert bool(notice.detail) == (notice.code != SetAsideReason.PROTECTION_MISSING)
    assert notice.detail in notice.message, "the terminal's sentence names the same fact"
    with open_record(dirs, accept_unencrypted=True) as record:
        assert record.set_aside == () and record.notices == [], "told once it was delivered with a record"
    assert pending_set_aside(dirs.record_file) == ()


def test_a_damaged_passphrase_record_is_reported_before_the_passphrase_is_asked_for():
    dirs = make_record("passphrase")
    sql("UPDATE meta SET value = '1073741824' WHERE key = 'kdf_n'")(dirs.record_file, None)
    with pytest.raises(NeedsProtectionChoice) as raised:
        open_record(dirs)  # no passphrase yet: not "type your passphrase" for a record that cannot open
    assert "scrypt N=1073741824" in str(raised.value) and raised.value.set_aside


def test_a_sound_passphrase_record_asks_for_its_passphrase_without_a_notice():
    dirs = make_record("passphrase")
    with pytest.raises(NeedsPassphrase) as raised:
        open_record(dirs)
    assert raised.value.set_aside == () and str(raised.value) == raised.value.problem


def test_every_record_error_has_a_set_aside_list_and_a_plain_problem():
    error = RecordError("Something failed.")
    assert error.set_aside == () and str(error) == "Something failed." == error.problem


def test_a_notice_kept_before_notices_had_codes_takes_its_code_from_its_tag(tmp_path):
    from privacy_audit.store.pending import PENDING_KEY, read_pending

    conn = sqlite3.connect(tmp_path / "record.db")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    kept = '[["schema-v99", "/x/a.db", "Newer."], ["key-missing", "/x/b.db", "Key."], ["damaged", "/x/c.db", "D."]]'
    conn.execute("INSERT INTO settings VALUES (?, ?)", (PENDING_KEY, kept))
    codes = [notice.code for notice in read_pending(conn)]
    assert codes == [SetAsideReason.NEWER_VERSION, SetAsideReason.KEY_MISSING, SetAsideReason.DAMAGED]
    conn.close()


def test_a_notice_kept_by_an_older_or_newer_version_is_still_told_in_whole_sentences(tmp_path):
    """Words that name a fact the kept notice lacks fall back to its own saved sentence (never "missing from
    , so"); a newer record's version comes from its tag; a code this version does not know is read by its
    tag, and one unreadable notice does not silence the others."""
    from privacy_audit.store.pending import PENDING_KEY, read_pending
    from privacy_audit.ui.error_words import set_aside_words

    conn = sqlite3.connect(tmp_path / "record.db")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    kept = (
        '[["schema-v99", "/x/a.db", "Newer."], ["key-missing", "/x/b.db", "The key was missing."],'
        ' ["key-changed", "/x/c.db", "Changed.", "a_code_from_the_future", ""], ["half a notice"],'
        ' ["damaged", "/x/d.db", "D."]]'
    )
    conn.execute("INSERT INTO settings VALUES (?, ?)", (PENDING_KEY, kept))
    notices = read_pending(conn)
    conn.close()
    assert [n.code for n in notices] == [
        SetAsideReason.NEWER_VERSION,
        SetAsideReason.KEY_MISSING,
        SetAsideReason.KEY_CHANGED,
        SetAsideReason.DAMAGED,
    ]
    words = [set_aside_words(n) for n in notices]
    assert "(record version 99)" in words[0] and "/x/a.db" in words[0]
    assert words[1] == "The key was missing."
    assert words[2] == "Changed."
    assert "/x/d.db" in words[3]
    assert not any(" , " in w or "“”" in w or "()" in w or "  " in w for w in words), words
