"""`manual`: for settings that only exist in the phone apps, ask the maintainer holding a TEST phone.

For each app-only item (or every item with an app path, with --all) and each of its labels it asks
"Can you see “<label>” at <path>?" and takes yes, no, skip, or the name the app now uses ("it is called
Close friends only", or just the new name). The answers are saved with the surface (ios or android), the
app's version and the date. With --write, an item whose labels were ALL seen gets a live check (method
"manual"); a different or missing label is reported for a maintainer to correct the text, never written.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from maintainer import checklists, reports

COLUMNS = (
    "platform",
    "item",
    "surface",
    "app_version",
    "result",
    "labels_seen",
    "now_called",
    "not_seen",
    "written",
    "note",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    repo = Path(__file__).resolve().parent.parent
    parser.add_argument(
        "--surface", choices=("ios", "android"), required=True, help="the test phone's system"
    )
    parser.add_argument("--app-version", required=True, help='the app and its version, e.g. "TikTok 38.4.1"')
    parser.add_argument("--checklists", type=Path, default=repo / "checklists", help="checklist folder")
    parser.add_argument("--platform", action="append", help="only this platform (repeatable)")
    parser.add_argument("--item", action="append", help="only this item id (repeatable)")
    parser.add_argument("--all", action="store_true", help="also items that have a web address")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="folder for the report")
    parser.add_argument(
        "--write", action="store_true", help="append a live check to items whose labels were ALL seen"
    )
    parser.add_argument(
        "--by", default="project maintainer", help="who checked: a role, never a person's name"
    )
    parser.add_argument("--region", default="GB", help="the region the test account is in")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)


def interpret(answer: str) -> tuple[str, str | None]:
    """('yes'|'no'|'skip'|'renamed', the new name when renamed)."""
    text = answer.strip()
    lowered = text.lower().rstrip(".")
    if lowered in ("y", "yes"):
        return "yes", None
    if lowered in ("n", "no"):
        return "no", None
    if lowered in ("", "s", "skip"):
        return "skip", None
    for prefix in ("it is called", "it's called", "called"):
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return "renamed", text.strip(" \"'“”")


def ask_item(target: checklists.Target) -> dict[str, Any] | None:
    """Ask about each label of `target`; None when the maintainer skips the item."""
    print(f"\n{target.platform_name}: {target.title}")
    seen: list[str] = []
    renamed: dict[str, str] = {}
    not_seen: list[str] = []
    for label in target.labels:
        while True:
            kind, name = interpret(
                input(f"  Can you see “{label}” at {target.app_path}? (yes / no / it is called … / skip) ")
            )
            if kind != "renamed" or name:
                break
        if kind == "skip":
            return None
        if kind == "yes":
            seen.append(label)
        elif kind == "no":
            not_seen.append(label)
        else:
            renamed[label] = str(name)
    result = (
        "labels_found" if not renamed and not not_seen else ("different_label" if renamed else "not_found")
    )
    return {"result": result, "labels_seen": seen, "now_called": renamed, "not_seen": not_seen}


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    wanted = [
        t
        for t in checklists.targets(args.checklists, args.platform)
        if t.app_path
        and t.labels
        and (args.all or not t.url_template)
        and (not args.item or t.item_id in args.item)
    ]
    print(
        f"{len(wanted)} item(s) to look at on the {args.surface} app ({args.app_version}). Use a TEST account."
    )
    rows = []
    try:
        for target in wanted:
            answer = ask_item(target)
            if answer is None:
                continue
            row = {"platform": target.platform, "item": target.item_id, "surface": args.surface,
                   "app_version": args.app_version, **answer, "written": False, "note": None}  # fmt: skip
            if args.write and answer["result"] == "labels_found":
                check = checklists.live_check(
                    today,
                    args.surface,
                    args.region,
                    answer["labels_seen"],
                    "manual",
                    args.by,
                    args.app_version,
                )
                try:
                    checklists.append_live_check(target.path, target.item_id, check, today=today)
                    row["written"] = True
                except checklists.WriteRefused as exc:
                    row["note"] = f"not written: {exc}"
            elif answer["result"] != "labels_found":
                row["note"] = "the text needs correcting before this item can be recorded as checked"
            rows.append(row)
    except EOFError:
        print("\nNo more answers; saving what was recorded.")
    for row in rows:
        row["now_called"] = [f"{old} -> {new}" for old, new in row["now_called"].items()]
    path = reports.write(args.out, "manual", today, rows, COLUMNS)
    print(f"\nReport: {path}")
    for row in rows:
        if row["result"] != "labels_found":
            print(
                f"  to correct: {row['platform']}/{row['item']}: {row['result']} {', '.join(row['now_called'] + row['not_seen'])}"
            )
    return 0
