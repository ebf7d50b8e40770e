"""`privacy-audit remind`: which platforms are due, what the reminder says, at most one a day, snoozing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from privacy_audit.commands import remind
from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.due import due_now, statuses
from privacy_audit.core.paths import app_dirs
from privacy_audit.desktop.reminders import ReminderState, reminder_text
from privacy_audit.store import open_record
from privacy_audit.store.reminder_inputs import ReminderInputs, read_reminder_inputs

UTC = dt.UTC
TERMS = [dt.date(2026, 9, 2), dt.date(2027, 1, 4), dt.date(2027, 4, 19)]


def due_platforms(*, in_use, last_checked, snoozes, term_starts, interval_days, now):
    """What `remind` shows: the due platforms among the record's (general always in use once set up)."""
    platforms = sorted(set(in_use) | {"general"}) if in_use else []
    inputs = ReminderInputs(
        platforms_in_use=[p for p in ("general", "facebook", "instagram") if p in platforms],
        last_checked=last_checked,
        snoozes=snoozes,
        term_starts=term_starts,
        interval_days=interval_days,
    )
    return [status.platform for status in inputs.statuses(now) if status.due]


def check(platform: str, finished: dt.datetime) -> CheckResult:
    return CheckResult(
        platform=platform,
        checklist_version="1:2026-11-27",
        item_ids=("a",),
        started=finished - dt.timedelta(minutes=5),
        finished=finished,
        answers=(ItemAnswer("a", Answer.OK),),
    )


def make_record(home: Path, *, in_use: list[str], checked: dict[str, dt.datetime]) -> None:
    """A real record, unencrypted so that child processes (which have no test keyring) can open it too."""
    with open_record(app_dirs(home), accept_unencrypted=True) as record:
        record.set_platforms_in_use(in_use)
        for platform, when in checked.items():
            record.save_check(check(platform, when))


def run_remind(
    home: Path, *args: str, env_changes: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM")
    }
    env.update(env_changes or {})
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--home", str(home), "remind", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def everything_checked_now(home: Path) -> None:
    now = dt.datetime.now(UTC)
    make_record(
        home,
        in_use=["general", "facebook", "instagram"],
        checked={p: now for p in ("general", "facebook", "instagram")},
    )


# --- the due rules as the reminder applies them ------------------------------------------------------------


def test_a_platform_checked_before_the_term_began_is_due_and_one_checked_since_is_not():
    now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
    due = due_platforms(
        in_use=["general", "instagram", "facebook"],
        last_checked={
            "general": dt.datetime(2027, 1, 5, tzinfo=UTC),
            "facebook": dt.datetime(2026, 12, 1, tzinfo=UTC),
        },
        snoozes={},
        term_starts=TERMS,
        interval_days=None,
        now=now,
    )
    assert due == ["facebook", "instagram"]  # in the app's order; instagram was never checked


def test_a_snoozed_platform_is_not_due_until_the_snooze_ends():
    args = {"in_use": ["facebook"], "last_checked": {}, "term_starts": TERMS, "interval_days": None}
    snooze = {"facebook": dt.datetime(2027, 1, 13, 9, 0, tzinfo=UTC)}
    assert due_platforms(snoozes=snooze, now=dt.datetime(2027, 1, 12, tzinfo=UTC), **args) == ["general"]
    assert due_platforms(snoozes=snooze, now=dt.datetime(2027, 1, 14, tzinfo=UTC), **args) == [
        "general",
        "facebook",
    ]


def test_before_the_first_run_nothing_is_due():
    assert (
        due_platforms(
            in_use=[],
            last_checked={},
            snoozes={},
            term_starts=TERMS,
            interval_days=None,
            now=dt.datetime(2027, 1, 10, tzinfo=UTC),
        )
        == []
    )


def test_the_reminder_names_the_platforms_as_their_checklists_do():
    names = {"facebook": "Facebook", "instagram": "Instagram", "x": "X (Twitter)"}
    assert reminder_text(["facebook", "instagram"], names) == (
        "Your termly privacy check is due: Facebook, Instagram"
    )
    assert reminder_text(["x", "some-new-site"], names).endswith("X (Twitter), Some New Site")


def test_the_core_due_status_carries_drafts_and_the_last_checks_count_to_fix():
    now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
    found = statuses(
        ["general", "facebook"],
        last_checked={
            "general": dt.datetime(2027, 1, 5, tzinfo=UTC),
            "facebook": dt.datetime(2026, 12, 1, tzinfo=UTC),
        },
        snoozes={},
        configured_terms=TERMS,
        interval_days=None,
        now=now,
        drafts={"facebook"},
        to_fix={"general": 2},
    )
    assert due_now(found) == ["facebook"]
    # Checked this term, so not due (no reminder), but never "ok" while two settings are left to fix.
    assert found["general"].state == "to_fix" and found["general"].to_fix == 2
    assert found["facebook"].state == "due" and found["facebook"].has_draft
    assert found["facebook"].to_fix is None, "not known is not zero"


