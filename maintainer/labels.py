"""`labels`: open each item's settings page with a test account and look for its labels on the live page.

Uses a persistent browser profile that a maintainer signed into once (`--sign-in`) with a TEST account,
never a member of staff's. Each label is looked for separately by the same on-page finder the guided
browser uses (resources/overlay/guidance.js, run unchanged through the same binding and refresh event), so
"found" here means what it means to the person using the app. For every page it records the labels found
and missing, the final address, whether it was a sign-in page, and a screenshot.

With --write it appends a live check (method "labels tool") to an item's `provenance.live_checks` only when
every one of its labels was found; it never edits text or any other item. Slow by design (a pause between
pages); never run in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import secrets
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from maintainer import TOOL_VERSION, checklists, reports
from maintainer.fetch import parse_resolve
from maintainer.links import param_values
from privacy_audit.core.urls import host_is_allowed

COLUMNS = (
    "platform", "item", "url", "final_url", "sign_in_wall", "labels_found", "labels_missing", "all_found",
    "screenshot", "written", "error",
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    repo = Path(__file__).resolve().parent.parent
    parser.add_argument(
        "--profile", type=Path, required=True, help="browser profile folder of the TEST account"
    )
    parser.add_argument(
        "--sign-in", action="store_true", help="open the first page in a window to sign in, then stop"
    )
    parser.add_argument("--checklists", type=Path, default=repo / "checklists", help="checklist folder")
    parser.add_argument("--platform", action="append", help="only this platform (repeatable)")
    parser.add_argument("--item", action="append", help="only this item id (repeatable)")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="a URL parameter value"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("reports"), help="folder for the report and screenshots"
    )
    parser.add_argument(
        "--write", action="store_true", help="append a live check to items whose labels were ALL found"
    )
    parser.add_argument(
        "--by", default="project maintainer", help="who checked: a role, never a person's name"
    )
    parser.add_argument("--region", default="GB", help="the region the test account is in")
    parser.add_argument("--pause", type=float, default=20.0, help="seconds between pages (slow on purpose)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for a page to load")
    parser.add_argument(
        "--grace", type=float, default=5.0, help="seconds to let a page draw before a label is missing"
    )
    parser.add_argument("--headed", action="store_true", help="show the browser window")
    parser.add_argument("--chromium", help="browser executable (default: Playwright's Chromium)")
    parser.add_argument(
        "--browser-arg", action="append", default=[], help="extra browser argument (repeatable)"
    )
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--resolve", action="append", metavar="HOST=ADDRESS:PORT", help="testing only")
    parser.add_argument("--insecure", action="store_true", help="testing only: accept any certificate")


class Finder:
    """The guided browser's label finder (guidance.js) in a page, asked about one label at a time."""

    def __init__(self, context: Any, grace: float) -> None:
        from privacy_audit.browser import PANEL_TEXT
        from privacy_audit.core.paths import resource_path

        self.script = resource_path("overlay", "guidance.js").read_text(encoding="utf-8")
        token = secrets.token_hex(6)
        self.boot = {"binding": "__privacyAuditLabels_" + token, "refresh": "privacy-audit-labels-" + token}
        self.text = dict(PANEL_TEXT)
        self.grace = grace
        self.page: Any = None
        self.label: str | None = None
        self.title = ""
        self.result: str | None = None
        self.login = False
        context.expose_binding(self.boot["binding"], self.on_message)
        context.add_init_script(script=f"({self.script})({json.dumps(self.boot)});")

    def on_message(self, source: dict[str, Any], kind: str, data: Any = None) -> Any:
        if self.page is None or source.get("frame") != self.page.main_frame:
            return None
        if kind == "hello":
            if self.label is None:
                return None
            return {
                "item_id": "labels-tool",
                "title": self.title,
                "safe_value": "",
                "labels": [self.label],
                "text": self.text,
                "missing_after_ms": int(self.grace * 1000),
            }
        if kind == "found" and isinstance(data, dict) and data.get("label") == self.label:
            self.result = "found"
        elif kind == "missing" and self.result is None:
            self.result = "missing"
        elif kind == "login":
            self.login = True
        return None

    def ask(self, label: str, first: bool) -> bool:
        """True when the finder found `label` on the page. The first label is asked by the page's own load;
        later ones by running the script again, which makes the running panel ask for the new label."""
        if not first:
            self.label, self.result = label, None
            self.page.evaluate(self.script, self.boot)
        # The first label was set before the page was opened (`look`), and its answer may already have come
        # while the page loaded: clearing it here lost it on a busy machine, so a label on screen read as missing.
        deadline = time.monotonic() + self.grace + 5.0
        while self.result is None and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)  # lets Playwright deliver the panel's messages
        return self.result == "found"


