"""The small settings kept in the record: one name and one type for each, shared by the app, the demo and
the record's import (standard library only)."""

from __future__ import annotations

from typing import Final

BROWSER_CHOICE: Final = "browser_choice"  # str, one of BROWSER_CHOICES
BROWSER_PATH: Final = "browser_path"  # str, the browser program when BROWSER_CHOICE is "path"
KEEP_SIGN_INS: Final = "keep_sign_ins"  # bool
START_AT_LOGIN: Final = "start_at_login"  # bool; None until the first run has chosen
FIRST_RUN_DONE: Final = "first_run_done"  # bool
URL_PARAMETERS: Final = "url_parameters"  # {platform: {name: value}}, e.g. a Mastodon server
TEXT_SIZE: Final = "text_size"  # float, one of ui.widgets.TEXT_SCALES (1.0 / 1.25 / 1.5 / 2.0)
CONTRAST: Final = "contrast"  # str, one of ui.widgets.CONTRASTS (system / high-light / high-dark)
# The termly check in progress, kept so it resumes after a restart: {"started": ISO date, "platforms": [ids
# in the order they are walked]}, or None when no termly check is running. Which platform comes next is not
# stored: it is the first of "platforms" still due (a finished check is no longer due this term).
TERMLY_CHECK: Final = "termly_check"
PHONE: Final = "phone"  # str, one of PHONES ("iphone" / "android"); None until the person has chosen

# Every setting the app reads when the record opens.
ALL: Final = (
    BROWSER_CHOICE,
    BROWSER_PATH,
    KEEP_SIGN_INS,
    START_AT_LOGIN,
    FIRST_RUN_DONE,
    URL_PARAMETERS,
    TEXT_SIZE,
    CONTRAST,
    TERMLY_CHECK,
    PHONE,
)
# The settings that belong to the person, not to one computer, so they move with an exported record.
PORTABLE: Final = (URL_PARAMETERS,)

PHONES: Final = ("iphone", "android")  # what PHONE may hold; a checklist item's where.ios / where.android
BROWSER_CHOICES: Final = ("auto", "msedge", "chrome", "chromium", "path", "default")
