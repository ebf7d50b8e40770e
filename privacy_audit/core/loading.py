"""Turn checklist and school-config files into models, or into `FILE:LINE: where: message` problems.

Every way a data file can be wrong (not YAML, empty, too big, unreadable, a wrong field, an unknown clause,
an off-domain URL) ends here as a Problem a non-programmer can act on, never as a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from privacy_audit.core.checklist import Checklist, Location, checklist_problems
from privacy_audit.core.clauses import Policy
from privacy_audit.core.school import SchoolConfig, config_problems, extra_item_problem
from privacy_audit.core.yamlsource import NotADate, SourceError, YamlDocument, load_yaml

_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, with the line to look at."""

    path: Path
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.path}:{self.line}:{where} {self.message}"


class DataFileError(Exception):
    """A data file that did not validate; `problems` says every reason found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def describe_location(location: Location, data: Any) -> str:
    """'item 3 (future-posts) › where › url' rather than ('items', 2, 'where', 'url')."""
    words: list[str] = []
    node = data
    index = 0
    while index < len(location):
        part = location[index]
        nxt = location[index + 1] if index + 1 < len(location) else None
        if isinstance(part, str) and part in ("items", "extra_items") and isinstance(nxt, int):
            label = "item" if part == "items" else "extra item"
            entries = node.get(part) if isinstance(node, dict) else None
            entry = entries[nxt] if isinstance(entries, list) and nxt < len(entries) else None
            item_id = entry.get("id") if isinstance(entry, dict) else None
            words.append(f"{label} {nxt + 1}" + (f" ({item_id})" if isinstance(item_id, str) else ""))
            node = entry
            index += 2
            continue
        if isinstance(part, int):
            words[-1:] = [f"{words[-1] if words else 'entry'} {part + 1}"]
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            words.append(_shown(str(part)))
            node = node.get(part) if isinstance(node, dict) else None
        index += 1
    return " › ".join(words)


def _shown(value: Any, limit: int = 80) -> str:
    """A value as a message quotes it, cut short: a file may hold a megabyte where a word was expected."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _message_for(error: ErrorDetails, model: type[BaseModel], location: Location) -> str:
    kind = error["type"]
    field = location[-1] if location else ""
    if kind == "missing":
        return f"'{field}' is missing; it is required"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, location[:-1])
        close = difflib.get_close_matches(str(field), allowed, n=1)
        hint = (
            f" — did you mean '{close[0]}'?"
            if close
            else (f" (allowed: {', '.join(allowed)})" if allowed else "")
        )
        return f"unknown field '{_shown(field)}'{hint}"
    if kind == "literal_error" and field == "schema_version":
        return f"schema_version must be {error['ctx']['expected']}; this app does not understand {_shown(repr(error.get('input')))}"
    if kind == "string_pattern_mismatch" and isinstance(
        field, int
    ):  # an entry of a list: say which, in words
        parent = next((str(part) for part in reversed(location[:-1]) if isinstance(part, str)), "the list")
        return (
            f"{_shown(repr(error.get('input')))} is not allowed as entry {field + 1} of '{_shown(parent)}': "
            "use lower-case letters, digits and dashes"
        )
    if kind == "string_pattern_mismatch":
        return f"{_shown(repr(error.get('input')))} is not allowed here: use lower-case letters, digits and dashes (or a valid value for '{field}')"
    given = error.get("input")
    if isinstance(given, NotADate):  # the YAML reader keeps an impossible date (2027-13-01) as its text
        return f"{_shown(given)} is not a real date; write it as year-month-day, for example 2027-01-04"
    message = error["msg"]
    message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else "is not valid"


