"""What the app may truthfully say about where an item's guidance comes from, in one place.

Every screen that shows guidance (the check screen, the terminal `check`, the PDF, the on-page panel) uses
`guidance_status`, so they all say the same thing and none says more than the provenance shows:

- no live check: "Written in November 2026 from published guides. Not yet checked on the live site."
- a recent live check that found the labels: "Checked on the TikTok Android app on 12 January 2027."
- an old live check (older than 183 days; 92 for platforms that move settings often): "Last checked on
  the live site on 12 January 2027; it may be out of date."
- a live check that did not find the labels: "When checked on 12 January 2027 the live site did not match
  these steps; they may be out of date."
- low confidence adds "We are less sure where this setting is."

The word "verified" is never used: a person can only have *checked* a screen on a day, and an item nobody has
checked says so. Pure functions of dates (no clock is read; callers pass `today`). The English sentences are
templates with `{placeholders}`; the desktop app translates each template in `PROVENANCE_CONTEXT` and then
fills it, so a translation never has to take a whole line apart. Dates use fixed English month names, never
the process locale, so the same record reads the same on every machine (the terminal and the PDF; the
screens write dates with `ui.dates`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from privacy_audit.core.checklist import Item, LiveCheck


class _Named(Protocol):
    """A checklist, as far as the wording needs it."""

    platform: str
    name: str


# Six months: half a leap year, so a date six calendar months back never counts as old by a day.
MAX_AGE_DAYS = 183
# Platforms that rename and move privacy settings several times a year: three months.
FAST_MAX_AGE_DAYS = 92
FAST_CHANGING_PLATFORMS = frozenset({"tiktok", "instagram", "snapchat", "x", "threads"})

# Context for Qt's translation tools: QCoreApplication.translate(PROVENANCE_CONTEXT, sentence.template).
PROVENANCE_CONTEXT = "Provenance"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's lupdate looks for
    """Marks a template for translation (lupdate reads the source, so the desktop app's translation file
    gets every template under `context`) and returns it unchanged: the core stays free of Qt."""
    return text


WRITTEN_FROM_GUIDES = QT_TRANSLATE_NOOP("Provenance", "Written in {month} from published guides.")
WRITTEN_FROM_NOTES = QT_TRANSLATE_NOOP("Provenance", "Written in {month} from our research notes.")
WRITTEN_NO_SOURCE = QT_TRANSLATE_NOOP("Provenance", "Written in {month}.")
NOT_CHECKED = QT_TRANSLATE_NOOP("Provenance", "Not yet checked on the live site.")
CHECKED_WEB = QT_TRANSLATE_NOOP("Provenance", "Checked on the {platform} website on {date}.")
CHECKED_IOS = QT_TRANSLATE_NOOP("Provenance", "Checked on the {platform} iPhone app on {date}.")
CHECKED_ANDROID = QT_TRANSLATE_NOOP("Provenance", "Checked on the {platform} Android app on {date}.")
CHECK_OLD = QT_TRANSLATE_NOOP("Provenance", "Last checked on the live site on {date}; it may be out of date.")
CHECK_MISMATCH = QT_TRANSLATE_NOOP(
    "Provenance", "When checked on {date} the live site did not match these steps; they may be out of date."
)
LOW_CONFIDENCE = QT_TRANSLATE_NOOP("Provenance", "We are less sure where this setting is.")
ADVICE = QT_TRANSLATE_NOOP("Provenance", "Good practice, not a policy rule.")

_CHECKED = {"web": CHECKED_WEB, "ios": CHECKED_IOS, "android": CHECKED_ANDROID}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """'27 November 2026': day, month name, year, the way dates are written in English schools."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_year(day: dt.date) -> str:
    """'November 2026'."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


class StatusKind(str, Enum):
    """Which of the statements above applies; screens style old and mismatched checks as warnings."""

    NOT_CHECKED = "not_checked"
    CHECKED = "checked"
    CHECK_OLD = "check_old"
    CHECK_MISMATCH = "check_mismatch"


@dataclass(frozen=True)
class Sentence:
    """One sentence: an English template and the values for its placeholders."""

    template: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**dict(self.values))


@dataclass(frozen=True)
class GuidanceStatus:
    kind: StatusKind
    sentences: tuple[Sentence, ...]
    low_confidence: bool

    @property
    def line(self) -> str:
        """The whole statement in English, sentences joined by a space."""
        return " ".join(sentence.text for sentence in self.sentences)

    @property
    def warn(self) -> bool:
        """True when the last live check is old or did not match: the person should know before trusting it."""
        return self.kind in (StatusKind.CHECK_OLD, StatusKind.CHECK_MISMATCH)


def max_age_days(platform: str) -> int:
    return FAST_MAX_AGE_DAYS if platform in FAST_CHANGING_PLATFORMS else MAX_AGE_DAYS


def latest_check(item: Item) -> LiveCheck | None:
    """The most recent live check (by date; of two on one day, the later in the list)."""
    checks = item.provenance.live_checks
    if not checks:
        return None
    return max(reversed(checks), key=lambda check: check.on)


def guidance_status(
    item: Item, today: dt.date, platform: str | _Named, platform_name: str | None = None
) -> GuidanceStatus:
    """What may be said about `item` on `today`.

    `platform` is the platform id (for the age limit) with `platform_name` the name people know ('TikTok'),
    or simply the item's Checklist, which carries both. Advice items start with "Good practice, not a policy
    rule." so no screen presents them as something the policy requires.
    """
    if isinstance(platform, str):
        platform_id, name = platform, platform_name or platform
    else:
        platform_id, name = platform.platform, platform_name or platform.name
    provenance = item.provenance
    low = provenance.confidence == "low"
    check = latest_check(item)
    sentences: list[Sentence] = [Sentence(ADVICE)] if item.advice else []
    if check is None:
        kind = StatusKind.NOT_CHECKED
        kinds = {source.kind for source in provenance.sources}
        if kinds - {"research_notes"}:
            written = WRITTEN_FROM_GUIDES
        elif kinds:
            written = WRITTEN_FROM_NOTES
        else:
            written = WRITTEN_NO_SOURCE
        sentences.append(Sentence(written, (("month", month_year(provenance.written)),)))
        sentences.append(Sentence(NOT_CHECKED))
    else:
        date = ("date", long_date(check.on))
        # A check dated after `today` (a wrong clock) is not old: the warning is for old guidance.
        if check.result != "labels_found":
            kind = StatusKind.CHECK_MISMATCH
            sentences.append(Sentence(CHECK_MISMATCH, (date,)))
        elif (today - check.on).days > max_age_days(platform_id):
            kind = StatusKind.CHECK_OLD
            sentences.append(Sentence(CHECK_OLD, (date,)))
        else:
            kind = StatusKind.CHECKED
            sentences.append(Sentence(_CHECKED[check.surface], (("platform", name), date)))
    if low:
        sentences.append(Sentence(LOW_CONFIDENCE))
    return GuidanceStatus(kind=kind, sentences=tuple(sentences), low_confidence=low)


def checked_live(items: Iterable[Item], today: dt.date, platform: str) -> int:
    """How many of `items` have a live check recent enough to rely on (for the dashboard's count)."""
    count = 0
    for item in items:
        check = latest_check(item)
        if (
            check is not None
            and check.result == "labels_found"
            and (today - check.on).days <= max_age_days(platform)
        ):
            count += 1
    return count
