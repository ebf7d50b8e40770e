"""Reading reminder inputs without the key, caching term dates, and moving a record by JSON export/import."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record
from privacy_audit.store.exchange import ImportRejected, export_json, import_json
from privacy_audit.store.reminder_inputs import cache_schedule, read_reminder_inputs

UTC = dt.UTC


def make_check(platform="facebook", day=1) -> CheckResult:
    started = dt.datetime(2026, 9, day, 10, 0, tzinfo=UTC)
    return CheckResult(
        platform=platform,
        checklist_version="1:2026-11-27",
        item_ids=("private-account", "tagging"),
        started=started,
        finished=started + dt.timedelta(minutes=7),
        answers=(ItemAnswer("private-account", Answer.OK), ItemAnswer("tagging", Answer.ATTENTION, "ask IT")),
        note="a private note",
    )


@pytest.fixture
def dirs():
    return app_dirs()


def test_reminder_inputs_are_read_without_the_key(dirs):
    with open_record(dirs) as record:
        record.set_platforms_in_use(["facebook"])
        saved = record.save_check(make_check())
        record.snooze("facebook", dt.datetime(2027, 1, 8, tzinfo=UTC))
    assert cache_schedule(dirs, [dt.date(2026, 9, 3), dt.date(2027, 1, 6)], 30, "Hill School")
    keyring.set_keyring(fail.Keyring())  # the keyring is not needed, or even there
    inputs = read_reminder_inputs(dirs.record_file)
    assert inputs.platforms_in_use == ["general", "facebook"]
    assert inputs.last_checked == {"facebook": saved.finished}
    assert inputs.snoozes == {"facebook": dt.datetime(2027, 1, 8, tzinfo=UTC)}
    assert (inputs.term_starts, inputs.interval_days, inputs.school_name) == (
        [dt.date(2026, 9, 3), dt.date(2027, 1, 6)],
        30,
        "Hill School",
    )
    [general, facebook] = inputs.statuses(dt.datetime(2027, 1, 7, 9, tzinfo=UTC))
    assert general.due and not facebook.due and facebook.snoozed_until is not None


def test_the_schedule_can_be_cached_before_the_record_is_first_opened(dirs):
    assert cache_schedule(dirs, [], None, "Hill School")
    assert read_reminder_inputs(dirs.record_file).school_name == "Hill School"
    with open_record(dirs) as record:  # protection is still chosen on first open
        assert record.protection.mode == "keyring"


def test_no_record_or_an_unreadable_one_gives_no_inputs_and_is_not_touched(dirs):
    assert read_reminder_inputs(dirs.record_file) is None
    dirs.ensure()
    dirs.record_file.write_bytes(b"not a database at all" * 40)
    assert read_reminder_inputs(dirs.record_file) is None
    assert not cache_schedule(dirs, [], None, "Hill School")
    assert dirs.record_file.read_bytes() == b"not a database at all" * 40


def test_an_export_is_readable_private_and_imports_into_a_new_laptop_without_duplicates(tmp_path, dirs):
    with open_record(dirs) as record:
        record.set_platforms_in_use(["facebook"])
        first = record.save_check(make_check(day=1))
        record.save_check(make_check("instagram", day=2))
        record.set_acceptance("Jo Bloggs", dt.date(2026, 11, 27))
        export = tmp_path / "my-record.json"
        assert export_json(record, export) == 2
    assert stat.S_IMODE(os.stat(export).st_mode) == 0o600
    document = json.loads(export.read_text())
    assert document["checks"][1]["note"] == first.note  # decrypted, for the person's own use
    assert document["acceptance"] == {"name": "Jo Bloggs", "date": "2026-11-27"}

    laptop = app_dirs(tmp_path / "new-laptop")
    with open_record(laptop) as record:
        counts = import_json(record, export)
        assert counts["checks"] == 2 and counts["acceptance"] == 1
        again = import_json(record, export)
        assert again["checks"] == 0 and again["checks_skipped"] == 2
        assert len(record.checks()) == 2
        assert record.platforms_in_use() == ["general", "facebook"]
        assert record.checks("facebook")[0].answers == first.answers


def _draft(position: int) -> dict:
    return {
        "platform": "facebook",
        "checklist_version": "1",
        "started": "2026-09-01T10:00:00+00:00",
        "position": position,
        "note": "",
        "answers": [],
    }


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda d: d["checks"][0]["answers"][0].update(answer="maybe"),
            "checks[0].answers[0].answer: Input should be",
        ),
        (
            lambda d: d["checks"][0].update(finished="2026-09-01T10:00:00"),
            "checks[0].finished: the time must include a time zone",
        ),
        (
            lambda d: d["checks"][0]["answers"][0].update(item_id="not-in-list"),
            "checks[0]: answer for 'not-in-list'",
        ),
        (lambda d: d.update(format="something-else"), "format: Input should be 'privacy-audit-record'"),
        (lambda d: d.update(surprise=1), "surprise: Extra inputs are not permitted"),
        (
            lambda d: d["checks"][0].update(finished="2099-01-01T10:00:00+00:00"),
            "checks: a check of 'facebook' finished on 2099-01-01, which is in the future",
        ),
        (
            lambda d: d.update(snoozes={"facebook": "9999-01-01T00:00:00+00:00"}),
            "snoozes: the snooze for 'facebook' runs until 9999-01-01; a snooze lasts at most 30 days",
        ),
        (
            lambda d: d.update(settings={"url_parameters": {"mastodon": {"server": "evil.example/../x?"}}}),
            "settings: 'url_parameters' must map platforms",
        ),
    ]
    + [
        (  # positions beyond any real checklist (2**63 does not even fit SQLite) are refused, not crashed on
            lambda d, position=position: d.update(drafts=[_draft(position)]),
            "drafts[0].position: Input should be less than or equal to 10000",
        )
        for position in (10_001, 2**31, 2**63, 10**30)
    ],
)
def test_a_rejected_import_says_file_field_and_why_and_changes_nothing(tmp_path, dirs, change, expected):
    with open_record(dirs) as record:
        record.save_check(make_check())
        export = tmp_path / "e.json"
        export_json(record, export)
    document = json.loads(export.read_text())
    document["checks"][0]["uid"] = "0" * 32  # so a valid file would add a check
    change(document)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    before = dirs.record_file.read_bytes()
    with open_record(dirs) as record:
        with pytest.raises(ImportRejected) as caught:
            import_json(record, bad)
        assert len(record.checks()) == 1
    assert any(p.startswith(f"{bad}: ") and expected in p for p in caught.value.problems), (
        caught.value.problems
    )
    assert dirs.record_file.read_bytes() == before


def test_only_portable_settings_move_with_an_import(tmp_path, dirs):
    # A browser program or sign-in choice belongs to a laptop, and an edited file could point the guided
    # browser at any program; the values that complete platform addresses belong to the person.
    export = tmp_path / "e.json"
    with open_record(dirs) as record:
        export_json(record, export)
    document = json.loads(export.read_text())
    document["settings"] = {
        "browser_path": "/tmp/evil.sh",
        "browser_choice": "bogus",
        "keep_sign_ins": True,
        "url_parameters": {"mastodon": {"server": "mastodon.social", "username": "jo"}},
    }
    export.write_text(json.dumps(document))
    with open_record(dirs) as record:
        import_json(record, export)
        assert record.get_setting("browser_path") is None
        assert record.get_setting("browser_choice") is None
        assert record.get_setting("keep_sign_ins") is None
        assert record.get_setting("url_parameters") == {
            "mastodon": {"server": "mastodon.social", "username": "jo"}
        }


def test_a_file_that_is_not_json_is_rejected_with_its_line(tmp_path, dirs):
    bad = tmp_path / "notes.json"
    bad.write_text('{\n  "format": "privacy-audit-record",\n  oops\n}')
    with (
        open_record(dirs) as record,
        pytest.raises(ImportRejected, match=r"notes.json: line 3: not valid JSON"),
    ):
        import_json(record, bad)