def _allowed_fields(model: type[BaseModel], location: Location) -> list[str]:
    """The field names allowed at `location` in `model`, for 'did you mean' hints."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _problems_from_validation(
    document: YamlDocument, exc: ValidationError, model: type[BaseModel]
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        location = tuple(
            part
            for part in error["loc"]
            if not (isinstance(part, str) and part.startswith(("function-", "lax-", "union[")))
        )
        problems.append(
            Problem(
                path=document.path,
                line=document.line_of(location),
                where=describe_location(location, document.data),
                message=_message_for(error, model, location),
            )
        )
    return problems


def _located(document: YamlDocument, found: list[tuple[Location, str]]) -> list[Problem]:
    return [
        Problem(
            document.path, document.line_of(location), describe_location(location, document.data), message
        )
        for location, message in found
    ]


def _read(path: Path) -> YamlDocument:
    try:
        return load_yaml(path)
    except SourceError as exc:
        raise DataFileError([Problem(exc.path, exc.line, "", exc.message)]) from None


def _validated(document: YamlDocument, model: type[_Model]) -> _Model:
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        raise DataFileError(
            [Problem(document.path, 1, "", f"expected a mapping of fields (name: value), found a {kind}")]
        )
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise DataFileError(_problems_from_validation(document, exc, model)) from None


def load_checklist_file(path: Path, policy: Policy) -> Checklist:
    """A checklist from `path`, or DataFileError listing every problem found in it."""
    document = _read(path)
    checklist = _validated(document, Checklist)
    problems = _located(document, checklist_problems(checklist, policy.ids))
    if path.suffix in (".yaml", ".yml") and path.stem != checklist.platform:
        problems.append(
            Problem(
                path,
                document.line_of(("platform",)),
                "platform",
                f"the file for platform '{checklist.platform}' must be named {checklist.platform}.yaml",
            )
        )
    if problems:
        raise DataFileError(problems)
    return checklist


@dataclass
class SchoolConfigReading:
    """What could be used of a school config, every problem found, and in words what was kept.

    A school config degrades part by part: a bad field, a bad list entry (one misspelt platform, one wrong
    date) or an extra item that cannot join its checklist is left out and reported with its line; the rest
    of the file still applies. Only a file that cannot be read at all gives the built-in defaults."""

    config: SchoolConfig
    problems: list[Problem]
    kept: str

    def banner_lines(self) -> list[str]:
        """The problems as the app and the commands show them: each says that part was left out."""
        if self.kept.startswith("nothing"):
            return [f"{p} (the built-in defaults apply)" for p in self.problems]
        return [f"{p}{_LEFT_OUT}" for p in self.problems]


_LEFT_OUT = " (left out; the rest of the file applies)"


def read_school_config(
    path: Path,
    policy: Policy,
    known_platforms: frozenset[str],
    checklists: Mapping[str, Checklist] | None = None,
) -> SchoolConfigReading:
    """Every problem in the school config at `path`, and the config with the parts that have problems left out.

    With `checklists`, each extra item is also checked against its platform's checklist (unique id, a web
    address on the platform's domains), so `validate` reports what the app would otherwise leave out."""
    try:
        document = _read(path)
    except DataFileError as exc:
        return SchoolConfigReading(SchoolConfig(), exc.problems, "nothing: the built-in defaults apply")
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        problem = Problem(path, 1, "", f"expected a mapping of fields (name: value), found a {kind}")
        return SchoolConfigReading(SchoolConfig(), [problem], "nothing: the built-in defaults apply")
    data: dict[str, Any] = {
        key: list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
        for key, value in document.data.items()
    }
    # Where each kept list entry was in the file, so later problems still name the right line.
    origins: dict[str, list[int]] = {k: list(range(len(v))) for k, v in data.items() if isinstance(v, list)}
    problems: list[Problem] = []
    config = None
    for _attempt in range(3):
        try:
            config = SchoolConfig.model_validate(data)
            break
        except ValidationError as exc:
            found = _problems_from_validation(document, exc, SchoolConfig)
            if not problems:
                problems += found
            _leave_out(data, origins, [_plain_location(e["loc"]) for e in exc.errors(include_url=False)])
    if (
        config is None
    ):  # cannot happen when leaving out works; the defaults are the safe answer if it does not
        return SchoolConfigReading(SchoolConfig(), problems, "nothing: the built-in defaults apply")

    found_here = config_problems(config, known_platforms)
    taken = {pid: set(checklist.item_ids) for pid, checklist in (checklists or {}).items()}
    for index, item in enumerate(config.extra_items):
        for clause_index, clause in enumerate(item.clauses):
            if clause not in policy:
                found_here.append(
                    (
                        ("extra_items", index, "clauses", clause_index),
                        f"'{clause}' is not a policy clause the app knows",
                    )
                )
        checklist = (checklists or {}).get(item.platform)
        if checklist is not None:
            item_problem = extra_item_problem(item, checklist, taken[item.platform])
            if item_problem is not None:
                field, message = item_problem
                found_here.append((("extra_items", index, *field), message))
            else:
                taken[item.platform].add(item.id)
    bad_entries: dict[str, set[int]] = {}
    for location, _message in found_here:
        if len(location) >= 2 and isinstance(location[1], int):
            bad_entries.setdefault(str(location[0]), set()).add(location[1])
    in_file = [
        (
            (loc[0], origins.get(str(loc[0]), [])[loc[1]], *loc[2:])
            if len(loc) >= 2 and isinstance(loc[1], int)
            else loc,
            m,
        )
        for loc, m in found_here
    ]
    problems += _located(document, in_file)
    update: dict[str, Any] = {
        name: [entry for i, entry in enumerate(getattr(config, name)) if i not in bad]
        for name, bad in bad_entries.items()
    }
    if update:
        config = config.model_copy(update=update)
    return SchoolConfigReading(config, problems, _kept(document.data, config))


