"""`privacy-audit validate`: valid files pass with a summary; every kind of bad file gets a FILE:LINE: line."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from privacy_audit.cli import main

GOOD_ITEM = """\
  - id: future-posts
    title: Who can see your future posts
    why: Pupils who find you should not see your posts.
    clauses: ["9.1a"]
    steps: [Open Settings › Privacy › Posts.]
    safe_value: Friends
    where:
      url: https://www.example-social.com/settings/posts
    labels: ["Who can see your future posts?"]
    priority: high
    provenance:
      {written: 2026-11-01, confidence: low}
"""


def checklist_text(items: str = GOOD_ITEM, head: str = "") -> str:
    return (
        textwrap.dedent(
            """\
        schema_version: 1
        platform: examplesocial
        name: Example Social
        last_reviewed: 2026-11-01
        domains: [example-social.com]
        """
        )
        + head
        + "items:\n"
        + items
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, list[str]]:
    code = main(["validate", *map(str, paths)])
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if line.strip()]
    return code, lines


def test_the_shipped_checklists_are_valid(capsys):
    code, lines = validate(capsys)
    assert code == 0
    assert lines[0].startswith("OK:") and "platform(s)" in lines[0] and "item(s)" in lines[0]


def test_a_valid_file_gives_a_one_line_summary(tmp_path, capsys):
    path = write(tmp_path, "examplesocial.yaml", checklist_text())
    code, lines = validate(capsys, path)
    assert (code, lines) == (0, ["OK: 1 file(s), 1 platform(s), 1 item(s), 0 school config(s)."])


def only_problem(capsys, path: Path) -> str:
    code, lines = validate(capsys, path)
    assert code == 1, lines
    assert len(lines) == 1, lines
    return lines[0]


def test_a_yaml_syntax_error_names_the_line(tmp_path, capsys):
    text = checklist_text().replace("    safe_value: Friends", "    safe_value: [Friends")
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert line.startswith(f"{tmp_path / 'examplesocial.yaml'}:")
    assert "not valid YAML" in line
    assert 12 <= int(line.split(":")[1]) <= 14  # the unclosed list starts on line 12


def test_an_unknown_field_is_named_with_its_line_and_a_suggestion(tmp_path, capsys):
    text = checklist_text().replace("    title:", "    titel:")
    code, lines = validate(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert code == 1
    assert [line.split(":", 1)[1] for line in lines] == [
        "7: item 1 (future-posts) › title: 'title' is missing; it is required",
        "8: item 1 (future-posts) › titel: unknown field 'titel' — did you mean 'title'?",
    ]


def test_a_missing_field_points_at_its_item(tmp_path, capsys):
    text = checklist_text().replace("    safe_value: Friends\n", "")
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert line.endswith("item 1 (future-posts) › safe_value: 'safe_value' is missing; it is required")
    assert line.split(":")[1] == "7"  # the line where the item starts


def test_a_wrong_type_is_reported_at_the_field(tmp_path, capsys):
    text = checklist_text().replace("{written: 2026-11-01,", "{written: last week,")
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert ":18: item 1 (future-posts) › provenance › written:" in line


def test_an_impossible_date_is_reported_on_its_line(tmp_path, capsys):
    text = checklist_text().replace("{written: 2026-11-01,", "{written: 2026-02-30,")
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert ":18: " in line and "written: 2026-02-30 is not a real date; write it as year-month-day" in line, (
        line
    )


def test_duplicate_item_ids_are_rejected(tmp_path, capsys):
    text = checklist_text(GOOD_ITEM + GOOD_ITEM)
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert ":19: item 2 (future-posts) › id: the id 'future-posts' is already used by item 1" in line


def test_an_unknown_policy_clause_is_rejected(tmp_path, capsys):
    text = checklist_text().replace('clauses: ["9.1a"]', 'clauses: ["9.1a", "9.9z"]')
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert "› clauses 2: '9.9z' is not a policy clause the app knows" in line


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://www.example-social.com/settings", "must start with https:// (it has 'http:')"),
        ("javascript:alert(1)", "must start with https:// (it has 'javascript:')"),
        ("file:///etc/passwd", "must start with https:// (it has 'file:')"),
        ("https://evil.example.net/settings", "'evil.example.net' is not one of the platform's domains"),
        ("https://example-social.com.evil.net/", "is not one of the platform's domains"),
        ("https://user:pw@www.example-social.com/", "must not contain a user name or password"),
        (
            "https://evil.example\\.example-social.com/settings",
            "contains '\\\\' (U+005C), which is not allowed",
        ),
        ("https://www.example-social.com:8443/settings", "is not a web address the app accepts"),
        ("https://www.example-social.com/s\u202eettings", "(U+202E), which is not allowed"),
        ("https:/\\www.example-social.com/", "contains '\\\\' (U+005C)"),
    ],
)
def test_unsafe_or_off_domain_urls_are_rejected(tmp_path, capsys, url, expected):
    text = checklist_text().replace("https://www.example-social.com/settings/posts", url)
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert ":14: item 1 (future-posts) › where › url:" in line
    assert expected in line


def test_a_url_parameter_must_be_declared(tmp_path, capsys):
    text = checklist_text().replace(
        "https://www.example-social.com/settings/posts", "https://{server}/settings"
    )
    line = only_problem(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert "uses {server}, which is not in url_parameters" in line


def test_a_declared_hostname_parameter_may_stand_for_the_whole_address(tmp_path, capsys):
    head = (
        "url_parameters:\n  - {name: server, label: Your server, kind: hostname, example: mastodon.social}\n"
    )
    text = checklist_text(head=head).replace(
        "https://www.example-social.com/settings/posts", "https://{server}/settings"
    )
    code, lines = validate(capsys, write(tmp_path, "examplesocial.yaml", text))
    assert code == 0, lines


def test_a_file_named_after_another_platform_is_rejected(tmp_path, capsys):
    line = only_problem(capsys, write(tmp_path, "facebook.yaml", checklist_text()))
    assert "must be named examplesocial.yaml" in line


def test_an_empty_file_is_reported(tmp_path, capsys):
    assert only_problem(capsys, write(tmp_path, "empty.yaml", "")).endswith(":1: the file is empty")


def test_a_file_that_is_not_yaml_is_reported(tmp_path, capsys):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"schema_version: 1\n\x00\x01\x02")
    assert only_problem(capsys, path).endswith(":2: the file contains a NUL byte; it is not text")


def test_a_file_that_is_not_utf8_is_reported(tmp_path, capsys):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"schema_version: 1\nname: caf\xe9\n")
    assert only_problem(capsys, path).endswith(":2: the file is not UTF-8 text")


def test_a_huge_file_is_refused_without_reading_it(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    path.write_text("a: " + "x" * 2_000_000)
    assert "bytes; the limit is 262,144" in only_problem(capsys, path)


def test_a_list_instead_of_a_mapping_is_reported(tmp_path, capsys):
    assert "expected a mapping of fields" in only_problem(capsys, write(tmp_path, "list.yaml", "- a\n- b\n"))


def test_an_alias_bomb_is_refused(tmp_path, capsys):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    assert "more than" in only_problem(capsys, write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n"))


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a file whatever its mode"
)
def test_an_unreadable_file_is_reported(tmp_path, capsys):
    path = write(tmp_path, "secret.yaml", checklist_text())
    path.chmod(0)
    assert ":1: cannot read the file" in only_problem(capsys, path)


def test_a_missing_path_is_reported(tmp_path, capsys):
    assert only_problem(capsys, tmp_path / "nowhere.yaml").endswith("nowhere.yaml:1: no such file or folder")


def test_a_folder_is_read_as_a_checklist_folder_and_every_problem_is_listed(tmp_path, capsys):
    write(tmp_path, "examplesocial.yaml", checklist_text())
    write(tmp_path, "broken.yaml", "platform: [\n")
    code, lines = validate(capsys, tmp_path)
    assert code == 1
    assert [line.split(":")[0] for line in lines] == [str(tmp_path / "broken.yaml")]


def test_a_school_config_with_an_unknown_platform_is_rejected(tmp_path, capsys):
    path = write(
        tmp_path, "school.yaml", "school_name: Hermitage Primary\nplatforms:\n  - facebook\n  - myspace\n"
    )
    line = only_problem(capsys, path)
    assert line.startswith(f"{path}:4: platforms 2: 'myspace' is not a platform the app knows")


def test_a_school_config_with_a_misspelt_field_is_rejected(tmp_path, capsys):
    path = write(tmp_path, "school.yaml", "school_name: Hermitage Primary\nterm_start:\n  - 2026-09-03\n")
    assert "did you mean 'term_starts'" in only_problem(capsys, path)


def test_a_good_school_config_is_counted(tmp_path, capsys):
    path = write(
        tmp_path,
        "school.yaml",
        "school_name: Hermitage Primary\ncontact: {name: Ms Rowland, role: Head of School}\n"
        "term_starts: [2026-09-03, 2027-01-05]\nemail_domains: [hermitage.sch.uk]\n",
    )
    code, lines = validate(capsys, path)
    assert code == 0 and lines[0].endswith("1 school config(s).")


def test_schema_prints_the_json_schema_of_a_checklist(capsys):
    assert main(["validate", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert {"schema_version", "platform", "items"} <= set(schema["required"])


def test_school_items_the_app_would_leave_out_are_reported_by_validate(tmp_path, capsys):
    item = (
        "  - platform: {platform}\n    id: {id}\n    title: A school rule\n    why: Because the school says so.\n"
        "    clauses: ['9.1']\n    steps: [Do it.]\n    safe_value: Done\n    where: {{url: '{url}'}}\n"
        "    provenance:\n      {{written: 2026-11-01, confidence: low}}\n"
    )
    path = write(
        tmp_path,
        "school.yaml",
        "school_name: Hermitage\nextra_items:\n"
        + item.format(platform="facebook", id="future-posts", url="https://www.facebook.com/settings")
        + item.format(platform="facebook", id="school-page", url="https://www.evil.example/facebook")
        + item.format(platform="general", id="school-portal", url="https://portal.hermitage.sch.uk/"),
    )
    code, lines = validate(capsys, path)
    assert code == 1
    assert [line.split(":", 2)[1:] for line in lines] == [
        [
            "4",
            " extra item 1 (future-posts) › id: the id 'future-posts' is already used by an item of the Facebook checklist",
        ],
        [
            "20",
            " extra item 2 (school-page) › where › url: 'www.evil.example' is not one of Facebook's domains (facebook.com)",
        ],
        [
            "30",
            " extra item 3 (school-portal) › where › url: All my accounts items cannot have a web address; use 'app' instead",
        ],
    ]


def test_a_checklist_domain_in_capitals_passes_and_is_read_lowered(tmp_path, capsys):
    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.yamlsource import load_yaml

    text = checklist_text().replace("domains: [example-social.com]", "domains: [WWW.Example-Social.COM]")
    path = write(tmp_path, "examplesocial.yaml", text)
    code, lines = validate(capsys, path)
    assert (code, lines) == (0, ["OK: 1 file(s), 1 platform(s), 1 item(s), 0 school config(s)."])
    assert Checklist.model_validate(load_yaml(path).data).domains == ["www.example-social.com"]


def test_a_folder_with_a_fifo_or_other_special_entry_says_what_was_skipped_without_waiting(tmp_path, capsys):
    import socket
    import time

    write(tmp_path, "examplesocial.yaml", checklist_text())
    os.mkfifo(tmp_path / "pipe.yaml")  # nobody writes to it: opening it for reading would wait for ever
    (tmp_path / "gone.yml").symlink_to(tmp_path / "nothing-here")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.yaml"))
    (tmp_path / "notes.txt").write_text("not a checklist name, so not mentioned")
    try:
        started = time.monotonic()
        code, lines = validate(capsys, tmp_path)
        assert time.monotonic() - started < 10
    finally:
        server.close()
    assert code == 1
    assert lines == [
        f"{tmp_path / name}:1: skipped: it is {kind}, not a regular file, so neither validate nor the app reads it"
        for name, kind in (
            ("folder.yaml", "a folder"),
            ("gone.yml", "a link to nothing"),
            ("pipe.yaml", "a pipe (FIFO)"),
            ("sock.yaml", "a socket"),
            ("zero.yaml", "a device"),
        )
    ]