def look(
    finder: Finder, page: Any, target: checklists.Target, timeout: float, screens: Path
) -> dict[str, Any]:
    from playwright.sync_api import Error as PlaywrightError

    url = target.url()
    row: dict[str, Any] = {"platform": target.platform, "item": target.item_id, "url": url, "final_url": None,
                           "sign_in_wall": False, "labels_found": [], "labels_missing": list(target.labels),
                           "all_found": False, "screenshot": None, "written": False, "error": None}  # fmt: skip
    finder.page, finder.title, finder.login = page, target.title, False
    finder.label, finder.result = target.labels[0], None
    try:
        page.goto(url, wait_until="load", timeout=timeout * 1000)
    except PlaywrightError as exc:
        row["final_url"] = page.url
        row["error"] = (
            f"the page did not load within {timeout:g} s"
            if "Timeout" in str(exc)
            else str(exc).splitlines()[0]
        )
        return row
    host = urlsplit(page.url).hostname or ""
    if not host_is_allowed(host, target.allowed_domains()):
        # The guided browser never puts its panel on another site, so neither does this tool.
        row["final_url"] = page.url
        row["error"] = "the page left the platform's domains"
        return row
    found = [label for index, label in enumerate(target.labels) if finder.ask(label, first=index == 0)]
    row["final_url"] = page.url
    row["sign_in_wall"] = finder.login
    row["labels_found"] = found
    row["labels_missing"] = [label for label in target.labels if label not in found]
    row["all_found"] = not row["labels_missing"]
    screens.mkdir(parents=True, exist_ok=True)
    shot = screens / f"{target.platform}-{target.item_id}.png"
    try:
        page.screenshot(path=str(shot))
        row["screenshot"] = str(shot)
    except PlaywrightError as exc:
        row["error"] = f"no screenshot: {str(exc).splitlines()[0]}"
    return row


def run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    today = args.today or dt.date.today()
    wanted = [
        t
        for t in checklists.targets(args.checklists, args.platform, param_values(args.param))
        if t.url_template and t.labels and (not args.item or t.item_id in args.item)
    ]
    if not wanted:
        print("No items with a web address and labels to look for.")
        return 1
    browser_args = list(args.browser_arg)
    resolve = parse_resolve(args.resolve)
    if resolve:
        rules = ", ".join(f"MAP {host} {address}:{port}" for host, (address, port) in resolve.items())
        browser_args.append(f"--host-resolver-rules={rules}")
    args.profile.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(args.profile),
            executable_path=args.chromium,
            headless=not (args.headed or args.sign_in),
            args=browser_args,
            ignore_https_errors=args.insecure,
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            if args.sign_in:
                page.goto(wanted[0].url() or "about:blank")
                print("Sign in with the TEST account in the window, then close the window.")
                page.wait_for_event("close", timeout=0)
                return 0
            finder = Finder(context, args.grace)
            screens = args.out / f"labels-{today.isoformat()}-screens"
            for index, target in enumerate(wanted):
                if index:
                    time.sleep(args.pause)
                row = look(finder, page, target, args.timeout, screens)
                if args.write and row["all_found"] and not row["error"]:
                    check = checklists.live_check(
                        today, "web", args.region, row["labels_found"], f"labels tool {TOOL_VERSION}", args.by
                    )
                    try:
                        checklists.append_live_check(target.path, target.item_id, check, today=today)
                        row["written"] = True
                    except checklists.WriteRefused as exc:
                        row["error"] = f"not written: {exc}"
                rows.append(row)
                state = (
                    "all found"
                    if row["all_found"]
                    else ("not loaded" if row["screenshot"] is None else "MISSING")
                )
                print(f"{state:<12} {target.key}  missing: {', '.join(row['labels_missing']) or '-'}"
                      + ("  (sign-in page)" if row["sign_in_wall"] else "") + ("  [live check written]" if row["written"] else "")
                      + (f"  {row['error']}" if row["error"] else ""))  # fmt: skip
        finally:
            context.close()
    path = reports.write(args.out, "labels", today, rows, COLUMNS)
    complete = sum(1 for r in rows if r["all_found"])
    print(f"\nReport: {path}\n{complete} of {len(rows)} item(s) had every label on the page.")
    return 0 if complete == len(rows) else 1
