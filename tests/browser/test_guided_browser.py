"""The guided browser, driven against real Chromium and pages served on 127.0.0.1.

What the on-page panel did is checked from the page itself: the test pages load a small probe script
(allowed by their own CSP) that reports back to the test server what anyone on the page can observe —
the outline on the label, the scroll position, and the panel's host element with its closed shadow root.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import time
from pathlib import Path

import pytest
from browser_helpers import CHROMIUM_ARGS, chromium_processes, target, wait_until

from privacy_audit.browser import WindowPlacement, forget_sign_ins
from privacy_audit.browser.protocol import AddressRefusal, BrowserProblem, PublicViewResult
from privacy_audit.core.audit import Answer

pytestmark = pytest.mark.browser

# Reports what the page can see once the label is outlined and the panel attached (or after 4 s).
PROBE_JS = """
(() => {
  const violations = [];
  document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
  const started = Date.now();
  const look = () => {
    const label = document.getElementById("label");
    const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body);
    const outline = label ? getComputedStyle(label).outlineStyle : "none";
    if (!((host && outline === "solid") || Date.now() - started > 4000)) return setTimeout(look, 100);
    const box = host ? host.getBoundingClientRect() : { width: 0, height: 0 };
    fetch("/report", { method: "POST", body: JSON.stringify({
      page: location.pathname, outline, scrollY: window.scrollY, violations,
      host: host ? host.tagName.toLowerCase() : null, hostPosition: host ? getComputedStyle(host).position : null,
      hostWidth: box.width, hostHeight: box.height, shadowVisibleToPage: host ? host.shadowRoot !== null : null,
    }) });
  };
  setTimeout(look, 300);
})();
"""

LABEL = "Who can see your future posts"
SETTINGS_PAGE = """<!doctype html><html><head><title>Settings</title><script src="/probe.js"></script>
<link rel="stylesheet" href="/page.css"></head>
<body><h1>Privacy settings</h1><div class="tall">Scroll down</div>
<p id="label">Who can <b>see</b> your future posts?</p><p>Friends</p></body></html>"""


PAGE_CSS = ".tall { height: 3000px; }"


def test_opens_the_settings_page_scrolls_to_the_label_and_outlines_it(site, events, make_browser):
    site.add("/probe.js", PROBE_JS)
    site.add("/page.css", PAGE_CSS)
    url = site.add("/settings", SETTINGS_PAGE)
    browser = make_browser()

    browser.open(target(url))

    assert events.wait_for("opened").message == "chromium"
    assert events.wait_for("page_shown").url == url
    assert events.wait_for("label_found").found == (LABEL,)
    seen = json.loads(site.wait_for_report(lambda r: '"outline":"solid"' in r))
    assert seen["scrollY"] > 1000, "the page should have been scrolled down to the label"
    assert seen["host"] == "privacy-audit-guidance" and seen["hostPosition"] == "fixed"
    assert seen["shadowVisibleToPage"] is False, "the panel's shadow root must be closed"
    assert 300 <= seen["hostWidth"] <= 340, "the panel should be styled 20rem wide"
    assert "label_missing" not in events.kinds()


def test_says_look_for_the_label_when_it_is_not_on_the_page(site, events, make_browser):
    url = site.add("/settings", "<html><body><h1>Settings</h1><p>Nothing relevant</p></body></html>")
    make_browser().open(target(url, labels=("Profile locking", "Lock profile")))

    missing = events.wait_for("label_missing")
    assert missing.item_id == "future-posts"
    assert "“Profile locking” or “Lock profile”" in missing.message
    assert "label_found" not in events.kinds()


def test_works_under_a_strict_content_security_policy_with_trusted_types(site, events, make_browser):
    csp = (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "require-trusted-types-for 'script'; trusted-types 'none'"
    )
    site.add("/probe.js", PROBE_JS, headers={"Content-Security-Policy": csp})
    site.add("/page.css", PAGE_CSS)
    url = site.add("/strict", SETTINGS_PAGE, headers={"Content-Security-Policy": csp})
    make_browser().open(target(url))

    assert events.wait_for("label_found").found == (LABEL,)
    seen = json.loads(site.wait_for_report(lambda r: '"outline":"solid"' in r))
    assert seen["violations"] == [], "our panel must not trip the page's CSP or Trusted Types"
    assert 300 <= seen["hostWidth"] <= 340, "the panel's stylesheet must survive style-src 'self'"


def test_panel_comes_back_when_a_single_page_app_replaces_the_page(site, events, make_browser):
    site.add("/probe.js", PROBE_JS)
    spa = """<!doctype html><html><head><script src="/probe.js"></script></head><body><p>Loading…</p>
    <script>
      setTimeout(() => {
        // Like a framework that owns the whole document: drop everything but <head>, then render.
        for (const child of [...document.documentElement.children]) if (child !== document.head) child.remove();
        const body = document.createElement("body");
        const label = document.createElement("p");
        label.id = "label";
        label.textContent = "Who can see your future posts?";
        body.append(label);
        document.documentElement.append(body);
      }, 800);
    </script></body></html>"""
    url = site.add("/app", spa)
    make_browser().open(target(url))

    assert events.wait_for("label_found").found == (LABEL,)
    seen = json.loads(site.wait_for_report(lambda r: '"outline":"solid"' in r))
    assert seen["host"] == "privacy-audit-guidance", "the panel should be re-attached after the re-render"


def test_notices_sign_in_pages_by_address_and_by_password_field(site, events, make_browser):
    by_address = site.add("/login", "<html><body><p>Log in to Facebook</p></body></html>")
    by_field = site.add(
        "/settings/privacy", '<html><body><form><input type="password" name="pass"></form></body></html>'
    )
    browser = make_browser()

    browser.open(target(by_address))
    assert (
        events.wait_for("login_page", url=by_address).message
        == "Sign in, then carry on with the check in Privacy Audit."
    )
    browser.open(target(by_field, item_id="second"))
    assert events.wait_for("login_page", url=by_field).item_id == "second"


def test_notices_leaving_the_platform_and_keeps_the_panel_off_other_sites(site, events, make_browser):
    site.add("/probe.js", PROBE_JS)
    port = site.server.server_port
    elsewhere = f"http://elsewhere.test:{port}/other"
    site.add(
        "/other",
        '<html><head><script src="/probe.js"></script></head><body><p id="label">Ads</p></body></html>',
    )
    start = site.add(
        "/settings",
        f'<html><body><p>Settings</p><script>setTimeout(() => location.href = "{elsewhere}", 500)'
        "</script></body></html>",
    )
    # Chromium resolves the made-up host to this machine, so the "other site" is served by the test too.
    browser = make_browser(extra_args=(*CHROMIUM_ARGS, "--host-resolver-rules=MAP elsewhere.test 127.0.0.1"))
    browser.open(target(start))

    off = events.wait_for("off_domain")
    assert off.url == elsewhere and "not part of Facebook" in off.message
    seen = json.loads(site.wait_for_report(lambda r: '"/other"' in r))
    assert seen["host"] is None, "the guidance panel must not be put on another site"


def test_a_page_that_never_finishes_loading_still_gets_guidance_and_is_not_called_failed(
    site, events, make_browser
):
    # The setting is on screen and outlined although the page never finishes: that is what is said.
    url = site.add("/slow", '<html><body><p id="label">Who can see your future posts</p>', hang=True)
    browser = make_browser(page_timeout=2.0)
    browser.open(target(url))

    assert events.wait_for("label_found").found == (LABEL,)
    time.sleep(3)  # past the page's deadline
    assert "load_failed" not in events.kinds() and "error" not in events.kinds(), events.kinds()
    browser.close_window()
    events.wait_for("window_closed")


def test_a_killed_browser_is_reported_and_the_next_open_starts_a_new_one(site, events, make_browser):
    url = site.add("/settings", SETTINGS_PAGE.replace('<script src="/probe.js"></script>', ""))
    browser = make_browser()
    browser.open(target(url))
    events.wait_for("page_shown")

    main = [pid for pid in chromium_processes() if "--type=" not in Path(f"/proc/{pid}/cmdline").read_text()]
    assert main, "the browser's main process should be running"
    for pid in main:
        os.kill(pid, signal.SIGKILL)
    assert "closed" in events.wait_for("window_closed").message

    events.seen.clear()
    browser.open(target(url))
    assert events.wait_for("page_shown").url == url


def test_shutting_down_with_a_window_open_leaves_no_browser_running(site, events, make_browser):
    url = site.add("/settings", "<html><body><p>Who can see your future posts</p></body></html>")
    browser = make_browser()
    browser.open(target(url))
    events.wait_for("label_found")
    assert chromium_processes()

    browser.shutdown()

    assert wait_until(lambda: not chromium_processes(), timeout=5), f"left running: {chromium_processes()}"


def test_only_https_pages_on_the_platform_are_opened(site, events, make_browser):
    local = site.add("/settings", "<html><body>Settings</body></html>")
    strict = make_browser(allow_localhost=False)
    strict.open(target(local, item_id="local"))
    strict.open(target("http://www.facebook.com/settings", item_id="plain"))
    strict.open(target("https://facebook.com.evil.example/settings", item_id="lookalike"))

    assert "Only secure (https://) pages" in events.wait_for("error", item_id="local").message
    assert "Only secure (https://) pages" in events.wait_for("error", item_id="plain").message
    lookalike = events.wait_for("error", item_id="lookalike")
    assert "is not one of this platform's web addresses" in lookalike.message
    assert lookalike.problem is BrowserProblem.ADDRESS_REFUSED and lookalike.refused is not None
    assert (lookalike.refused.code, lookalike.refused.host) == (
        AddressRefusal.OTHER_SITE,
        "facebook.com.evil.example",
    )
    assert "opened" not in events.kinds() and not chromium_processes()


def test_the_panels_answers_and_next_are_reported_and_reachable_by_keyboard(site, events, make_browser):
    from playwright.sync_api import sync_playwright

    url = site.add("/settings", "<html><body><p>Who can see your future posts</p></body></html>")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    browser = make_browser(extra_args=(*CHROMIUM_ARGS, f"--remote-debugging-port={port}"))
    browser.open(target(url))
    events.wait_for("label_found")

    # A second Playwright, the test's own, plays the person at the keyboard: the panel is the last thing on
    # the page, so Shift+Tab from the top reaches Next, then the answers from the last up: "Doesn't apply to
    # me", "I need help with this", "I changed it now".
    with sync_playwright() as playwright:
        remote = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        page = next(p for c in remote.contexts for p in c.pages if p.url == url)
        page.bring_to_front()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        events.wait_for("next", item_id="future-posts")
        for _ in range(3):
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        answered = events.wait_for("answered", item_id="future-posts")
        # One answer per item: the buttons are spent once one is chosen.
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        remote.close()
    assert answered.answer is Answer.CHANGED
    assert [e.answer for e in list(events.seen) if e.kind == "answered"] == [Answer.CHANGED]


def test_a_browser_that_hangs_on_start_falls_back_to_the_usual_browser(tmp_path, events, make_browser):
    hanging = tmp_path / "managed-edge"
    hanging.write_text("#!/bin/sh\nexec sleep 30\n")
    hanging.chmod(0o755)
    opened: list[str] = []
    browser = make_browser(
        executable_path=str(hanging), launch_timeout=1.5, open_default=lambda u: opened.append(u) or True
    )
    browser.open(target("https://www.facebook.com/settings/?tab=posts"))

    fallback = events.wait_for("fallback")
    assert (fallback.problem, fallback.browser) == (BrowserProblem.START_TIMEOUT, "managed-edge")
    assert "managed-edge did not start in time" in fallback.message, "a browser that hangs is not 'missing'"
    assert "without on-page guidance" in fallback.message
    assert "did not start within 1.5 seconds" in fallback.detail, "the log has how long it waited"
    assert opened == ["https://www.facebook.com/settings/?tab=posts"]
    assert wait_until(lambda: not chromium_processes(), timeout=3)


def test_a_missing_browser_or_the_default_choice_opens_the_usual_browser(tmp_path, events, make_browser):
    opened: list[str] = []
    missing = make_browser(
        executable_path=str(tmp_path / "no-such-browser"), open_default=lambda u: opened.append(u) or True
    )
    missing.open(target("https://www.facebook.com/settings", item_id="missing"))
    missed = events.wait_for("fallback", item_id="missing")
    assert (missed.problem, missed.browser) == (BrowserProblem.NOT_INSTALLED, "no-such-browser")
    assert "no-such-browser is not installed" in missed.message

    default = make_browser(choice="default", open_default=lambda u: False)
    default.open(target("https://www.facebook.com/settings", item_id="default"))
    failed = events.wait_for("error", item_id="default")
    assert failed.problem is BrowserProblem.CHOSE_USUAL_BROWSER, (
        "the usual browser failed too: still this reason"
    )
    assert "open this address yourself: https://www.facebook.com/settings" in failed.message
    assert opened == ["https://www.facebook.com/settings"]


def test_public_view_is_signed_out_and_reports_which_typed_words_anyone_can_see(
    site, events, make_browser, caplog
):
    site.add(
        "/settings",
        "<html><body>Settings</body></html>",
        headers={"Set-Cookie": "session=signed-in; Max-Age=3600"},
    )
    profile = site.add(
        "/jo.bloggs",
        """<html><body><h1>Jo Bloggs</h1><p>Lives in Springfield</p>
        <p>Born on 12 March</p><p style="display:none">Works at Hogwarts</p></body></html>""",
    )
    wall = site.add("/hidden.person", '<html><body><form><input type="password"></form></body></html>')
    # Signed-out profile pages often show a sign-in box over a profile that is public all the same.
    boxed = site.add(
        "/boxed.person",
        '<html><body><h1>Jo Bloggs</h1><form><input type="password"></form></body></html>',
    )
    site.add("/accounts/login", "<html><body><form><input type='password'></form></body></html>")
    sent = site.add("/private.person", "", status=302, headers={"Location": site.url("/accounts/login")})
    browser = make_browser()
    browser.open(target(site.url("/settings")))
    events.wait_for("page_shown")

    browser.public_view(profile, ("springfield", "12 March", "Hogwarts"), ("facebook.com",))
    shown = events.wait_for("public_view")
    assert shown.found == ("springfield", "12 March"), "hidden text is not what the public sees"
    assert shown.result is PublicViewResult.SHOWN
    assert "2 of the 3 words you typed were found in the page's text" in shown.message
    assert dict(site.requests)["/jo.bloggs"] == "", "the public view must carry no sign-in cookie"

    events.seen.clear()
    browser.public_view(wall, ("Springfield",), ("facebook.com",))
    walled = events.wait_for("public_view")
    assert walled.result is PublicViewResult.SIGN_IN_BOX, "a sign-in box is no proof the profile is hidden"
    assert "hides" not in walled.message
    assert "None of the 1 words you typed were found" in walled.message
    assert walled.found == ()

    events.seen.clear()
    browser.public_view(boxed, ("Jo Bloggs",), ("facebook.com",))
    over_a_public_profile = events.wait_for("public_view")
    assert over_a_public_profile.result is PublicViewResult.SIGN_IN_BOX
    assert over_a_public_profile.found == ("Jo Bloggs",)
    assert "1 of the 1 words you typed were found" in over_a_public_profile.message

    events.seen.clear()
    browser.public_view(sent, ("Springfield",), ("facebook.com",))
    sent_away = events.wait_for("public_view")
    assert sent_away.result is PublicViewResult.SENT_TO_SIGN_IN
    assert sent_away.message.startswith(
        "People who are not signed in were sent to the platform's sign-in page."
    )
    assert "Springfield" not in caplog.text and "Hogwarts" not in caplog.text


def test_sign_ins_are_forgotten_with_the_window_unless_the_person_keeps_them(
    site, events, make_browser, tmp_path
):
    url = site.add(
        "/settings",
        "<html><body>Settings</body></html>",
        headers={"Set-Cookie": "session=signed-in; Max-Age=3600"},
    )

    throwaway = make_browser()
    for _ in range(2):
        throwaway.open(target(url))
        events.wait_for("page_shown")
        throwaway.close_window()
        events.wait_for("window_closed")
        events.seen.clear()
    assert [cookie for path, cookie in site.requests if path == "/settings"] == ["", ""]

    site.requests.clear()
    profile = tmp_path / "browser-profile"
    kept = make_browser(profile_dir=profile)
    kept.open(target(url))
    events.wait_for("page_shown")
    command_lines = [Path(f"/proc/{pid}/cmdline").read_text() for pid in chromium_processes()]
    assert stat.S_IMODE(profile.stat().st_mode) == 0o700
    assert command_lines and not any(
        "--password-store=basic" in c or "--use-mock-keychain" in c for c in command_lines
    )
    kept.close_window()
    events.wait_for("window_closed")
    events.seen.clear()
    kept.open(target(url))
    events.wait_for("page_shown")
    assert [cookie for path, cookie in site.requests if path == "/settings"] == ["", "session=signed-in"]

    kept.shutdown()
    forget_sign_ins(profile)
    assert not profile.exists()


def test_the_guided_window_and_the_public_view_open_where_the_app_asks(site, events, make_browser):
    # The app passes a place beside its own window; each new window reports where it is.
    report = (
        "setInterval(() => fetch('/report', {method: 'POST', "
        "body: [screenX, screenY, outerWidth, outerHeight].join(',')}), 200)"
    )
    url = site.add("/settings", f"<html><body><p>{LABEL}</p><script>{report}</script></body></html>")
    profile = site.add("/profile", f"<html><body><p>Jo</p><script>{report}</script></body></html>")
    browser = make_browser()
    beside = WindowPlacement(x=500, y=0, width=866, height=728)
    browser.open(target(url), beside)
    events.wait_for("page_shown")
    site.wait_for_report(lambda r: r == "500,0,866,728")
    browser.public_view(profile, (), ("facebook.com",), WindowPlacement(x=40, y=10, width=700, height=600))
    events.wait_for("public_view")
    site.wait_for_report(lambda r: r == "40,10,700,600")


def test_the_panel_says_as_much_about_the_guidance_as_the_app_does(site, events, make_browser):
    """The check screen says "Not yet checked on the live site." of unchecked guidance; the on-page panel
    repeats it, read here from Chromium's accessibility tree (the panel's shadow root is closed)."""
    import dataclasses

    from playwright.sync_api import sync_playwright

    url = site.add("/settings", "<html><body><p>Who can see your future posts</p></body></html>")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    browser = make_browser(extra_args=(*CHROMIUM_ARGS, f"--remote-debugging-port={port}"))
    said = "Written in November 2026 from our research notes. Not yet checked on the live site."
    browser.open(dataclasses.replace(target(url), provenance=said))
    events.wait_for("label_found")
    with sync_playwright() as playwright:
        remote = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        page = next(p for c in remote.contexts for p in c.pages if p.url == url)
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
        remote.close()
    texts = {node.get("name", {}).get("value", "") for node in tree["nodes"]}
    assert said in texts, sorted(t for t in texts if t)[:40]
