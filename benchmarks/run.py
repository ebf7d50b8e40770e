"""Run every benchmark (`benchmarks/bench_*.py`) and print each measurement as a ratio to its floor.

Usage: python benchmarks/run.py [NAME ...]   (NAME filters by file name, e.g. `startup remind`)
Exit status is 0 even when a target is missed: performance is measured and reported, not asserted.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not wanted or any(w in p.stem for w in wanted))
    rows = []
    for script in scripts:
        print(f"# {script.name}", file=sys.stderr, flush=True)
        completed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        for line in completed.stdout.splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        if completed.returncode != 0:
            rows.append(
                {
                    "name": f"{script.stem} FAILED",
                    "value": float("nan"),
                    "floor": float("nan"),
                    "unit": "",
                    "ratio": float("nan"),
                    "target": None,
                }
            )
            print(completed.stderr[-2000:], file=sys.stderr)
    print(f"{'measurement':48} {'value':>10} {'floor':>10} {'ratio':>7} {'target':>7}  verdict")
    for row in rows:
        target = row.get("target")
        ratio = row.get("ratio")
        verdict = "" if target is None or math.isnan(ratio) else ("within" if ratio <= target else "OVER")
        unit = row.get("unit", "")
        print(
            f"{row['name'][:48]:48} {row['value']:>9}{unit[:1]} {row['floor']:>9}{unit[:1]} {ratio:>7} "
            f"{'≤' + str(target) if target else '':>7}  {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
