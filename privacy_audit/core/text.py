"""Text from files, made safe to print: control characters shown as `\\x1b`-style escapes, never obeyed.

A school config, a checklist or an import is written by someone else. Printed raw, a value holding
`ESC [2J` clears the person's screen, `ESC ]8;;…` turns words into a hidden link and a bare CR overwrites
the line with a fake message. Every string from a file that reaches a terminal goes through `visible`.
Standard library only: `privacy-audit remind` may use it.
"""

from __future__ import annotations

import re

# C0 controls (but tab and, where allowed, newline), DEL, C1 controls, and the Unicode marks that reorder
# or hide text (bidirectional overrides and isolates, line and paragraph separators).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character written out as an escape (`\\x1b`), so a terminal shows it as
    text; newlines are kept (for messages of several lines) unless `keep_newlines` is False."""
    pattern = _CONTROL if keep_newlines else _CONTROL_OR_NEWLINE
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """`text` with every control character (newlines and CR included) replaced by a space: for places
    where a value must stay on one line, such as a calendar's name."""
    return " ".join(_CONTROL_OR_NEWLINE.sub(" ", text).split())
