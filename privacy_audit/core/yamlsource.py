"""Read a YAML data file into plain Python values, remembering the line of every key and list entry.

Checklists and school configs are written by people, so every message about them must say where to look.
ruamel.yaml keeps line numbers on what it parses; this module turns its tree into plain dicts and lists
(what pydantic validates) plus a map from each value's path to its 1-based line.

What a data file may hold is kept small on purpose, and everything else is refused with the line:
- a regular file of at most MAX_FILE_BYTES (a FIFO, a device or a socket is refused without waiting);
- at most MAX_NODES values, nested at most MAX_DEPTH deep, counted while the file is read, so a file of half
  a million list items stops after the first 5,000 instead of being built in full (seconds and hundreds of
  MB) first;
- only text, whole numbers, decimals, true/false, null, dates, lists and fields: a YAML tag such as
  `!!set`, `!!binary`, `!!omap` or `!custom` is refused, never turned into its Python form as text;
- numbers of at most MAX_DIGITS digits, and dates and times that exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 256 * 1024  # the largest shipped checklist is about 10 KB; a school config is smaller
MAX_NODES = 5_000  # the largest shipped checklist has under 700; aliases can multiply nodes without bound
MAX_DEPTH = 20  # fields in lists in fields: a data file nests 5 deep at most
MAX_DIGITS = 18  # no number in a data file comes near this

_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _YAML + kind for kind in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)

Path_ = tuple[str | int, ...]


class SourceError(Exception):
    """A data file that cannot be read as YAML at all; carries the line where reading stopped."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message


@dataclass
class YamlDocument:
    """A parsed data file: its plain value and the line each part of it starts on."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, location: Path_) -> int:
        """The line of the deepest part of `location` that exists in the file (1 when none does)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


def load_yaml(path: Path) -> YamlDocument:
    """Parse `path`; raise SourceError (with a line) for anything that is not a readable, sane YAML file."""
    from privacy_audit.core.files import FileRefused, read_regular_file

    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise SourceError(path, 1, f"the file {exc.reason}") from None
    return parse_yaml(path, raw)


