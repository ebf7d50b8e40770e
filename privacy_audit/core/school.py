"""The school's own settings (`school.yaml`): name, contact, term dates, platforms, extra items, rules.

IT places one file where the app looks, in this order: `--school-config FILE`, $PRIVACY_AUDIT_SCHOOL_CONFIG,
`school.yaml` beside the program, then the machine-wide config folder. With no file the built-in defaults
apply. A broken file never stops the app: each part with a mistake (a field, one list entry, one extra item)
is left out and reported as FILE:LINE, and the rest of the file applies (`core.loading.read_school_config`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints, field_validator

from privacy_audit.core.checklist import (
    Checklist,
    Domain,
    Item,
    PlatformId,
    ShortText,
    _Strict,
    provenance_problems,
)
from privacy_audit.core.platforms import PLATFORM_IDS
from privacy_audit.core.urls import host_is_allowed, url_host_template
from privacy_audit.core.yamlsource import NotADate

# Term dates outside these years are a typing mistake (or a hostile file); refusing them keeps every date sum
# the app makes (terms, reminders, calendars) far from the ends of what a date can hold.
EARLIEST_TERM_YEAR = 1970
LATEST_TERM_YEAR = 2200
MAX_TERM_STARTS = 300  # a hundred years of three terms
MAX_EXTRA_ITEMS = 40  # as many as a whole checklist may have
MAX_EMAIL_DOMAINS = 20


def _sane_year(day: dt.date) -> dt.date:
    if not EARLIEST_TERM_YEAR <= day.year <= LATEST_TERM_YEAR:
        raise ValueError(
            f"{day.isoformat()} is not a term date this app accepts; use a date between "
            f"{EARLIEST_TERM_YEAR} and {LATEST_TERM_YEAR}"
        )
    return day


def _written_as_a_date(value: object) -> object:
    """A term date must be written as a date; a number, text or a date with a time gets a sentence saying
    how to write it (pydantic's own "input should be a valid date" does not)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    shown = repr("".join(ch if ch.isprintable() else "?" for ch in str(value))[:40])
    if isinstance(value, NotADate):
        problem = f"{value} is not a real date; write it as year-month-day"
    elif isinstance(value, str):
        problem = f"{shown} is text in quotes, not a date; write the date without quotes"
    else:
        problem = f"{shown} is not a date; write each term date as year-month-day"
    raise ValueError(f"{problem}, for example 2026-09-03")


# A date written as a date (2026-09-03); a number such as 20260903 is refused instead of read as Unix time.
TermDate = Annotated[dt.date, BeforeValidator(_written_as_a_date), Strict(), AfterValidator(_sane_year)]
# true/false written as such; 'yes', 1 or "true" in quotes are refused instead of guessed at.
Flag = Annotated[bool, Strict()]


# Whom the policy itself sends staff to (6.1) when the school has named nobody in school.yaml.
POLICY_CONTACT = "the Head of School or another member of the Senior Management Team"


class Contact(_Strict):
    """Who staff should go to with a concern or a pupil's friend request (policy 6.1)."""

    name: ShortText | None = None
    role: ShortText | None = None
    email: Annotated[str, StringConstraints(max_length=200)] | None = None
    phone: Annotated[str, StringConstraints(max_length=60)] | None = None

    def describe(self) -> str:
        """Whom to talk to, as the school named them (name and role, email, phone); without a name or a
        role, the policy's own words, never a made-up person. The one rule for every screen and document."""
        if self.name and self.role:
            who = f"{self.name} ({self.role})"
        else:
            who = self.name or self.role or POLICY_CONTACT
        return ", ".join([who, *(value for value in (self.email, self.phone) if value)])


class ExtraItem(Item):
    """A school's own checklist item, added to one platform's checklist (or to `general`)."""

    platform: PlatformId


class SchoolConfig(_Strict):
    """Everything a school can set; every field has a default so an empty file (or none) works."""

    schema_version: Literal[1] = 1
    school_name: ShortText = "Your school"
    contact: Contact = Field(default_factory=Contact)
    term_starts: list[TermDate] = Field(
        default_factory=list,
        max_length=MAX_TERM_STARTS,
        description=f"first day of each term ({EARLIEST_TERM_YEAR}-{LATEST_TERM_YEAR}); empty means the usual "
        "English school year",
    )
    platforms: list[PlatformId] = Field(default_factory=lambda: list(PLATFORM_IDS), max_length=50)
    extra_items: list[ExtraItem] = Field(default_factory=list, max_length=MAX_EXTRA_ITEMS)
    email_domains: list[Domain] = Field(
        default_factory=list,
        max_length=MAX_EMAIL_DOMAINS,
        description="the school's email domains (policy 7.4)",
    )
    reminder_interval_days: Annotated[int, Strict(), Field(ge=7, le=366)] | None = Field(
        default=None, description="also remind when a platform has not been checked for this many days"
    )
    staff_may_list_school_on_linkedin: Flag = False
    allow_keeping_sign_ins: Flag = False
    start_at_login: Flag = Field(default=True, description="turn reminders at login on for new users")
    statement_of_acceptance: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] | None
    ) = Field(
        default=None,
        description="the exact wording of the school's Statement of Acceptance (policy 11.3, Appendix 1); "
        "the app quotes only this, and without it says to complete the school's own form",
    )

    @field_validator("schema_version", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int):
            shown = str(value).lower() if isinstance(value, bool) else str(value)[:40]  # as YAML writes it
            raise ValueError(f"schema_version must be the number 1, not {shown!r}")  # noqa: TRY004 (pydantic reports ValueError)
        return value

    @field_validator("term_starts")
    @classmethod
    def _sorted_unique(cls, dates: list[dt.date]) -> list[dt.date]:
        return sorted(set(dates))


