"""`privacy-audit guidance [--json]`: which guidance is in use, and how much of it was checked on the live sites.

Says whether the checklists are the ones built into the app or a guidance pack (version, date, where it came
from, and why any pack found was not used), then, per platform, how many items have a live check that saw
their labels and the date of the latest. JSON form, for IT scripts:
{"guidance": {"source", "version", "date", "origin", "pack"}, "refused": [...],
 "platforms": [{"id", "name", "items", "checked_live", "last_checked_live"}, ...]} with ISO dates or null.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

NAME = "guidance"
HELP = "show which guidance is in use (built in or a pack) and how much of it was checked on the live sites"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def live_checks(item: Any) -> list[Any]:
    """An item's live checks (`provenance.live_checks`), or none for items without that record."""
    provenance = getattr(item, "provenance", None)
    if provenance is None and isinstance(item, dict):
        provenance = item.get("provenance")
    if isinstance(provenance, dict):
        checks = provenance.get("live_checks")
    else:
        checks = getattr(provenance, "live_checks", None)
    return list(checks) if isinstance(checks, (list, tuple)) else []


def _field(check: Any, name: str) -> Any:
    return check.get(name) if isinstance(check, dict) else getattr(check, name, None)


def _check_date(check: Any) -> dt.date | None:
    value = _field(check, "on")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def platform_summary(checklist: Any) -> dict[str, Any]:
    """For one checklist: its items, how many were checked live, and the latest live check.

    Only checks that saw the labels count: a check that found a different label or none says the text is
    out of date, not that it was confirmed."""
    checked = 0
    latest: dt.date | None = None
    for item in checklist.items:
        confirmed = [c for c in live_checks(item) if _field(c, "result") == "labels_found"]
        dates = [d for d in (_check_date(c) for c in confirmed) if d is not None]
        if dates:
            checked += 1
            latest = max([*dates, latest] if latest else dates)
    return {
        "id": checklist.platform,
        "name": checklist.name,
        "items": len(checklist.items),
        "checked_live": checked,
        "last_checked_live": latest.isoformat() if latest else None,
    }


def run(args: argparse.Namespace) -> int:
    import json

    from privacy_audit.core.catalogue import load_checklists
    from privacy_audit.core.clauses import load_policy
    from privacy_audit.core.packs import builtin_version, current_guidance

    built_in, problems = load_checklists()
    choice = current_guidance(
        getattr(args, "home", None),
        builtin=lambda: builtin_version(c.last_reviewed for c in built_in.values()),
    )
    checklists = built_in
    if choice.uses_pack:
        checklists, problems = load_checklists(choice.checklists_dir, load_policy(choice.policy_file))
    platforms = [platform_summary(c) for c in checklists.values()]
    if args.json:
        print(
            json.dumps(
                {
                    "guidance": {
                        "source": choice.source,
                        "version": choice.version,
                        "date": choice.date.isoformat() if choice.date else None,
                        "origin": choice.origin,
                        "pack": str(choice.pack_path) if choice.pack_path else None,
                    },
                    "refused": choice.refused,
                    "platforms": platforms,
                },
                indent=2,
            )
        )
        return 0
    print(choice.describe())
    for reason in choice.refused:
        print(reason)
    for problem in problems:
        print(f"Problem: {problem}")
    print()
    width = max([len(p["name"]) for p in platforms] + [len("Platform")])
    print(f"{'Platform':<{width}}  Items  Checked live  Latest live check")
    for p in platforms:
        latest = _long_date(p["last_checked_live"]) if p["last_checked_live"] else "never"
        print(f"{p['name']:<{width}}  {p['items']:>5}  {p['checked_live']:>12}  {latest}")
    total = sum(p["items"] for p in platforms)
    checked = sum(p["checked_live"] for p in platforms)
    print()
    print(f"{checked} of {total} items have been checked on the live sites.")
    return 0


def _long_date(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{date.day} {date:%B %Y}"
