"""Read a YAML data file into plain Python values, remembering the line of every key and list entry.

Checklists and school configs are written by people, so every message about them must say where to look.
ruamel.yaml keeps line numbers on what it parses; this module turns its tree into plain dicts and lists
(what pydantic validates) plus a map from each value's path to its 1-based line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000  # a hand-written checklist has a few hundred; aliases can multiply nodes without bound

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
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                path, 1, f"the file is {size:,} bytes; data files must be under {MAX_FILE_BYTES:,}"
            )
        raw = path.read_bytes()
    except SourceError:
        raise
    except IsADirectoryError:
        raise SourceError(path, 1, "this is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(path, 1, f"cannot read the file: {exc.strerror or exc}") from None
    return parse_yaml(path, raw)


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

    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "not valid YAML"
        raise SourceError(path, line, f"not valid YAML: {problem}") from None
    except ValueError as exc:  # ruamel builds dates while parsing and gives no line for an impossible one
        line, bad = _impossible_date(text)
        if bad:
            raise SourceError(path, line, f"{bad} is not a real date") from None
        raise SourceError(path, 1, f"not valid YAML: {exc}".splitlines()[0]) from None
    except (YAMLError, RecursionError, TypeError) as exc:
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
            plain_key = key if isinstance(key, (str, int, float, bool)) or key is None else str(key)
            if isinstance(plain_key, str):
                plain_key = str(plain_key)
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
    if isinstance(node, str):
        return str(node)
    if isinstance(node, (dict, list, tuple, set)):
        return str(node)
    return str(node)


def _line_of_key(node: Any, key: Any, fallback: int) -> int:
    try:
        return node.lc.key(key)[0] + 1
    except (KeyError, TypeError, AttributeError):
        return fallback


def _line_of_item(node: Any, index: int, fallback: int) -> int:
    try:
        return node.lc.item(index)[0] + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        return fallback
