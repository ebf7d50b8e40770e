"""The packaged app against its floors (DESIGN.md §7): bundle size and start-up time.

1. One-folder bundle size, against a hello-world PySide6-Essentials bundle built the same way
   (packaging/bench_floor/hello_world.spec, same options and trimming) plus the size of Playwright's
   driver folder, which the app must carry. Target ≤ 1.1×.
2. Start-up of the packaged app against the same app run from source (`python -m privacy_audit`), for
   `--version` (the launcher and imports alone) and for the desktop app until its dashboard is shown
   (PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1). Target ≤ 1.3×.

The hello-world bundle is cached under build/bench-floor/, keyed by the PySide6 and PyInstaller versions
and the spec files, because building it takes about half a minute. The app bundle is built fresh into
build/bench-app/ unless --bundle DIR (or $PRIVACY_AUDIT_BUNDLE) names one already built.

Usage: python benchmarks/bench_bundle.py [--runs N] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, bench_env, interleaved_medians, report

FLOOR_SPEC = REPO / "packaging" / "bench_floor" / "hello_world.spec"
SUPPORT = REPO / "packaging" / "pyinstaller_support.py"
EXE = "privacy-audit.exe" if sys.platform == "win32" else "privacy-audit"
MIB = 1024 * 1024


def folder_size(folder: Path) -> int:
    """Bytes on disk as shipped: every file once, symlinks counted as links (not their targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(spec),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise SystemExit(f"PyInstaller failed for {spec}:\n{completed.stderr[-4000:]}")


def floor_bundle() -> Path:
    import PyInstaller
    import PySide6

    key = hashlib.sha256(
        f"{PySide6.__version__}|{PyInstaller.__version__}|{sys.version}".encode()
        + FLOOR_SPEC.read_bytes()
        + SUPPORT.read_bytes()
    ).hexdigest()[:16]
    cache = REPO / "build" / "bench-floor" / key
    bundle = cache / "dist" / "hello-world"
    if not bundle.is_dir():
        shutil.rmtree(cache, ignore_errors=True)
        pyinstaller(FLOOR_SPEC, cache / "dist", cache / "work")
    return bundle


def app_bundle(given: str | None) -> Path:
    if given:
        bundle = Path(given)
        if not (bundle / EXE).is_file():
            raise SystemExit(f"{bundle} holds no {EXE}")
        return bundle
    out = REPO / "build" / "bench-app"
    pyinstaller(REPO / "build.spec", out / "dist", out / "work")
    return out / "dist" / "privacy-audit"


def playwright_driver_size() -> int:
    import playwright

    return folder_size(Path(playwright.__file__).parent / "driver")


def dashboard_starts(command: list[str], env: dict[str, str]) -> None:
    """Fail loudly unless the desktop app reaches its dashboard and quits under PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or "dashboard-shown" not in done.stdout:
        raise SystemExit(f"{' '.join(command)} did not reach its dashboard:\n{done.stdout}\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", default=os.environ.get("PRIVACY_AUDIT_BUNDLE"))
    args = parser.parse_args()

    floor = floor_bundle()
    bundle = app_bundle(args.bundle)
    floor_bytes = folder_size(floor) + playwright_driver_size()
    report("bundle size (one folder)", folder_size(bundle) / MIB, floor_bytes / MIB, "MiB", 1.1)

    frozen, source = [str(bundle / EXE)], [sys.executable, "-m", "privacy_audit"]
    env = bench_env()
    medians = interleaved_medians(
        {"frozen": [*frozen, "--version"], "source": [*source, "--version"]}, args.runs, env
    )
    # The launcher alone: PyInstaller's bootloader and run-time hooks cost a fixed ~0.1 s, which only this
    # tiny command shows. Reported for information; the target applies to the desktop app below.
    report("start: packaged vs source, --version", medians["frozen"], medians["source"], "s", None)

    # Each side gets a home prepared as in bench_startup.py (first run finished, an unencrypted record, no
    # keyring), warmed twice so that both start from their dashboard snapshot. Separate homes, because the
    # snapshot is keyed on the checklist files, which the bundle and the source tree keep in different places.
    from bench_startup import PREPARE

    base = Path(tempfile.mkdtemp(prefix="pa-bench-bundle-"))
    gui_env = bench_env(
        PRIVACY_AUDIT_EXIT_WHEN_SHOWN="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        XDG_CONFIG_HOME=str(base / "xdg"),
    )
    gui_env.pop("PRIVACY_AUDIT_HOME", None)
    commands = {}
    for name, command in (("frozen", frozen), ("source", source)):
        home = base / name
        subprocess.run([sys.executable, "-c", PREPARE, str(home)], env=gui_env, check=True)
        commands[name] = [*command, "--home", str(home)]
        for _ in range(2):
            dashboard_starts(commands[name], gui_env)
    medians = interleaved_medians(commands, args.runs, gui_env)
    report("start: packaged vs source, dashboard shown", medians["frozen"], medians["source"], "s", 1.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
