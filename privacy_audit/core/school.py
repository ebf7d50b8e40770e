"""The school's own settings (`school.yaml`): name, contact, term dates, platforms, extra items, rules.

IT places one file where the app looks, in this order: `--school-config FILE`, $PRIVACY_AUDIT_SCHOOL_CONFIG,
`school.yaml` beside the program, then the machine-wide config folder. With no file the built-in defaults
apply. A broken file never stops the app: it runs on the defaults and says which file is wrong and where.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from privacy_audit.core.checklist import (
    Checklist,
    Domain,
    Item,
    PlatformId,
    ShortText,
    _Strict,
    host_is_allowed,
    url_host_template,
)
from privacy_audit.core.platforms import PLATFORM_IDS


class Contact(_Strict):
    """Who staff should go to with a concern or a pupil's friend request (policy 6.1)."""

    name: ShortText = "your Head of School"
    role: ShortText | None = None
    email: Annotated[str, StringConstraints(max_length=200)] | None = None
    phone: Annotated[str, StringConstraints(max_length=60)] | None = None

    def describe(self) -> str:
        parts = [self.name + (f" ({self.role})" if self.role else "")]
        parts += [value for value in (self.email, self.phone) if value]
        return ", ".join(parts)


class ExtraItem(Item):
    """A school's own checklist item, added to one platform's checklist (or to `general`)."""

    platform: PlatformId


class SchoolConfig(_Strict):
    """Everything a school can set; every field has a default so an empty file (or none) works."""

    schema_version: Literal[1] = 1
    school_name: ShortText = "Your school"
    logo: Path | None = Field(default=None, description="image file, relative to school.yaml")
    contact: Contact = Field(default_factory=Contact)
    term_starts: list[dt.date] = Field(
        default_factory=list, description="first day of each term; empty means the usual English school year"
    )
    platforms: list[PlatformId] = Field(default_factory=lambda: list(PLATFORM_IDS))
    extra_items: list[ExtraItem] = Field(default_factory=list)
    email_domains: list[Domain] = Field(
        default_factory=list, description="the school's email domains (policy 7.4)"
    )
    reminder_interval_days: Annotated[int, Field(ge=7, le=366)] | None = Field(
        default=None, description="also remind when a platform has not been checked for this many days"
    )
    staff_may_list_school_on_linkedin: bool = False
    allow_keeping_sign_ins: bool = False
    start_at_login: bool = Field(default=True, description="turn reminders at login on for new users")
    statement_of_acceptance: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] | None
    ) = Field(
        default=None,
        description="the exact wording of the school's Statement of Acceptance (policy 11.3, Appendix 1); "
        "the app quotes only this, and without it says to complete the school's own form",
    )

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
    for index, item in enumerate(config.extra_items):
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
    """The config in force, the file it came from (None for built-in defaults), and any problems found."""

    config: SchoolConfig
    path: Path | None
    problems: list[str] = field(default_factory=list)

    @property
    def describe(self) -> str:
        return str(self.path) if self.path else "built-in defaults"
