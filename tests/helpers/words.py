"""Words the app must never use where nobody has checked: one pattern for every test that reads what a
screen, the terminal or the PDF says about guidance."""

from __future__ import annotations

import re

# "verified", "confirmed" and their verbs claim that someone looked at the live site (issue 14).
CLAIMS_A_CHECK = re.compile(r"\b(verified|verify|confirmed|confirm)\b", re.IGNORECASE)