def test_remind_still_exits_0_when_its_state_file_cannot_be_written(private_home, tmp_path):
    make_record(private_home, in_use=["facebook"], checked={})
    state = app_dirs(private_home).state
    state.parent.mkdir(parents=True, exist_ok=True)
    if state.exists():
        shutil.rmtree(state)
    state.write_text("a file where the state folder should be")
    result = run_remind(
        private_home, "--show-with", "window", "--wait", "0.5", env_changes={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    assert "Your termly privacy check is due" in result.stdout
    assert "Traceback" not in result.stderr
    assert not ReminderState(state).mark_shown(dt.date(2027, 1, 10))


# --- once a day ---------------------------------------------------------------------------------------------


def test_the_state_file_remembers_a_reminder_was_shown_today(tmp_path):
    state = ReminderState(tmp_path / "state")
    today = dt.date(2027, 1, 10)
    assert not state.shown_today(today)
    state.mark_shown(today)
    assert state.shown_today(today)
    assert not ReminderState(tmp_path / "state").shown_today(today + dt.timedelta(days=1))


def test_a_damaged_state_file_is_read_as_empty_and_replaced_on_the_next_write(tmp_path):
    (tmp_path / "reminders.json").write_bytes(b"\x00{not json")
    state = ReminderState(tmp_path)
    assert state.last_shown() is None and state.snoozed_until() is None
    state.mark_shown(dt.date(2027, 1, 10))
    assert state.last_shown() == dt.date(2027, 1, 10)


# --- the command --------------------------------------------------------------------------------------------


def test_with_nothing_due_it_exits_at_once_and_shows_nothing(private_home):
    everything_checked_now(private_home)
    result = run_remind(private_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Nothing is due: every platform you use has been checked this term."
    assert not (private_home / "state" / "reminders.json").exists()


def test_before_the_app_was_ever_set_up_it_exits_quietly(private_home):
    result = run_remind(private_home)
    assert result.returncode == 0
    assert "has not been set up" in result.stdout
    assert not (private_home / "data" / "record.sqlite3").exists()  # a reminder never creates a record


def test_with_something_due_but_no_desktop_at_all_it_says_so_and_counts_no_reminder(private_home):
    make_record(private_home, in_use=["facebook", "instagram"], checked={"general": dt.datetime.now(UTC)})
    result = run_remind(private_home)
    assert result.returncode == 1
    assert result.stdout.strip() == "Your termly privacy check is due: Facebook, Instagram"
    assert "no desktop to show it on" in result.stderr
    assert "Traceback" not in result.stderr
    assert ReminderState(private_home / "state").last_shown() is None  # tomorrow's login may try again


def test_after_one_reminder_today_it_shows_no_other(private_home):
    make_record(private_home, in_use=["facebook"], checked={})
    ReminderState(private_home / "state").mark_shown(dt.date.today())
    result = run_remind(private_home)
    assert result.returncode == 0
    assert "already shown today" in result.stdout


def test_while_reminders_are_snoozed_it_shows_nothing(private_home):
    make_record(private_home, in_use=["facebook"], checked={})
    ReminderState(private_home / "state").snooze(dt.datetime.now(UTC) + dt.timedelta(days=3))
    result = run_remind(private_home)
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing to show: reminders are snoozed until")


def test_snooze_3_days_postpones_every_due_platform_in_the_record_and_the_state_file(private_home):
    make_record(private_home, in_use=["facebook", "instagram"], checked={})
    dirs = app_dirs(private_home)
    now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=UTC)

    remind._snooze(dirs, ["general", "facebook", "instagram"], now, ReminderState(dirs.state))

    inputs = read_reminder_inputs(dirs.record_file)
    until = now + dt.timedelta(days=3)
    assert inputs.snoozes == {"general": until, "facebook": until, "instagram": until}
    assert ReminderState(dirs.state).snoozed_until() == until
    assert (
        due_platforms(
            in_use=inputs.platforms_in_use,
            last_checked=inputs.last_checked,
            snoozes=inputs.snoozes,
            term_starts=TERMS,
            interval_days=None,
            now=now + dt.timedelta(days=1),
        )
        == []
    )


def test_a_corrupt_record_means_no_reminder_and_no_traceback_and_the_file_is_untouched(private_home):
    record = private_home / "data" / "record.sqlite3"
    record.parent.mkdir(parents=True)
    record.write_bytes(b"this is not a database" * 100)
    result = run_remind(private_home)
    assert result.returncode == 0
    assert "could not be read" in result.stdout and "open Privacy Audit" in result.stdout
    assert "Traceback" not in result.stderr
    assert record.read_bytes() == b"this is not a database" * 100
