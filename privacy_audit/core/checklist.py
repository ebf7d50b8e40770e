"""The checklist file format: one YAML file per platform, validated with pydantic.

The shape (fields, types, allowed values) is checked by the models; the rules that need the whole file or
outside knowledge (unique item ids, known policy clauses, URLs on the platform's own domains, declared URL
parameters) are checked by `checklist_problems`, so each problem can point at the exact field and line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from privacy_audit.core.settings import PHONES
from privacy_audit.core.urls import host_is_allowed, url_host_template

SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
PlatformId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=30)]
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
MAX_DOMAIN_LENGTH = 253


def _domain_name(value: str) -> str:
    """A web or email domain, lowered: domains are case-insensitive, so `Example.SCH.UK` is example.sch.uk.
    Lowered before the form is checked (a pattern in StringConstraints runs before its own to_lower)."""
    lowered = value.strip().lower()
    if len(lowered) > MAX_DOMAIN_LENGTH or not _DOMAIN.match(lowered):
        shown = "".join(ch if ch.isprintable() else "?" for ch in value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise ValueError(
            f"'{shown}' is not a domain name: write it like example.sch.uk (letters, digits and dashes, "
            "with a dot between the parts, and no spaces, slashes or @)"
        )
    return lowered


Domain = Annotated[
    str,
    StringConstraints(max_length=MAX_DOMAIN_LENGTH + 64),  # a cheap first bound; the rule is _domain_name
    AfterValidator(_domain_name),
]
ClauseId = Annotated[str, StringConstraints(pattern=r"^\d+(?:\.\d+)*[a-z]?$", max_length=12)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Priority = Literal["high", "medium", "low"]

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# A school setting an item's safe value can depend on; each is a boolean in school.yaml.
SchoolSetting = Literal["staff_may_list_school_on_linkedin"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


# Only the characters RFC 3986 allows in a URL, plus `{` `}` around parameters. Anything else is refused
# rather than interpreted: a browser reads `https://evil.example\.facebook.com/` as evil.example, while
# Python's urlsplit sees a host ending in facebook.com.
_URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%{}]+$")
_HOST = re.compile(r"^(?:\{[a-z_][a-z0-9_]*\}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$")


def check_url_form(url: str) -> str:
    """A settings URL must be https; placeholders like `{server}` are allowed and filled in later."""
    if any(ch.isspace() for ch in url):
        raise ValueError("a URL cannot contain spaces")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme != "https":
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise ValueError(f"the URL must start with https:// (it has {shown})")
    if not _URL_CHARACTERS.match(url):
        bad = next(ch for ch in url if not _URL_CHARACTERS.match(ch))
        raise ValueError(
            f"the URL contains {bad!r} (U+{ord(bad):04X}), which is not allowed in a web address"
        )
    if not url.lower().startswith("https://"):
        raise ValueError("the URL must start with https://")
    parts = urlsplit(_PLACEHOLDER.sub("placeholder", url))
    if not parts.hostname:
        raise ValueError("the URL has no web address after https://")
    if parts.username or parts.password or "@" in url_host_template(url):
        raise ValueError("the URL must not contain a user name or password")
    host = url_host_template(url)
    if not _HOST.match(host):
        raise ValueError(
            f"'{host}' is not a web address the app accepts (a name like www.example.com, no port)"
        )
    return url


# Which `Where` field holds each phone's own path; shown as "On iPhone" / "On Android".
_PHONE_FIELD: dict[str, str] = dict(zip(PHONES, ("ios", "android"), strict=True))


class Where(_Strict):
    """Where the setting lives: a web settings page, a path in the phone app, or both.

    `ios` and `android` are given only where the two apps really differ; `app` is the path they share.
    An item that gives one phone's own path must still say where the other phone's setting is (its own
    path, or `app`), so nobody is left with half the steps.
    """

    url: str | None = Field(default=None, description="https settings page on one of the platform's domains")
    app: ShortText | None = Field(
        default=None, description="path in the phone app, e.g. 'Profile › ⚙ › Privacy'"
    )
    ios: ShortText | None = Field(
        default=None, description="the iPhone app's path, only where it differs from Android's ('On iPhone')"
    )
    android: ShortText | None = Field(
        default=None, description="the Android app's path, only where it differs from iPhone's ('On Android')"
    )

    @field_validator("url")
    @classmethod
    def _https(cls, url: str | None) -> str | None:
        return None if url is None else check_url_form(url)

    @model_validator(mode="after")
    def _one_of(self) -> Where:
        if self.url is None and self.app is None and self.ios is None and self.android is None:
            raise ValueError("give a settings 'url', an 'app' path, or both")
        if self.app is None and (self.ios is None) != (self.android is None):
            given, missing = ("ios", "android") if self.ios is not None else ("android", "ios")
            raise ValueError(
                f"'{given}' is given but '{missing}' is not: give the other phone's path too, or the shared 'app' path"
            )
        return self

    def phone_path(self, phone: str | None) -> str | None:
        """The path to follow on `phone` ("iphone" / "android"): its own path where it differs, else `app`."""
        if phone in _PHONE_FIELD:
            own: str | None = getattr(self, _PHONE_FIELD[phone])
            if own is not None:
                return own
        return self.app

    def phone_paths(self, phone: str | None = None) -> list[tuple[str, str]]:
        """The phone steps to show, as (kind, path) with kind "iphone", "android" or "app" (for "In the app").

        With a phone chosen, only its path; without one, both phones' paths where they differ, else the
        shared one. Empty when the setting is on the web only.
        """
        if phone in _PHONE_FIELD:
            path = self.phone_path(phone)
            if path is None:
                return []
            own = getattr(self, _PHONE_FIELD[phone]) is not None
            return [(phone if own else "app", path)]
        if self.ios is None and self.android is None:
            return [("app", self.app)] if self.app is not None else []
        return [(kind, path) for kind in _PHONE_FIELD if (path := self.phone_path(kind)) is not None]

    @property
    def on_phone(self) -> bool:
        """True when the setting can be changed in the phone app."""
        return self.app is not None or self.ios is not None or self.android is not None


class SchoolChoice(_Strict):
    """An item whose safe value is the school's decision, read from a boolean in school.yaml."""

    setting: SchoolSetting
    if_allowed: Text
    if_not_allowed: Text


