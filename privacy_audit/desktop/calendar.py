"""A calendar file (.ics) with one all-day "Privacy check due" event for each term start in the coming year.

People import it into Outlook, Google Calendar or Apple Calendar so the termly check shows up beside their
timetable, even on a phone where this app does not run. Built with the maintained `icalendar` library rather
than by hand: line folding, escaping and the required properties (VERSION, PRODID, UID, DTSTAMP) are easy to
get subtly wrong, and Outlook is strict about them.

UIDs are derived from the school and the date, so importing a newer file updates the same events instead of
adding duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

PRODID = "-//Privacy Audit//Termly privacy check//EN"
EVENT_SUMMARY = "Privacy check due"
LOOKAHEAD = dt.timedelta(days=366)  # "the next school year": every term that starts within a year from today
ALARM_BEFORE = dt.timedelta(hours=15)  # 09:00 on the day before an all-day event that starts at midnight


class CalendarError(ValueError):
    """Nothing sensible to write; str(e) says what to do."""


def upcoming_term_starts(term_starts: list[dt.date], today: dt.date) -> list[dt.date]:
    """The term starts from `today` (inclusive) to a year ahead, in order, without repeats."""
    return sorted({start for start in term_starts if today <= start and (start - today) < LOOKAHEAD})


def build_term_calendar(
    *, term_starts: list[dt.date], school_name: str, today: dt.date, now: dt.datetime | None = None
) -> bytes:
    """The .ics bytes for the coming year's terms; CalendarError when no term starts in that year."""
    from icalendar import Alarm, Calendar, Event, vText

    from privacy_audit.core.text import one_line

    starts = upcoming_term_starts(term_starts, today)
    if not starts:
        raise CalendarError(
            f"No term starts between {today.isoformat()} and {(today + LOOKAHEAD).isoformat()}, so there is nothing "
            "to put in a calendar. Ask your school to add next year's term dates to school.yaml (term_starts)."
        )
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    # A name with CR or LF in it would break the line it is on, or start a property of its own.
    school = one_line(school_name) or "your school"
    school_key = hashlib.sha256(school.encode("utf-8")).hexdigest()[:12]

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")  # Outlook imports PUBLISH calendars as plain events, not invitations
    calendar.add("x-wr-calname", vText(f"Privacy checks ({school})"))  # escaped like SUMMARY
    for start in starts:
        description = (
            "A new term has started: check the privacy settings of your personal social media accounts, as the "
            f"staff social media policy of {school} asks (section 9). Open Privacy Audit and run the check for each "
            "platform you use; it takes a few minutes and nothing leaves your computer."
        )
        event = Event()
        event.add("uid", f"privacy-check-{start.isoformat()}-{school_key}@privacy-audit.invalid")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)  # a date, so an all-day event
        event.add("dtend", start + dt.timedelta(days=1))
        event.add("summary", EVENT_SUMMARY)
        event.add("description", description)
        event.add("categories", ["Privacy Audit"])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it must not show as busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{EVENT_SUMMARY}: check your social media privacy settings")
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def write_term_calendar(path: Path, *, term_starts: list[dt.date], school_name: str, today: dt.date) -> int:
    """Write the coming year's "Privacy check due" events to `path` (atomically); return how many."""
    data = build_term_calendar(term_starts=term_starts, school_name=school_name, today=today)
    from privacy_audit.core.files import write_atomically

    # An interrupted export never leaves half a calendar behind.
    write_atomically(Path(path), data)
    return data.count(b"BEGIN:VEVENT")
