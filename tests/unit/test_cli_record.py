"""`status`, `check`, `export`, `import` and `forget` as a person (or a script) runs them in a terminal.

Each runs the real command in a child process with no keyring (as on a headless machine), so protection
comes from $PRIVACY_AUDIT_PASSPHRASE or from unencrypted mode chosen earlier.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record

PASSPHRASE = "a long and memorable passphrase"


@pytest.fixture(scope="module")
def general_items() -> int:
    return len(load_catalogue().get("general").items)


def run(home, *args, stdin="", passphrase: str | None = PASSPHRASE, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(
        PRIVACY_AUDIT_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **env
    )
    if passphrase is not None:
        environment["PRIVACY_AUDIT_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def saved_checks(home):
    keyring.set_keyring(fail.Keyring())
    with open_record(app_dirs(home), passphrase=PASSPHRASE) as record:
        return record.checks()


def test_a_check_answered_over_a_pipe_is_saved_and_shown_by_status(private_home, general_items):
    answers = ["y", "?", "c", "n", "s", "nonsense"] + ["y"] * general_items
    result = run(
        private_home, "check", "general", "--note", "done in the staff room", stdin="\n".join(answers) + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Setting 1 of" in result.stdout and "How to do it:" in result.stdout and "Policy 6.1" in result.stdout
    )
    assert "Please type y, c, n, s (or 1-4) or ?" in result.stdout
    assert "1 changed now, 1 needs help, 1 not applicable" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour or cursor movement
    [check] = saved_checks(private_home)
    assert [a.answer.value for a in check.answers][:4] == ["ok", "changed", "attention", "not_applicable"]
    assert check.note == "done in the staff room"

    status = run(private_home, "status", "--json", passphrase=None)
    assert status.returncode == 0, status.stderr
    rows = {row["id"]: row for row in json.loads(status.stdout)["platforms"]}
    assert set(rows["general"]) == {"id", "name", "in_use", "last_checked", "due", "next_due"}
    assert rows["general"]["in_use"] and not rows["general"]["due"]
    assert dt.datetime.fromisoformat(rows["general"]["last_checked"]) == check.finished.replace(microsecond=0)
    assert dt.date.fromisoformat(rows["general"]["next_due"]) > dt.date.today()
    assert rows["facebook"] == {
        "id": "facebook",
        "name": rows["facebook"]["name"],
        "in_use": False,
        "last_checked": None,
        "due": False,
        "next_due": None,
    }


def test_checking_a_platform_marks_it_in_use(private_home):
    items = len(load_catalogue().get("facebook").items)
    result = run(private_home, "check", "facebook", stdin="y\n" * items)
    assert result.returncode == 0, result.stderr
    table = run(private_home, "status", passphrase=None)
    facebook_line = next(line for line in table.stdout.splitlines() if line.startswith("Facebook"))
    assert " yes " in facebook_line


def test_input_ending_early_saves_nothing_and_says_so(private_home):
    result = run(private_home, "check", "general", stdin="y\nc\n")
    assert result.returncode == 1
    assert "nothing was saved" in result.stderr
    assert saved_checks(private_home) == []
    rows = json.loads(run(private_home, "status", "--json").stdout)["platforms"]
    assert rows[0]["last_checked"] is None and rows[0]["due"]


def test_an_unknown_platform_lists_the_valid_ones(private_home):
    result = run(private_home, "check", "myspace")
    assert result.returncode == 2
    assert "'myspace' is not a platform" in result.stderr and "general, facebook" in result.stderr


def test_without_keyring_or_passphrase_a_script_is_told_what_to_do(private_home, general_items):
    result = run(private_home, "check", "general", stdin="y\n" * general_items, passphrase=None)
    assert result.returncode == 3
    assert "no secure keyring" in result.stderr and "PRIVACY_AUDIT_PASSPHRASE" in result.stderr
    assert "Traceback" not in result.stderr
    chosen = run(
        private_home, "check", "general", "--accept-unencrypted", stdin="y\n" * general_items, passphrase=None
    )
    assert chosen.returncode == 0, chosen.stderr
    assert "not encrypted" in chosen.stdout
    later = run(private_home, "check", "general", stdin="y\n" * general_items, passphrase=None)
    assert later.returncode == 0, later.stderr  # the choice was stored in the record


def test_a_passphrase_record_needs_the_passphrase_in_a_script(private_home, general_items):
    assert run(private_home, "check", "general", stdin="y\n" * general_items).returncode == 0
    result = run(private_home, "export", "-o", str(private_home / "out.json"), passphrase=None)
    assert result.returncode == 3 and "protected by a passphrase" in result.stderr
    wrong = run(private_home, "export", "-o", str(private_home / "out.json"), passphrase="not it")
    assert wrong.returncode == 3 and "does not unlock" in wrong.stderr
    assert not (private_home / "out.json").exists()


def test_export_then_import_moves_the_record_to_a_new_laptop(private_home, tmp_path, general_items):
    assert run(private_home, "check", "general", stdin="y\n" * general_items).returncode == 0
    export = tmp_path / "record.json"
    result = run(private_home, "export", "--format", "json", "-o", str(export))
    assert result.returncode == 0, result.stderr
    assert oct(export.stat().st_mode & 0o777) == "0o600"
    new_laptop = tmp_path / "new"
    first = run(new_laptop, "import", str(export))
    assert first.returncode == 0, first.stderr
    assert "Imported 1 check(s)" in first.stdout
    second = run(new_laptop, "import", str(export))
    assert "Imported 0 check(s)" in second.stdout and "1 was already in your record" in second.stdout
    assert len(saved_checks(new_laptop)) == 1


def test_a_rejected_import_names_file_and_field_and_changes_nothing(private_home, tmp_path, general_items):
    assert run(private_home, "check", "general", stdin="y\n" * general_items).returncode == 0
    export = tmp_path / "record.json"
    run(private_home, "export", "-o", str(export))
    document = json.loads(export.read_text())
    document["checks"][0]["started"] = "last Tuesday"
    document["checks"][0]["uid"] = "1" * 32
    export.write_text(json.dumps(document))
    result = run(private_home, "import", str(export))
    assert result.returncode == 1
    assert f"{export}: checks[0].started: " in result.stderr and "unchanged" in result.stderr
    assert len(saved_checks(private_home)) == 1


def test_export_ics_writes_term_reminders_without_the_key(private_home, tmp_path):
    calendar = tmp_path / "terms.ics"
    result = run(private_home, "export", "--format", "ics", "-o", str(calendar), passphrase=None)
    assert result.returncode == 0, result.stderr
    assert calendar.read_text().startswith("BEGIN:VCALENDAR")


def test_forget_asks_first_and_then_deletes_everything(private_home, general_items):
    assert run(private_home, "check", "general", stdin="y\n" * general_items).returncode == 0
    record_file = app_dirs(private_home).record_file
    declined = run(private_home, "forget", stdin="n\n")
    assert declined.returncode == 1 and "Nothing was deleted" in declined.stdout and record_file.exists()
    # What it lists is what it deletes: the state folder too, and a keyring key only where there is one.
    assert f"the reminder state, dashboard snapshot and checklist cache ({app_dirs(private_home).state})" in (
        declined.stdout
    )
    assert "the key that protects it, if it is kept in your keyring" in declined.stdout
    silent = run(private_home, "forget", stdin="")
    assert silent.returncode == 1 and record_file.exists()
    confirmed = run(private_home, "forget", stdin="y\n")
    assert confirmed.returncode == 0 and "Deleted your record" in confirmed.stdout
    assert not record_file.exists()


def test_a_setting_the_platform_cannot_make_safe_is_never_recorded_as_already_safe(private_home):
    """Bluesky posts are always public: "1" means "not possible on this platform" there, and "y" is refused."""

    bluesky = load_catalogue().get("bluesky")
    impossible = [item.id for item in bluesky.items if item.not_possible]
    assert impossible, "the Bluesky checklist says its posts cannot be made private"
    answers = []
    for item in bluesky.items:
        answers += ["y", "1"] if item.not_possible else ["1"]
    result = run(private_home, "check", "bluesky", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Please type x, c, n, s (or 1-4) or ?" in result.stdout  # the "y" was refused
    assert f"{len(impossible)} not possible on Bluesky" in result.stdout
    [check] = [c for c in saved_checks(private_home) if c.platform == "bluesky"]
    for item_id in impossible:
        assert check.answer_for(item_id).answer.value == "not_possible"
