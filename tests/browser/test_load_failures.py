"""A settings page that does not load is reported as LOAD_FAILED with a reason, never as "page shown".

Every case is real Chromium on pages served on 127.0.0.1: a port nobody listens on (Chromium's own error
page), HTTP errors, a web filter that sends the request to its block page on another host, a page that
never arrives, and an address that cannot be looked up (an unresolvable .invalid name).
"""

from __future__ import annotations

import socket
import time

import pytest
from browser_helpers import CHROMIUM_ARGS, target

from privacy_audit.browser import LoadFailure

pytestmark = pytest.mark.browser

# Test browsers look nothing up on the network: the filter's host is this computer, .invalid is not found.
FILTER_HOST = "filter.school.example"
RESOLVER = f"--host-resolver-rules=MAP {FILTER_HOST} 127.0.0.1, MAP *.invalid ~NOTFOUND"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def never_shown(events, seconds: float = 1.0) -> bool:
    time.sleep(seconds)  # give a wrong "page_shown" time to arrive
    return "page_shown" not in events.kinds()


def test_a_refused_connection_is_reported_and_the_error_page_is_not_called_shown(events, make_browser):
    url = f"http://127.0.0.1:{free_port()}/settings"
    make_browser().open(target(url))
    failed = events.wait_for("load_failed")
    assert (failed.reason, failed.url, failed.item_id) == (LoadFailure.COULD_NOT_CONNECT, url, "future-posts")
    assert never_shown(events)
    assert [e.kind for e in events.seen].count("load_failed") == 1, events.kinds()


@pytest.mark.parametrize("status", [404, 500])
def test_an_http_error_page_is_reported_with_its_status(site, events, make_browser, status):
    url = site.add("/settings", f"<html><body><h1>Error {status}</h1></body></html>", status=status)
    make_browser().open(target(url))
    failed = events.wait_for("load_failed")
    assert (failed.reason, failed.status, failed.url) == (LoadFailure.HTTP_ERROR, status, url)
    assert never_shown(events)


def test_a_web_filters_block_page_on_another_host_is_reported_as_blocked(site, events, make_browser):
    port = site.server.server_port
    blocked = f"http://{FILTER_HOST}:{port}/blocked"
    site.add("/blocked", "<html><body><h1>This site is blocked by the school's web filter</h1></body></html>")
    url = site.add("/settings", "", status=302, headers={"Location": blocked})
    make_browser(extra_args=(*CHROMIUM_ARGS, RESOLVER)).open(target(url, domains=("127.0.0.1",)))
    failed = events.wait_for("load_failed")
    assert (failed.reason, failed.url) == (LoadFailure.BLOCKED, url)
    assert FILTER_HOST in failed.message
    assert never_shown(events) and "off_domain" not in events.kinds()


def test_a_page_that_never_finishes_loading_is_reported_as_a_timeout(site, events, make_browser):
    url = site.add("/settings", "<html><body><p>Who can see", hang=True)
    make_browser(page_timeout=2.0).open(target(url))
    failed = events.wait_for("load_failed", timeout=10)
    assert (failed.reason, failed.url) == (LoadFailure.TIMEOUT, url)
    assert "page_shown" not in events.kinds()


def test_a_page_that_never_answers_is_reported_as_a_timeout(site, events, make_browser):
    url = site.add("/settings", "<html><body>late</body></html>", delay=30)
    make_browser(page_timeout=2.0).open(target(url))
    failed = events.wait_for("load_failed", timeout=10)
    assert (failed.reason, failed.url) == (LoadFailure.TIMEOUT, url)
    assert "page_shown" not in events.kinds()


def test_an_address_that_cannot_be_looked_up_is_reported_as_such(events, make_browser):
    url = "https://settings.invalid/privacy"
    make_browser(extra_args=(*CHROMIUM_ARGS, RESOLVER)).open(target(url, domains=("settings.invalid",)))
    failed = events.wait_for("load_failed")
    assert (failed.reason, failed.url) == (LoadFailure.NAME_NOT_RESOLVED, url)
    assert never_shown(events)


def test_after_a_failure_the_page_that_does_load_is_shown(site, events, make_browser):
    browser = make_browser()
    browser.open(target(f"http://127.0.0.1:{free_port()}/settings"))
    events.wait_for("load_failed")
    url = site.add("/settings", "<html><body><p>Who can see your future posts</p></body></html>")
    browser.open(target(url))
    assert events.wait_for("page_shown").url == url
    events.wait_for("label_found")


def test_a_public_profile_page_that_cannot_be_reached_is_reported_not_called_a_browser_fault(
    events, make_browser
):
    url = f"http://127.0.0.1:{free_port()}/profile"
    make_browser().public_view(url, ("14 March",), ("facebook.com",))
    failed = events.wait_for("load_failed")
    assert (failed.reason, failed.url, failed.item_id) == (LoadFailure.COULD_NOT_CONNECT, url, "")
    assert "public_view" not in events.kinds() and "error" not in events.kinds()
