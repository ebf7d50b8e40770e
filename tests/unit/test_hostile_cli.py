"""Hostile input through the command line, class by class (issue 15: classes 2, 3, 4, 6 and 8).

Each class is tried with several of its members, not only the example in the adversarial report: odd
dates and YAML types in a school config, control characters from every kind of file, special files and
bombs as imports and configs, special files as export targets, and the messages a teacher reads. Commands
that need the record run in a child process with no keyring, as on a headless machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privacy_audit.cli import main
from privacy_audit.core.paths import app_dirs

PASSPHRASE = "a long and memorable passphrase"
REPO = Path(__file__).resolve().parent.parent.parent


def run(home, *args, stdin: str | bytes = "", passphrase: str | None = PASSPHRASE, timeout=60, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(
        PRIVACY_AUDIT_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **env
    )
    if passphrase is not None:
        environment["PRIVACY_AUDIT_PASSPHRASE"] = passphrase
    result = subprocess.run(
        [sys.executable, "-m", "privacy_audit", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        env=environment,
        timeout=timeout,
        check=False,
    )
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in result.stderr, result.stderr
    return result


def cli(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def school(tmp_path: Path, text: str, name: str = "school.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def fifo(tmp_path: Path, name: str = "pipe") -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def unix_socket(tmp_path: Path) -> tuple[Path, socket.socket]:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return path, server


# Class 2: whatever `validate` passes, everything else survives ------------------------------------------


@pytest.mark.parametrize("day", ["0001-03-01", "1969-12-31", "2201-01-01", "9999-12-31"])
def test_term_dates_outside_1970_to_2200_are_refused_with_their_line(tmp_path, capsys, day):
    path = school(tmp_path, f"schema_version: 1\nterm_starts:\n  - 2026-09-03\n  - {day}\n")
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1
    assert f"{path}:4: term_starts 2: {day} is not a term date this app accepts" in out


@pytest.mark.parametrize("day", ["0001-03-01", "9999-12-31"])
def test_status_and_the_calendar_keep_working_with_an_extreme_date_left_out(
    private_home, tmp_path, capsys, day
):
    path = school(tmp_path, f"school_name: Hermitage\nterm_starts: [2026-09-03, {day}]\n")
    code, out, err = cli(capsys, "--school-config", path, "status")
    assert code == 0 and "Platform" in out
    assert f"{path}:2: term_starts 2" in err and "left out" in err
    code, out, err = cli(
        capsys, "--school-config", path, "export", "--format", "ics", "-o", tmp_path / "t.ics"
    )
    assert code in (0, 1) and ("Wrote" in out or "No term starts" in err)


def test_the_term_maths_never_overflows_whatever_dates_a_cache_holds():
    from privacy_audit.core.terms import current_term_start, next_term_start, schedule_term_starts

    for extreme in ([dt.date.min], [dt.date.max], [dt.date.min, dt.date.max], [dt.date(9999, 11, 2)]):
        for today in (dt.date(2026, 12, 1), dt.date(1, 1, 1), dt.date(9999, 12, 31)):
            starts = schedule_term_starts(extreme, today)
            current_term_start(starts, today)
            next_term_start(starts, today)


def test_remind_survives_extreme_dates_cached_in_the_record(private_home):
    from privacy_audit.store.reminder_inputs import cache_schedule

    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    import sqlite3

    cache_schedule(app_dirs(private_home), [dt.date.min, dt.date.max], 366, "Hermitage")
    result = run(private_home, "remind", "--show-with", "window", "--wait", "0", passphrase=None)
    assert result.returncode in (0, 1)
    for interval in (10**12, -(10**12), -5):  # a damaged cache; a school config allows 7 to 366
        with sqlite3.connect(app_dirs(private_home).record_file) as conn:
            conn.execute("UPDATE schedule SET interval_days = ? WHERE id = 1", (interval,))
        conn.close()
        for command in (("remind", "--force", "--show-with", "window", "--wait", "0"), ("status",)):
            assert run(private_home, *command, passphrase=None).returncode in (0, 1)


@pytest.mark.parametrize(
    "logo",
    [
        "a" * 300,
        "b" * 5000,
        "folder/" + "c" * 300 + "/crest.png",
        "/proc/self/fd/999999/x.png",
        "nul\\0byte.png",
    ],
)
def test_a_logo_entry_is_a_problem_not_a_traceback(private_home, tmp_path, capsys, logo):
    """The app shows no logo, so `logo` is no longer a field: an old file that has one (readable or not) is
    told so at its line, and the rest of the file applies."""
    path = school(tmp_path, f'school_name: Hermitage\nlogo: "{logo}"\n')
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and f"{path}:2: logo:" in out
    code, out, err = cli(capsys, "--school-config", path, "status")
    assert code == 0 and "logo" in err


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "school_name: Hermitage\nterm_starts: [" + "0," * 120_000 + "0]\n",
            2,
            "5,000 values",
        ),
        ("labels:\n" + "- x\n" * 200_000, 1, "the limit is 262,144"),
        ("extra_items:\n" + "  - {}\n" * 41, 1, "extra"),
    ],
)
def test_huge_lists_are_refused_early_and_cheaply(tmp_path, capsys, text, line, words):
    path = school(tmp_path, text)
    started = time.monotonic()
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and words in out
    assert time.monotonic() - started < 20  # was 20 s and 620 MB for 490,000 items on a quiet machine


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("school_name: !!set {a, b}\n", 1, "the YAML tag !!set is not allowed"),
        ("contact:\n  name: !!binary aGVsbG8=\n", 2, "the YAML tag !!binary is not allowed"),
        ("x_name: 1\nschool_name: !foo bar\n", 2, "the YAML tag !foo is not allowed"),
        ("school_name: !!python/object/apply:os.system [echo]\n", 1, "is not allowed"),
        ("schema_version: true\n", 1, "schema_version must be the number 1"),
        ("schema_version: 1.0\n", 1, "schema_version must be the number 1"),
        ("start_at_login: 'yes'\n", 1, "start_at_login: input should be a valid boolean"),
        (
            "term_starts: [1788393600]\n",
            1,
            "'1788393600' is not a date; write each term date as year-month-day",
        ),
        (
            "term_starts:\n  - 20260903\n",
            2,
            "'20260903' is not a date; write each term date as year-month-day",
        ),
        ("reminder_interval_days: '30'\n", 1, "input should be a valid integer"),
    ],
)
def test_odd_yaml_types_are_refused_with_a_clear_message_and_line(tmp_path, capsys, text, line, words):
    path = school(tmp_path, text)
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1
    assert any(row.startswith(f"{path}:{line}:") and words in row for row in out.splitlines()), out


# Class 3: terminal output is text, not commands ----------------------------------------------------------

ESCAPES = [
    "\x1b[2J\x1b[H",
    "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07",
    "\x1b[8m",
    "\x9b31m",
    "\r",
    "\x07",
]


@pytest.mark.parametrize("escape", ESCAPES)
def test_control_characters_from_a_school_config_are_shown_never_obeyed(private_home, tmp_path, escape):
    config = {
        "school_name": f"Hermitage{escape}",
        "contact": {"name": f"Ms Head{escape}FAKE: your record was deleted"},
        "extra_items": [
            {
                "id": "school-rule",
                "platform": "general",
                "title": f"Title{escape}",
                "why": f"Because{escape}",
                "clauses": ["6.1"],
                "where": {"app": "Settings"},
                "steps": ["Open it"],
                "safe_value": f"Safe{escape}",
                "priority": "low",
                "last_verified": "2026-11-01",
                "source": "school",
            }
        ],
        f"unknown{escape}key": 1,
    }
    path = school(tmp_path, json.dumps(config))
    for result in (
        run(private_home, "--school-config", str(path), "check", "general", stdin="n\n" * 60),
        run(private_home, "validate", str(path), passphrase=None),
        run(private_home, "--school-config", str(path), "status", passphrase=None),
    ):
        printed = result.stdout + result.stderr
        assert not any(ch in printed for ch in "\x1b\x07\x9b\r"), printed[-2000:]
    assert "\\x1b" in printed or "\\x07" in printed or "\\x9b" in printed or "\\x0d" in printed


def test_visible_escapes_every_control_but_keeps_newlines_and_ordinary_text():
    from privacy_audit.core.text import one_line, visible

    assert visible("caf\u00e9 \u4e2d\u6587 \U0001f600\n") == "caf\u00e9 \u4e2d\u6587 \U0001f600\n"
    assert visible("a\x1b[2Jb\x00c\x7f\x85\u202e") == "a\\x1b[2Jb\\x00c\\x7f\\x85\\u202e"
    assert visible("a\nb", keep_newlines=False) == "a\\x0ab"
    assert all(ord(ch) >= 0x20 or ch in "\t\n" for ch in visible("".join(map(chr, range(0x100)))))
    assert one_line("Line one\r\nLine two\rEND:VEVENT\u2028x") == "Line one Line two END:VEVENT x"


@pytest.mark.parametrize(
    "name",
    [
        "Line one\nLine two",
        "Evil\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected\rURL:https://evil.example/",
        "a\r\nb",
        "tab\there",
        "esc\x1b[2J",
        "sep\u2028SUMMARY:Injected",
        ";,\\:",
    ],
)
def test_a_school_name_cannot_break_or_inject_a_line_in_the_calendar(name):
    from icalendar import Calendar

    from privacy_audit.desktop.calendar import build_term_calendar

    today = dt.date(2026, 12, 1)
    data = build_term_calendar(term_starts=[dt.date(2027, 1, 4)], school_name=name, today=today)
    body = data.replace(b"\r\n", b"")
    assert b"\r" not in body and b"\n" not in body and b"\x1b" not in body
    assert data.decode().splitlines() == data.decode().split("\r\n")[:-1]
    assert not any(line.startswith(("SUMMARY:Injected", "URL:")) for line in data.decode().splitlines())
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Privacy check due"


# Class 4: bounded reads everywhere ----------------------------------------------------------------------


def test_special_files_as_a_school_config_are_refused_without_waiting(private_home, tmp_path, capsys):
    sock, server = unix_socket(tmp_path)
    try:
        for path in (fifo(tmp_path), Path("/dev/zero"), Path("/dev/urandom"), sock):
            started = time.monotonic()
            code, out, _ = cli(capsys, "validate", path)
            assert code == 1 and str(path) in out
            code, out, err = cli(capsys, "--school-config", path, "status")
            assert code == 0 and ("not a regular file" in err or "folder" in err), err
            assert time.monotonic() - started < 10
    finally:
        server.close()


def test_special_files_as_an_import_are_refused_without_waiting(private_home, tmp_path, capsys):
    sock, server = unix_socket(tmp_path)
    try:
        for path, words in (
            (fifo(tmp_path), "pipe (FIFO), not a regular file"),
            (Path("/dev/zero"), "a device, not a regular file"),
            (sock, "a socket, not a regular file"),
            (tmp_path, "is a folder"),
        ):
            started = time.monotonic()
            code, _, err = cli(capsys, "import", path)
            assert code == 1 and words in err and "Nothing was imported" in err, err
            assert time.monotonic() - started < 10
    finally:
        server.close()


def export_with(**fields) -> str:
    document = {"format": "privacy-audit-record", "version": 1}
    document.update(fields)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[" * 100_000, "nests lists or fields too deeply"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, "nests lists or fields too deeply"),
        ('{"format": "privacy-audit-record", "version": ' + "9" * 5000 + "}", "a number of 5,000 digits"),
        ('{"format": "nope", "format": "privacy-audit-record", "version": 1}', "appears twice"),
        ('{"format": "privacy-audit-record", "version": true}', "'version' is not a whole number"),
        ('{"format": "privacy-audit-record", "version": 2}', "made by a newer Privacy Audit"),
        ('{"format": "privacy-audit-record", "version": NaN}', "NaN, which is not a number"),
        ("\ufeff" + export_with(), "byte-order mark"),
        (export_with(checks=[1] * 500_000), "a list of 500,000 entries"),
        (export_with(drafts=[{"platform": "general", "position": 2**63}]), "a number of 19 digits"),
    ],
)
def test_hostile_imports_get_one_sentence_and_leave_the_record_untouched(
    private_home, tmp_path, capsys, content, words
):
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "import", path)
    assert code == 1 and words in err and "Nothing was imported" in err, err[:500]
    assert len(err.splitlines()) <= 3
    assert not app_dirs(private_home).record_file.exists()


def test_many_wrong_entries_give_a_few_problems_and_a_count(private_home, tmp_path, capsys):
    path = tmp_path / "export.json"
    path.write_text(export_with(checks=[1] * 5000), encoding="utf-8")
    code, _, err = cli(capsys, "import", path)
    assert code == 1
    assert len(err.splitlines()) <= 12 and "more problem(s) like these" in err


def test_many_short_lists_that_add_up_to_millions_of_values_are_refused_before_the_full_check(
    private_home, tmp_path, capsys
):
    """Under the size limit, each list under the list limit, yet millions of wrong values in all: the
    full check would take minutes and gigabytes to list them, so the file is refused at once."""
    check = {"uid": "0" * 32, "item_ids": [1] * 9999, "answers": [1] * 9999}
    path = tmp_path / "export.json"
    path.write_text(export_with(checks=[check] * 120).replace(" ", ""), encoding="utf-8")
    assert path.stat().st_size < 5 * 1024 * 1024
    started = time.monotonic()
    code, _, err = cli(capsys, "import", path)
    assert code == 1 and "more than 100,000 values in all" in err and "Nothing was imported" in err, err[:300]
    assert time.monotonic() - started < 10
    assert not app_dirs(private_home).record_file.exists()


@pytest.mark.parametrize("command", [["check", "general"], ["forget"]])
@pytest.mark.parametrize("data", [b"caf\xe9\n", b"\xff\xfe\x00y\n", b"\x80" * 10 + b"\n" + b"y\n" * 60])
def test_stdin_in_any_encoding_gives_an_answer_not_a_traceback(private_home, command, data):
    result = run(private_home, *command, stdin=data, PYTHONIOENCODING="utf-8:strict", LC_ALL="C.UTF-8")
    assert result.returncode in (0, 1)
    if command == ["forget"]:
        assert "Nothing was deleted" in result.stdout


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "1e30", "soon"])
def test_numeric_options_are_checked_by_the_parser(capsys, value):
    for argv in (["remind", f"--wait={value}"], ["diagnose", f"--timeout={value}"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert "seconds" in capsys.readouterr().err


# Class 6: export writes regular files only ------------------------------------------------------------


def test_export_refuses_every_target_that_is_not_an_ordinary_file(private_home, tmp_path, capsys):
    target = tmp_path / "someone-elses.txt"
    target.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    sock, server = unix_socket(tmp_path)
    targets = {
        fifo(tmp_path, "out.pipe"): "pipe (FIFO)",
        sock: "a socket",
        link: "symbolic link",
        dangling: "symbolic link",
        tmp_path: "is a folder",
        "": "No file name was given",
        "  ": "No file name was given",
        tmp_path / "missing" / "x.json": "does not exist",
    }
    if os.geteuid() == 0:  # a private device node, never /dev itself
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets[device] = "a device"
    try:
        for output, words in targets.items():
            for form in ("json", "pdf", "ics"):
                code, _, err = cli(capsys, "export", "--format", form, "-o", output)
                assert code == 1 and words in err, (output, err)
        assert target.read_text() == "keep me" and link.is_symlink() and dangling.is_symlink()
        if os.geteuid() == 0:
            assert stat.S_ISCHR(device.lstat().st_mode)
    finally:
        server.close()


@pytest.mark.parametrize(
    ("form", "example"),
    [
        ("json", "my-record.json"),
        ("pdf", "my-report.pdf"),
        ("ics", "term-reminders.ics"),
        ("guide", "pocket-guide.pdf"),
    ],
)
def test_a_folder_given_to_export_gets_a_file_name_of_the_kind_asked_for(
    private_home, tmp_path, capsys, form, example
):
    """`-o FOLDER --format pdf` used to be told to write `FOLDER/my-record.json`."""
    code, _, err = cli(capsys, "export", "--format", form, "-o", tmp_path)
    assert (
        code == 1 and f"is a folder. Give a file name inside it, for example {tmp_path / example}" in err
    ), err
    code, _, err = cli(capsys, "export", "--format", form, "-o", "")
    assert code == 1 and f"for example: -o {example}" in err, err


# Class 8: messages say what is wrong ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("staff_note", "9" * 5000, "a number of 5,000 digits"),
        ("term_starts", "[2026-09-03T10:00:00+99:00]", "2026-09-03T10:00:00+99:00 is not a real date"),
        ("staff_note", '"\\U00110000"', "is not a character that exists"),
        ("staff_note", "[" * 5000 + "]" * 5000, "nests more than 20 levels"),
    ],
)
def test_validate_names_the_right_line_in_plain_words(tmp_path, capsys, field, value, words):
    path = school(tmp_path, f"school_name: Hermitage\n{field}: {value}\n")
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and out.startswith(f"{path}:2: ") and words in out, out[:300]
    for internal in ("sys.set_int_max_str_digits", "timedelta(", "chr()", "recursion"):
        assert internal not in out


def test_a_null_key_is_named_on_its_line(tmp_path, capsys):
    path = school(tmp_path, "school_name: Hermitage\n~: 1\n")
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and f"{path}:2: an empty name (~ or null) is not a field name" in out


def test_an_unknown_platform_in_an_import_is_dropped_with_a_message(private_home, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export_with(platforms_in_use=["zzz-unknown", "facebook"]), encoding="utf-8")
    result = run(private_home, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "no checklist for zzz-unknown" in result.stderr
    status = json.loads(run(private_home, "status", "--json", passphrase=None).stdout)
    assert {row["id"] for row in status["platforms"] if row["in_use"]} >= {"facebook"}
    remind = run(private_home, "remind", "--force", "--show-with", "window", "--wait", "0", passphrase=None)
    assert "Zzz" not in remind.stdout + remind.stderr


def test_status_calls_a_busy_record_busy_not_damaged(private_home):
    import sqlite3

    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    holder = sqlite3.connect(app_dirs(private_home).record_file)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(private_home, "status", passphrase=None)
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1
    assert "in use by another Privacy Audit" in result.stderr and "repair" not in result.stderr


def test_the_readme_command_table_lists_every_command():
    from privacy_audit.cli import command_modules

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## The command line") : readme.index("### How your record is protected")]
    for module in command_modules():
        assert f"`privacy-audit {module.NAME}" in table, module.NAME


@pytest.mark.parametrize("where", ["before", "after"])
def test_home_works_before_or_after_the_sub_command(tmp_path, monkeypatch, capsys, where):
    monkeypatch.delenv("PRIVACY_AUDIT_HOME", raising=False)
    home = tmp_path / "home"
    args = ["--home", home, "status", "--json"] if where == "before" else ["status", "--json", "--home", home]
    config = school(tmp_path, "school_name: Hermitage\n")
    args += ["--school-config", config]
    code, out, _ = cli(capsys, *args)
    assert code == 0 and json.loads(out)["platforms"]
    assert (home / "data").exists() or home.exists()


# Issue 16 item 8: a school config degrades part by part -------------------------------------------------


def test_one_misspelt_platform_drops_only_that_platform(tmp_path):
    from privacy_audit.core.catalogue import load_school_config

    path = school(
        tmp_path,
        "school_name: Hermitage\nplatforms:\n  - general\n  - facebok\n  - instagram\nterm_starts: [2026-09-03]\n",
    )
    source = load_school_config(path)
    assert source.config.school_name == "Hermitage"
    assert source.config.platforms == ["general", "instagram"]
    assert source.config.term_starts == [dt.date(2026, 9, 3)]
    [problem] = source.problems
    assert problem.startswith(f"{path}:4: platforms 2: 'facebok' is not a platform the app knows")
    assert problem.endswith("(left out; the rest of the file applies)")
    assert source.kept == "school_name, platforms (2 of 3), term_starts"


def test_each_kind_of_bad_part_is_left_out_alone_and_validate_lists_them_all(tmp_path, capsys):
    from privacy_audit.core.catalogue import load_school_config

    path = school(
        tmp_path,
        "school_name: Hermitage\n"  # 1
        "contact:\n"  # 2
        "  name: Ms Head\n"  # 3
        "  email: " + "x" * 300 + "\n"  # 4
        "term_starts:\n"  # 5
        "  - 2026-09-03\n"  # 6
        "  - 9999-01-01\n"  # 7
        "  - 2027-01-04\n"  # 8
        "start_at_login: perhaps\n"  # 9
        "colour: blue\n"  # 10
        "platforms: [general, facebook, tiktokk]\n",  # 11
    )
    source = load_school_config(path)
    config = source.config
    assert (
        config.school_name == "Hermitage"
        and config.contact.name == "Ms Head"
        and config.contact.email is None
    )
    assert config.term_starts == [dt.date(2026, 9, 3), dt.date(2027, 1, 4)]
    assert config.start_at_login is True and config.platforms == ["general", "facebook"]
    lines = sorted(int(problem.split(":")[1]) for problem in source.problems)
    assert lines == [4, 7, 9, 10, 11]
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and len(out.splitlines()) == 5


@pytest.mark.parametrize(
    "args",
    [
        ("check", "general"),
        ("validate",),
        ("status",),
        ("policy",),
        ("--help",),
        ("export", "--format", "json"),
    ],
)
def test_every_command_survives_a_terminal_that_only_knows_ascii(private_home, args):
    result = run(
        private_home,
        *args,
        stdin="\n" * 80,
        LC_ALL="C",
        LANG="C",
        PYTHONUTF8="0",
        PYTHONCOERCECLOCALE="0",
        PYTHONIOENCODING="",
    )
    assert "UnicodeEncodeError" not in result.stderr
    assert result.returncode in (0, 1, 2), result.stderr
    assert result.stdout.strip() or result.stderr.strip()


# Class 5: a server name that stands for many sites ------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "co.uk",
        "org.uk",
        "ac.uk",
        "sch.uk",
        "com.au",
        "com",
        "uk.com",
        "localhost",
        "github.io",
        "blogspot.com",
    ],
)
def test_a_public_suffix_is_not_a_server(value):
    from privacy_audit.core.urls import host_is_allowed, host_name_problem

    assert host_name_problem(value)
    assert not host_is_allowed(f"anything.{value}", [value])


@pytest.mark.parametrize(
    "value", ["mastodon.social", "toot.co.uk", "mastodon.org.uk", "mstdn.jp", "mas.to", "someone.github.io"]
)
def test_a_real_server_under_a_public_suffix_is_accepted(value):
    from privacy_audit.core.urls import host_name_problem

    assert host_name_problem(value) is None


@pytest.mark.parametrize("server", ["co.uk", "ac.uk", "org.uk", "localhost.localdomain.local", "10.0.0.1"])
def test_an_imported_server_that_is_not_one_site_is_refused_with_a_sentence(private_home, tmp_path, server):
    path = tmp_path / "export.json"
    path.write_text(
        export_with(settings={"url_parameters": {"mastodon": {"server": server}}}), encoding="utf-8"
    )
    result = run(private_home, "import", str(path))
    assert result.returncode == 1, result.stdout
    assert "settings.url_parameters.mastodon.server" in result.stderr, result.stderr
    assert "Nothing was imported" in result.stderr


def test_an_imported_real_server_is_kept(private_home, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        export_with(settings={"url_parameters": {"mastodon": {"server": "toot.co.uk"}}}), encoding="utf-8"
    )
    result = run(private_home, "import", str(path))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", ["FIFO", "symbolic link", "folder", "device"])
def test_a_pdf_export_checks_the_html_beside_it_before_writing_anything(private_home, tmp_path, capsys, kind):
    html = tmp_path / "r.html"
    if kind == "FIFO":
        os.mkfifo(html)
    elif kind == "symbolic link":
        (tmp_path / "someone-elses.txt").write_text("keep me")
        html.symlink_to(tmp_path / "someone-elses.txt")
    elif kind == "folder":
        html.mkdir()
    else:
        if os.geteuid() != 0:
            pytest.skip("only root can make a device node")
        os.mknod(html, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    code, _, err = cli(capsys, "export", "--format", "pdf", "-o", tmp_path / "r.pdf")
    assert code == 1 and "r.html" in err, err
    assert not (tmp_path / "r.pdf").exists()
    assert not app_dirs(private_home).record_file.exists(), "refused before the record was opened"


def test_a_report_whose_html_cannot_be_written_leaves_no_pdf(qapp, tmp_path, monkeypatch):
    # qapp: the application later tests expect (a QApplication), not the QGuiApplication the writer would make.
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.report import pdf

    def full_disk(path, html):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf, "write_html", full_disk)
    with pytest.raises(OSError):
        pdf.write_pdf_report(
            tmp_path / "r.pdf", catalogue=load_catalogue(), checks=[], school_name="Hermitage"
        )
    assert list(tmp_path.iterdir()) == []


# Class 1/2: a damaged row is skipped and named, not a loop of advice that repairs nothing ---------------


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE checks SET finished = 'garbage'",
        "INSERT OR REPLACE INTO snoozes (platform, until) VALUES ('facebook', 'garbage')",
        "INSERT OR REPLACE INTO snoozes (platform, until) VALUES ('general', '9999-99-99T\x1b[31m')",
    ],
)
def test_a_row_with_an_unreadable_date_is_skipped_and_named_by_status_and_remind(private_home, damage):
    import sqlite3

    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    with sqlite3.connect(app_dirs(private_home).record_file) as conn:
        conn.execute(damage)
    conn.close()
    status = run(private_home, "status", passphrase=None)
    assert status.returncode == 0, status.stderr
    assert "is not a date" in status.stderr and "left untouched" in status.stderr
    assert status.stderr.count("could not be read") == 1 and "repair" not in status.stderr
    assert "\x1b" not in status.stdout + status.stderr
    remind = run(private_home, "remind", "--force", "--show-with", "window", "--wait", "0", passphrase=None)
    assert "could not be read" not in remind.stdout + remind.stderr


def test_remind_writes_out_control_characters_in_an_edited_platform_id(private_home):
    import sqlite3

    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    with sqlite3.connect(app_dirs(private_home).record_file) as conn:
        conn.execute("INSERT INTO platforms_in_use (platform) VALUES (?)", ("evil\x1b]0;owned\x07\nline",))
    conn.close()
    remind = run(private_home, "remind", "--force", "--show-with", "window", "--wait", "0", passphrase=None)
    assert "Evil" in remind.stdout, remind.stdout + remind.stderr
    assert "\x1b" not in remind.stdout + remind.stderr and "\x07" not in remind.stdout


def test_forget_removes_the_login_reminder_too(private_home):
    from privacy_audit.desktop.autostart import is_start_at_login, set_start_at_login

    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    set_start_at_login(True, home=private_home)
    assert is_start_at_login(private_home)
    result = run(private_home, "forget", "--yes")
    assert result.returncode == 0, result.stderr
    assert "Removed the login reminder" in result.stdout
    assert not is_start_at_login(private_home)
    again = run(private_home, "forget", "--yes")
    assert "There was no login reminder to remove." in again.stdout


def _check(**fields) -> dict:
    check = {
        "uid": "0" * 32,
        "platform": "general",
        "checklist_version": "1",
        "item_ids": ["a"],
        "started": "2026-09-03T10:00:00+00:00",
        "finished": "2026-09-03T10:30:00+00:00",
        "answers": [],
    }
    check.update(fields)
    return check


def _draft(position) -> dict:
    return {
        "platform": "general",
        "checklist_version": "1",
        "started": "2026-09-03T10:00:00+00:00",
        "position": position,
        "answers": [],
    }


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (
            {"snoozes": {f"p{n}": "2026-09-03T10:00:00+00:00" for n in range(10_001)}},
            "group of 10,001 fields",
        ),
        ({"settings": {f"s{n}": 1 for n in range(10_001)}}, "group of 10,001 fields"),
        ({"snoozes": {"general": 1790000000}}, "a date must be written as text"),
        ({"snoozes": {"general": "soon"}}, "snoozes.general"),
        ({"drafts": [_draft(True)]}, "drafts[0].position"),
        ({"drafts": [_draft(1.5)]}, "drafts[0].position"),
        ({"checks": [_check(finished="2026-09-02T10:00:00+00:00")]}, "finished (2026-09-02"),
        ({"checks": [_check(started=0)]}, "a date must be written as text"),
        ({"acceptance": {"name": "Jo Bloggs", "date": 20260903}}, "a date must be written as text"),
    ],
)
def test_imports_with_values_no_export_holds_are_refused_with_a_sentence(
    private_home, tmp_path, capsys, fields, words
):
    path = tmp_path / "export.json"
    path.write_text(export_with(**fields), encoding="utf-8")
    code, _, err = cli(capsys, "import", path)
    assert code == 1 and words in err and "Nothing was imported" in err, err[:600]
    assert not app_dirs(private_home).record_file.exists()


def test_a_snooze_for_a_platform_with_no_checklist_is_refused(private_home, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export_with(snoozes={"zzz-unknown": "2026-09-03T10:00:00+00:00"}), encoding="utf-8")
    result = run(private_home, "import", str(path))
    assert result.returncode == 1
    assert "snoozes.zzz-unknown: this Privacy Audit has no checklist" in result.stderr


def test_an_unfinished_check_for_a_platform_with_no_checklist_is_refused(private_home, tmp_path):
    path = tmp_path / "export.json"
    draft = {"platform": "zzz-unknown", "checklist_version": "1", "started": "2026-11-01T10:00:00+00:00"}
    path.write_text(export_with(drafts=[{**draft, "position": 0, "answers": []}]), encoding="utf-8")
    result = run(private_home, "import", str(path))
    assert result.returncode == 1 and "Nothing was imported" in result.stderr
    assert "drafts[0].platform: this Privacy Audit has no checklist for 'zzz-unknown'" in result.stderr


def test_checks_of_a_platform_with_no_checklist_are_kept_and_the_person_is_told(private_home, tmp_path):
    path = tmp_path / "export.json"
    check = {
        "uid": "a" * 32,
        "platform": "zzz-unknown",
        "checklist_version": "1",
        "item_ids": ["x"],
        "started": "2026-11-01T10:00:00+00:00",
        "finished": "2026-11-01T10:05:00+00:00",
        "answers": [],
    }
    path.write_text(export_with(checks=[check]), encoding="utf-8")
    result = run(private_home, "import", str(path))
    assert result.returncode == 0 and "Imported 1 check(s)" in result.stdout
    assert "checks of zzz-unknown, which this Privacy Audit has no checklist for" in result.stderr
    assert "status and the report leave them out" in result.stderr
    exported = tmp_path / "again.json"
    assert run(private_home, "export", "-o", str(exported)).returncode == 0
    assert [c["platform"] for c in json.loads(exported.read_text())["checks"]] == ["zzz-unknown"]


SCHOOL_WITH = """\
schema_version: {version}
school_name: Hermitage Primary
contact: {{name: Ms Smith, role: DSL, email: dsl@hermitage.example}}
term_starts: [2026-09-03, 2027-01-05, 2027-04-19]
platforms: {platforms}
"""


@pytest.mark.parametrize("version", ["0x1", "0o1", "0b1", "1_0"])
def test_a_number_not_written_in_plain_digits_is_refused_with_its_line(tmp_path, capsys, version):
    path = school(tmp_path, SCHOOL_WITH.format(version=version, platforms="[general]"))
    code, out, err = cli(capsys, "validate", path)
    assert code == 1
    assert f"school.yaml:1: the number {version} is not written in plain digits" in out + err


@pytest.mark.parametrize(("platforms", "entry"), [('[general, "Bad Id"]', 2), ('["Nope", general]', 1)])
def test_a_bad_list_entry_is_named_by_its_place_in_words(tmp_path, capsys, platforms, entry):
    path = school(tmp_path, SCHOOL_WITH.format(version=1, platforms=platforms))
    code, out, err = cli(capsys, "validate", path)
    assert code == 1
    assert f"is not allowed as entry {entry} of 'platforms'" in out + err
    assert "valid value for '" not in out + err


@pytest.mark.parametrize("kind", ["folder", "FIFO"])
@pytest.mark.parametrize(
    "args", [("status",), ("check", "general"), ("export", "--format", "json", "-o", "out.json")]
)
def test_a_record_path_that_is_not_a_file_gets_one_clear_sentence(private_home, tmp_path, kind, args):
    record = app_dirs(private_home).record_file
    record.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if kind == "folder":
        record.mkdir()
    else:
        os.mkfifo(record)
    args = tuple(str(tmp_path / a) if a == "out.json" else a for a in args)
    result = run(private_home, *args, stdin="y\n" * 60, timeout=30)
    assert result.returncode != 0
    words = "a folder" if kind == "folder" else "a pipe (FIFO)"
    assert f"record.sqlite3 is {words}, not a record file" in result.stderr, result.stderr


@pytest.mark.parametrize(
    "args", [("status",), ("check", "general"), ("export", "--format", "json", "-o", "out.json")]
)
def test_a_record_others_can_change_is_refused_by_every_command_that_reads_it(private_home, tmp_path, args):
    """Someone else could have changed a group- or world-writable record (planted dates, a downgrade), so
    status refuses it as check and export do; it used to print the planted dates without a word."""
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    record = app_dirs(private_home).record_file
    record.chmod(0o666)
    args = tuple(str(tmp_path / a) if a == "out.json" else a for a in args)
    result = run(private_home, *args, stdin="y\n" * 60, timeout=30)
    assert result.returncode != 0
    assert "Other people on this computer can change" in result.stderr, result.stderr
    assert "Due now" not in result.stdout and "Last checked" not in result.stdout
    assert stat.S_IMODE(record.stat().st_mode) == 0o666  # refused, not silently "fixed"


# Class 1: nothing lost without a word, and said once -----------------------------------------------------


def at_a_terminal(home, *args, answers: list[tuple[str, str]], timeout: float = 60) -> str:
    """Run a command in a pseudo-terminal with no keyring and no passphrase variable; each (prompt, answer)
    is typed once the prompt is shown. Everything it showed, as text."""
    import pty
    import select
    import signal

    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(PRIVACY_AUDIT_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    pid, terminal = pty.fork()
    if pid == 0:  # the child: becomes the command
        os.execve(sys.executable, [sys.executable, "-m", "privacy_audit", *args], environment)
    shown = ""
    waiting = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([terminal], [], [], 0.2)
            if ready:
                try:
                    data = os.read(terminal, 65536)
                except OSError:  # the command ended and closed the terminal
                    break
                if not data:
                    break
                shown += data.decode("utf-8", "replace").replace("\r", "")
            if waiting and shown.rstrip().endswith(waiting[0][0]):
                os.write(terminal, waiting.pop(0)[1].encode() + b"\n")
        else:
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"the command did not finish; it showed:\n{shown}")
    finally:
        os.waitpid(pid, 0)
        os.close(terminal)
    assert "Traceback" not in shown, shown
    return shown


def damage_the_record(home: Path) -> None:
    with open(app_dirs(home).record_file, "r+b") as record:  # a header byte SQLite's quick_check notices
        record.seek(20)
        record.write(b"\x07")


def test_a_record_set_aside_is_told_once_when_a_passphrase_is_chosen_at_a_terminal(private_home, tmp_path):
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    damage_the_record(private_home)
    shown = at_a_terminal(
        private_home,
        "export",
        "-o",
        str(tmp_path / "out.json"),
        answers=[
            ("or q to stop:", "p"),
            ("Choose a passphrase:", PASSPHRASE),
            ("Type it again:", PASSPHRASE),
        ],
    )
    assert shown.count("set aside as") == 1, shown
    assert shown.index("set aside as") < shown.index("Type p to choose a passphrase"), "told before asked"
    assert "Wrote 0 check(s)" in shown


def test_a_record_set_aside_is_told_once_by_a_command_given_the_passphrase(private_home, tmp_path):
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    damage_the_record(private_home)
    for args in (
        ["export", "-o", str(tmp_path / "out.json")],
        ["export", "-o", str(tmp_path / "again.json")],
    ):
        result = run(private_home, *args)
        assert result.returncode == 0, result.stderr
        told = result.stderr.count("set aside as")
        assert told == (1 if args[-1].endswith("out.json") else 0), result.stderr


def test_status_tells_of_a_record_set_aside_by_a_run_that_stopped_at_the_question(private_home, tmp_path):
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    damage_the_record(private_home)
    stopped = run(private_home, "export", "-o", str(tmp_path / "out.json"), passphrase=None)
    assert stopped.returncode == 3 and "set aside as" in stopped.stderr
    moved = next(app_dirs(private_home).set_aside.iterdir())
    for args in (["status"], ["status", "--json"]):
        status = run(private_home, *args, passphrase=None)
        assert status.returncode == 0
        assert f"set aside as {moved}" in status.stderr, status.stderr


def test_a_fifo_or_device_in_place_of_a_state_file_never_hangs_remind_or_the_app(private_home, tmp_path):
    """The app's own small files are read like any other: only a regular file, and only to a limit."""
    from privacy_audit.core.snapshot import read_snapshot
    from privacy_audit.desktop.reminders import ReminderState
    from privacy_audit.store.exchange import ImportRejected, read_export

    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    pipe = fifo(state, "reminders.json")  # nobody writes to it: reading it would wait for ever
    started = time.monotonic()
    assert ReminderState(state).last_shown() is None
    assert read_snapshot(pipe, {}) is None
    assert read_snapshot(Path("/dev/zero"), {}) is None
    with pytest.raises(ImportRejected, match="pipe"):
        read_export(pipe)
    assert time.monotonic() - started < 10
    # Through the command that runs at every login, with something due.
    export = tmp_path / "in.json"
    export.write_text(export_with(platforms_in_use=["facebook"]), encoding="utf-8")
    assert run(private_home, "import", str(export)).returncode == 0
    reminders = app_dirs(private_home).state / "reminders.json"
    reminders.unlink(missing_ok=True)
    os.mkfifo(reminders)
    remind = run(private_home, "remind", "--force", "--show-with", "window", "--wait", "0", timeout=30)
    assert "Your termly privacy check is due: All my accounts, Facebook" in remind.stdout + remind.stderr


