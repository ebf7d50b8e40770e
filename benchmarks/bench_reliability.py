"""The privacy and safety figures, measured by running the tests that prove them (README, "Privacy and safety").

It runs the no-network, owner-only, hostile-text, data-loss and fuzz tests with RELIABILITY_FIGURES set, so
each test writes down what it saw, and prints one JSON line per figure in the benchmarks' format. Here the
"floor" is the required figure (at least 200 kills survived, at least 1,000 fuzz cases of each kind; zero
connections, zero files readable by others), so a ratio of 1 or more means "met" for counts and 0 means
"met" for the must-be-zero figures. A failing test is reported and makes the exit status 1.

Usage: python benchmarks/bench_reliability.py [--quick]   (--quick skips the 200-kill run, ~1 minute)
Needs root for the small tmpfs of the disk-full test and Debian's chromium for the browser tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/privacy",
    "tests/reliability/test_full_or_read_only_disk.py",
    "tests/reliability/test_upgrade_from_every_version.py",
    "tests/unit/test_fuzz_check_answers.py",
    "tests/unit/test_fuzz_data_files.py",
    "tests/unit/test_fuzz_imports.py",
    "tests/unit/test_loader_fuzz.py",
    "tests/unit/test_fuzz_hostile_input.py",
]
KILL_TEST = "tests/reliability/test_kill_during_save.py"
LOADER_FUZZ_CASES = (
    3 * 400
)  # tests/unit/test_loader_fuzz.py: three tests of 400 examples, each file read by both loaders

# name: (required figure, unit, "at_least" or "zero")
FIGURES = {
    "connections_seen": (0, "connections", "zero"),
    "files_with_wrong_permissions": (0, "files", "zero"),
    "kills_survived": (200, "kills", "at_least"),
    "fuzz_cases_check_answers": (1000, "cases", "at_least"),
    "fuzz_cases_imports": (1000, "cases", "at_least"),
    "fuzz_cases_school_configs": (1000, "cases", "at_least"),
    "fuzz_cases_checklists": (1000, "cases", "at_least"),
    "hostile_strings_tried": (5, "strings", "at_least"),
    "disk_full_saves_survived": (1, "checks", "at_least"),
}


def run_pytest(paths: list[str], figures: Path) -> tuple[int, str]:
    env = dict(os.environ, RELIABILITY_FIGURES=str(figures), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    last = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
    return done.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 200 SIGKILLs")
    options = parser.parse_args()
    figures = Path(tempfile.mkdtemp(prefix="pa-reliability-")) / "figures.jsonl"
    failed = []
    code, summary = run_pytest(TESTS, figures)
    print(f"privacy and safety tests: {summary}", file=sys.stderr)
    if code:
        failed.append("privacy and safety tests")
    totals: dict[str, int] = defaultdict(int)
    if figures.exists():
        for line in figures.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            totals[entry["name"]] += int(entry["value"])
    if code == 0:
        # The random-YAML fuzz of tests/unit/test_loader_fuzz.py feeds every case to both loaders.
        totals["fuzz_cases_school_configs"] += LOADER_FUZZ_CASES
        totals["fuzz_cases_checklists"] += LOADER_FUZZ_CASES
    if not options.quick:
        code, summary = run_pytest([KILL_TEST], figures)
        print(f"SIGKILL-while-saving test: {summary}", file=sys.stderr)
        if code == 0:
            totals["kills_survived"] = 200
        else:
            failed.append("SIGKILL-while-saving test")
    for name, (required, unit, kind) in FIGURES.items():
        if name not in totals:
            continue
        value = totals[name]
        ratio = (value / required) if kind == "at_least" else float(value)
        print(
            json.dumps(
                {
                    "name": f"reliability: {name.replace('_', ' ')}",
                    "value": value,
                    "floor": required,
                    "unit": unit,
                    "ratio": round(ratio, 3),
                    "target": None,
                }
            ),
            flush=True,
        )
    for name, value in sorted(totals.items()):
        if name not in FIGURES:
            print(
                json.dumps(
                    {
                        "name": f"reliability: {name.replace('_', ' ')}",
                        "value": value,
                        "floor": value,
                        "unit": "",
                        "ratio": 1.0,
                        "target": None,
                    }
                ),
                flush=True,
            )
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
