"""Fixtures for the guided-browser tests: a local website, an event recorder and headless browsers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from browser_helpers import CHROMIUM_ARGS, Events, Site

from privacy_audit.browser import GuidedBrowser


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def make_browser(chromium_path: str, events: Events) -> Iterator[Callable[..., GuidedBrowser]]:
    """Makes headless GuidedBrowsers on Debian's Chromium; every one is shut down after the test."""
    made: list[GuidedBrowser] = []

    def make(**options: object) -> GuidedBrowser:
        settings: dict[str, object] = {
            "choice": "path",
            "executable_path": chromium_path,
            "headless": True,
            "allow_localhost": True,
            "extra_args": CHROMIUM_ARGS,
            "label_grace": 1.0,
            "on_event": events,
        }
        settings.update(options)
        browser = GuidedBrowser(**settings)  # type: ignore[arg-type]
        made.append(browser)
        return browser

    yield make
    for browser in made:
        browser.shutdown()
