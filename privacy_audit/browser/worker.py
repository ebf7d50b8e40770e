"""The guided browser's worker: the only code that touches Playwright, always on one thread.

It runs Playwright's sync API in a loop: take a request from the queue, or, while a window is open, let
Playwright deliver the page's events for a moment (`wait_for_timeout`) so that panel buttons, navigations
and a closed window are noticed. Event handlers only note things and report them; every browser call is
made from the loop itself, so nothing re-enters Playwright from a handler.

Sign-ins are thrown away with the window unless the person chose to keep them (a persistent profile).

The guided page is the person's real, signed-in settings page, and its own scripts must not be able to act
for the person. The panel (guidance.js) runs in the page's JavaScript world, where page scripts can read and
wrap anything, so it holds no secret and its binding can only report what the page shows. The answer
buttons and Next come from panel_actions.js in an isolated world, through a DevTools binding that exists only
in that world, and are believed only for the person's own clicks, for the item the app is showing, on the
platform's domains.

Whether the settings page really loaded is judged from what Chromium reports about the main frame's
navigation (its network error code, the HTTP status, the address it ended on), so an error page, a web
filter's block page or a page that never arrives is reported as LOAD_FAILED, never as PAGE_SHOWN.
The public view never hands the typed words to the page: its text is read out and searched here.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ada_url
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, Request, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from privacy_audit.browser.addresses import (
    address_refusal,
    is_browser_error_page,
    is_off_domain,
    is_on_platform,
    looks_like_login,
)
from privacy_audit.browser.discovery import Candidate, candidates
from privacy_audit.browser.housekeeping import BrowserProcesses, prepare_profile, profile_owner
from privacy_audit.browser.protocol import (
    BrowserEvent,
    BrowserProblem,
    CloseWindow,
    Command,
    EventKind,
    GuidanceTarget,
    LoadFailure,
    OpenPage,
    PublicViewRequest,
    PublicViewResult,
    ShowPublicView,
    Shutdown,
    WindowPlacement,
    WorkerSettings,
)
from privacy_audit.core.log import log_failure
from privacy_audit.core.paths import resource_path

log = logging.getLogger(__name__)

POLL_MS = 40  # how long Playwright delivers page events before the queue is looked at again
PUBLIC_SETTLE_MS = 3000  # a signed-out profile page may fill in after DOMContentLoaded
PUBLIC_READ_MS = 5000  # reading a loaded page's text

# Playwright's defaults make a persistent profile keep passwords in a plain file; removing these two lets
# the browser use the OS password store, as the person's own browser does. Popup blocking stays on because
# these are real sites.
IGNORED_ARGS = ["--disable-popup-blocking"]
KEEP_SIGN_INS_IGNORED_ARGS = ["--password-store=basic", "--use-mock-keychain"]


class LaunchFailed(Exception):
    """No browser could be started: `problem` says why, `browser` which one; `detail` is every try, by browser
    and what happened (an exception's class, never its words), for the log."""

    def __init__(self, problem: BrowserProblem, browser: str = "", detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem
        self.browser = browser
        self.detail = detail


@dataclass
class _Window:
    context: BrowserContext
    page: Page
    persistent: bool
    closed: bool = False  # set by the page's close handler; the loop tidies up
    devtools: CDPSession | None = None  # the guided page's own DevTools session (Done and Next)
    actions_script: str | None = None  # id of the isolated world's new-document script for the current item


class Worker:
    def __init__(
        self,
        settings: WorkerSettings,
        commands: queue.Queue[Command],
        on_event: Callable[[BrowserEvent], None],
        processes: BrowserProcesses,
    ) -> None:
        self.s = settings
        self.commands = commands
        self.on_event = on_event
        self.processes = processes
        # The panel's binding in the page's world (guidance.js removes it from window at once) and the event
        # that makes a running panel ask for a new item. Neither is secret: neither can press Done or Next.
        self.binding = "__privacyAudit_" + secrets.token_hex(6)
        self.refresh_event = "privacy-audit-refresh-" + secrets.token_hex(6)
        # Done and Next: an isolated world, and a binding that exists only in it.
        self.world = "privacy-audit-" + secrets.token_hex(8)
        self.actions_binding = "privacyAuditActions_" + secrets.token_hex(8)
        self.guidance_js = resource_path("overlay", "guidance.js").read_text(encoding="utf-8")
        self.actions_js = resource_path("overlay", "panel_actions.js").read_text(encoding="utf-8")
        self.public_js = resource_path("overlay", "public_view.js").read_text(encoding="utf-8")
        self.pw: Any = None
        self.browser: Browser | None = None  # shared by the signed-out guided window and the public view
        self.browser_label = ""
        self.guided: _Window | None = None
        self.public: _Window | None = None
        self.target: GuidanceTarget | None = None
        self.placement: WindowPlacement | None = None  # where the next new window goes
        self.shown_deadline: float | None = None  # when to say the page did not load in time
        self.reported: set[tuple[str, str]] = set()  # (kind, url) already reported since the last open
        # The main frame's latest navigation, as Chromium reported it (see `on_document_loaded`).
        self.navigation_failure: tuple[str, LoadFailure, str] | None = None  # (url, reason, net error code)
        self.navigation_status: tuple[str, int] | None = None  # (url, HTTP status) of the latest document
        self.shown_since_open = False  # the settings page (on the platform's domains) has been shown
        self.document_shown = False  # the document in the guided window now is a settings page that loaded

    # ----- reporting -------------------------------------------------------------------------------

    def emit(self, kind: EventKind, **fields: Any) -> None:
        try:
            self.on_event(BrowserEvent(kind=kind, **fields))
        except Exception as error:  # noqa: BLE001 (a faulty listener must not stop the browser)
            log_failure("the guided browser's event listener", error)

    def item_id(self) -> str:
        return self.target.item_id if self.target else ""

    # ----- the loop --------------------------------------------------------------------------------

    def run(self) -> None:
        try:
            while True:
                command = self.next_command()
                if command is None:
                    self.tidy_up()
                    continue
                if isinstance(command, Shutdown):
                    break
                self.handle(command)
                self.tidy_up()
        finally:
            self.close_everything()

    def next_command(self) -> Command | None:
        page = self.live_page()
        if page is None:
            return self.commands.get()
        try:
            return self.commands.get_nowait()
        except queue.Empty:
            pass
        try:
            page.wait_for_timeout(POLL_MS)  # lets Playwright deliver the page's events
        except PlaywrightError:
            self.mark_closed(page)
        return None

    def live_page(self) -> Page | None:
        for window in (self.guided, self.public):
            if window and not window.closed:
                return window.page
        return None

    def mark_closed(self, page: Page) -> None:
        for window in (self.guided, self.public):
            if window and window.page is page and page.is_closed():
                window.closed = True

    def handle(self, command: Command) -> None:
        try:
            match command:
                case OpenPage(target, placement):
                    self.placement = placement or self.placement
                    self.open(target)
                case ShowPublicView(request, placement):
                    self.placement = placement or self.placement
                    self.public_view(request)
                case CloseWindow():
                    self.close_guided()
        except PlaywrightError as error:
            if self.guided and self.guided.page.is_closed():
                self.guided.closed = True
            log.info("Browser call failed: %s", type(error).__name__)
            self.emit(
                EventKind.ERROR,
                item_id=_item_of(command, self.item_id()),
                problem=BrowserProblem.STOPPED_RESPONDING,
                detail=type(error).__name__,
            )
        except Exception as error:  # noqa: BLE001 (any failure is reported; the worker carries on)
            log_failure("the guided browser", error)
            self.emit(
                EventKind.ERROR,
                item_id=_item_of(command, self.item_id()),
                problem=BrowserProblem.INTERNAL,
                detail=type(error).__name__,
            )

    def tidy_up(self) -> None:
        """Act on what the event handlers noted: a closed window, a page that never finished loading."""
        if self.guided and self.guided.closed:
            self.close_guided()
        if self.public and self.public.closed:
            self.close_window(self.public)
            self.public = None
        if self.guided is None and self.public is None and self.browser is not None:
            self.close_browser()
        if self.shown_deadline is not None and time.monotonic() > self.shown_deadline:
            self.shown_deadline = None
            url = self.target.url if self.target else ""
            self.load_failed(url, LoadFailure.TIMEOUT, f"not loaded after {self.s.page_timeout:g} seconds")

    # ----- starting a browser ----------------------------------------------------------------------

    def launch_options(self, candidate: Candidate, *, keep_sign_ins: bool) -> dict[str, Any]:
        options: dict[str, Any] = {
            "headless": self.s.headless,
            "args": list(self.s.extra_args) + list(self.placement.chromium_args() if self.placement else ()),
            "ignore_default_args": IGNORED_ARGS + (KEEP_SIGN_INS_IGNORED_ARGS if keep_sign_ins else []),
            "timeout": self.s.launch_timeout * 1000,
        }
        if candidate.channel:
            options["channel"] = candidate.channel
        elif candidate.executable:
            options["executable_path"] = candidate.executable
        return options

    def launch(self, *, keep_sign_ins: bool) -> tuple[Browser | None, BrowserContext | None]:
        """Start a browser (or a persistent context when sign-ins are kept), trying the candidates in turn.

        A candidate that fails quickly (not installed) gives way to the next; one that hangs ends the
        search, because a hang usually means a policy blocks automation and the next would wait as long.
        """
        if self.pw is None:
            try:
                self.pw = sync_playwright().start()
            except Exception as error:
                log.info("Playwright could not start: %s", type(error).__name__)
                raise LaunchFailed(BrowserProblem.AUTOMATION_FAILED, detail=type(error).__name__) from error
        if keep_sign_ins:
            assert self.s.profile_dir is not None
            if profile_owner(self.s.profile_dir) is not None:
                # Another browser (a guided window left by an earlier run, say) has the folder: every
                # candidate would fail the same way.
                raise LaunchFailed(BrowserProblem.SIGN_INS_IN_USE)
        tries: list[tuple[BrowserProblem, str, str]] = []  # (problem, browser, what happened) for each try
        for candidate in candidates(self.s.choice, self.s.executable_path):
            if candidate.bundled and not Path(self.pw.chromium.executable_path).exists():
                continue
            if candidate.executable and not os.path.isfile(candidate.executable):
                tries.append((BrowserProblem.NOT_INSTALLED, candidate.label, "not installed"))
                continue
            options = self.launch_options(candidate, keep_sign_ins=keep_sign_ins)
            try:
                if keep_sign_ins:
                    assert self.s.profile_dir is not None
                    prepare_profile(self.s.profile_dir)
                    if not self.s.headless:
                        options["no_viewport"] = True  # the page follows the window's size
                    context = self.pw.chromium.launch_persistent_context(str(self.s.profile_dir), **options)
                    browser = context.browser
                else:
                    context = None
                    browser = self.pw.chromium.launch(**options)
            except PlaywrightTimeoutError:
                waited = f"did not start within {self.s.launch_timeout:g} seconds"
                tries.append((BrowserProblem.START_TIMEOUT, candidate.label, waited))
                break
            except PlaywrightError as error:
                # A missing Edge or Chrome channel is the one case Playwright tells apart only in words
                # (it has no exception type of its own); a missing program was ruled out above.
                missing = candidate.channel is not None and "is not found" in str(error)
                problem = BrowserProblem.NOT_INSTALLED if missing else BrowserProblem.COULD_NOT_START
                tries.append((problem, candidate.label, type(error).__name__))
                continue
            self.browser_label = candidate.label
            pid = self.watch_browser(browser) if browser is not None else None
            if pid is None and context is not None:
                self.watch_profile_owner(context)
            return browser, context
        raise _launch_failure(tries)

    def watch_browser(self, browser: Browser) -> int | None:
        """Note the browser's process id (so `shutdown` can end it if it hangs) and when it goes away."""
        try:
            session = browser.new_browser_cdp_session()
            info = session.send("SystemInfo.getProcessInfo")
            session.detach()
            pid = next(p["id"] for p in info["processInfo"] if p["type"] == "browser")
        except (PlaywrightError, StopIteration, KeyError):
            pid = None
        if pid:
            self.processes.add(pid)
        browser.on("disconnected", lambda _browser: self.browser_gone(browser, pid))
        return pid or None

    def watch_profile_owner(self, context: BrowserContext) -> None:
        """A kept-sign-ins browser whose process id DevTools did not give (Playwright may give no Browser
        for a persistent context): take it from the lock the browser puts in its profile folder."""
        assert self.s.profile_dir is not None
        pid = profile_owner(self.s.profile_dir)
        if pid is None:
            log.info(
                "The kept-sign-ins browser's process could not be found; it cannot be ended if it hangs."
            )
            return
        self.processes.add(pid)
        context.on("close", lambda _context: self.processes.discard(pid))

    def browser_gone(self, browser: Browser, pid: int | None) -> None:
        # Runs inside Playwright's dispatch: only notes the loss. The browser was closed or crashed.
        if pid:
            self.processes.discard(pid)
        if self.guided and (self.guided.persistent or browser is self.browser) and not self.guided.closed:
            self.guided.closed = True
        if self.public and browser is self.browser:
            self.public.closed = True
        if browser is self.browser:
            self.browser = None

    def shared_browser(self) -> Browser:
        if self.browser is None or not self.browser.is_connected():
            self.browser, _ = self.launch(keep_sign_ins=False)
            self.emit(EventKind.OPENED, item_id=self.item_id(), browser=self.browser_label)
        assert self.browser is not None
        return self.browser

    def new_context(self, browser: Browser) -> BrowserContext:
        # bypass_csp stays off: our scripts run through the DevTools protocol, which a page's CSP does not
        # govern, and build the panel without HTML strings or inline styles; switching the site's CSP off
        # would weaken its protection of the person's signed-in account for no gain.
        return browser.new_context(no_viewport=not self.s.headless)

    # ----- the guided window -----------------------------------------------------------------------

    def open_guided_window(self) -> _Window:
        if self.s.profile_dir is not None:
            _, context = self.launch(keep_sign_ins=True)
            assert context is not None
            self.emit(EventKind.OPENED, item_id=self.item_id(), browser=self.browser_label)
            persistent = True
            context.on("close", lambda _context: self.mark_guided_closed())
        else:
            context = self.new_context(self.shared_browser())
            persistent = False
        context.expose_binding(self.binding, self.on_panel_message)
        context.add_init_script(script=f"({self.guidance_js})({json.dumps(self.guidance_boot())});")
        page = context.pages[0] if context.pages else context.new_page()
        page.on("close", lambda _page: self.mark_guided_closed())
        page.on("domcontentloaded", self.on_document_loaded)
        page.on("framenavigated", self.on_navigated)
        page.on("requestfailed", self.on_request_failed)
        page.on("response", self.on_response)
        window = _Window(context=context, page=page, persistent=persistent)
        self.place(context, page)
        try:
            self.start_actions(window)
        except PlaywrightError:
            self.close_window(window)
            raise
        return window

    def place(self, context: BrowserContext, page: Page) -> None:
        """Put a new window where the app asked (beside its own window). The launch arguments place the
        browser's first window; this places the others, which Chromium would otherwise stack on it."""
        if self.placement is None:
            return
        bounds = {
            "left": self.placement.x,
            "top": self.placement.y,
            "width": self.placement.width,
            "height": self.placement.height,
            "windowState": "normal",
        }
        try:
            devtools = context.new_cdp_session(page)
            window_id = devtools.send("Browser.getWindowForTarget")["windowId"]
            devtools.send("Browser.setWindowBounds", {"windowId": window_id, "bounds": bounds})
            devtools.detach()
        except PlaywrightError:
            log.info("The guided window could not be placed beside the app.")

    def guidance_boot(self) -> dict[str, str]:
        return {"binding": self.binding, "refresh": self.refresh_event}

    def start_actions(self, window: _Window) -> None:
        """Give the guided page the isolated world that the answer buttons and Next live in, with its binding."""
        devtools = window.context.new_cdp_session(window.page)
        devtools.on("Runtime.bindingCalled", self.on_actions_message)
        devtools.send("Page.enable")  # new-document scripts of this session run only with Page enabled
        devtools.send("Runtime.enable")  # and bindings are called only with Runtime enabled
        devtools.send(
            "Runtime.addBinding", {"name": self.actions_binding, "executionContextName": self.world}
        )
        window.devtools = devtools

    def show_actions(self, window: _Window, target: GuidanceTarget, *, this_document: bool) -> None:
        """Make the next documents' answer buttons and Next (and, with `this_document`, the current one's) say
        `target`'s item. A document already open keeps its buttons otherwise, so a late press on an older
        item's panel names that item and is ignored."""
        devtools = window.devtools
        assert devtools is not None
        config = {
            "binding": self.actions_binding,
            "item_id": target.item_id,
            "answers": [
                {"value": answer.value, "label": self.s.panel_text[f"answer.{answer.value}"]}
                for answer in target.answers
            ],
            "next": self.s.panel_text["next"],
            "sent": self.s.panel_text["sent"],
        }
        source = f"({self.actions_js})({json.dumps(config)});"
        if window.actions_script is not None:
            devtools.send("Page.removeScriptToEvaluateOnNewDocument", {"identifier": window.actions_script})
            window.actions_script = None
        added = devtools.send(
            "Page.addScriptToEvaluateOnNewDocument", {"source": source, "worldName": self.world}
        )
        window.actions_script = added["identifier"]
        if this_document:
            frame_id = devtools.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
            world = devtools.send("Page.createIsolatedWorld", {"frameId": frame_id, "worldName": self.world})
            devtools.send(
                "Runtime.evaluate", {"expression": source, "contextId": world["executionContextId"]}
            )

    def mark_guided_closed(self) -> None:
        if self.guided:
            self.guided.closed = True

    def open(self, target: GuidanceTarget) -> None:
        if self.refused(target.url, target.allowed_domains, target.item_id):
            return
        self.target = target
        if self.s.choice == "default":
            self.fallback(target.url, BrowserProblem.CHOSE_USUAL_BROWSER, target.item_id)
            return
        if self.guided is None:
            try:
                self.guided = self.open_guided_window()
            except LaunchFailed as failure:
                self.fallback(target.url, failure, target.item_id)
                return
        page = self.guided.page
        self.reported.clear()
        self.shown_since_open = False
        if self.document_shown and _same_document(page.url, target.url):
            # Next item on the same page: swap the panel's item without reloading the person's page.
            self.show_actions(self.guided, target, this_document=True)
            page.evaluate(self.guidance_js, self.guidance_boot())
            self.shown_since_open = True
            self.emit(EventKind.PAGE_SHOWN, item_id=target.item_id, url=page.url)
            return
        self.show_actions(self.guided, target, this_document=False)
        self.navigation_failure = self.navigation_status = None
        self.document_shown = False
        self.shown_deadline = time.monotonic() + self.s.page_timeout
        try:
            page.goto(target.url, wait_until="commit", timeout=self.s.page_timeout * 1000)
        except PlaywrightTimeoutError:
            self.load_failed(
                target.url, LoadFailure.TIMEOUT, f"no answer within {self.s.page_timeout:g} seconds"
            )
        except PlaywrightError as error:
            if page.is_closed():
                raise
            # Playwright raises a plain Error for a failed navigation; Chromium's net error code in it is
            # the only record of why (the same code the requestfailed event gives).
            code = _net_error_code(str(error))
            if code == "ERR_ABORTED":
                # Another navigation took over (a redirect by script, a download): not a failure yet; the
                # page that follows, or the deadline, will say how it went.
                log.info("The settings page's navigation was replaced by another.")
                return
            reason = classify_net_error(code)
            self.navigation_failure = (target.url, reason, code or "unknown")
            self.load_failed(target.url, reason, code or "unknown")

    # ----- did the settings page load? -------------------------------------------------------------
    # These run inside Playwright's event dispatch: they only read what the event carries and report.

    def on_request_failed(self, request: Request) -> None:
        if not self.is_main_navigation(request):
            return
        code = _net_error_code(request.failure or "")
        if code != "ERR_ABORTED":
            self.navigation_failure = (request.url, classify_net_error(code), code or "unknown")

    def on_response(self, response: Response) -> None:
        if self.is_main_navigation(response.request):
            self.navigation_status = (response.url, response.status)

    def is_main_navigation(self, request: Request) -> bool:
        if self.guided is None or not request.is_navigation_request():
            return False
        try:
            return request.frame == self.guided.page.main_frame
        except PlaywrightError:  # a service worker's request has no frame
            return False

    def on_document_loaded(self, page: Page) -> None:
        """A document finished parsing in the guided window: say truthfully what it is.

        Chromium's own error page, an HTTP error, and (before the settings page has been shown since the
        last Open) a page on another site - where web filters send blocked requests - are LOAD_FAILED.
        """
        if self.guided is None or page is not self.guided.page or self.target is None:
            return
        target, url = self.target, page.url
        if is_browser_error_page(url):
            failed_url, reason, code = self.navigation_failure or (target.url, LoadFailure.OTHER, "unknown")
            self.load_failed(failed_url, reason, code)
        elif (
            self.navigation_status
            and _same_document(self.navigation_status[0], url)
            and self.navigation_status[1] >= 400
        ):
            status = self.navigation_status[1]
            self.load_failed(url, LoadFailure.HTTP_ERROR, f"HTTP {status}", status=status)
        elif is_off_domain(url, target.allowed_domains, allow_localhost=self.s.allow_localhost):
            if not self.shown_since_open:
                self.load_failed(target.url, LoadFailure.BLOCKED, f"sent to {_host_of(url)} instead")
        else:
            self.shown_deadline = None
            self.shown_since_open = self.document_shown = True
            self.emit(EventKind.PAGE_SHOWN, item_id=self.item_id(), url=url)

    def load_failed(self, url: str, reason: LoadFailure, detail: str, *, status: int | None = None) -> None:
        """Report that the settings page did not load (once per address and reason since the last Open)."""
        self.shown_deadline = None
        self.document_shown = False
        if (f"{EventKind.LOAD_FAILED}:{reason}", url) in self.reported:
            return
        self.reported.add((f"{EventKind.LOAD_FAILED}:{reason}", url))
        self.emit(
            EventKind.LOAD_FAILED,
            item_id=self.item_id(),
            url=url,
            reason=reason,
            status=status,
            detail=detail,
        )

    def on_navigated(self, frame: Any) -> None:
        if self.guided is None or frame != self.guided.page.main_frame or self.target is None:
            return
        url = frame.url
        self.document_shown = False  # until its DOMContentLoaded says what it is
        if is_off_domain(url, self.target.allowed_domains, allow_localhost=self.s.allow_localhost):
            if self.shown_since_open:  # before that, leaving the platform means the page was blocked
                self.report_once(
                    EventKind.OFF_DOMAIN,
                    url,
                    f"This page is not part of {self.target.platform_name}. Go back to carry on with the check.",
                )
        elif looks_like_login(url):
            self.report_once(EventKind.LOGIN_PAGE, url)

    def report_once(self, kind: EventKind, url: str, message: str = "") -> None:
        if (kind, url) in self.reported:
            return
        self.reported.add((kind, url))
        self.emit(kind, item_id=self.item_id(), url=url, message=message)

    def on_panel_message(self, source: dict[str, Any], kind: Any = None, data: Any = None, *_: Any) -> Any:
        """Messages from the panel script in the page's world, which the page's own scripts can send too:
        they only say what the page shows. Done and Next are not taken from here (see on_actions_message).
        Anything from another frame or window is ignored."""
        if self.guided is None or self.target is None:
            return None
        frame = source.get("frame")
        if source.get("page") != self.guided.page or frame != self.guided.page.main_frame:
            return None
        target = self.target
        url = frame.url
        if kind == "hello":
            if not is_on_platform(url, target.allowed_domains, allow_localhost=self.s.allow_localhost):
                return None  # never put our panel on someone else's site
            return {
                "item_id": target.item_id,
                "title": target.title,
                "safe_value": target.safe_value,
                "provenance": target.provenance,
                "labels": list(target.labels),
                "text": dict(self.s.panel_text),
                "missing_after_ms": int(self.s.label_grace * 1000),
            }
        if kind == "found":
            label = data.get("label") if isinstance(data, dict) else None
            if label in target.labels:  # only the labels we asked for, never text of the page's choosing
                # The setting is on screen and outlined: the page is there even if it never finishes
                # loading, so it is not reported as failed when the deadline passes.
                self.shown_deadline = None
                self.shown_since_open = True
                self.emit(EventKind.LABEL_FOUND, item_id=target.item_id, url=url, found=(label,))
        elif kind == "missing":
            shown = " or ".join(f"“{label}”" for label in target.labels)
            self.emit(
                EventKind.LABEL_MISSING,
                item_id=target.item_id,
                url=url,
                message=f"Look for {shown} on the page.",
            )
        elif kind == "login":
            self.report_once(EventKind.LOGIN_PAGE, url)
        return None

    def on_actions_message(self, event: dict[str, Any]) -> None:
        """An answer or Next from panel_actions.js. Its binding exists only in our isolated world, which page
        scripts cannot reach, and the buttons answer only to the person's own presses. A press is still
        ignored when it names another item than the one the app is showing (a panel left over from before),
        an answer this item's panel does not offer, or a page that is not on the platform's domains."""
        if event.get("name") != self.actions_binding or self.guided is None or self.target is None:
            return
        try:
            message = json.loads(event.get("payload") or "")
        except ValueError:
            return
        if not isinstance(message, dict) or message.get("kind") not in ("answer", "next"):
            return
        target = self.target
        if message.get("item_id") != target.item_id:
            log.info("Ignored a press on a panel for an earlier item.")
            return
        url = self.guided.page.url
        if not is_on_platform(url, target.allowed_domains, allow_localhost=self.s.allow_localhost):
            log.info("Ignored a press on a page outside the platform.")
            return
        if message["kind"] == "next":
            self.emit(EventKind.NEXT, item_id=target.item_id, url=url)
            return
        answer = next((a for a in target.answers if a.value == message.get("answer")), None)
        if answer is None:
            log.info("Ignored an answer this item's panel does not offer.")
            return
        self.emit(EventKind.ANSWERED, item_id=target.item_id, url=url, answer=answer)

    def close_guided(self) -> None:
        if self.guided is None:
            return
        window, self.guided = self.guided, None
        self.shown_deadline = None
        self.document_shown = False
        self.close_window(window)
        self.emit(EventKind.WINDOW_CLOSED, item_id=self.item_id())

    # ----- the public view -------------------------------------------------------------------------

    def public_view(self, request: PublicViewRequest) -> None:
        if self.refused(request.url, request.allowed_domains):
            return
        if self.s.choice == "default":
            self.fallback(request.url, BrowserProblem.CHOSE_USUAL_BROWSER)
            return
        if self.public is not None:
            self.close_window(self.public)
            self.public = None
        try:
            browser = self.shared_browser()
        except LaunchFailed as failure:
            self.fallback(request.url, failure)
            return
        context = self.new_context(browser)  # fresh and signed out: no cookies from the guided window
        page = context.new_page()
        self.public = _Window(context=context, page=page, persistent=False)
        page.on("close", lambda _page: self.mark_public_closed(page))
        self.place(context, page)
        try:
            response = page.goto(
                request.url, wait_until="domcontentloaded", timeout=self.s.page_timeout * 1000
            )
        except PlaywrightTimeoutError:
            detail = f"no answer within {self.s.page_timeout:g} seconds"
            self.emit(EventKind.LOAD_FAILED, url=request.url, reason=LoadFailure.TIMEOUT, detail=detail)
            return
        except PlaywrightError as error:
            if page.is_closed():
                return  # the person closed the window while it loaded: nothing went wrong, nothing to say
            code = _net_error_code(str(error))
            reason = classify_net_error(code)
            self.emit(EventKind.LOAD_FAILED, url=request.url, reason=reason, detail=code or "unknown")
            return
        try:
            page.wait_for_load_state("load", timeout=PUBLIC_SETTLE_MS)
        except PlaywrightTimeoutError:
            pass  # the page is readable; a slow image must not hold up the answer
        # The typed words stay here: the page's text is read out (innerText, only what is rendered) and
        # searched in Python; the page is given only the words already on it, to highlight them.
        try:
            text: str | None = page.inner_text("body", timeout=PUBLIC_READ_MS)
        except PlaywrightTimeoutError:
            text = None  # not read: nothing may be said about the typed words
        shown = {word: _find_in_text(word, text or "") for word in request.words}
        found = tuple(word for word in request.words if shown[word] is not None)
        on_page = sorted({match for match in shown.values() if match is not None})
        if on_page:
            try:
                page.evaluate(self.public_js, on_page)
            except PlaywrightError:
                # The page's own scripts can break the built-ins the highlighting uses; the answer stands.
                log.info("The words could not be highlighted on the public page.")
        # Only whether a sign-in form is showing is looked at; what is in it is never read.
        sign_in_form = page.locator("input[type=password]:visible").count() > 0
        status = response.status if response is not None else None
        result = public_view_result(status, text is not None, looks_like_login(page.url), sign_in_form, found)
        self.emit(
            EventKind.PUBLIC_VIEW,
            url=page.url,
            result=result,
            status=status,
            found=found,
            asked=len(request.words),
        )

    def mark_public_closed(self, page: Page) -> None:
        if self.public and self.public.page is page:
            self.public.closed = True

    # ----- when nothing can be guided --------------------------------------------------------------

    def refused(self, url: str, allowed_domains: tuple[str, ...], item_id: str = "") -> bool:
        """Report, and return True, when `url` is an address that is never opened (see `addresses`)."""
        refusal = address_refusal(url, allowed_domains, allow_localhost=self.s.allow_localhost)
        if refusal is not None:
            self.emit(
                EventKind.ERROR,
                item_id=item_id,
                url=url,
                problem=BrowserProblem.ADDRESS_REFUSED,
                refused=refusal,
            )
        return refusal is not None

    def fallback(self, url: str, why: BrowserProblem | LaunchFailed, item_id: str = "") -> None:
        """Open `url` in the person's usual browser, since `why` stops guiding it (the person's choice, or no
        browser started): FALLBACK when it opened, ERROR with the same problem when it did not, so the
        person is given the address instead."""
        if isinstance(why, BrowserProblem):
            why = LaunchFailed(why)
        try:
            opened = bool(self.s.open_default(url))
        except Exception:  # noqa: BLE001 (webbrowser can fail in many ways; the person gets the address instead)
            opened = False
        # The code only: the log never holds an address, an error's own words or a path (a browser found on
        # disk is labelled with its path, which can hold the person's account name).
        log.info("Not guided (%s); the usual browser %s", why.problem, "opened" if opened else "did not open")
        self.emit(
            EventKind.FALLBACK if opened else EventKind.ERROR,
            item_id=item_id,
            url=url,
            problem=why.problem,
            browser=why.browser,
            detail=why.detail,
        )

    # ----- closing ---------------------------------------------------------------------------------

    def close_window(self, window: _Window) -> None:
        try:
            window.context.close()
        except PlaywrightError:
            pass  # already gone with its browser

    def close_browser(self) -> None:
        browser, self.browser = self.browser, None
        if browser is None:
            return
        try:
            browser.close()
        except PlaywrightError:
            pass

    def close_everything(self) -> None:
        for window in (self.public, self.guided):
            if window is not None:
                self.close_window(window)
        self.public = self.guided = None
        self.close_browser()
        if self.pw is not None:
            try:
                self.pw.stop()
            except Exception:
                log.info("Playwright did not stop cleanly", exc_info=True)
            self.pw = None


def _launch_failure(tries: list[tuple[BrowserProblem, str, str]]) -> LaunchFailed:
    """What to tell of a search in which no browser started. A hang ends the search, so it is the last try;
    a browser that failed to start says more than those not installed; "not installed" is said of one browser
    only when it was the only one to try (several missing is "none was found")."""
    detail = "; ".join(f"{browser}: {what}" for _, browser, what in tries)
    for problem in (BrowserProblem.START_TIMEOUT, BrowserProblem.COULD_NOT_START):
        browser = next((b for p, b, _ in tries if p == problem), None)
        if browser is not None:
            return LaunchFailed(problem, browser, detail)
    if len(tries) == 1:
        return LaunchFailed(BrowserProblem.NOT_INSTALLED, tries[0][1], detail)
    return LaunchFailed(BrowserProblem.NO_BROWSER, detail=detail)


def _item_of(command: Command, guided_item: str) -> str:
    """The setting a failed command was about: the guided window's, or none for the public view (whose screen
    reports its own problems, and the check screen must not)."""
    return "" if isinstance(command, ShowPublicView) else guided_item


def public_view_result(
    status: int | None, text_read: bool, at_sign_in_page: bool, sign_in_box: bool, found: tuple[str, ...]
) -> PublicViewResult:
    """What a signed-out look at a profile may truthfully say, from what was seen: the answer's HTTP status,
    whether the page's text was read, whether the visitor ended on a sign-in address or a sign-in box shows,
    and which typed words were found. A sign-in box is not proof the profile is hidden (signed-out profile
    pages often show one over a public profile), so "sent to the sign-in page" needs the sign-in address and
    none of the typed words on it."""
    if status is not None and status >= 400:
        return PublicViewResult.NOT_FOUND if status in (404, 410) else PublicViewResult.HTTP_ERROR
    if not text_read:
        return PublicViewResult.NOT_READ
    if at_sign_in_page and not found:
        return PublicViewResult.SENT_TO_SIGN_IN
    if at_sign_in_page or sign_in_box:
        return PublicViewResult.SIGN_IN_BOX
    return PublicViewResult.SHOWN


def _find_in_text(word: str, text: str) -> str | None:
    """`word` as it appears in `text` (any case, any run of spaces or line breaks between its parts), or None."""
    parts = word.split()
    if not parts:
        return None
    match = re.search(r"\s+".join(re.escape(part) for part in parts), text, re.IGNORECASE)
    return match.group(0) if match else None


def _same_document(current: str, wanted: str) -> bool:
    return current.split("#", 1)[0] == wanted.split("#", 1)[0]


# Chromium's network error codes ("net::ERR_NAME_NOT_RESOLVED"), grouped by what the person can do about them.
_NET_ERROR = re.compile(r"net::(ERR_[A-Z0-9_]+)")
_NET_FAILURES: tuple[tuple[tuple[str, ...], LoadFailure], ...] = (
    (
        ("ERR_INTERNET_DISCONNECTED", "ERR_ADDRESS_UNREACHABLE", "ERR_NETWORK_CHANGED"),
        LoadFailure.NO_CONNECTION,
    ),
    (("ERR_NAME_NOT_RESOLVED", "ERR_NAME_RESOLUTION_FAILED", "ERR_DNS_"), LoadFailure.NAME_NOT_RESOLVED),
    (("ERR_BLOCKED_BY_", "ERR_NETWORK_ACCESS_DENIED"), LoadFailure.BLOCKED),
    (("ERR_CERT_", "ERR_SSL_", "ERR_BAD_SSL_"), LoadFailure.INSECURE_CONNECTION),
    (("ERR_TIMED_OUT", "ERR_CONNECTION_TIMED_OUT"), LoadFailure.TIMEOUT),
    (
        ("ERR_CONNECTION_", "ERR_EMPTY_RESPONSE", "ERR_PROXY_", "ERR_TUNNEL_", "ERR_ADDRESS_INVALID"),
        LoadFailure.COULD_NOT_CONNECT,
    ),
)


def _net_error_code(text: str) -> str | None:
    match = _NET_ERROR.search(text)
    return match.group(1) if match else None


def classify_net_error(code: str | None) -> LoadFailure:
    """What a Chromium network error code means for the person (OTHER when it is none we group)."""
    for prefixes, reason in _NET_FAILURES:
        if code and code.startswith(prefixes):
            return reason
    return LoadFailure.OTHER


def _host_of(url: str) -> str:
    try:
        return str(ada_url.parse_url(url)["host"]) or url
    except ValueError:
        return url
