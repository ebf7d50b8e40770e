"""Moving a record between laptops: a readable JSON export, and an import that merges it back.

The export is the whole record, decrypted, for the person's own use; it is written owner-only (0600) and
atomically (temporary file, fsync, rename), so a failure never leaves half a file. An import is checked
in full before anything is written and then merged in one transaction: a rejected file leaves the record
exactly as it was and says why, as `FILE: field: message`; checks already in the record are not duplicated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.files import write_atomically
from privacy_audit.core.settings import URL_PARAMETERS as PORTABLE_SETTING
from privacy_audit.store.errors import RecordError
from privacy_audit.store.record import MAX_SETTING_BYTES, Record

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_POSITION = 10_000

PlatformId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=30)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Note = Annotated[str, StringConstraints(max_length=20000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _date_text(value: Any) -> Any:
    """Dates and times are written as text (2026-09-03, 2026-09-03T10:00:00+00:00): a number would be read
    as seconds since 1970, which is not what any Privacy Audit export holds."""
    if not isinstance(value, (str, dt.date)):  # pydantic reports a ValueError, not a TypeError, as a problem
        raise ValueError(  # noqa: TRY004
            "a date must be written as text, for example 2026-09-03 or 2026-09-03T10:00:00+00:00"
        )
    return value


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("the time must include a time zone, e.g. 2026-09-03T10:00:00+00:00")
    try:
        value.astimezone(dt.UTC)  # the record keeps UTC; 9999-12-31T23:00-05:00 has no UTC equivalent
    except OverflowError:
        raise ValueError("the time is out of range") from None
    return value


class AnswerEntry(_Strict):
    item_id: ItemId
    answer: Answer
    note: Note = ""


class CheckEntry(_Strict):
    uid: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    platform: PlatformId
    checklist_version: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    item_ids: list[ItemId] = Field(min_length=1)
    started: dt.datetime
    finished: dt.datetime
    answers: list[AnswerEntry]
    note: Note = ""

    _aware_times = field_validator("started", "finished")(_aware)

    @field_validator("started", "finished", mode="before")
    @classmethod
    def _written_as_a_date(cls, value: Any) -> Any:
        return _date_text(value)

    @model_validator(mode="after")
    def _answers_match_items(self) -> CheckEntry:
        if self.finished < self.started:
            raise ValueError(
                f"the check finished ({self.finished.isoformat()}) before it started ({self.started.isoformat()})"
            )
        known = set(self.item_ids)
        answered: set[str] = set()
        for answer in self.answers:
            if answer.item_id not in known:
                raise ValueError(f"answer for '{answer.item_id}', which is not one of the check's item_ids")
            if answer.item_id in answered:
                raise ValueError(f"two answers for '{answer.item_id}'; a check has one answer per item")
            answered.add(answer.item_id)
        return self


class DraftEntry(_Strict):
    platform: PlatformId
    checklist_version: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    started: dt.datetime
    position: StrictInt = Field(ge=0, le=MAX_POSITION)  # an item's place: a whole number, never near this
    note: Note = ""
    answers: list[AnswerEntry]

    _aware_started = field_validator("started")(_aware)

    @field_validator("started", mode="before")
    @classmethod
    def _written_as_a_date(cls, value: Any) -> Any:
        return _date_text(value)


class AcceptanceEntry(_Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    date: dt.date

    @field_validator("date", mode="before")
    @classmethod
    def _written_as_a_date(cls, value: Any) -> Any:
        return _date_text(value)


MAX_SNOOZE = dt.timedelta(days=30)
FUTURE_TOLERANCE = dt.timedelta(days=1)  # as in core.due: a few hours ahead is clock drift
_PARAMETER_VALUE = re.compile(r"[A-Za-z0-9._-]{1,253}")


class ExportDocument(_Strict):
    format: Literal["privacy-audit-record"]
    version: Literal[1]
    exported: dt.datetime | None = None
    platforms_in_use: list[PlatformId] = Field(default_factory=list)
    checks: list[CheckEntry] = Field(default_factory=list)
    snoozes: dict[PlatformId, dt.datetime] = Field(default_factory=dict)
    drafts: list[DraftEntry] = Field(default_factory=list)
    acceptance: AcceptanceEntry | None = None
    settings: dict[Annotated[str, StringConstraints(min_length=1, max_length=100)], Any] = Field(
        default_factory=dict
    )

    @field_validator("snoozes", mode="before")
    @classmethod
    def _snoozes_written_as_dates(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for until in value.values():
                _date_text(until)
        return value

    @field_validator("snoozes")
    @classmethod
    def _aware_snoozes(cls, value: dict[str, dt.datetime]) -> dict[str, dt.datetime]:
        latest = dt.datetime.now(dt.UTC) + MAX_SNOOZE
        for platform, until in value.items():
            _aware(until)
            if until > latest:  # a snooze in the app lasts days; one for centuries would end all reminders
                raise ValueError(
                    f"the snooze for '{platform}' runs until {until.date().isoformat()}; a snooze lasts at most {MAX_SNOOZE.days} days"
                )
        return value

    @field_validator("checks")
    @classmethod
    def _finished_in_the_past(cls, value: list[CheckEntry]) -> list[CheckEntry]:
        latest = dt.datetime.now(dt.UTC) + FUTURE_TOLERANCE
        for check in value:
            if check.finished > latest:
                raise ValueError(
                    f"a check of '{check.platform}' finished on {check.finished.date().isoformat()}, which is in the future; was a clock wrong?"
                )
        return value

    @field_validator("settings")
    @classmethod
    def _only_portable_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Only settings that belong to the person, not to a laptop, move with the record: the values that
        complete platform addresses (e.g. a Mastodon server). A browser path, sign-in choice or start-at-login
        from another computer is ignored, and could otherwise point the guided browser at any program."""
        parameters = value.get(PORTABLE_SETTING, {})
        if not isinstance(parameters, dict) or not all(
            isinstance(platform, str)
            and isinstance(values, dict)
            and all(
                isinstance(k, str) and isinstance(v, str) and _PARAMETER_VALUE.fullmatch(v)
                for k, v in values.items()
            )
            for platform, values in parameters.items()
        ):
            raise ValueError(
                f"'{PORTABLE_SETTING}' must map platforms to names and plain values (letters, digits, . _ -)"
            )
        return {PORTABLE_SETTING: parameters} if parameters else {}

    @field_validator("drafts")
    @classmethod
    def _one_draft_per_platform(cls, value: list[DraftEntry]) -> list[DraftEntry]:
        platforms = [draft.platform for draft in value]
        for platform in platforms:
            if platforms.count(platform) > 1:
                raise ValueError(f"two unfinished checks for '{platform}'; a record keeps one per platform")
        return value

    @field_validator("settings")
    @classmethod
    def _small_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key, setting in value.items():
            if len(json.dumps(setting, ensure_ascii=False).encode("utf-8")) > MAX_SETTING_BYTES:
                raise ValueError(f"the setting '{key[:100]}' is larger than {MAX_SETTING_BYTES // 1024} KB")
        return value


