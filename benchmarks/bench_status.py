"""`privacy-audit status --json` with ten years of termly checks on 15 platforms, against an empty record.

DESIGN target: the full record costs at most 2x the empty one, i.e. reading the record is never what makes
`status` slow (its fixed cost is loading the checklists). Both records are encrypted with a passphrase, as
a real one would be on a machine without a keyring; `status` needs no key, since it reads only clear dates.
Both commands run alternately after a warm-up and their medians are compared.

Usage: python benchmarks/bench_status.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_env, interleaved_medians, report

MAKE_RECORD = """
import datetime as dt, sys, keyring
from keyring.backends.fail import Keyring
keyring.set_keyring(Keyring())  # never touch the real keyring from a benchmark
from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.paths import app_dirs
from privacy_audit.core.terms import default_term_starts
from privacy_audit.store import open_record

home, years = sys.argv[1], int(sys.argv[2])
catalogue = load_catalogue()
today = dt.date.today()
terms = [d for d in default_term_starts(today.year - years, today.year) if d <= today][-3 * years:] if years else []
with open_record(app_dirs(home), passphrase="benchmark passphrase") as record:
    record.set_platforms_in_use(catalogue.checklists)
    for start in terms:
        for checklist in catalogue.checklists.values():
            when = dt.datetime.combine(start + dt.timedelta(days=3), dt.time(16), dt.timezone.utc)
            answers = tuple(ItemAnswer(i.id, Answer.OK, "a private note") for i in checklist.items)
            record.save_check(CheckResult(checklist.platform, "1:2026-11-27", checklist.item_ids, when, when, answers))
    print(len(record.checks()))
"""


def make_home(years: int) -> tuple[Path, int]:
    home = Path(tempfile.mkdtemp(prefix=f"pa-bench-status-{years}y-"))
    out = subprocess.run(
        [sys.executable, "-c", MAKE_RECORD, str(home), str(years)], check=True, capture_output=True, text=True
    )
    return home, int(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    full, checks = make_home(10)
    empty, _ = make_home(0)
    env = bench_env()
    env.pop("PRIVACY_AUDIT_PASSPHRASE", None)
    command = [sys.executable, "-m", "privacy_audit"]
    medians = interleaved_medians(
        {
            "full": command + ["--home", str(full), "status", "--json"],
            "empty": command + ["--home", str(empty), "status", "--json"],
        },
        runs=args.runs,
        env=env,
    )
    report(
        f"status --json, {checks} checks (10 y x 15 platforms) vs empty",
        medians["full"],
        medians["empty"],
        "s",
        2.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
