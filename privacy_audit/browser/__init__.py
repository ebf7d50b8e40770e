"""The guided browser: opens the person's own settings page, points at the setting, shows the public view.

- `guided.GuidedBrowser`: what the app calls (any thread; never blocks);
- `protocol`: the commands it queues and the `BrowserEvent`s it reports, with their codes (`EventKind`,
  `LoadFailure`, `BrowserProblem`, `AddressRefusal`, `PublicViewResult`) and one English wording of each;
- `worker`: the one thread that drives Playwright; `addresses`: which pages may be opened;
- `discovery`: which installed browser to start; `housekeeping`: processes and the kept-sign-ins folder.

Nothing here changes a setting, reads a form field or sends anything anywhere: the browser only shows
pages the person asked for, on the platform's own https domains. Importing this package is cheap: Playwright
is imported by the worker when the first page is opened.
"""

from __future__ import annotations

from privacy_audit.browser.guided import GuidedBrowser
from privacy_audit.browser.housekeeping import forget_sign_ins, prepare_profile
from privacy_audit.browser.protocol import (
    PANEL_ANSWERS,
    PANEL_TEXT,
    AddressRefusal,
    BrowserEvent,
    BrowserProblem,
    EventKind,
    GuidanceTarget,
    LoadFailure,
    PublicViewResult,
    Refusal,
    WindowPlacement,
)

__all__ = [
    "PANEL_ANSWERS",
    "PANEL_TEXT",
    "AddressRefusal",
    "BrowserEvent",
    "BrowserProblem",
    "EventKind",
    "GuidanceTarget",
    "GuidedBrowser",
    "LoadFailure",
    "PublicViewResult",
    "Refusal",
    "WindowPlacement",
    "forget_sign_ins",
    "prepare_profile",
]