class ImportRejected(RecordError):
    """The file was not imported; `problems` are `FILE: field: message` lines and the record is unchanged."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _where(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(whole file)"


def export_json(record: Record, path: Path) -> int:
    """Write the whole record to `path` as readable JSON; returns the number of checks written."""
    document = record.export_document()
    write_atomically(path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return len(document["checks"])


def read_export(path: Path) -> ExportDocument:
    """Parse and check an export file in full. Raises ImportRejected with `FILE: field: message` lines."""
    from privacy_audit.core.files import FileRefused, read_regular_file

    try:  # a regular file, read at most to the limit: a FIFO or a device is refused, never waited on
        raw = read_regular_file(path, MAX_IMPORT_BYTES)
    except FileRefused as exc:
        raise ImportRejected([f"{path}: (whole file): {exc.reason}"]) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [f"{path}: (whole file): not UTF-8 text, so not a Privacy Audit export"]
        ) from exc
    except json.JSONDecodeError as exc:
        raise ImportRejected([f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})"]) from exc
    try:
        return ExportDocument.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            problems.append(f"{path}: {_where(tuple(error['loc']))}: {message}")
        raise ImportRejected(problems) from exc


def _answers(entries: list[AnswerEntry]) -> tuple[ItemAnswer, ...]:
    return tuple(ItemAnswer(a.item_id, a.answer, a.note) for a in entries)


def import_json(record: Record, path: Path) -> dict[str, int]:
    """Merge an export into the record; returns counts of what was added. Raises ImportRejected."""
    document = read_export(path)
    checks = [
        (
            c.uid,
            CheckResult(
                platform=c.platform,
                checklist_version=c.checklist_version,
                item_ids=tuple(c.item_ids),
                started=c.started,
                finished=c.finished,
                answers=_answers(c.answers),
                note=c.note,
            ),
        )
        for c in document.checks
    ]
    drafts = [
        Draft(
            platform=d.platform,
            checklist_version=d.checklist_version,
            started=d.started,
            answers={a.item_id: a for a in _answers(d.answers)},
            position=d.position,
            note=d.note,
        )
        for d in document.drafts
    ]
    acceptance = None if document.acceptance is None else (document.acceptance.name, document.acceptance.date)
    return record.merge(
        checks, document.platforms_in_use, dict(document.snoozes), drafts, acceptance, dict(document.settings)
    )