class _Refused(Exception):
    """Raised inside ruamel while reading, with the line of the value that is refused."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class NotADate(str):
    """A value written like a date that no calendar has (2027-13-01, 2026-02-30), kept as its text so that
    the field it is in can be refused on its own, with a message that says so."""

    __slots__ = ()


def _checked_yaml() -> Any:
    """A round-trip YAML reader that counts values as it composes them and builds only plain values."""
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.constructor import RoundTripConstructor

    class CountingComposer(Composer):
        nodes = 0
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.nodes += 1
            self.depth += 1
            if self.nodes > MAX_NODES or self.depth > MAX_DEPTH:
                mark = self.parser.peek_event().start_mark
                raise _Refused(
                    mark.line + 1,
                    f"the file has more than {MAX_NODES:,} values; data files are smaller"
                    if self.nodes > MAX_NODES
                    else f"the file nests more than {MAX_DEPTH} levels deep; data files nest a few levels",
                )
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    class PlainConstructor(RoundTripConstructor):
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            line = node.start_mark.line + 1 if node.start_mark is not None else 1
            tag = getattr(node.tag, "value", node.tag)
            if tag not in _PLAIN_TAGS:
                raise _Refused(
                    line,
                    f"the YAML tag {str(tag).replace(_YAML, '!!')[:60]} is not allowed; a data file holds only "
                    "text, numbers, true/false, dates, lists and fields",
                )
            if tag == _YAML + "int":
                digits = sum(ch.isdigit() for ch in str(node.value))
                if digits > MAX_DIGITS:
                    raise _Refused(line, f"a number of {digits:,} digits is far larger than any value here")
                written = str(node.value).lstrip("+-").lower()
                if written[:2] in ("0x", "0o", "0b") or "_" in written or ":" in written:
                    raise _Refused(
                        line,
                        f"the number {str(node.value)[:40]} is not written in plain digits; write it as "
                        "ordinary digits, for example 1",
                    )
            try:
                return super().construct_object(node, deep)
            except _Refused:
                raise
            except (ValueError, OverflowError, TypeError):
                if tag == _YAML + "timestamp":
                    # An impossible date (2027-13-01) stays the text it is, so that only the field it is in
                    # is refused, with its line, instead of the whole file.
                    return NotADate(node.value)
                raise _Refused(line, f"{str(node.value)[:40]!r} cannot be read here") from None

    yaml = YAML(typ="rt")
    yaml.Composer = CountingComposer
    yaml.Constructor = PlainConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def parse_yaml(path: Path, raw: bytes) -> YamlDocument:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(path, line, "the file is not UTF-8 text") from None
    if "\x00" in text:
        raise SourceError(
            path, text[: text.index("\x00")].count("\n") + 1, "the file contains a NUL byte; it is not text"
        )

    import warnings

    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _checked_yaml()
    try:
        with warnings.catch_warnings():  # ruamel's warnings (a reused anchor name) are for programmers
            warnings.simplefilter("ignore")
            tree = yaml.load(text)
    except _Refused as exc:
        raise SourceError(path, exc.line, exc.message) from None
    except RecursionError:
        raise SourceError(path, 1, "the file nests too deeply to be a data file") from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "not valid YAML"
        raise SourceError(path, line, f"not valid YAML: {problem}") from None
    except ValueError:  # ruamel builds dates while parsing and gives no line for an impossible one
        line, bad = _impossible_date(text)
        if bad:
            raise SourceError(path, line, f"{bad} is not a real date") from None
        line, bad = _impossible_escape(text)
        if bad:
            raise SourceError(path, line, f"{bad} is not a character that exists") from None
        raise SourceError(path, 1, "not valid YAML: a value in it cannot be read") from None
    except (YAMLError, TypeError) as exc:
        raise SourceError(path, 1, f"not valid YAML: {exc}".splitlines()[0]) from None
    if tree is None:
        raise SourceError(path, 1, "the file is empty")
    document = YamlDocument(path=path, data=None)
    counter = [0]
    try:
        document.data = _plain(tree, (), document.lines, counter, 1)
    except RecursionError:
        raise SourceError(path, 1, "the file nests too deeply to be a data file") from None
    except SourceError as exc:
        raise SourceError(path, exc.line, exc.message) from None
    return document


def _impossible_date(text: str) -> tuple[int, str]:
    """The first date-shaped value that is not a real date (like 2026-02-30), with its line; (1, "") if none."""
    import re

    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])", line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number, match.group(0)
    return 1, ""


def _impossible_escape(text: str) -> tuple[int, str]:
    """The first `\\UXXXXXXXX` escape beyond the last Unicode character, with its line; (1, "") if none."""
    import re

    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r"\\U([0-9A-Fa-f]{8})", line):
            if int(match.group(1), 16) > 0x10FFFF:
                return number, match.group(0)
    return 1, ""


def _plain(node: Any, where: Path_, lines: dict[Path_, int], counter: list[int], line: int) -> Any:
    """Copy a ruamel node into plain Python types, recording lines as it goes."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise SourceError(
            Path("."), line, f"the file has more than {MAX_NODES:,} values; is an alias repeated?"
        )
    lines.setdefault(where, line)
    if isinstance(node, CommentedMap):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            key_line = _line_of_key(node, key, line)
            if not isinstance(key, str):  # `~: 1`, `1: x`, `[a]: x`: a field name is always text
                raise SourceError(
                    Path("."), key_line, f"{_key_shown(key)} is not a field name; names are text"
                )
            plain_key = str(key)
            lines[where + (plain_key,)] = key_line
            result[plain_key] = _plain(value, where + (plain_key,), lines, counter, key_line)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            item_line = _line_of_item(node, index, line)
            lines[where + (index,)] = item_line
            items.append(_plain(value, where + (index,), lines, counter, item_line))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, dt.datetime):
        return dt.datetime(*node.timetuple()[:6], tzinfo=node.tzinfo)
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, NotADate):
        return node
    if isinstance(node, str):
        return str(node)
    # Anything else (a set, bytes, a tagged value) was refused while reading; refuse it here too, in case.
    raise SourceError(Path("."), line, "this value is not text, a number, a date, a list or fields")


def _key_shown(key: Any) -> str:
    if key is None:
        return "an empty name (~ or null)"
    return repr(key)[:40]


def _line_of_key(node: Any, key: Any, fallback: int) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        return fallback


def _line_of_item(node: Any, index: int, fallback: int) -> int:
    try:
        return int(node.lc.item(index)[0]) + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        return fallback