def _date_only(value: object) -> object:
    """A YAML timestamp (2026-11-27 10:00) is refused: every provenance date is a day, not a moment."""
    if isinstance(value, dt.datetime):
        raise ValueError("give a date like 2026-11-27, without a time")  # noqa: TRY004 - pydantic wants ValueError
    return value


Day = Annotated[dt.date, BeforeValidator(_date_only)]
Confidence = Literal["high", "medium", "low"]
SourceKind = Literal["official_help", "third_party", "public_code", "research_notes"]
Surface = Literal["web", "ios", "android"]
CheckOutcome = Literal["labels_found", "different_label", "not_found"]


class Source(_Strict):
    """Something a person actually read while writing the item; a source nobody read is not listed."""

    title: ShortText
    url: str | None = Field(
        default=None, description="https address of what was read; required for official_help"
    )
    kind: SourceKind = Field(
        description="official_help (the platform's help centre) | third_party | public_code | research_notes"
    )
    read_on: Day = Field(description="the day it was read; not in the future")
    note: ShortText | None = Field(default=None, description="short remark, e.g. 'archived copy, undated'")

    @field_validator("url")
    @classmethod
    def _https(cls, url: str | None) -> str | None:
        return None if url is None else check_url_form(url)

    @model_validator(mode="after")
    def _official_has_url(self) -> Source:
        if self.kind == "official_help" and self.url is None:
            raise ValueError("an official_help source needs the 'url' of the page that was read")
        return self


class LiveCheck(_Strict):
    """Someone looked at the real settings screen. Appended, never edited; `by` is a role, not a name."""

    on: Day = Field(description="the day of the check; not in the future, not before the item's 'written'")
    surface: Surface
    region: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="two-letter country code of the account's region, e.g. GB"
    )
    result: CheckOutcome = Field(
        description="labels_found (the labels were there) | different_label | not_found"
    )
    labels_seen: list[ShortText] = Field(
        default_factory=list, description="the labels seen on the screen; required for labels_found"
    )
    app_version: ShortText | None = Field(default=None, description="for ios/android, e.g. 'TikTok 38.4.1'")
    method: ShortText = Field(description="'manual', or the tool and its version, e.g. 'labels tool 1.0'")
    by: ShortText = Field(description="a role such as 'trust IT', never a person's name")

    @model_validator(mode="after")
    def _labels_when_found(self) -> LiveCheck:
        if self.result == "labels_found" and not self.labels_seen:
            raise ValueError("a labels_found check must list the labels_seen")
        return self


class Provenance(_Strict):
    """Where an item's guidance comes from and how sure we are of it.

    confidence: high = a live check in the last six months, or an official help page read in the last three
    months that uses the label; medium = one recent official source or two independent sources; low =
    otherwise ("we are less sure where this is").
    """

    written: Day = Field(description="when the item's text was last written or revised")
    confidence: Confidence = Field(
        description=(
            "high: a live check in the last 6 months, or an official help page read in the last 3 months that"
            " uses the label; medium: one recent official source or two independent sources; low: otherwise"
            " (the app then says 'We are less sure where this setting is')"
        )
    )
    sources: list[Source] = Field(default_factory=list, description="only what was actually read")
    live_checks: list[LiveCheck] = Field(
        default_factory=list, description="append-only; empty until someone looked at the real screen"
    )

    @model_validator(mode="after")
    def _checks_after_written(self) -> Provenance:
        for check in self.live_checks:
            if check.on < self.written:
                raise ValueError(
                    f"a live check on {check.on.isoformat()} is before the text was written "
                    f"({self.written.isoformat()}); it checked older text"
                )
        return self


