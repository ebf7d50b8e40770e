"""The local record: what it keeps, how it is protected, and what happens when something is wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import stat

import keyring
import pytest
from keyring.backends import chainer, fail, null

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import (
    KeyringUnavailable,
    NeedsPassphrase,
    NeedsProtectionChoice,
    RecordLocked,
    RecordNotWritable,
    WrongPassphrase,
    crypto,
    forget_everything,
    keys,
    open_record,
    schema,
)

UTC = dt.UTC
SECRET_NOTE = "pupil Zebedee sent me a request"


def make_check(platform="facebook", day=1, note=SECRET_NOTE, month=9) -> CheckResult:
    started = dt.datetime(2026, month, day, 10, 0, tzinfo=UTC)
    return CheckResult(
        platform=platform,
        checklist_version="1:2026-11-27",
        item_ids=("private-account", "tagging"),
        started=started,
        finished=started + dt.timedelta(minutes=7),
        answers=(ItemAnswer("private-account", Answer.OK), ItemAnswer("tagging", Answer.ATTENTION, "ask IT")),
        note=note,
    )


@pytest.fixture
def dirs():
    return app_dirs()


@pytest.fixture
def no_keyring():
    keyring.set_keyring(fail.Keyring())  # what headless Linux gets; memory_keyring restores the default after


def file_bytes(path) -> bytes:
    return path.read_bytes()


# -- keeping things -------------------------------------------------------------------------------------


def test_a_saved_check_comes_back_after_reopening_newest_first(dirs):
    with open_record(dirs) as record:
        older = record.save_check(make_check(day=1))
        newer = record.save_check(make_check(day=20))
        record.save_check(make_check("instagram", day=5))
        assert older.id is not None and newer.id != older.id
    with open_record(dirs) as record:
        facebook = record.checks("facebook")
        assert [c.id for c in facebook] == [newer.id, older.id]
        assert facebook[0] == newer
        assert facebook[0].answer_for("tagging") == ItemAnswer("tagging", Answer.ATTENTION, "ask IT")
        assert len(record.checks()) == 3
        assert record.last_checked() == {
            "facebook": newer.finished,
            "instagram": make_check("instagram", day=5).finished,
        }


def test_platforms_in_use_always_include_general_and_are_in_the_apps_order(dirs):
    with open_record(dirs) as record:
        assert record.platforms_in_use() == ["general"]
        record.set_platforms_in_use(["x", "facebook"])
        assert record.platforms_in_use() == ["general", "facebook", "x"]
        record.set_platforms_in_use(["instagram"])
        assert record.platforms_in_use() == ["general", "instagram"]


def test_snoozes_drafts_acceptance_and_settings_are_kept(dirs):
    until = dt.datetime(2027, 1, 8, 9, tzinfo=UTC)
    draft = Draft(
        "facebook",
        "1:2026-11-27",
        dt.datetime(2026, 11, 1, tzinfo=UTC),
        {"tagging": ItemAnswer("tagging", Answer.CHANGED, "done")},
        position=1,
        note="half way",
    )
    with open_record(dirs) as record:
        record.snooze("facebook", until)
        record.save_draft(draft)
        record.set_acceptance("Jo Bloggs", dt.date(2026, 11, 27))
        record.set_setting("keep_sign_ins", {"facebook": True})
    with open_record(dirs) as record:
        assert record.snoozes() == {"facebook": until}
        assert record.load_draft("facebook") == draft
        assert record.load_draft("x") is None
        record.discard_draft("facebook")
        assert record.load_draft("facebook") is None
        assert record.acceptance() == ("Jo Bloggs", dt.date(2026, 11, 27))
        assert record.get_setting("keep_sign_ins") == {"facebook": True}
        assert record.get_setting("missing", 42) == 42
        with pytest.raises(ValueError, match="JSON"):
            record.set_setting("bad", object())


def test_the_record_is_owner_only(dirs):
    open_record(dirs).close()
    assert stat.S_IMODE(os.stat(dirs.record_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(dirs.data).st_mode) == 0o700


# -- protection -----------------------------------------------------------------------------------------


def test_with_a_keyring_answers_are_encrypted_and_the_key_lives_only_in_the_keyring(dirs, memory_keyring):
    with open_record(dirs) as record:
        assert record.protection.mode == "keyring"
        assert "encrypted" in record.protection.explanation
        record.save_check(make_check())
        record.set_acceptance("Jo Bloggs", dt.date(2026, 11, 27))
    [(service, _user)] = memory_keyring.store
    stored_key = next(iter(memory_keyring.store.values()))
    raw = file_bytes(dirs.record_file)
    assert service == "privacy-audit"
    assert SECRET_NOTE.encode() not in raw and b"ask IT" not in raw and b"Jo Bloggs" not in raw
    assert stored_key.encode() not in raw
    assert b"facebook" in raw  # dates and platforms stay in clear for reminders


def test_without_a_secure_keyring_the_person_must_choose(dirs, no_keyring):
    with pytest.raises(NeedsProtectionChoice, match="no secure keyring"):
        open_record(dirs)


@pytest.mark.parametrize("backend", [null.Keyring(), chainer.ChainerBackend()], ids=["null", "empty chainer"])
def test_keyrings_that_drop_secrets_do_not_count_as_secure(dirs, backend, monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [], raising=False)
    keyring.set_keyring(backend)
    assert not keys.keyring_info().secure
    with pytest.raises(NeedsProtectionChoice):
        open_record(dirs)


def test_a_plaintext_file_keyring_does_not_count_as_secure():
    class PlaintextKeyring(fail.Keyring):
        priority = 1

    assert not keys._classify(PlaintextKeyring()).secure


def test_a_passphrase_protects_the_record_when_there_is_no_keyring(dirs, no_keyring):
    with open_record(dirs, passphrase="correct horse battery") as record:
        assert record.protection.mode == "passphrase"
        saved = record.save_check(make_check())
    assert SECRET_NOTE.encode() not in file_bytes(dirs.record_file)
    with pytest.raises(NeedsPassphrase):
        open_record(dirs)
    before = file_bytes(dirs.record_file)
    with pytest.raises(WrongPassphrase, match="does not unlock"):
        open_record(dirs, passphrase="wrong horse")
    assert file_bytes(dirs.record_file) == before
    with open_record(dirs, passphrase="correct horse battery") as record:
        assert record.checks() == [saved]


def test_unencrypted_mode_is_explicit_and_says_so(dirs, no_keyring):
    with open_record(dirs, accept_unencrypted=True) as record:
        assert record.protection.mode == "unencrypted"
        assert "not encrypted" in record.protection.explanation
        record.save_check(make_check())
    assert SECRET_NOTE.encode() in file_bytes(dirs.record_file)
    with open_record(dirs) as record:  # the choice is remembered in the record
        assert record.protection.mode == "unencrypted"


def test_a_locked_keyring_is_reported_and_the_record_left_alone(dirs, memory_keyring):
    open_record(dirs).close()
    before = file_bytes(dirs.record_file)

    class Locked(type(memory_keyring.backend)):
        def get_password(self, service, username):
            from keyring.errors import KeyringLocked

            raise KeyringLocked("the collection is locked")

    keyring.set_keyring(Locked())
    with pytest.raises(KeyringUnavailable, match="Unlock your keyring"):
        open_record(dirs)
    assert file_bytes(dirs.record_file) == before
    assert not dirs.set_aside.exists()


def test_a_missing_key_sets_the_record_aside_and_starts_a_new_one(dirs, memory_keyring):
    with open_record(dirs) as record:
        record.save_check(make_check())
    before = file_bytes(dirs.record_file)
    memory_keyring.store.clear()
    with open_record(dirs) as record:
        assert record.checks() == []
        assert any("missing" in n and "set aside" in n for n in record.notices)
    [kept] = list(dirs.set_aside.iterdir())
    assert "key-missing" in kept.name and kept.read_bytes() == before


def test_a_changed_key_sets_the_record_aside(dirs, memory_keyring):
    with open_record(dirs) as record:
        record.save_check(make_check())
    import base64

    for entry in memory_keyring.store:
        memory_keyring.store[entry] = base64.urlsafe_b64encode(os.urandom(32)).decode()
    with open_record(dirs) as record:
        assert any("changed" in n for n in record.notices)
    assert [p for p in dirs.set_aside.iterdir() if "key-changed" in p.name]


# -- damage ---------------------------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_set_aside_and_a_new_record_started(dirs):
    dirs.ensure()
    dirs.record_file.write_bytes(b"this is my shopping list, not a database" * 100)
    with open_record(dirs) as record:
        assert any("damaged" in n for n in record.notices)
        record.save_check(make_check())
    [kept] = list(dirs.set_aside.iterdir())
    assert kept.read_bytes() == b"this is my shopping list, not a database" * 100


def test_a_corrupt_database_is_set_aside_never_deleted(dirs):
    with open_record(dirs) as record:
        for day in range(1, 29):
            record.save_check(make_check(day=day, note="x" * 3000))
    data = bytearray(file_bytes(dirs.record_file))
    data[4096:12288] = os.urandom(8192)  # trash pages in the middle of the file
    dirs.record_file.write_bytes(bytes(data))
    with open_record(dirs) as record:
        assert record.checks() == []
        assert record.notices and "set aside" in record.notices[0]
    [kept] = list(dirs.set_aside.iterdir())
    assert kept.read_bytes() == bytes(data)


def test_setting_aside_twice_keeps_both_files(dirs):
    for content in (b"first broken file" * 50, b"second broken file" * 50):
        dirs.ensure()
        dirs.record_file.write_bytes(content)
        open_record(dirs).close()
    assert sorted(p.read_bytes() for p in dirs.set_aside.iterdir()) == sorted(
        [b"first broken file" * 50, b"second broken file" * 50]
    )


def test_a_record_from_a_newer_version_is_set_aside_with_an_explanation(dirs):
    open_record(dirs).close()
    with sqlite3.connect(dirs.record_file) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    with open_record(dirs) as record:
        assert any("newer version" in n for n in record.notices)
    assert [p for p in dirs.set_aside.iterdir() if "schema-v99" in p.name]


def test_a_record_locked_by_another_program_gives_a_clear_message(dirs, monkeypatch):
    open_record(dirs).close()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(dirs.record_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RecordLocked, match="in use by another"):
            open_record(dirs)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not dirs.set_aside.exists()


@pytest.fixture
def read_only(dirs):
    """Make a folder read-only, for root too (root ignores permission bits, not the immutable flag)."""
    made = []

    def make(folder):
        os.chmod(folder, 0o500)
        if os.geteuid() == 0:
            assert os.system(f"chattr +i '{folder}'") == 0, (
                "chattr is needed to test a read-only folder as root"
            )
        made.append(folder)

    yield make
    for folder in made:
        if os.geteuid() == 0:
            os.system(f"chattr -i '{folder}'")
        os.chmod(folder, 0o700)


def test_a_read_only_folder_gives_a_clear_message_and_loses_nothing(dirs, read_only):
    with open_record(dirs) as record:
        saved = record.save_check(make_check())
    read_only(dirs.data)
    with open_record(dirs) as record:  # reading still works
        assert record.checks() == [saved]
        with pytest.raises(RecordNotWritable, match="cannot write"):
            record.save_check(make_check(day=2))
    assert dirs.record_file.exists()


def test_no_record_can_be_started_in_a_read_only_folder(dirs, read_only):
    dirs.ensure()
    read_only(dirs.data)
    with pytest.raises(RecordNotWritable, match="--home"):
        open_record(dirs)


# -- ciphertext integrity -------------------------------------------------------------------------------


def test_a_wrong_or_truncated_ciphertext_fails_its_integrity_check():
    sealer = crypto.Sealer(crypto.new_key())
    blob = sealer.seal({"note": "hello"}, "checks\x1frow-1")
    assert sealer.open(blob, "checks\x1frow-1") == {"note": "hello"}
    with pytest.raises(crypto.DamagedData, match="InvalidTag"):
        sealer.open(blob, "checks\x1frow-2")  # moved to another row
    with pytest.raises(crypto.DamagedData, match="InvalidTag"):
        crypto.Sealer(crypto.new_key()).open(blob, "checks\x1frow-1")  # another key
    with pytest.raises(crypto.DamagedData):
        sealer.open(blob[:-5], "checks\x1frow-1")
    with pytest.raises(crypto.DamagedData):
        sealer.open(blob[:10], "checks\x1frow-1")
    flipped = bytearray(blob)
    flipped[-1] ^= 1
    with pytest.raises(crypto.DamagedData, match="InvalidTag"):
        sealer.open(bytes(flipped), "checks\x1frow-1")


def test_a_tampered_or_swapped_check_is_left_out_and_named_not_misread(dirs):
    with open_record(dirs) as record:
        first = record.save_check(make_check(day=1))
        second = record.save_check(make_check(day=2, note="second"))
    conn = sqlite3.connect(dirs.record_file)
    payloads = dict(conn.execute("SELECT id, payload FROM checks"))
    conn.execute("UPDATE checks SET payload = ? WHERE id = ?", (payloads[first.id], second.id))
    conn.commit()
    conn.close()
    with open_record(dirs) as record:
        assert record.checks() == [first]
        assert any("InvalidTag" in n and "2026-09-02" in n for n in record.notices)
        assert set(record.last_checked()) == {"facebook"}  # the clear dates are still there for reminders


# -- schema ---------------------------------------------------------------------------------------------


def test_an_older_record_is_copied_then_migrated_step_by_step(dirs, no_keyring):
    dirs.ensure()
    conn = schema.connect(dirs.record_file, create=True)
    monkey_latest = schema.LATEST
    try:
        schema.LATEST = 1
        schema.migrate(conn, None)
    finally:
        schema.LATEST = monkey_latest
    conn.execute("INSERT INTO meta (key, value) VALUES ('protection', 'unencrypted')")
    conn.close()
    with open_record(dirs) as record:
        assert any("upgraded" in n for n in record.notices)
        record.save_check(make_check())
    [copy] = list((dirs.data / "backups").iterdir())
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    with sqlite3.connect(copy) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    with sqlite3.connect(dirs.record_file) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    new.close()


def test_a_failing_migration_step_changes_nothing(dirs, monkeypatch):
    open_record(dirs).close()
    monkeypatch.setitem(
        schema.MIGRATIONS,
        schema.LATEST + 1,
        ("CREATE TABLE extra (x INTEGER)", "CREATE TABLE checks (oops INTEGER)"),
    )
    monkeypatch.setattr(schema, "LATEST", schema.LATEST + 1)
    with pytest.raises(Exception, match="already exists"):
        open_record(dirs)
    with sqlite3.connect(dirs.record_file) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST - 1
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall()
    conn.close()
    assert list((dirs.data / "backups").iterdir())  # the copy was taken before trying


# -- forgetting -----------------------------------------------------------------------------------------


def test_a_record_without_its_id_is_set_aside_and_a_new_one_started(dirs):
    import sqlite3

    with open_record(dirs) as record:
        record.save_check(make_check("facebook"))
    with sqlite3.connect(dirs.record_file) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'record_id'")
    conn.close()
    with open_record(dirs) as record:
        assert record.checks() == []
        assert "lost its identity" in record.notices[0]
    assert len(list(dirs.set_aside.iterdir())) == 1


def test_forget_refuses_while_another_process_is_saving_and_deletes_nothing(dirs, memory_keyring):
    import sqlite3

    from privacy_audit.store import RecordLocked

    with open_record(dirs) as record:
        record.save_check(make_check("facebook"))
    writer = sqlite3.connect(dirs.record_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another window in the middle of a save
    try:
        with pytest.raises(RecordLocked, match="Close Privacy Audit and try again; nothing was deleted"):
            forget_everything(dirs)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert memory_keyring.store, "the key must stay while its record stays"
    with open_record(dirs) as record:
        assert len(record.checks()) == 1


def test_forget_everything_deletes_the_record_its_key_copies_and_the_browser_profile(dirs, memory_keyring):
    with open_record(dirs) as record:
        record.save_check(make_check())
    dirs.browser_profile.mkdir()
    (dirs.browser_profile / "Cookies").write_text("session")
    dirs.set_aside.mkdir()
    (dirs.set_aside / "record-20260101-000000-damaged.sqlite3").write_bytes(b"junk")
    done = forget_everything(dirs)
    assert not dirs.record_file.exists() and not dirs.browser_profile.exists() and not dirs.set_aside.exists()
    assert memory_keyring.store == {}
    assert any("record" in line for line in done) and any("key" in line for line in done)
    assert forget_everything(dirs) == [
        "There was nothing to delete: no record has been saved on this computer."
    ]


@pytest.mark.parametrize(
    "payload",
    [
        {"answers": "not a list", "note": ""},
        {"answers": [{"item_id": "tagging", "answer": "maybe"}], "note": ""},
        {"answers": [{"answer": "ok"}], "note": ""},
        {"answers": [None], "note": ""},
        {"answers": [], "note": ["not", "text"]},
        {"note": "no answers at all"},
        ["a", "list"],
        None,
    ],
)
def test_a_check_or_draft_whose_answers_have_an_unexpected_shape_is_named_and_left_out(
    dirs, no_keyring, payload
):
    """One codec reads every check and draft: an odd shape is damage to one entry, never a crash."""
    from privacy_audit.store import payload as codec

    with open_record(dirs, accept_unencrypted=True) as record:
        kept = record.save_check(make_check(day=1))
        odd = record.save_check(make_check(day=2))
        record.save_draft(Draft("x", "1", dt.datetime(2026, 9, 3, tzinfo=UTC), {}, 0, "draft"))
    blob = crypto.CLEAR + json.dumps(payload).encode()
    conn = sqlite3.connect(dirs.record_file)
    conn.execute("UPDATE checks SET payload = ? WHERE id = ?", (blob, odd.id))
    conn.execute("UPDATE drafts SET payload = ?", (blob,))
    conn.commit()
    conn.close()
    with open_record(dirs, accept_unencrypted=True) as record:
        assert record.checks() == [kept]
        assert record.load_draft("x") is None
        assert any("2026-09-02" in n and "unexpected content" in n for n in record.notices), record.notices
        assert any("unfinished x check" in n for n in record.notices), record.notices
        assert record.export_document()["checks"][0]["note"] == kept.note
    with pytest.raises(crypto.DamagedData):
        codec.decode(payload)


def test_forget_deletes_only_the_apps_own_files_and_keeps_others_in_the_same_folders(dirs, memory_keyring):
    with open_record(dirs) as record:
        record.save_check(make_check())
    for folder in (dirs.data, dirs.state, dirs.config):
        (folder / "mine.txt").write_text("not the app's")
    (dirs.state / "reminders.json").write_text("{}")
    (dirs.state / ".reminders.json.abc123.tmp").write_text("{}")
    forget_everything(dirs)
    assert sorted(p.name for p in dirs.state.iterdir()) == ["mine.txt"]
    assert sorted(p.name for p in dirs.data.iterdir()) == ["mine.txt"]
    assert (dirs.config / "mine.txt").exists()


@pytest.mark.parametrize("bad", ["garbage", "", "2026-13-45T00:00:00+00:00", "2026-09-01T10:00:00", "9" * 40])
def test_an_unreadable_date_in_one_row_is_named_and_never_hides_the_others(dirs, bad):
    with open_record(dirs) as record:
        record.save_check(make_check(day=1))
        odd = record.save_check(make_check(day=2))
        record.snooze("x", dt.datetime(2026, 9, 20, tzinfo=UTC))
    conn = sqlite3.connect(dirs.record_file)
    conn.execute("UPDATE checks SET finished = ? WHERE id = ?", (bad, odd.id))
    conn.execute("UPDATE snoozes SET until = ?", (bad,))
    conn.commit()
    conn.close()
    with open_record(dirs) as record:
        assert record.last_checked() == {"facebook": make_check(day=1).finished}
        assert record.snoozes() == {}
        assert len(record.checks()) == 1
        assert any("A facebook check" in n for n in record.notices) and any(
            "snooze of x" in n for n in record.notices
        )


def test_forget_on_a_read_only_folder_says_so_and_deletes_nothing(dirs, memory_keyring, read_only):
    with open_record(dirs) as record:
        record.save_check(make_check())
    (dirs.state / "reminders.json").write_text("{}")
    read_only(dirs.data)
    with pytest.raises(RecordNotWritable) as raised:
        forget_everything(dirs)
    message = str(raised.value)
    assert "cannot be changed" in message and "nothing was deleted" in message.lower(), message
    assert "another" not in message, "not blamed on another window"
    assert dirs.record_file.exists() and memory_keyring.store and (dirs.state / "reminders.json").exists()


@pytest.mark.parametrize("notes", [1, 40])
def test_a_full_disk_is_called_a_full_disk_and_nothing_is_saved(dirs, memory_keyring, notes):
    # SQLite's page limit gives the real SQLITE_FULL a full disk gives, part-way through a transaction.
    with open_record(dirs) as record:
        record.save_check(make_check(day=1))
        pages = record._conn.execute("PRAGMA page_count").fetchone()[0]
        record._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(RecordNotWritable, match="The disk is full") as raised:
            for day in range(notes):
                record.save_check(make_check(day=2 + day % 27, note="x" * 20_000))
        assert "rollback" not in str(raised.value)
        assert len(record.checks()) == 1  # the first save already needed a page more than the limit


def test_an_unreadable_check_is_dated_by_the_day_it_was_saved_on_this_computers_clock(dirs, monkeypatch):
    """Saved at 23:30 UTC on 30 November, which was already 1 December in New Zealand: the notice says the
    day the person saw, as the dashboard's rows do, not the UTC date."""
    import time

    from privacy_audit.store.notices import RecordNoticeKind

    late = dt.datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    check = dataclasses.replace(make_check(), started=late - dt.timedelta(minutes=7), finished=late)
    with open_record(dirs, accept_unencrypted=True) as record:
        record.save_check(check)
    conn = sqlite3.connect(dirs.record_file)
    conn.execute("UPDATE checks SET payload = ?", (b"not sealed answers",))
    conn.commit()
    conn.close()
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        with open_record(dirs, accept_unencrypted=True) as record:
            assert record.checks() == []
            told = [n for n in record.told if n.kind is RecordNoticeKind.CHECK_UNREADABLE]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [n.day for n in told] == ["2026-12-01"]
    assert "saved on 2026-12-01" in told[0].message
