"""Dated reports: each tool writes `<tool>-YYYY-MM-DD.json` (and a .tsv) and compares with its last run."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def write(out: Path, tool: str, today: dt.date, rows: list[dict[str, Any]], columns: Sequence[str]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{tool}-{today.isoformat()}.json"
    path.write_text(
        json.dumps({"tool": tool, "date": today.isoformat(), "rows": rows}, indent=2, default=str) + "\n"
    )
    with open(out / f"{tool}-{today.isoformat()}.tsv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                    for v in (row.get(c) for c in columns)
                ]
            )
    return path


def previous(out: Path, tool: str, today: dt.date) -> dict[str, Any] | None:
    """The latest report of `tool` in `out` from before `today`, or None."""
    earlier = sorted(
        p for p in out.glob(f"{tool}-????-??-??.json") if p.stem[len(tool) + 1 :] < today.isoformat()
    )
    if not earlier:
        return None
    try:
        return json.loads(earlier[-1].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