class Item(_Strict):
    """One setting to check: what, why, where, what it should be, and where the guidance comes from."""

    id: Slug = Field(description="stable id, unique within the platform; the record refers to it")
    title: ShortText
    why: Text = Field(description="one sentence a teacher recognises")
    clauses: list[ClauseId] = Field(min_length=1, description="policy clause ids, e.g. 9.1a")
    steps: list[Text] = Field(min_length=1, max_length=12, description="how to get there and what to choose")
    safe_value: Text = Field(description="the safe setting, in words")
    where: Where
    labels: list[ShortText] = Field(
        default_factory=list, description="visible label text of the setting on the page"
    )
    priority: Priority = "medium"
    provenance: Provenance
    advice: bool = Field(
        default=False,
        description="good practice the policy does not require ('Good practice, not a policy rule')",
    )
    not_possible: Text | None = Field(
        default=None,
        description="set when the platform has no setting that makes this safe; offers 'Not possible on this platform'",
    )
    if_not_possible: Text | None = Field(
        default=None, description="what to do when the platform cannot make this safe"
    )
    school_choice: SchoolChoice | None = None


class UrlParameter(_Strict):
    """A value the person supplies that completes URLs, e.g. their Mastodon server."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$", max_length=30)]
    label: ShortText
    kind: Literal["hostname", "username"]
    example: ShortText


class Checklist(_Strict):
    """A platform's checklist file (`checklists/<platform>.yaml`)."""

    schema_version: Literal[1]
    platform: PlatformId
    name: ShortText
    colour: str | None = Field(
        default=None,
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="the platform icon's colour, #rrggbb; white text on it must reach a 4.5:1 contrast",
    )
    last_reviewed: dt.date = Field(description="when the checklist as a whole was last reviewed")
    domains: list[Domain] = Field(default_factory=list, description="web domains the settings URLs may use")
    url_parameters: list[UrlParameter] = Field(default_factory=list)
    public_profile: str | None = Field(
        default=None, description="https template of a public profile address, e.g. https://x.com/{username}"
    )
    limitations: Text | None = Field(default=None, description="what privacy this platform cannot offer")
    items: list[Item] = Field(min_length=1, max_length=40)

    @field_validator("public_profile")
    @classmethod
    def _https(cls, url: str | None) -> str | None:
        return None if url is None else check_url_form(url)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


Location = tuple[str | int, ...]


def checklist_problems(
    checklist: Checklist, known_clauses: frozenset[str], today: dt.date | None = None
) -> list[tuple[Location, str]]:
    """Rules beyond the shape of the file; each problem is (where in the file, message)."""
    today = today or dt.date.today()
    problems: list[tuple[Location, str]] = []
    parameter_names = {p.name for p in checklist.url_parameters}
    hostname_parameters = {p.name for p in checklist.url_parameters if p.kind == "hostname"}

    seen_parameters: set[str] = set()
    for index, parameter in enumerate(checklist.url_parameters):
        if parameter.name in seen_parameters:
            problems.append(
                (("url_parameters", index, "name"), f"the parameter '{parameter.name}' is declared twice")
            )
        seen_parameters.add(parameter.name)

    def check_url(url: str, where: Location) -> None:
        used = set(_PLACEHOLDER.findall(url))
        undeclared = sorted(used - parameter_names)
        if undeclared:
            problems.append((where, f"the URL uses {{{undeclared[0]}}}, which is not in url_parameters"))
            return
        stray = _PLACEHOLDER.sub("", url)
        if "{" in stray or "}" in stray:
            problems.append((where, "the URL has a '{' or '}' that is not a {parameter}"))
            return
        host = url_host_template(url)
        whole_host_parameter = _PLACEHOLDER.fullmatch(host)
        if whole_host_parameter:
            if whole_host_parameter.group(1) not in hostname_parameters:
                problems.append(
                    (where, "only a parameter of kind 'hostname' can stand for the whole web address")
                )
            return
        if _PLACEHOLDER.search(host):
            problems.append(
                (
                    where,
                    "a parameter can stand for the whole web address or for part of the path, not for part of the address",
                )
            )
            return
        if not checklist.domains:
            problems.append((where, "the checklist lists no 'domains', so no settings URL is allowed"))
        elif not host_is_allowed(host, checklist.domains):
            allowed = ", ".join(checklist.domains)
            problems.append((where, f"'{host}' is not one of the platform's domains ({allowed})"))

    if checklist.public_profile:
        check_url(checklist.public_profile, ("public_profile",))

    seen_ids: dict[str, int] = {}
    for index, item in enumerate(checklist.items):
        here: Location = ("items", index)
        if item.id in seen_ids:
            problems.append(
                (
                    here + ("id",),
                    f"the id '{item.id}' is already used by item {seen_ids[item.id] + 1}; ids must be unique",
                )
            )
        else:
            seen_ids[item.id] = index
        for clause_index, clause in enumerate(item.clauses):
            if clause not in known_clauses:
                known = ", ".join(sorted(known_clauses, key=clause_sort_key))
                problems.append(
                    (
                        here + ("clauses", clause_index),
                        f"'{clause}' is not a policy clause the app knows (known: {known})",
                    )
                )
        if item.where.url:
            check_url(item.where.url, here + ("where", "url"))
        problems.extend(provenance_problems(item.provenance, here + ("provenance",), today))
    if checklist.last_reviewed > today:
        problems.append((("last_reviewed",), f"{checklist.last_reviewed.isoformat()} is in the future"))
    return problems