def extra_item_problem(
    extra: ExtraItem, checklist: Checklist, taken_ids: set[str]
) -> tuple[tuple[str, ...], str] | None:
    """Why a school's extra item cannot join `checklist`, as (the item's field, message); None when it can."""
    if extra.id in taken_ids:
        return ("id",), f"the id '{extra.id}' is already used by an item of the {checklist.name} checklist"
    if extra.where.url:
        host = url_host_template(extra.where.url)
        if not checklist.domains:
            return ("where", "url"), f"{checklist.name} items cannot have a web address; use 'app' instead"
        if not host_is_allowed(host, checklist.domains):
            return (
                "where",
                "url",
            ), f"'{host}' is not one of {checklist.name}'s domains ({', '.join(checklist.domains)})"
    return None


def config_problems(
    config: SchoolConfig, known_platforms: frozenset[str] = frozenset(PLATFORM_IDS)
) -> list[tuple[tuple[str | int, ...], str]]:
    """Rules that need knowledge outside the file: platform ids the app has a checklist for."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    valid = ", ".join(sorted(known_platforms))
    for index, platform in enumerate(config.platforms):
        if platform not in known_platforms:
            problems.append(
                (("platforms", index), f"'{platform}' is not a platform the app knows (valid: {valid})")
            )
    # A day's grace: a school in another time zone may already be on tomorrow's date.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    for index, item in enumerate(config.extra_items):
        problems.extend(provenance_problems(item.provenance, ("extra_items", index, "provenance"), tomorrow))
        if item.platform not in known_platforms:
            problems.append(
                (
                    ("extra_items", index, "platform"),
                    f"'{item.platform}' is not a platform the app knows (valid: {valid})",
                )
            )
    return problems


@dataclass
class SchoolConfigSource:
    """The config in force, the file it came from (None for built-in defaults), and any problems found.

    `problems` is the list for the app's banner and the commands' warnings: one `FILE:LINE: where: message`
    line per part of the file that was left out. `kept` says in words what of the file is in use (for
    example "school_name, contact, platforms (3 of 4)"), so the banner can say what still applies."""

    config: SchoolConfig
    path: Path | None
    problems: list[str] = field(default_factory=list)
    kept: str = ""

    @property
    def describe(self) -> str:
        return str(self.path) if self.path else "built-in defaults"
