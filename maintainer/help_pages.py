"""`help-pages`: fetch each item's official help sources and list the labels a page no longer mentions.

Platforms rename a setting on their help pages about when they rename it on screen, so a label missing from
the page it was taken from is an early warning. Sources come from each item's `provenance.sources` with
`kind: official_help` and a `url`; items in the older format (a free-text `source`) have none to fetch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any

from maintainer import checklists, reports
from maintainer.fetch import fetch, normalise, page_text, parse_resolve
from maintainer.links import common_arguments, param_values

COLUMNS = ("platform", "item", "source", "status", "final_url", "labels_missing", "error")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    resolve = parse_resolve(args.resolve)
    pages: dict[str, Any] = {}  # one fetch per help page, however many items cite it
    rows = []
    without = 0
    for target in checklists.targets(args.checklists, args.platform, param_values(args.param)):
        official = [s for s in target.sources if s.get("kind") == "official_help" and s.get("url")]
        if not official:
            without += 1
            continue
        for source in official:
            url = str(source["url"])
            if url not in pages:
                if pages:
                    time.sleep(args.pause)
                fetched = fetch(url, timeout=args.timeout, resolve=resolve, insecure=args.insecure)
                pages[url] = (fetched, page_text(fetched.body) if fetched.ok else "")
            fetched, text = pages[url]
            missing = [label for label in target.labels if fetched.ok and normalise(label) not in text]
            error = fetched.error or (None if fetched.ok else f"HTTP {fetched.status}")
            rows.append(
                {
                    "platform": target.platform,
                    "item": target.item_id,
                    "source": url,
                    "status": fetched.status,
                    "final_url": fetched.final_url,
                    "labels_missing": missing,
                    "error": error,
                }
            )
            if error:
                print(f"could not read  {target.key}  {url}: {error}")
            elif missing:
                shown = ", ".join(f"“{label}”" for label in missing)
                print(f"label missing   {target.key}  {url} no longer mentions {shown}")
            else:
                print(f"ok              {target.key}  {url}")
    path = reports.write(args.out, "help-pages", today, rows, COLUMNS)
    flagged = sum(1 for r in rows if r["labels_missing"] or r["error"])
    print(f"\nReport: {path}")
    print(
        f"{len(rows)} help source(s) checked, {flagged} need a look; {without} item(s) have no official help page to check."
    )
    return 1 if flagged else 0