def provenance_problems(provenance: Provenance, here: Location, today: dt.date) -> list[tuple[Location, str]]:
    """Dates that need today's date: nothing was written, read or checked in the future."""
    found: list[tuple[Location, str]] = []
    if provenance.written > today:
        found.append((here + ("written",), f"{provenance.written.isoformat()} is in the future"))
    for index, source in enumerate(provenance.sources):
        if source.read_on > today:
            found.append(
                (here + ("sources", index, "read_on"), f"{source.read_on.isoformat()} is in the future")
            )
    for index, check in enumerate(provenance.live_checks):
        if check.on > today:
            found.append((here + ("live_checks", index, "on"), f"{check.on.isoformat()} is in the future"))
    return found


def clause_sort_key(clause_id: str) -> tuple[int, ...]:
    """Sort clause ids as the policy does: 2.3.1 < 6.1 < 9.1 < 9.1a < 11.3."""
    parts = re.findall(r"\d+|[a-z]", clause_id)
    return tuple(int(p) if p.isdigit() else ord(p) - 200 for p in parts)


def allowed_domains(checklist: Checklist, values: dict[str, str]) -> tuple[str, ...]:
    """Where the guided browser may go for this checklist: its domains, plus the server the person typed for
    a hostname parameter (their Mastodon server, say), which `fill_url` has checked is a plain host name."""
    typed = tuple(
        values[p.name].strip().lower()
        for p in checklist.url_parameters
        if p.kind == "hostname" and values.get(p.name, "").strip()
    )
    return tuple(checklist.domains) + typed


def has_placeholder(url: str) -> bool:
    """True when `url` still has a `{parameter}` for the person to fill in."""
    return _PLACEHOLDER.search(url) is not None


_URL_VALUE = re.compile(r"[A-Za-z0-9._-]+")
MAX_URL_VALUE_LENGTH = 253  # the longest host name (DNS), and so the cap for every typed value
UrlValueProblem = Literal["empty", "characters", "too_long"]


class UrlValueRefused(ValueError):
    """A value typed for a URL placeholder that `fill_url` will not put in an address, with its facts: the
    placeholder's `name`, the `value` as typed (stripped) and the `reason`: `empty`, `characters` (something
    other than the letters a to z, digits, dots, dashes and underscores) or `too_long`. `str()` is English for
    the terminal and the log; a screen says its own translated words from these facts."""

    def __init__(self, name: str, value: str, reason: UrlValueProblem) -> None:
        self.name = name
        self.value = value
        self.reason = reason
        super().__init__(f"'{value}' is not a valid {name.replace('_', ' ')}")


def _url_value_problem(value: str) -> UrlValueProblem | None:
    """Why `value` cannot go in an address, or None. Only these characters, so a value cannot add a `/`, `@`,
    `:` or `?` that would change the host or the path."""
    if not value:
        return "empty"
    if not _URL_VALUE.fullmatch(value):
        return "characters"
    if len(value) > MAX_URL_VALUE_LENGTH:
        return "too_long"
    return None


def fill_url(template: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders; hostnames and user names are checked so a value cannot change the host.
    Raises UrlValueRefused (a ValueError) for a value that is empty, too long or has any other character."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "").strip()
        reason = _url_value_problem(value)
        if reason is not None:
            raise UrlValueRefused(match.group(1), value, reason)
        return value

    return _PLACEHOLDER.sub(replace, template)
