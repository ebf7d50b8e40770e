"""The term calendar (.ics): one all-day "Privacy check due" event with an alarm per term in the coming year."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from privacy_audit.desktop.calendar import (
    CalendarError,
    build_term_calendar,
    upcoming_term_starts,
    write_term_calendar,
)

TERMS = [
    dt.date(2026, 4, 20),
    dt.date(2026, 9, 2),
    dt.date(2027, 1, 4),
    dt.date(2027, 4, 19),
    dt.date(2027, 9, 1),
    dt.date(2028, 1, 3),
]


def read_events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return calendar, list(calendar.walk("VEVENT"))


def test_the_file_holds_one_all_day_event_per_term_starting_within_the_next_year(tmp_path):
    path = tmp_path / "terms.ics"
    count = write_term_calendar(
        path, term_starts=TERMS, school_name="Oak Hill Academy", today=dt.date(2026, 8, 15)
    )

    _calendar, events = read_events(path)
    assert count == 3 == len(events)
    assert [event.decoded("dtstart") for event in events] == [
        dt.date(2026, 9, 2),
        dt.date(2027, 1, 4),
        dt.date(2027, 4, 19),
    ]
    for event in events:
        start = event.decoded("dtstart")
        assert type(start) is dt.date  # all-day: a date, not a datetime
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
        assert str(event["summary"]) == "Privacy check due"
        assert "Oak Hill Academy" in str(event["description"])


def test_the_calendar_has_what_outlook_and_google_calendar_require(tmp_path):
    path = tmp_path / "terms.ics"
    write_term_calendar(path, term_starts=TERMS, school_name="Oak Hill Academy", today=dt.date(2026, 8, 15))
    calendar, events = read_events(path)

    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//Privacy Audit//")
    assert str(calendar["method"]) == "PUBLISH"
    uids = [str(event["uid"]) for event in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        stamp = event.decoded("dtstamp")
        assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 line folding


def test_each_event_carries_a_display_alarm_the_morning_before(tmp_path):
    path = tmp_path / "terms.ics"
    write_term_calendar(path, term_starts=TERMS, school_name="Oak Hill Academy", today=dt.date(2026, 8, 15))
    _calendar, events = read_events(path)

    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0]["description"]
        assert alarms[0].decoded("trigger") == -dt.timedelta(hours=15)


def test_exporting_again_later_keeps_the_same_uids_so_calendars_update_rather_than_duplicate(tmp_path):
    first = build_term_calendar(term_starts=TERMS, school_name="Oak Hill", today=dt.date(2026, 8, 15))
    again = build_term_calendar(
        term_starts=TERMS,
        school_name="Oak Hill",
        today=dt.date(2026, 8, 16),
        now=dt.datetime(2026, 8, 16, tzinfo=dt.UTC),
    )
    other_school = build_term_calendar(term_starts=TERMS, school_name="Elm Park", today=dt.date(2026, 8, 15))

    def uids(data):
        return [str(e["uid"]) for e in Calendar.from_ical(data).walk("VEVENT")]

    assert uids(first) == uids(again)
    assert set(uids(first)).isdisjoint(uids(other_school))


def test_a_term_starting_today_is_included_and_repeated_dates_count_once():
    today = dt.date(2027, 1, 4)
    assert upcoming_term_starts(TERMS + [today], today)[0] == today
    assert upcoming_term_starts(TERMS + [today], today).count(today) == 1
    assert dt.date(2028, 1, 3) not in upcoming_term_starts(TERMS, dt.date(2026, 12, 1))  # beyond a year ahead


def test_a_school_name_with_commas_semicolons_and_accents_survives_the_round_trip(tmp_path):
    path = tmp_path / "terms.ics"
    name = "St Mary's C of E; Ysgol Gymraeg Llanelli, Zoë's campus"
    write_term_calendar(path, term_starts=TERMS, school_name=name, today=dt.date(2026, 8, 15))
    _calendar, events = read_events(path)
    assert name in str(events[0]["description"])


def test_no_term_in_the_coming_year_is_a_clear_error_and_writes_nothing(tmp_path):
    path = tmp_path / "terms.ics"
    with pytest.raises(CalendarError, match="term_starts"):
        write_term_calendar(path, term_starts=TERMS, school_name="Oak Hill", today=dt.date(2030, 1, 1))
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_writing_replaces_an_older_calendar_file_whole(tmp_path):
    path = tmp_path / "terms.ics"
    path.write_text("old calendar")
    write_term_calendar(path, term_starts=TERMS, school_name="Oak Hill", today=dt.date(2026, 8, 15))
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["terms.ics"]
