"""Each item records where its guidance comes from, and the app says no more about it than that record shows.

Two halves: the provenance block's rules (refused with a message at the field and line, as every other
checklist rule), and the one statement every screen shows. The word "verified" (or "confirmed") is never
said of guidance that nobody has checked on the live site.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers.words import CLAIMS_A_CHECK
from pydantic import ValidationError

from privacy_audit.cli import main
from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.checklist import Checklist, Item, checklist_problems
from privacy_audit.core.provenance import (
    FAST_MAX_AGE_DAYS,
    MAX_AGE_DAYS,
    StatusKind,
    checked_live,
    guidance_status,
    long_date,
    month_year,
)

WRITTEN = dt.date(2026, 11, 27)


def live_check(**changes: Any) -> dict[str, Any]:
    check: dict[str, Any] = {
        "on": dt.date(2027, 1, 12),
        "surface": "android",
        "region": "GB",
        "result": "labels_found",
        "labels_seen": ["Private account"],
        "app_version": "TikTok 38.4.1",
        "method": "manual",
        "by": "trust IT",
    }
    check.update(changes)
    return check


def item(**provenance_changes: Any) -> Item:
    provenance: dict[str, Any] = {
        "written": WRITTEN,
        "confidence": "medium",
        "sources": [
            {
                "title": "Make your account public or private",
                "url": "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings",
                "kind": "official_help",
                "read_on": WRITTEN,
            }
        ],
        "live_checks": [],
    }
    advice = provenance_changes.pop("advice", False)
    provenance.update(provenance_changes)
    return Item.model_validate(
        {
            "id": "private-account",
            "title": "Your account is private",
            "why": "Pupils could watch your videos.",
            "clauses": ["9.1a"],
            "steps": ["Turn on Private account."],
            "safe_value": "On",
            "where": {"app": "Settings and privacy › Privacy"},
            "provenance": provenance,
            "advice": advice,
        }
    )


def refusal(**provenance_changes: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        item(**provenance_changes)
    return str(caught.value)


# --- the rules ----------------------------------------------------------------------------------------------


def test_an_item_without_provenance_is_refused() -> None:
    with pytest.raises(ValidationError, match="provenance"):
        Item.model_validate(
            {
                "id": "x",
                "title": "T",
                "why": "W.",
                "clauses": ["9.1a"],
                "steps": ["S"],
                "safe_value": "V",
                "where": {"app": "A"},
            }
        )


def test_the_old_last_verified_and_source_fields_are_no_longer_accepted() -> None:
    with pytest.raises(ValidationError, match="last_verified"):
        Item.model_validate(
            {
                "id": "x",
                "title": "T",
                "why": "W.",
                "clauses": ["9.1a"],
                "steps": ["S"],
                "safe_value": "V",
                "where": {"app": "A"},
                "provenance": {"written": WRITTEN, "confidence": "low"},
                "last_verified": WRITTEN,
            }
        )


def test_confidence_is_high_medium_or_low() -> None:
    assert "confidence" in refusal(confidence="very high")


def test_an_official_help_source_needs_the_address_that_was_read() -> None:
    message = refusal(sources=[{"title": "Help", "kind": "official_help", "read_on": WRITTEN}])
    assert "official_help source needs the 'url'" in message


def test_research_notes_need_no_address() -> None:
    notes = [{"title": 'Research notes, "TikTok"', "kind": "research_notes", "read_on": WRITTEN}]
    assert item(sources=notes).provenance.sources[0].url is None


def test_a_source_address_must_be_https() -> None:
    message = refusal(
        sources=[{"title": "Help", "url": "http://example.com/", "kind": "third_party", "read_on": WRITTEN}]
    )
    assert "https://" in message


def test_labels_found_must_say_which_labels_were_seen() -> None:
    assert "labels_seen" in refusal(live_checks=[live_check(labels_seen=[])])


def test_a_check_that_did_not_find_the_labels_needs_no_labels() -> None:
    checked = item(live_checks=[live_check(result="not_found", labels_seen=[])])
    assert checked.provenance.live_checks[0].result == "not_found"


def test_a_live_check_before_the_text_was_written_is_refused() -> None:
    message = refusal(live_checks=[live_check(on=WRITTEN - dt.timedelta(days=1))])
    assert "before the text was written" in message


def test_a_live_check_on_the_day_the_text_was_written_is_accepted() -> None:
    assert item(live_checks=[live_check(on=WRITTEN)]).provenance.live_checks[0].on == WRITTEN


@pytest.mark.parametrize(
    ("field", "value"),
    [("surface", "windows phone"), ("result", "looked fine"), ("region", "gb")],
)
def test_a_live_check_uses_the_listed_words(field: str, value: str) -> None:
    assert field in refusal(live_checks=[live_check(**{field: value})])


def test_dates_with_a_time_are_refused() -> None:
    message = refusal(written=dt.datetime(2026, 11, 27, 10, 0))
    assert "without a time" in message


def _checklist_with(one: Item) -> Checklist:
    return Checklist.model_validate(
        {
            "schema_version": 1,
            "platform": "tiktok",
            "name": "TikTok",
            "last_reviewed": WRITTEN,
            "items": [one.model_dump()],
        }
    )


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"written": dt.date(2027, 3, 1)}, ("provenance", "written")),
        (
            {"sources": [{"title": "Notes", "kind": "research_notes", "read_on": dt.date(2027, 3, 1)}]},
            ("provenance", "sources", 0, "read_on"),
        ),
        ({"live_checks": [live_check(on=dt.date(2027, 3, 1))]}, ("provenance", "live_checks", 0, "on")),
    ],
    ids=["written", "read_on", "live-check"],
)
def test_nothing_is_written_read_or_checked_in_the_future(changes: dict[str, Any], where: tuple) -> None:
    today = dt.date(2027, 2, 1)
    problems = checklist_problems(_checklist_with(item(**changes)), frozenset({"9.1a"}), today)
    assert problems == [(("items", 0, *where), "2027-03-01 is in the future")]


def test_validate_points_at_the_line_of_a_bad_live_check(tmp_path: Path, capsys) -> None:
    text = textwrap.dedent(
        """\
        schema_version: 1
        platform: examplesocial
        name: Example Social
        last_reviewed: 2026-11-27
        items:
          - id: posts
            title: Who can see your posts
            why: Pupils should not see your posts.
            clauses: ["9.1a"]
            steps: [Open Settings.]
            safe_value: Friends
            where: {app: Settings}
            provenance:
              written: 2026-11-27
              confidence: low
              sources: []
              live_checks:
                - on: 2026-11-28
                  surface: web
                  region: GB
                  result: labels_found
                  labels_seen: []
                  method: manual
                  by: trust IT
        """
    )
    path = tmp_path / "examplesocial.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "examplesocial.yaml:18:" in out
    assert "labels_seen" in out


# --- what is said -------------------------------------------------------------------------------------------


def test_unchecked_guidance_says_when_it_was_written_and_that_nobody_checked_it_live() -> None:
    status = guidance_status(item(), WRITTEN, "tiktok", "TikTok")
    assert status.kind is StatusKind.NOT_CHECKED
    assert status.line == "Written in November 2026 from published guides. Not yet checked on the live site."
    assert not status.warn


def test_guidance_from_research_notes_alone_says_so() -> None:
    notes = [{"title": 'Research notes, "TikTok"', "kind": "research_notes", "read_on": WRITTEN}]
    status = guidance_status(item(sources=notes), WRITTEN, "tiktok", "TikTok")
    assert status.line.startswith("Written in November 2026 from our research notes.")


def test_guidance_with_no_sources_claims_none() -> None:
    status = guidance_status(item(sources=[]), WRITTEN, "tiktok", "TikTok")
    assert status.line == "Written in November 2026. Not yet checked on the live site."


@pytest.mark.parametrize(
    ("surface", "words"),
    [
        ("android", "Checked on the TikTok Android app on 12 January 2027."),
        ("ios", "Checked on the TikTok iPhone app on 12 January 2027."),
        ("web", "Checked on the TikTok website on 12 January 2027."),
    ],
)
def test_a_recent_live_check_says_where_and_when(surface: str, words: str) -> None:
    checked = item(live_checks=[live_check(surface=surface)])
    status = guidance_status(checked, dt.date(2027, 2, 1), "tiktok", "TikTok")
    assert status.kind is StatusKind.CHECKED
    assert status.line == words
    assert not status.warn


@pytest.mark.parametrize(
    ("platform", "limit"), [("tiktok", FAST_MAX_AGE_DAYS), ("snapchat", 92), ("facebook", MAX_AGE_DAYS)]
)
def test_an_old_live_check_may_be_out_of_date_sooner_on_fast_changing_platforms(
    platform: str, limit: int
) -> None:
    checked = item(live_checks=[live_check()])
    on = dt.date(2027, 1, 12)
    fresh = guidance_status(checked, on + dt.timedelta(days=limit), platform, "P")
    old = guidance_status(checked, on + dt.timedelta(days=limit + 1), platform, "P")
    assert fresh.kind is StatusKind.CHECKED
    assert old.kind is StatusKind.CHECK_OLD and old.warn
    assert old.line == "Last checked on the live site on 12 January 2027; it may be out of date."


def test_the_latest_live_check_counts_even_if_listed_first() -> None:
    checks = [live_check(on=dt.date(2027, 3, 1), surface="web"), live_check(on=dt.date(2027, 1, 12))]
    status = guidance_status(item(live_checks=checks), dt.date(2027, 3, 2), "tiktok", "TikTok")
    assert status.line == "Checked on the TikTok website on 1 March 2027."


@pytest.mark.parametrize("result", ["different_label", "not_found"])
def test_a_live_check_that_did_not_match_warns(result: str) -> None:
    checked = item(live_checks=[live_check(result=result, labels_seen=[])])
    status = guidance_status(checked, dt.date(2027, 1, 13), "tiktok", "TikTok")
    assert status.kind is StatusKind.CHECK_MISMATCH and status.warn
    assert "did not match these steps" in status.line


def test_low_confidence_says_we_are_less_sure() -> None:
    status = guidance_status(item(confidence="low"), WRITTEN, "tiktok", "TikTok")
    assert status.line.endswith("Not yet checked on the live site. We are less sure where this setting is.")
    assert status.low_confidence


def test_advice_is_marked_as_good_practice_not_a_policy_rule() -> None:
    status = guidance_status(item(advice=True), WRITTEN, "tiktok", "TikTok")
    assert status.line.startswith("Good practice, not a policy rule.")


def test_a_checklist_can_stand_for_its_platform_id_and_name() -> None:
    checked = item(live_checks=[live_check(surface="web")])
    tiktok = _checklist_with(checked)
    by_checklist = guidance_status(checked, dt.date(2027, 2, 1), tiktok)
    assert by_checklist == guidance_status(checked, dt.date(2027, 2, 1), "tiktok", "TikTok")
    assert by_checklist.line == "Checked on the TikTok website on 12 January 2027."


def test_only_recent_matching_live_checks_are_counted_as_checked() -> None:
    items = [
        item(),
        item(live_checks=[live_check()]),
        item(live_checks=[live_check(result="not_found", labels_seen=[])]),
    ]
    assert checked_live(items, dt.date(2027, 2, 1), "tiktok") == 1
    assert checked_live(items, dt.date(2027, 12, 1), "tiktok") == 0


def test_dates_are_written_the_english_school_way() -> None:
    assert long_date(dt.date(2027, 1, 1)) == "1 January 2027"
    assert month_year(dt.date(2026, 11, 27)) == "November 2026"


def test_no_shipped_item_claims_a_check_nobody_made() -> None:
    """Every item the app ships, on the day it ships and a year on: 'verified' only after a live check."""
    catalogue = load_catalogue()
    shown = 0
    for checklist in catalogue.checklists.values():
        for one in checklist.items:
            for today in (dt.date.today(), dt.date.today() + dt.timedelta(days=365)):
                line = guidance_status(one, today, checklist.platform, checklist.name).line
                if not one.provenance.live_checks:
                    assert not CLAIMS_A_CHECK.search(line), (checklist.platform, one.id, line)
                    assert "Not yet checked on the live site." in line
                shown += 1
    assert shown > 0


def test_the_terminal_check_says_not_yet_checked_and_never_verified(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(
        PRIVACY_AUDIT_HOME=str(tmp_path),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PRIVACY_AUDIT_PASSPHRASE="a long and memorable passphrase",
    )
    items = len(load_catalogue().get("facebook").items)
    result = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "check", "facebook"],
        input="y\n" * items,  # answered straight away: the line is on every setting, not only under "?"
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Not yet checked on the live site.") == items
    assert not CLAIMS_A_CHECK.search(result.stdout + result.stderr)


def test_the_on_page_panel_never_claims_a_check() -> None:
    """The panel on the settings page shows the setting, its safe value and the answers: none of its words,
    in the app's table or in the page script, may say the guidance was verified or confirmed."""
    from privacy_audit.browser.protocol import PANEL_TEXT
    from privacy_audit.core.paths import resource_path

    for key, words in PANEL_TEXT.items():
        assert not CLAIMS_A_CHECK.search(words), key
    for script in ("guidance.js", "panel_actions.js"):
        text = resource_path("overlay", script).read_text(encoding="utf-8")
        strings = re.findall(r"""(["'`])((?:(?!\1).)*)\1""", text)
        assert not any(CLAIMS_A_CHECK.search(value) for _, value in strings), script
