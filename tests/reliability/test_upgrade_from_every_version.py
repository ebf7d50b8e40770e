"""A record written by any earlier version of the record's schema opens in this version with nothing lost,
and a copy of it as it was is kept.

The old records are frozen as SQL text in tests/reliability/records/ (one per schema version and kind of
protection), made once by the code of that time, so later changes to the store cannot quietly change what
"an old record" looks like. When a schema version is added, the test below fails until a record of the
previous version is frozen too:

    .venv/bin/python tests/reliability/test_upgrade_from_every_version.py VERSION

(run it before the new migration is added, while VERSION is still the latest).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record, schema

RECORDS = Path(__file__).resolve().parent / "records"
PASSPHRASE = "old record passphrase"
UTC = dt.UTC
STARTED = dt.datetime(2026, 9, 8, 18, 30, tzinfo=UTC)
NOTES = [f"private note {n}: pupil asked to follow me" for n in range(3)]


def frozen_records() -> list[Path]:
    return sorted(RECORDS.glob("record-v*.sql"))


def version_of(path: Path) -> int:
    return int(path.stem.split("-")[1][1:])


def restore(frozen: Path, dirs, memory_keyring) -> None:
    """Put a frozen old record (and its key, for a keyring-protected one) where the app looks for it."""
    dirs.ensure()
    conn = sqlite3.connect(dirs.record_file)
    conn.executescript(frozen.read_text(encoding="utf-8"))
    conn.close()
    os.chmod(dirs.record_file, 0o600)
    key_file = frozen.with_suffix(".key.json")
    if key_file.exists():
        for (service, user), secret in json.loads(key_file.read_text())["keyring"]:
            memory_keyring.store[(service, user)] = secret


def test_there_is_a_frozen_record_of_every_earlier_schema_version():
    versions = {version_of(p) for p in frozen_records()}
    assert versions == set(range(1, schema.LATEST)), (
        f"frozen records cover versions {sorted(versions)}; every version before {schema.LATEST} needs one "
        "(see this module's docstring)"
    )


@pytest.mark.parametrize("frozen", frozen_records(), ids=lambda p: p.stem)
def test_an_old_record_is_upgraded_with_everything_in_it_and_its_old_self_kept(frozen, memory_keyring):
    dirs = app_dirs()
    restore(frozen, dirs, memory_keyring)
    before = frozen.read_text(encoding="utf-8")
    protected_by = "passphrase" if "passphrase" in frozen.stem else "keyring"
    if protected_by == "passphrase":
        keyring.set_keyring(fail.Keyring())  # this laptop had no keyring

    with open_record(dirs, passphrase=PASSPHRASE if protected_by == "passphrase" else None) as record:
        assert any("upgraded" in n for n in record.notices), record.notices
        assert [n for n in record.notices if "upgraded" not in n] == [], "nothing is damaged or set aside"
        assert record.protection.mode == protected_by
        checks = record.checks()
        assert sorted(c.note for c in checks) == sorted(NOTES)
        assert all(c.answers[1] == ItemAnswer("tagging", Answer.ATTENTION, "ask IT") for c in checks)
        assert record.platforms_in_use() == ["general", "facebook", "instagram"]
        assert record.snoozes() == {"instagram": STARTED + dt.timedelta(days=3)}
        draft = record.load_draft("instagram")
        assert draft is not None and draft.position == 1 and draft.note == "half done"
        assert record.acceptance() == ("Ann Teacher", dt.date(2026, 9, 8))
        assert record.get_setting("keep_sign_ins") is False
        assert set(record.last_checked()) == {"facebook"}
        # The upgraded record works as a current one.
        record.save_check(_check("after the upgrade"))

    [copy] = list((dirs.data / "backups").iterdir())
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600, "the copy holds the same private answers"
    old = sqlite3.connect(copy)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == version_of(frozen)
        dumped = "\n".join(old.iterdump())
    finally:
        old.close()
    restored = sqlite3.connect(":memory:")
    restored.executescript(before)
    assert dumped == "\n".join(restored.iterdump()), "the copy is the old record exactly as it was"
    restored.close()
    with sqlite3.connect(dirs.record_file) as now:
        assert now.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    now.close()
    # Opening again neither upgrades nor copies a second time.
    with open_record(dirs, passphrase=PASSPHRASE if protected_by == "passphrase" else None) as record:
        assert record.notices == [] and len(record.checks()) == len(NOTES) + 1
    assert len(list((dirs.data / "backups").iterdir())) == 1


def _check(note: str) -> CheckResult:
    return CheckResult(
        platform="facebook",
        checklist_version="1:2026-09-01",
        item_ids=("private-account", "tagging"),
        started=STARTED,
        finished=STARTED + dt.timedelta(minutes=6),
        answers=(ItemAnswer("private-account", Answer.OK), ItemAnswer("tagging", Answer.ATTENTION, "ask IT")),
        note=note,
    )


def freeze(version: int) -> None:
    """Write records of schema `version` (the latest now) into records/, as this version of the code makes them."""
    import tempfile

    from keyring.backend import KeyringBackend

    assert version == schema.LATEST, (
        "freeze a version while it is still the latest, before adding a migration"
    )
    store: dict[tuple[str, str], str] = {}

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            return store.get((service, username))

        def set_password(self, service, username, password):
            store[(service, username)] = password

        def delete_password(self, service, username):
            store.pop((service, username), None)

    RECORDS.mkdir(exist_ok=True)
    for protection in ("keyring", "passphrase"):
        store.clear()
        keyring.set_keyring(Memory() if protection == "keyring" else fail.Keyring())
        home = Path(tempfile.mkdtemp())
        with open_record(
            app_dirs(home), passphrase=PASSPHRASE if protection == "passphrase" else None
        ) as record:
            for n, note in enumerate(NOTES):
                record.save_check(_check(note))
            record.set_platforms_in_use(["facebook", "instagram"])
            record.snooze("instagram", STARTED + dt.timedelta(days=3))
            record.save_draft(
                Draft(
                    "instagram",
                    "1:2026-09-01",
                    STARTED,
                    {"a": ItemAnswer("a", Answer.CHANGED)},
                    1,
                    "half done",
                )
            )
            record.set_acceptance("Ann Teacher", dt.date(2026, 9, 8))
            record.set_setting("keep_sign_ins", False)
        conn = sqlite3.connect(app_dirs(home).record_file)
        lines = list(conn.iterdump())
        conn.close()
        target = RECORDS / f"record-v{version}-{protection}.sql"
        # iterdump leaves out the schema version, which is what the upgrade reads.
        target.write_text(
            "\n".join(lines[:-1] + [f"PRAGMA user_version = {version};", lines[-1]]) + "\n", encoding="utf-8"
        )
        if protection == "keyring":
            target.with_suffix(".key.json").write_text(
                json.dumps({"keyring": [[list(k), v] for k, v in store.items()]}) + "\n"
            )
        print(f"wrote {target}")


if __name__ == "__main__":
    freeze(int(sys.argv[1]))
