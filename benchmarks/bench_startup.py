"""`privacy-audit` until the dashboard is shown, against a bare PySide6 window; and the peak memory of both.

DESIGN §7 targets: start-up at most 1.5x the bare window (QApplication + QMainWindow + QLabel, shown), and
peak RSS at most 1.5x. The app runs offscreen with a throw-away home holding a finished first run (an
unencrypted record, so no keyring is involved) and PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1, which makes it quit as
soon as the dashboard is on screen. Both commands run alternately after a warm-up; medians are compared.

Usage: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
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
    shown = subprocess.run(app, env=env, capture_output=True, text=True, timeout=120, check=False)
    if shown.returncode != 0 or "dashboard-shown" not in shown.stdout:
        raise SystemExit(f"the app did not reach its dashboard:\n{shown.stdout}\n{shown.stderr}")
    medians = interleaved_medians({"app": app, "bare": bare}, runs=args.runs, env=env)
    report("startup_until_dashboard", medians["app"], medians["bare"], "s", 1.5)
    app_rss = sorted(peak_rss_kib(app, env) for _ in range(3))[1]
    bare_rss = sorted(peak_rss_kib(bare, env) for _ in range(3))[1]
    report("dashboard_peak_rss", app_rss / 1024, bare_rss / 1024, "MiB", 1.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
