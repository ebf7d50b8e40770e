"""The check screen and the real guided browser together: what the person reads under "Open the settings
page" matches what Chromium shows, and an answer pressed on the page's panel is the one the check records.

The settings pages are served on 127.0.0.1 (the check's own Facebook addresses would need the internet);
everything else is the app's: its services, its record, its browser bridge, a headless Chromium.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from browser_helpers import CHROMIUM_ARGS, target
from helpers.translation import prefixed_ts, translation

from privacy_audit.core.audit import Answer
from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.paths import app_dirs

pytestmark = pytest.mark.browser


@pytest.fixture
def check_view(qtbot, private_home, chromium_path) -> Iterator:
    from privacy_audit.ui.browser_bridge import BrowserBridge
    from privacy_audit.ui.check import CheckView
    from privacy_audit.ui.services import AppServices

    services = AppServices(app_dirs(private_home), load_catalogue())
    with qtbot.waitSignal(services.record_opened, timeout=10_000):
        services.open_record()
    # The app's bridge, on the test's Chromium; allow_localhost lets it open the pages served here, and no
    # other name is looked up (the platform's real pages are "not found", never fetched).
    port = free_port()
    bridge = BrowserBridge(
        services,
        choice="path",
        executable_path=chromium_path,
        allow_localhost=True,
        extra_args=(
            *CHROMIUM_ARGS,
            f"--remote-debugging-port={port}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ),
        headless=True,
    )
    services._bridge = bridge
    bridge.event.connect(services.browser_event)
    view = CheckView(services)
    qtbot.addWidget(view)
    services.browser_event.connect(view.on_browser_event)
    view.start("facebook")
    position = next(i for i, item in enumerate(view.checklist.items) if item.where.url)
    view.show_position(position)
    view.debugging_port = port
    yield view
    bridge.shutdown()
    services.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def item_target(view, url: str):
    item = view.current_item()
    return target(url, item_id=item.id, labels=tuple(item.labels) or ("Who can see your future posts",))


def test_a_page_that_cannot_be_reached_is_said_plainly_and_never_called_open(qtbot, check_view):
    port = free_port()  # nothing listens here once the socket is closed
    check_view.services.browser().open(item_target(check_view, f"http://127.0.0.1:{port}/settings"))
    qtbot.waitUntil(lambda: "didn't open" in check_view.browser_status.text(), timeout=20_000)
    qtbot.wait(1000)  # a wrong "page shown" would arrive by now
    said = check_view.browser_status.text()
    assert said.startswith("The Facebook settings page didn't open: the connection failed.")
    assert "on your phone" in said and "is open" not in said


def test_a_blocked_page_with_an_error_status_is_said_plainly(qtbot, check_view, site):
    url = site.add(
        "/settings", "<html><body><h1>Access denied by your network</h1></body></html>", status=403
    )
    check_view.services.browser().open(item_target(check_view, url))
    qtbot.waitUntil(lambda: "error 403" in check_view.browser_status.text(), timeout=20_000)
    qtbot.wait(2500)  # the panel's "setting not found" on the error page must not replace it
    assert check_view.browser_status.text().startswith(
        "The Facebook settings page didn't open: Facebook answered with an error page (error 403)."
    )


def test_an_answer_pressed_on_the_panel_is_recorded_and_the_check_moves_on(qtbot, check_view, site):
    from playwright.sync_api import sync_playwright

    item = check_view.current_item()
    label = (tuple(item.labels) or ("Who can see your future posts",))[0]
    url = site.add("/settings", f"<html><body><p>{label}</p></body></html>")
    bridge = check_view.services.browser()
    bridge.open(item_target(check_view, url))
    qtbot.waitUntil(lambda: "highlighted" in check_view.browser_status.text(), timeout=20_000)
    position = check_view.position

    with sync_playwright() as playwright:
        remote = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{check_view.debugging_port}")
        page = next(p for c in remote.contexts for p in c.pages if p.url == url)
        # From the top, Shift+Tab reaches Next, then "Doesn't apply to me", then "I need help with this".
        for _ in range(3):
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        qtbot.waitUntil(lambda: item.id in check_view.draft.answers, timeout=10_000)
        remote.close()
    assert check_view.draft.answers[item.id].answer is Answer.ATTENTION
    assert check_view.position == position + 1
    # The guided window is given the next setting's page (the real Facebook one, not looked up in tests),
    # so the panel never goes on showing a setting the app has left.
    following = check_view.current_item()
    if following is not None and following.where.url:
        qtbot.waitUntil(lambda: "couldn't be looked up" in check_view.browser_status.text(), timeout=20_000)


def test_an_address_off_the_platform_is_refused_in_the_screens_own_words(qtbot, check_view):
    check_view.services.browser().open(item_target(check_view, "https://facebook.com.evil.example/settings"))
    qtbot.waitUntil(lambda: "evil" in check_view.browser_status.text(), timeout=20_000)
    assert check_view.browser_status.text() == (
        "“facebook.com.evil.example” is not one of this platform's web addresses (facebook.com), so it was "
        "not opened."
    )


def test_a_failed_page_and_a_refused_address_are_said_in_the_translation(qtbot, check_view, tmp_path):
    # Every ErrorWords string of the committed .ts, "translated" by a prefix, built by lrelease.
    with translation(prefixed_ts(["ErrorWords"]), tmp_path):
        bridge = check_view.services.browser()
        bridge.open(item_target(check_view, "https://facebook.com.evil.example/settings"))
        qtbot.waitUntil(lambda: "evil" in check_view.browser_status.text(), timeout=20_000)
        assert check_view.browser_status.text().startswith("[nl] “facebook.com.evil.example” is not one of")
        bridge.open(item_target(check_view, f"http://127.0.0.1:{free_port()}/settings"))
        qtbot.waitUntil(lambda: "didn't open" in check_view.browser_status.text(), timeout=20_000)
        assert check_view.browser_status.text().startswith(
            "[nl] The Facebook settings page didn't open: [nl] the connection failed."
        )
