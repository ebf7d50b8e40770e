"""Guidance older than six months is flagged as possibly out of date, in words a teacher can act on."""

from __future__ import annotations

import datetime as dt

import pytest

from privacy_audit.core.checklist import Checklist
from privacy_audit.core.freshness import (
    MAX_AGE_DAYS,
    OUT_OF_DATE_TEXT,
    checklist_freshness,
    freshness,
    long_date,
    may_be_out_of_date,
    stale_items,
)

VERIFIED = dt.date(2026, 11, 27)


def test_guidance_verified_today_is_fresh() -> None:
    assert not may_be_out_of_date(VERIFIED, VERIFIED)


def test_guidance_exactly_183_days_old_is_still_fresh() -> None:
    assert not may_be_out_of_date(VERIFIED, VERIFIED + dt.timedelta(days=183))


def test_guidance_184_days_old_may_be_out_of_date() -> None:
    assert may_be_out_of_date(VERIFIED, VERIFIED + dt.timedelta(days=184))


def test_the_limit_is_six_months() -> None:
    assert MAX_AGE_DAYS == 183


def test_a_verified_date_after_today_is_not_flagged() -> None:
    # A wrong clock is not something the person can fix by telling their school.
    assert not may_be_out_of_date(VERIFIED, VERIFIED - dt.timedelta(days=400))
    assert freshness(VERIFIED, VERIFIED - dt.timedelta(days=400)).age_days == 0


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2026, 11, 27), "27 November 2026"),
        (dt.date(2027, 1, 1), "1 January 2027"),
        (dt.date(2026, 5, 9), "9 May 2026"),
    ],
)
def test_dates_are_written_the_english_school_way(day: dt.date, words: str) -> None:
    assert long_date(day) == words


def test_fresh_guidance_says_only_when_it_was_verified() -> None:
    shown = freshness(VERIFIED, VERIFIED + dt.timedelta(days=30))
    assert shown.text == "Guidance last verified on 27 November 2026"
    assert not shown.out_of_date
    assert shown.age_days == 30


def test_old_guidance_says_when_it_was_verified_and_asks_the_person_to_tell_their_school() -> None:
    shown = freshness(dt.date(2026, 1, 5), dt.date(2026, 11, 27))
    assert shown.out_of_date
    assert shown.verified_text == "Guidance last verified on 5 January 2026"
    assert shown.text.startswith("Guidance last verified on 5 January 2026")
    assert shown.text.endswith("may be out of date — tell your school if the setting has moved")
    assert OUT_OF_DATE_TEXT in shown.text


def _checklist(*verified: dt.date) -> Checklist:
    return Checklist.model_validate(
        {
            "schema_version": 1,
            "platform": "example",
            "name": "Example",
            "last_reviewed": max(verified),
            "items": [
                {
                    "id": f"item-{index}",
                    "title": "A setting",
                    "why": "Because pupils could see it.",
                    "clauses": ["9.1a"],
                    "steps": ["Open the settings."],
                    "safe_value": "Off",
                    "where": {"app": "Settings"},
                    "last_verified": day,
                    "source": "test",
                }
                for index, day in enumerate(verified)
            ],
        }
    )


def test_a_checklist_is_as_fresh_as_its_oldest_item() -> None:
    checklist = _checklist(dt.date(2026, 11, 27), dt.date(2026, 3, 1), dt.date(2026, 10, 1))
    shown = checklist_freshness(checklist, dt.date(2026, 11, 27))
    assert shown.last_verified == dt.date(2026, 3, 1)
    assert shown.out_of_date


def test_stale_items_names_only_the_old_ones_in_checklist_order() -> None:
    checklist = _checklist(dt.date(2026, 1, 2), dt.date(2026, 11, 27), dt.date(2025, 12, 1))
    assert stale_items(checklist, dt.date(2026, 11, 27)) == ["item-0", "item-2"]
    assert stale_items(checklist, dt.date(2026, 6, 1)) == []


def test_freshness_does_not_need_pydantic_or_qt_to_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, privacy_audit.core.freshness;"
        "bad = [m for m in ('pydantic', 'PySide6', 'playwright') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
