"""`privacy-audit` until the dashboard is shown, against a bare PySide6 window; and the peak memory of both.

DESIGN §7 targets: start-up at most 1.5x the bare window (QApplication + QMainWindow + QLabel, shown), and
peak RSS at most 1.5x. The app runs offscreen with a throw-away home holding a finished first run (an
unencrypted record, so no keyring is involved) and PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1, which makes it quit as
soon as the dashboard is on screen. After the first (long-way) start has written the dashboard snapshot,
that is phase 1 of the start (see privacy_audit/app.py): the full catalogue and the record are loaded
only after the first paint. Both commands run alternately after a warm-up; medians are compared.

Two more lines are informational (target null), because phase 1 is not the whole story: the time and the
peak RSS until the app is fully loaded (phase 2 done: catalogue, record, keyring; PRIVACY_AUDIT_EXIT_WHEN_READY=1).

Usage: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FLOORS, bench_env, interleaved_medians, peak_rss_kib, report

PREPARE = """
import sys, keyring
from keyring.backends.fail import Keyring
keyring.set_keyring(Keyring())  # never touch the real keyring from a benchmark
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record
record = open_record(app_dirs(sys.argv[1]), accept_unencrypted=True)
record.set_platforms_in_use(["general", "facebook", "instagram", "whatsapp", "x"])
record.set_setting("first_run_done", True)
record.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="pa-bench-startup-")
    env = bench_env(
        PRIVACY_AUDIT_HOME=home,
        PRIVACY_AUDIT_EXIT_WHEN_SHOWN="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        XDG_CONFIG_HOME=str(Path(home) / "xdg"),
    )
    subprocess.run([sys.executable, "-c", PREPARE, home], env=env, check=True)
    app = [sys.executable, "-m", "privacy_audit"]
    bare = [sys.executable, str(FLOORS / "bare_window.py")]
    # The first start goes the long way (no snapshot yet) and writes the snapshot; the measured ones don't.
    for _ in range(2):
        shown = subprocess.run(app, env=env, capture_output=True, text=True, timeout=120, check=False)
        if shown.returncode != 0 or "dashboard-shown" not in shown.stdout:
            raise SystemExit(f"the app did not reach its dashboard:\n{shown.stdout}\n{shown.stderr}")
    if not (Path(home) / "state" / "dashboard-snapshot.json").is_file():
        raise SystemExit("the app wrote no dashboard snapshot, so every start would go the long way")
    medians = interleaved_medians({"app": app, "bare": bare}, runs=args.runs, env=env)
    report("startup_until_dashboard", medians["app"], medians["bare"], "s", 1.5)
    app_rss = median_of(lambda: peak_rss_kib(app, env), args.runs)
    bare_rss = median_of(lambda: peak_rss_kib(bare, env), args.runs)
    report("dashboard_peak_rss", app_rss / 1024, bare_rss / 1024, "MiB", 1.5)

    ready_env = dict(env, PRIVACY_AUDIT_EXIT_WHEN_READY="1")
    del ready_env["PRIVACY_AUDIT_EXIT_WHEN_SHOWN"]
    ready = subprocess.run(app, env=ready_env, capture_output=True, text=True, timeout=120, check=False)
    if ready.returncode != 0 or "ready" not in ready.stdout.split():
        raise SystemExit(f"the app did not finish loading:\n{ready.stdout}\n{ready.stderr}")
    ready_times = interleaved_medians({"app": app, "bare": bare}, runs=args.runs, env=ready_env)
    report("startup_until_fully_loaded", ready_times["app"], ready_times["bare"], "s", None)
    ready_rss = median_of(lambda: peak_rss_kib(app, ready_env), args.runs)
    report("fully_loaded_peak_rss", ready_rss / 1024, bare_rss / 1024, "MiB", None)
    return 0


def median_of(measure, runs: int) -> float:
    return statistics.median(measure() for _ in range(max(1, runs)))


if __name__ == "__main__":
    sys.exit(main())
