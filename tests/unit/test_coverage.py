"""`privacy-audit validate --coverage` shows which policy clauses each platform's checklist covers.

The table is what a DSL reads to be sure the shipped checklists cover section 9 of the policy for every
platform; these tests read it the way they would, from the command's own output.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from privacy_audit.cli import main
from privacy_audit.core.catalogue import load_checklists
from privacy_audit.core.checklist import Checklist
from privacy_audit.core.platforms import PLATFORM_IDS

SECTION_9 = ("9.1a", "9.1b", "9.1c")
# Every platform has its own settings for who sees what (9.1a) and how much personal information shows (9.1b).
PER_PLATFORM = ("9.1a", "9.1b")
# Date of birth, birthplace and mother's maiden name (9.1c), a school address (7.4) and account security (9.1)
# are checked once, in the general checklist; a platform repeats them only where it has a real setting of its
# own (Facebook's birth date audience, X's birth date, Snapchat's Birthday Party, its account email).
ONCE_IN_GENERAL = ("9.1c", "7.4", "9.1")

# Platforms where a per-platform clause has no item, each with its reason.
NOT_COVERED: dict[str, set[str]] = {
    # Threads uses the Instagram account's contact details and suggestions (the Instagram checklist covers
    # them), and its name, photo and bio are always public (its `limitations` say so): no setting is left.
    "threads": {"9.1b"},
}

# Platforms without a two-factor setting to check. Flickr: the research notes record none, so its sign-in
# item asks for a unique password and for two-factor only "where offered" (clause 9.1 is still covered).
NO_TWO_FACTOR = {"flickr"}


def coverage_output(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run `privacy-audit validate --coverage [PATH...]` in this process; its exit code and output."""
    code = main(["validate", "--coverage", *argv])
    return code, capsys.readouterr().out


def parse_table(output: str) -> dict[str, dict[str, bool]]:
    """{platform: {clause: covered}} from the table printed after the OK line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("clause"))
    platforms = lines[start].split()[1:]
    table: dict[str, dict[str, bool]] = {p: {} for p in platforms}
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        clause, *marks = line.split()
        assert len(marks) == len(platforms), line
        assert set(marks) <= {"✓", "·"}, line
        for platform, mark in zip(platforms, marks):
            table[platform][clause] = mark == "✓"
    return table


@pytest.fixture(scope="module")
def shipped_table() -> dict[str, dict[str, bool]]:
    """The table for the shipped checklists, printed once for this module (validating takes ~0.5 s)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["validate", "--coverage"])
    assert code == 0, printed.getvalue()
    return parse_table(printed.getvalue())


@pytest.fixture(scope="module")
def shipped() -> dict[str, Checklist]:
    checklists, problems = load_checklists()
    assert problems == []
    return checklists


def test_the_coverage_table_has_a_column_for_every_platform(
    shipped_table: dict[str, dict[str, bool]],
) -> None:
    assert sorted(shipped_table) == sorted(PLATFORM_IDS)


@pytest.mark.parametrize("clause", PER_PLATFORM)
@pytest.mark.parametrize("platform", PLATFORM_IDS)
def test_every_platform_covers_privacy_settings_clauses_9_1a_and_b(
    shipped_table: dict[str, dict[str, bool]], platform: str, clause: str
) -> None:
    if clause in NOT_COVERED.get(platform, set()):
        assert not shipped_table[platform][clause], f"{platform} now covers {clause}: remove the exception"
    else:
        assert shipped_table[platform][clause], f"no {platform} item cites {clause}"


@pytest.mark.parametrize("clause", ONCE_IN_GENERAL)
def test_the_general_checklist_covers_birth_details_school_email_and_security_once_for_all(
    shipped_table: dict[str, dict[str, bool]], clause: str
) -> None:
    assert shipped_table["general"][clause], f"the general checklist has no item citing {clause}"


def test_every_section_9_clause_is_covered_somewhere(shipped_table: dict[str, dict[str, bool]]) -> None:
    for clause in SECTION_9:
        assert any(row.get(clause) for row in shipped_table.values()), clause


@pytest.mark.parametrize("platform", sorted(set(PLATFORM_IDS) - NO_TWO_FACTOR))
def test_every_platform_that_offers_two_factor_authentication_has_an_item_for_it(
    shipped: dict[str, Checklist], platform: str
) -> None:
    checklist = shipped[platform]
    words = ("two-factor", "two-step", "2-step")
    assert any(
        "9.1" in item.clauses and any(w in item.title.lower() for w in words) for item in checklist.items
    ), f"{platform} has no two-factor item"


def test_the_table_marks_exactly_the_clauses_that_items_cite(
    shipped_table: dict[str, dict[str, bool]], shipped: dict[str, Checklist]
) -> None:
    for platform, checklist in shipped.items():
        cited = {clause for item in checklist.items for clause in item.clauses}
        marked = {clause for clause, covered in shipped_table[platform].items() if covered}
        assert marked == cited, platform


def test_coverage_of_a_chosen_folder_shows_only_its_platforms(
    tmp_path: Path, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("bluesky.yaml", "general.yaml"):
        shutil.copy(repo / "checklists" / name, tmp_path / name)
    code, output = coverage_output(capsys, str(tmp_path))
    assert code == 0
    assert output.startswith("OK: 2 file(s), 2 platform(s)")
    assert sorted(parse_table(output)) == ["bluesky", "general"]


def test_no_coverage_table_is_printed_when_a_checklist_is_broken(
    tmp_path: Path, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (repo / "checklists" / "reddit.yaml").read_text(encoding="utf-8")
    (tmp_path / "reddit.yaml").write_text(
        text.replace("https://www.reddit.com/settings/account", "http://reddit.evil/x", 1), encoding="utf-8"
    )
    code, output = coverage_output(capsys, str(tmp_path))
    assert code == 1
    assert "reddit.yaml:" in output and "https://" in output
    assert "clause" not in output.split("\n", 1)[0]
    assert not any(line.startswith("clause") for line in output.splitlines())
