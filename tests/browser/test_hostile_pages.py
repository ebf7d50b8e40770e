"""What the pages the guided browser opens cannot make it do, checked against real Chromium on 127.0.0.1.

The guided page is the person's real settings page and the public view opens a profile page: both run the
site's own scripts. These tests play a site that tries to answer for the person, records the words the
person typed for the public view, or hands over an address that Python and Chromium read differently.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_helpers import CHROMIUM_ARGS, chromium_processes, target, wait_until

from privacy_audit.browser.addresses import host_is_allowed, refusal

pytestmark = pytest.mark.browser

FB = ("facebook.com",)
LABEL = "Who can see your future posts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def the_persons_keyboard(port: int, url: str) -> Iterator[object]:
    """The test's own Playwright, connected to the guided browser, plays the person at the keyboard:
    its key presses are real input events, as the person's are."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        remote = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        try:
            page = next(p for c in remote.contexts for p in c.pages if p.url == url)
            page.bring_to_front()
            yield page
        finally:
            remote.close()


def press_next(page: object) -> None:
    """The panel is the last thing on the page: Shift+Tab from the top reaches Next."""
    page.keyboard.press("Shift+Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]


# -- 1. an address is checked as Chromium reads it ----------------------------------------------------------

TRICKY_ADDRESSES = [
    "https://evil.test\\.facebook.com/settings",
    "https://evil.test\\@www.facebook.com/",
    "https:\\\\evil.test\\.facebook.com/",
    "https:/\\evil.test/.facebook.com",
    "https:evil.test/.facebook.com",
    "https:///evil.test/.facebook.com",
    "https://www.facebook.com\\..\\..\\x",
    "https://evil.test%5C.facebook.com/",
    "https://evil.test%2F.facebook.com/",
    "https://evil.test%2Ffacebook.com/",
    "https://evil.test\t.facebook.com/",
    "https://evil.test\n.facebook.com/",
    "https://evil.test .facebook.com/",
    "https://evil.test#.facebook.com",
    "https://evil.test?.facebook.com",
    "https://evil.test;.facebook.com/",
    "https://www.facebook.com@evil.test/",
    "https://www.facebook.com:443@evil.test/",
    "https://facebook.com.evil.test/",
    "https://ｅvil.test．facebook.com/",
    "https://evil.test\u3002facebook.com/",
    " https://www.facebook.com/settings ",
    "https://www.facebook.com/settings/?tab=posts",
    "HTTPS://M.FACEBOOK.COM./x",
    "https://www.facebook.com/jos\u00e9",
]


def test_an_address_the_check_lets_through_takes_chromium_only_to_the_platform(chromium_path):
    """Each address the check allows is handed to real Chromium, whose requests are caught (and stopped)
    to see which host it really goes to: it must be one of the platform's."""
    from playwright.sync_api import Error, sync_playwright

    allowed = [url for url in TRICKY_ADDRESSES if refusal(url, FB, allow_localhost=False) is None]
    assert "https://www.facebook.com/settings/?tab=posts" in allowed, "the platform's own pages must pass"
    assert not any("\\" in url for url in allowed)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        requested: list[str] = []
        page.route("**/*", lambda route: (requested.append(route.request.url), route.abort()))
        went: dict[str, str] = {}
        for url in allowed:
            requested.clear()
            try:
                page.goto(url, timeout=5000)
            except Error:
                pass  # every request is stopped, so every navigation fails
            went[url] = urlsplit(requested[0]).hostname if requested else ""
        browser.close()
    wrong = {url: host for url, host in went.items() if host and not host_is_allowed(host, FB)}
    assert not wrong, f"allowed, but Chromium went elsewhere: {wrong}"
    assert went["https://www.facebook.com/settings/?tab=posts"] == "www.facebook.com"


def test_an_address_with_a_backslash_is_refused_before_any_browser_starts(events, make_browser):
    browser = make_browser(allow_localhost=False)
    browser.open(target("https://evil.test\\.facebook.com/settings", item_id="backslash"))

    assert "backslash" in events.wait_for("error", item_id="backslash").message
    assert "opened" not in events.kinds() and not chromium_processes()


# -- 2. the page cannot answer or press Next --------------------------------------------------------------

# Everything a page script can try: find our names and secrets on window (properties, symbols, Playwright's
# binding registry), wrap the built-ins our panel calls and scan what passes through them, call every
# binding it found with every secret it found, and click or key-press every element of ours it can reach.
FORGER_JS = """
(() => {
  const stringify = JSON.stringify;
  const captured = [];
  const keep = (v) => { if (typeof v === "string" && v.length < 5000) captured[captured.length] = v; };
  JSON.stringify = function (...args) { const out = stringify.apply(this, args); keep(out); return out; };
  for (const name of ["trim", "toLowerCase", "includes", "indexOf", "replace", "split", "startsWith"]) {
    const original = String.prototype[name];
    String.prototype[name] = function (...args) {
      keep(String(this));
      for (let i = 0; i < args.length; i++) keep(args[i]);
      return original.apply(this, args);
    };
  }
  const attack = () => {
    const secrets = new Set();
    for (const symbol of Object.getOwnPropertySymbols(window)) {
      const text = symbol.description || "";
      if (text.includes(":")) secrets.add(text.slice(text.lastIndexOf(":") + 1));
    }
    for (const text of captured) for (const hit of text.match(/[0-9a-f]{16,}/g) || []) secrets.add(hit);
    const names = new Set(Object.getOwnPropertyNames(window).filter((k) => /privacy|audit/i.test(k)));
    const controller = window.__playwright__binding__controller__;
    if (controller && controller._bindings) for (const name of controller._bindings.keys()) names.add(name);
    let calls = 0;
    for (const name of names) {
      for (const kind of ["answer", "next", "done"]) {
        const attempts = [[kind, {}], [kind, { item_id: "future-posts", answer: "ok" }]];
        for (const secret of secrets) attempts.push([secret, kind, {}]);
        for (const args of attempts) {
          for (const call of [window[name], controller && ((...a) => controller.callBinding(name, ...a))]) {
            if (typeof call !== "function") continue;
            try { const p = call(...args); if (p && p.catch) p.catch(() => {}); calls++; } catch (e) {}
          }
        }
      }
    }
    const host = [...document.documentElement.children].find((e) => e.localName === "privacy-audit-guidance");
    const ours = host ? [host, ...host.querySelectorAll("*")] : [];
    for (const el of ours) {
      el.click();
      el.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
      if (el.shadowRoot) for (const b of el.shadowRoot.querySelectorAll("button")) b.click();
    }
    const onWindow = Object.getOwnPropertyNames(window).concat(Object.getOwnPropertySymbols(window).map(String))
      .filter((k) => /privacy|audit/i.test(k));
    fetch("/report", { method: "POST", body: stringify({ page: location.pathname, names: [...names], onWindow,
      secrets: secrets.size, calls, reached: ours.length }) });
  };
  addEventListener("load", () => setTimeout(attack, 1500));
})();
"""


def test_the_page_cannot_answer_or_press_next_for_the_person(site, events, make_browser):
    site.add("/forger.js", FORGER_JS)
    url = site.add(
        "/settings",
        f'<html><head><script src="/forger.js"></script></head><body><p>{LABEL}</p></body></html>',
    )
    port = free_port()
    browser = make_browser(extra_args=(*CHROMIUM_ARGS, f"--remote-debugging-port={port}"))
    browser.open(target(url))
    events.wait_for("label_found")

    tried = json.loads(site.wait_for_report(lambda r: '"calls"' in r))
    assert tried["onWindow"] == [], "nothing of ours may be findable on window"
    assert tried["secrets"] == 0, "no secret of ours may pass through the page's built-ins"
    assert tried["calls"] > 0 and tried["reached"] > 0, f"the page's attempts did not run: {tried}"
    time.sleep(1.5)  # let any forged message arrive
    assert "answered" not in events.kinds() and "next" not in events.kinds(), f"the page pressed: {tried}"

    # The person's own press still counts.
    with the_persons_keyboard(port, url) as page:
        press_next(page)
        assert events.wait_for("next").item_id == "future-posts"


def test_a_press_on_a_panel_left_from_an_earlier_item_is_ignored(site, events, make_browser):
    first = site.add("/first", f"<html><body><p>{LABEL}</p></body></html>")
    second = site.add("/second", f"<html><body><p>{LABEL}</p></body></html>", delay=5)
    port = free_port()
    browser = make_browser(page_timeout=20, extra_args=(*CHROMIUM_ARGS, f"--remote-debugging-port={port}"))
    browser.open(target(first, item_id="first"))
    events.wait_for("label_found", item_id="first")

    with the_persons_keyboard(port, first) as page:
        browser.open(target(second, item_id="second"))  # the app moved on; the second page is slow
        time.sleep(1)
        press_next(page)  # on the first item's panel, still showing
        time.sleep(1.5)
        assert "next" not in events.kinds(), "a press on the first item's panel must not count for the second"
    events.wait_for("label_found", item_id="second", timeout=20)
    with the_persons_keyboard(port, second) as page:
        press_next(page)
        assert events.wait_for("next").item_id == "second"


def test_answers_and_next_do_not_count_on_another_site(site, events, make_browser):
    port = site.server.server_port
    elsewhere = f"http://elsewhere.test:{port}/other"
    # The other site copies our panel's host element, so our buttons could land in it.
    site.add(
        "/other",
        """<html><body><p>Ads</p><script>
        const fake = document.createElement("privacy-audit-guidance");
        document.documentElement.append(fake);
        setTimeout(() => fetch("/report", { method: "POST", body: "in the copy: " + fake.children.length }), 500);
        </script></body></html>""",
    )
    start = site.add("/settings", f'<html><body><p>{LABEL}</p><a href="{elsewhere}">Ads</a></body></html>')
    debug_port = free_port()
    browser = make_browser(
        extra_args=(
            *CHROMIUM_ARGS,
            f"--remote-debugging-port={debug_port}",
            "--host-resolver-rules=MAP elsewhere.test 127.0.0.1",
        )
    )
    browser.open(target(start))
    events.wait_for("label_found")
    with the_persons_keyboard(debug_port, start) as page:
        page.goto(elsewhere)  # type: ignore[attr-defined]
        events.wait_for("off_domain")
        assert site.wait_for_report(lambda r: r.startswith("in the copy")) == "in the copy: 1"
        press_next(page)  # our Next button, in the other site's copy of the panel
        time.sleep(1.5)
    assert "next" not in events.kinds()


# -- 3. the public view keeps the typed words from the page ----------------------------------------------

# Records every string that passes through the built-ins a script would use to compare words.
RECORDER_JS = """
(() => {
  const stringify = JSON.stringify;
  const seen = [];
  const keep = (v) => { if (typeof v === "string") seen[seen.length] = v; };
  const keepAll = (list) => { for (let i = 0; i < list.length; i++) keep(list[i]); };
  for (const name of ["trim", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "indexOf", "includes",
                      "normalize", "split", "replace", "match", "search", "startsWith", "endsWith",
                      "localeCompare", "concat", "slice", "substring"]) {
    const original = String.prototype[name];
    String.prototype[name] = function (...args) { keep(String(this)); keepAll(args); return original.apply(this, args); };
  }
  for (const name of ["map", "filter", "forEach", "includes", "indexOf", "join", "some", "every"]) {
    const original = Array.prototype[name];
    Array.prototype[name] = function (...args) { keepAll(this); keepAll(args); return original.apply(this, args); };
  }
  const parse = JSON.parse;
  JSON.parse = function (...args) { keepAll(args); return parse.apply(this, args); };
  let sent = 0;
  setInterval(() => {
    if (seen.length === sent) return;
    sent = seen.length;
    fetch("/report", { method: "POST", body: stringify({ page: location.pathname, seen: seen.slice(-5000) }) });
  }, 200);
})();
"""


def test_public_view_never_gives_the_typed_words_to_the_pages_scripts(site, events, make_browser, caplog):
    site.add("/recorder.js", RECORDER_JS)
    profile = site.add(
        "/jo.bloggs",
        '<html><head><script src="/recorder.js"></script></head>'
        "<body><h1>Jo Bloggs</h1><p>Lives in Springfield</p></body></html>",
    )
    browser = make_browser()
    browser.public_view(profile, ("springfield", "14 March 1985", "Leeds"), FB)

    shown = events.wait_for("public_view")
    assert shown.found == ("springfield",)
    assert "1 of the 3 words you typed were found in the page's text and are highlighted" in shown.message
    time.sleep(1.0)  # the recorder reports every 0.2 s
    seen = "\n".join(s for report in site.reports for s in json.loads(report)["seen"])
    assert "Springfield" in seen, "the recorder should have seen the highlighting at work"
    assert "14 March" not in seen and "1985" not in seen and "Leeds" not in seen
    assert "Leeds" not in caplog.text and "1985" not in caplog.text


# -- 4. a kept-sign-ins browser that hangs is still ended -----------------------------------------------


@pytest.mark.parametrize("browser_object", ["given", "not given"])
def test_a_kept_sign_ins_browser_that_hangs_is_ended_at_shutdown(
    site, events, make_browser, tmp_path, monkeypatch, browser_object
):
    if browser_object == "not given":
        # Some Playwright versions give no Browser for a persistent context, so DevTools cannot name the
        # browser's process: the worker must find it another way.
        from playwright.sync_api import BrowserContext

        monkeypatch.setattr(BrowserContext, "browser", property(lambda self: None))
    url = site.add("/settings", f"<html><body><p>{LABEL}</p></body></html>")
    browser = make_browser(profile_dir=tmp_path / "browser-profile")
    browser.open(target(url))
    events.wait_for("page_shown")
    main = [pid for pid in chromium_processes() if "--type=" not in Path(f"/proc/{pid}/cmdline").read_text()]
    assert main
    try:
        for pid in main:
            os.kill(pid, signal.SIGSTOP)  # the browser stops answering, as a hung one does
        # Shutting down returns, rather than waiting for ever on the hung browser; the limit is generous
        # because the machine running the tests may be busy (the app's own wait is `timeout`, 3 s).
        closing = threading.Thread(target=browser.shutdown, kwargs={"timeout": 3}, daemon=True)
        closing.start()
        closing.join(60)
        assert not closing.is_alive(), "shutting down waited on the hung browser"
        assert wait_until(lambda: not chromium_processes(), timeout=5), "the hung browser was left running"
    finally:
        for pid in chromium_processes():
            os.kill(pid, signal.SIGKILL)


# -- 5. the diagnose command opens only local pages ----------------------------------------------------


def test_diagnose_opens_only_pages_on_this_computer(site, chromium_path, capsys):
    from privacy_audit.commands.diagnose import open_page

    args = ("--headless=new", *CHROMIUM_ARGS)
    for url in ("https://example.com/", "http://127.0.0.1\\.example.com/", "file:///etc/passwd"):
        assert open_page(url, chromium_path, args, 10) == 2, url
        assert "only pages on this computer" in capsys.readouterr().err
    assert not chromium_processes()

    local = site.add("/settings.html", "<html><body><h1>Privacy Audit diagnostics</h1></body></html>")
    assert open_page(local, chromium_path, args, 30) == 0
    assert f'"url": "{local}"' in capsys.readouterr().out
