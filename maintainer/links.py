"""`links`: fetch every settings address and report status, final address, domain and sign-in walls.

For each item with a web address (the checklist's example parameter values filled in), it records the HTTP
status, the redirects, the final address, whether that is still on the platform's domains and whether it
landed on a sign-in page. A signed-out fetch of a settings page usually ends on a sign-in page: that is
expected and reported, not counted as broken. It writes links-YYYY-MM-DD.json/.tsv and prints what changed
since the previous report: gone, moved, left the domain.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from maintainer import checklists, reports
from maintainer.fetch import fetch, parse_resolve
from privacy_audit.core.urls import host_is_allowed

COLUMNS = (
    "platform",
    "item",
    "url",
    "status",
    "final_url",
    "redirects",
    "on_platform",
    "sign_in_wall",
    "outcome",
    "error",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common_arguments(parser)


def common_arguments(parser: argparse.ArgumentParser) -> None:
    repo = Path(__file__).resolve().parent.parent
    parser.add_argument("--checklists", type=Path, default=repo / "checklists", help="checklist folder")
    parser.add_argument("--platform", action="append", help="only this platform (repeatable)")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a URL parameter value instead of the example",
    )
    parser.add_argument("--out", type=Path, default=Path("reports"), help="folder for the dated reports")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a page")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between requests, to be polite")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--resolve",
        action="append",
        metavar="HOST=ADDRESS:PORT",
        help="testing only: send HOST to ADDRESS:PORT",
    )
    parser.add_argument("--insecure", action="store_true", help="testing only: do not check certificates")


def param_values(entries: list[str]) -> dict[str, str]:
    values = {}
    for entry in entries:
        name, _, value = entry.partition("=")
        values[name] = value
    return values


def outcome(row: dict[str, Any]) -> str:
    if row["error"]:
        return "error"
    if row["status"] is not None and row["status"] >= 400:
        return "gone"
    if not row["on_platform"]:
        return "left the domain"
    if row["sign_in_wall"]:
        return "sign-in wall"
    return "ok"


def check(
    target: checklists.Target, args: argparse.Namespace, resolve: dict[str, tuple[str, int]]
) -> dict[str, Any]:
    url = target.url()
    assert url is not None
    fetched = fetch(url, timeout=args.timeout, resolve=resolve, insecure=args.insecure)
    final_host = urlsplit(fetched.final_url or url).hostname or ""
    row = {
        "platform": target.platform,
        "item": target.item_id,
        "url": url,
        "status": fetched.status,
        "final_url": fetched.final_url,
        "redirects": fetched.redirects,
        "on_platform": host_is_allowed(final_host, target.allowed_domains()),
        "sign_in_wall": fetched.sign_in_wall,
        "error": fetched.error,
    }
    row["outcome"] = outcome(row)
    return row


def changes(before: dict[str, Any] | None, rows: list[dict[str, Any]]) -> list[str]:
    """What changed since the previous report: gone, moved, left the domain (and back again)."""
    if before is None:
        return []
    old = {(r["platform"], r["item"]): r for r in before.get("rows", [])}
    found = []
    for row in rows:
        was = old.get((row["platform"], row["item"]))
        name = f"{row['platform']}/{row['item']}"
        if was is None:
            found.append(f"new: {name} {row['url']}")
            continue
        if row["outcome"] in ("gone", "error") and was.get("outcome") not in ("gone", "error"):
            found.append(f"gone: {name} {row['url']} now gives {row['status'] or row['error']}")
        elif row["outcome"] == "left the domain" and was.get("outcome") != "left the domain":
            found.append(f"left the domain: {name} now ends at {row['final_url']}")
        elif row["final_url"] != was.get("final_url") and row["outcome"] not in ("gone", "error"):
            found.append(f"moved: {name} now ends at {row['final_url']} (was {was.get('final_url')})")
        if was.get("outcome") in ("gone", "error", "left the domain") and row["outcome"] in (
            "ok",
            "sign-in wall",
        ):
            found.append(f"back: {name} works again")
    return found


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    resolve = parse_resolve(args.resolve)
    rows: list[dict[str, Any]] = []
    for target in checklists.targets(args.checklists, args.platform, param_values(args.param)):
        if not target.url_template:
            continue
        if rows:
            time.sleep(args.pause)
        row = check(target, args, resolve)
        rows.append(row)
        print(
            f"{row['outcome']:<16} {target.key}  {row['url']}"
            + (f" -> {row['final_url']}" if row["final_url"] != row["url"] else "")
        )
    before = reports.previous(args.out, "links", today)
    path = reports.write(args.out, "links", today, rows, COLUMNS)
    found = changes(before, rows)
    print(f"\nReport: {path}")
    if before is None:
        print("No earlier report to compare with.")
    else:
        print(f"Changes since {before.get('date')}: {len(found) or 'none'}")
        for line in found:
            print(f"  {line}")
    broken = sum(1 for r in rows if r["outcome"] in ("gone", "error", "left the domain"))
    print(f"{len(rows)} address(es) checked, {broken} need a look.")
    return 1 if broken else 0