def _plain_location(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(
        part
        for part in loc
        if not (isinstance(part, str) and part.startswith(("function-", "lax-", "union[")))
    )


def _leave_out(data: dict[str, Any], origins: dict[str, list[int]], locations: list[tuple[Any, ...]]) -> None:
    """Remove from `data` the smallest part that holds each problem: a list entry, a contact field, a field."""
    entries: dict[str, set[int]] = {}
    for location in locations:
        if not location:
            data.clear()  # the whole document is wrong: nothing of it can be used
            return
        name = str(location[0])
        value = data.get(name)
        if isinstance(value, list) and len(location) >= 2 and isinstance(location[1], int):
            entries.setdefault(name, set()).add(location[1])
        elif name == "contact" and isinstance(value, dict) and len(location) >= 2:
            value.pop(location[1], None)  # every contact field has a default
        else:
            data.pop(name, None)
    for name, bad in entries.items():
        if name in data:
            data[name] = [entry for i, entry in enumerate(data[name]) if i not in bad]
            origins[name] = [origin for i, origin in enumerate(origins[name]) if i not in bad]


def _kept(original: dict[str, Any], config: SchoolConfig) -> str:
    """In words, which of the file's fields are in use, e.g. "school_name, platforms (3 of 4)"."""
    parts = []
    for name, given in original.items():
        if name not in SchoolConfig.model_fields or name not in config.model_fields_set:
            continue
        value = getattr(config, name)
        if isinstance(value, list) and isinstance(given, list) and len(value) != len(given):
            parts.append(f"{name} ({len(value)} of {len(given)})")
        elif value is not None:
            parts.append(name)
    return ", ".join(parts) if parts else "nothing: the built-in defaults apply"


def load_school_config_file(
    path: Path,
    policy: Policy,
    known_platforms: frozenset[str],
    checklists: Mapping[str, Checklist] | None = None,
) -> SchoolConfig:
    """A school config from `path` with no problems at all, or DataFileError listing every problem in it
    (for `validate`; the app uses `read_school_config`, which keeps the good parts)."""
    reading = read_school_config(path, policy, known_platforms, checklists)
    if reading.problems:
        raise DataFileError(reading.problems)
    return reading.config


def looks_like_school_config(path: Path) -> bool:
    """Checklists have `platform` and `items`; anything named school*.yaml, or without them, is a config."""
    if path.name.startswith("school"):
        return True
    from privacy_audit.core.files import FileRefused, read_regular_file
    from privacy_audit.core.yamlsource import MAX_FILE_BYTES

    try:
        head = read_regular_file(path, MAX_FILE_BYTES)[:20000].decode("utf-8", errors="replace")
    except FileRefused:
        return False  # read again as a checklist, which reports why the file cannot be read
    return not any(line.startswith(("platform:", "items:")) for line in head.splitlines())
