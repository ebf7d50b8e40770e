"""In demo mode the guided browser opens practice pages on 127.0.0.1 instead of the platforms' own sites.

`PracticeBridge` wraps the app's browser bridge and changes only the address of each settings page it is
asked to open: the check view, the panel, the outline and every event work exactly as they do against the
real sites. Everything else is passed through unchanged. Qt-free (it only forwards calls).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from privacy_audit.demo.server import PracticeServer


class PracticeBridge:
    """Stands in for a `BrowserBridge`; `inner` does the work, `server` supplies the practice addresses."""

    def __init__(self, inner: Any, server: PracticeServer) -> None:
        self.inner = inner
        self.server = server

    def practice_target(self, target: Any) -> Any:
        """`target` (a GuidanceTarget) pointed at its practice page."""
        platform = self.server.platform_for_name(target.platform_name)
        if platform is None:
            url = self.server.base_url + "/"
        else:
            url = self.server.item_url(platform, target.item_id)
        return dataclasses.replace(target, url=url)

    def open(self, target: Any) -> None:
        self.inner.open(self.practice_target(target))

    def public_view(self, url: str, words: tuple[str, ...], domains: tuple[str, ...]) -> None:
        platform = self.server.platform_for_url(url)
        if not url.startswith(self.server.base_url) and platform is not None:
            url = self.server.profile_url(platform)
        self.inner.public_view(url, tuple(words), tuple(domains))

    @property
    def event(self) -> Any:
        return self.inner.event

    def __getattr__(self, name: str) -> Any:
        # close_window, shutdown, reconfigure, started, panel_text: exactly the wrapped bridge's.
        return getattr(self.inner, name)


def practice_wrapper(session: Any) -> Callable[[Any], PracticeBridge]:
    """What `AppServices(wrap_bridge=...)` needs in demo mode: each new bridge wrapped to open `session`'s
    practice pages (its server is started before the first guided page can be asked for)."""

    def wrap(inner: Any) -> PracticeBridge:
        return PracticeBridge(inner, session.server)

    return wrap
