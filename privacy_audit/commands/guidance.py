"""`privacy-audit guidance [--json]`: which guidance is in use, and how much of it was checked on the live sites.

Says whether the checklists are the ones built into the app or a guidance pack (version, date, where it came
from, and why any pack found was not used), then, per platform, how many items have a live check that saw
their labels recently enough to rely on (the dashboard's rule, `core.provenance.checked_live`) and the date of
the latest check that saw them. JSON form, for IT scripts:
{"guidance": {"source", "version", "date", "origin", "pack"}, "refused": [...],
 "platforms": [{"id", "name", "items", "checked_live", "last_checked_live"}, ...]} with ISO dates or null.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy_audit.core.checklist import Checklist

NAME = "guidance"
HELP = "show which guidance is in use (built in or a pack) and how much of it was checked on the live sites"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def platform_summary(checklist: Checklist, today: dt.date) -> dict[str, Any]:
    """For one checklist: its items, how many have a live check recent enough to rely on, and the latest
    live check that saw the labels.

    The count is the dashboard's (`core.provenance.checked_live`: only a check that saw the labels, and not
    older than the platform's age limit); a check that found a different label or none says the text is out
    of date, not that it was confirmed."""
    from privacy_audit.core.provenance import checked_live

    confirmed = [
        check.on
        for item in checklist.items
        for check in item.provenance.live_checks
        if check.result == "labels_found"
    ]
    latest = max(confirmed, default=None)
    return {
        "id": checklist.platform,
        "name": checklist.name,
        "items": len(checklist.items),
        "checked_live": checked_live(checklist.items, today, checklist.platform),
        "last_checked_live": latest.isoformat() if latest else None,
    }


def run(args: argparse.Namespace) -> int:
    import json

    from privacy_audit.core.catalogue import load_checklists
    from privacy_audit.core.clauses import load_policy
    from privacy_audit.core.packs import builtin_version, current_guidance
    from privacy_audit.core.provenance import long_date

    built_in, problems = load_checklists()
    choice = current_guidance(
        getattr(args, "home", None),
        builtin=lambda: builtin_version(c.last_reviewed for c in built_in.values()),
    )
    checklists = built_in
    if choice.uses_pack:
        checklists, problems = load_checklists(choice.checklists_dir, load_policy(choice.policy_file))
    today = dt.date.today()
    platforms = [platform_summary(c, today) for c in checklists.values()]
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
    print(f"{'Platform':<{width}}  Items  Checked live recently  Latest live check")
    for p in platforms:
        latest = (
            long_date(dt.date.fromisoformat(p["last_checked_live"])) if p["last_checked_live"] else "never"
        )
        print(f"{p['name']:<{width}}  {p['items']:>5}  {p['checked_live']:>21}  {latest}")
    total = sum(p["items"] for p in platforms)
    checked = sum(p["checked_live"] for p in platforms)
    print()
    print(f"{checked} of {total} items have been checked on the live sites recently enough to rely on.")
    return 0