def not_a_database(path: Path) -> None:
    path.write_bytes(b"this is not a record at all " * 400)


def dropped(table: str):
    def damage(path: Path) -> None:
        import sqlite3

        with sqlite3.connect(path) as conn:
            conn.execute(f"DROP TABLE {table}")
        conn.close()

    return damage


def renamed_column(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE checks RENAME COLUMN finished TO finished_at")
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [not_a_database, dropped("platforms_in_use"), dropped("snoozes"), dropped("schedule"), renamed_column],
    ids=[
        "not a database",
        "platforms_in_use dropped",
        "snoozes dropped",
        "schedule dropped",
        "a column renamed",
    ],
)
@pytest.mark.parametrize("passphrase_for_the_repair", [PASSPHRASE, None])
def test_following_status_advice_to_run_check_general_really_repairs_a_damaged_record(
    private_home, damage, passphrase_for_the_repair
):
    """The advice is followed as written, in a script (no terminal), with the passphrase or without it, and
    status then works and says where the damaged copy went."""
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0
    damage(app_dirs(private_home).record_file)
    before = run(private_home, "status", passphrase=None)
    assert before.returncode == 1 and "Run `privacy-audit check general`" in before.stderr, before.stderr
    run(private_home, "check", "general", stdin="y\n" * 60, passphrase=passphrase_for_the_repair)
    after = run(private_home, "status", passphrase=None)
    assert after.returncode == 0, after.stderr
    [moved] = app_dirs(private_home).set_aside.iterdir()
    if passphrase_for_the_repair is None:  # stopped at the passphrase question: the notice still waits
        assert f"set aside as {moved}" in after.stderr
    assert "cannot be read" not in after.stderr


def test_status_does_not_promise_a_repair_for_a_record_it_may_not_open(
    private_home, tmp_path, monkeypatch, capsys
):
    """No command changes permissions, so a record that cannot be opened (as another user's file would be)
    is not sent to `check general`. The SQLite error is a real one: opening a folder as a database."""
    import sqlite3

    from privacy_audit.store import reminder_inputs

    try:
        sqlite3.connect(f"{tmp_path.as_uri()}?mode=rw", uri=True).execute("SELECT 1")
    except sqlite3.OperationalError as exc:
        cannot_open = exc
    assert run(private_home, "check", "general", stdin="y\n" * 60).returncode == 0

    def unreadable(record_file):
        raise reminder_inputs.ReminderInputsError(
            f"the record {record_file} cannot be opened ({cannot_open})"
        ) from (cannot_open)

    monkeypatch.setattr(reminder_inputs, "load_reminder_inputs", unreadable)
    code, _, err = cli(capsys, "status")
    assert code == 1 and "unable to open database file" in err
    assert "check general" not in err and "repair" not in err and "belong to you" in err
