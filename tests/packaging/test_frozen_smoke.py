"""The packaged app starts and behaves like the unpackaged one: a smoke test of the PyInstaller build.

The bundle is built once for this module from build.spec (about half a minute on 2 cores), or taken from
$PRIVACY_AUDIT_BUNDLE (the folder holding the `privacy-audit` program) when CI has already built it. Each
check runs the frozen program headless in a fresh home folder and fails on any unexpected output: a
missing module, data file or Qt plugin shows up as a traceback or a Qt warning on standard error.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from privacy_audit import __version__

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EXE_NAME = "privacy-audit.exe" if sys.platform == "win32" else "privacy-audit"
BUNDLE_ENV = "PRIVACY_AUDIT_BUNDLE"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle: $PRIVACY_AUDIT_BUNDLE if set, else built here from build.spec."""
    given = os.environ.get(BUNDLE_ENV)
    if given:
        folder = Path(given)
        if not (folder / EXE_NAME).is_file():
            pytest.fail(f"{BUNDLE_ENV}={given} does not hold {EXE_NAME}; point it at dist/privacy-audit")
        return folder
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is needed to build the bundle: pip install -e '.[build]'")
    out = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, f"PyInstaller failed:\n{build.stdout}\n{build.stderr}"
    return out / "dist" / "privacy-audit"


def bundle_root(bundle: Path) -> Path:
    """The folder that holds the whole bundle: on macOS the program is in .app/Contents/MacOS, data beside it."""
    return bundle.parent if bundle.name == "MacOS" else bundle


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PRIVACY_AUDIT_", "PYTHON_KEYRING", "PYTEST_"))
    }
    env.update(PRIVACY_AUDIT_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run_frozen(
    bundle: Path, home: Path, *args: str, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle / EXE_NAME), *args],
        env=frozen_env(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=home,
    )


def run_unfrozen(home: Path, *args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *args],
        env=frozen_env(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=home,
    )


def test_version_prints_the_package_version_and_nothing_else(bundle: Path, tmp_path: Path) -> None:
    result = run_frozen(bundle, tmp_path, "--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"privacy-audit {__version__}\n", "")


def test_validate_accepts_the_bundled_checklists_exactly_as_the_source_tree_does(
    bundle: Path, tmp_path: Path
) -> None:
    frozen = run_frozen(bundle, tmp_path, "validate")
    unfrozen = run_unfrozen(tmp_path, "validate")
    assert frozen.stderr == ""
    assert frozen.returncode == 0
    assert frozen.stdout.startswith("OK: ")
    assert frozen.stdout == unfrozen.stdout


def test_validate_names_the_file_and_line_of_a_broken_checklist_without_a_traceback(
    bundle: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nplatform: facebook\nitems: [\n", encoding="utf-8")
    result = run_frozen(bundle, tmp_path, "validate", str(broken))
    assert result.returncode == 1
    assert str(broken) in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


DIAGNOSE_SAME_AS_UNFROZEN = (
    "version",
    "keyring_backend",
    "keyring_problem",
    "keyring_backends_known",
    "keyring_backends_viable",
    "checklists_files",
    "resources_files",
    "pyside6",
    "qt",
    "playwright",
    "school_config",
)


@pytest.mark.parametrize(
    "keyring_env",
    [
        {},
        {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
        # With no D-Bus session here, SecretService fails the same way in both, which proves it was bundled.
        {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring", "DBUS_SESSION_BUS_ADDRESS": ""},
    ],
    ids=["keyring-picks-itself", "keyring-named-by-IT", "secret-service-without-dbus"],
)
def test_diagnose_reports_the_same_keyring_data_and_versions_as_the_unfrozen_app(
    bundle: Path, tmp_path: Path, keyring_env: dict[str, str]
) -> None:
    frozen = run_frozen(bundle, tmp_path, "diagnose", **keyring_env)
    unfrozen = run_unfrozen(tmp_path, "diagnose", **keyring_env)
    assert frozen.returncode == 0 and frozen.stderr == "", frozen.stderr
    assert unfrozen.returncode == 0, unfrozen.stderr
    frozen_info, unfrozen_info = json.loads(frozen.stdout), json.loads(unfrozen.stdout)
    assert frozen_info["frozen"] is True and unfrozen_info["frozen"] is False
    assert {k: frozen_info.get(k) for k in DIAGNOSE_SAME_AS_UNFROZEN} == {
        k: unfrozen_info.get(k) for k in DIAGNOSE_SAME_AS_UNFROZEN
    }
    # Bundled data sits at the root of the bundle, where core/paths.py looks under sys._MEIPASS.
    root = bundle_root(bundle).resolve()
    assert Path(frozen_info["checklists_dir"]).resolve().is_relative_to(root)
    assert Path(frozen_info["resources_dir"]).resolve().is_relative_to(root)
    assert (
        frozen_info["playwright_driver"]["node_executable"]
        and frozen_info["playwright_driver"]["cli_present"]
    )


def test_the_bundled_playwright_driver_runs_and_is_the_installed_one(bundle: Path, tmp_path: Path) -> None:
    from playwright._impl._driver import compute_driver_executable

    driver = json.loads(run_frozen(bundle, tmp_path, "diagnose").stdout)["playwright_driver"]
    bundled = subprocess.run(
        [driver["node"], driver["cli"], "--version"], capture_output=True, text=True, timeout=60
    )
    installed = subprocess.run(
        [*compute_driver_executable(), "--version"], capture_output=True, text=True, timeout=60
    )
    assert bundled.returncode == 0, bundled.stderr
    assert bundled.stdout.startswith("Version ")
    assert bundled.stdout == installed.stdout


def test_the_bundle_ships_no_browser_and_none_of_the_trimmed_qt_parts(bundle: Path) -> None:
    root = bundle_root(bundle)
    files = [p.relative_to(root).as_posix() for p in root.rglob("*")]
    assert not [f for f in files if ".local-browsers" in f], "a browser build must never be bundled"
    assert not [f for f in files if "/qml/" in f or "Qt6Quick" in f or "Qt6Qml" in f]
    assert not [f for f in files if "/hypothesis/" in f or "/_pytest/" in f]
    translations = [
        f for f in files if "/translations/" in f and f.endswith(".qm") and "/resources/" not in f
    ]
    assert translations and all(Path(f).name.startswith("qtbase_") for f in translations)
    dangling = [p for p in root.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    if sys.platform.startswith("linux") and shutil.which("readelf"):
        with_debug_info = [
            f
            for f in root.rglob("*.so*")
            # zlib and _struct are added by PyInstaller's bootstrap after the spec has run; they are small.
            if f.is_file()
            and f.name.split(".")[0] not in ("zlib", "_struct")
            and " .debug_info "
            in subprocess.run(["readelf", "-S", "-W", str(f)], capture_output=True, text=True).stdout
        ]
        assert not with_debug_info, "debug information nobody reads: " + ", ".join(map(str, with_debug_info))


def test_the_bundle_holds_the_app_and_none_of_the_maintainer_tools(bundle: Path) -> None:
    """The guidance upkeep tools (maintainer/) may reach the network; the bundle the schools install must
    not contain them. Read the module list of the bundle's own archive (PyInstaller's reader)."""
    from PyInstaller.archive.readers import CArchiveReader

    program = next(p for p in (bundle / "privacy-audit", bundle / "privacy-audit.exe") if p.exists())
    archive = CArchiveReader(str(program))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    modules = set(archive.open_embedded_archive(pyz).toc)
    assert "privacy_audit.core.packs" in modules and "privacy_audit.commands.guidance" in modules
    assert not [m for m in modules if m == "maintainer" or m.startswith("maintainer.")]
    network_clients = ("requests", "httpx", "aiohttp", "urllib3")
    assert not [m for m in modules if m.split(".")[0] in network_clients], (
        "the app makes no requests of its own"
    )
    development_only = ("mypy", "ast_serialize", "rich", "pygments", "IPython", "PIL")
    assert not [m for m in modules if m.split(".")[0] in development_only], "type checker or debug printer"
    root = bundle_root(bundle)
    assert not [p for p in root.rglob("*") if "maintainer" in p.relative_to(root).parts]


def test_status_json_works_on_an_empty_home(bundle: Path, tmp_path: Path) -> None:
    frozen_home, unfrozen_home = tmp_path / "frozen", tmp_path / "unfrozen"
    frozen_home.mkdir()
    unfrozen_home.mkdir()
    frozen = run_frozen(bundle, frozen_home, "status", "--json")
    unfrozen = run_unfrozen(unfrozen_home, "status", "--json")
    assert frozen.returncode == 0 and frozen.stderr == "", frozen.stderr
    assert json.loads(frozen.stdout) == json.loads(unfrozen.stdout)


# WORKAROUND: Qt's offscreen platform prints this whenever a window with a layout is shown
# (https://bugreports.qt.io/browse/QTBUG-74893); it says nothing about the app (tests/gui/conftest.py ignores it too).
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints()"

# A record someone set up earlier: protection chosen (unencrypted: there is no keyring here), first run done
# or not. Written by the source tree's store, which the packaged app must read alike.
PREPARE_HOME = """
import sys, keyring
from keyring.backends.fail import Keyring
keyring.set_keyring(Keyring())
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record
record = open_record(app_dirs(sys.argv[1]), accept_unencrypted=True)
if sys.argv[2] == "finished":
    record.set_platforms_in_use(["general", "facebook"])
    record.set_setting("first_run_done", True)
record.close()
"""


@pytest.mark.parametrize(
    ("first_run", "marker"),
    [("not-finished", "welcome-shown"), ("finished", "dashboard-shown")],
    ids=["first-run-shows-the-welcome", "finished-first-run-shows-the-dashboard"],
)
def test_the_app_window_opens_offscreen_and_closes_cleanly(
    bundle: Path, tmp_path: Path, first_run: str, marker: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        [sys.executable, "-c", PREPARE_HOME, str(home), first_run],
        check=True,
        timeout=60,
        env=frozen_env(home, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
    )
    # Twice: the first start goes the long way and writes the dashboard snapshot, the second uses it.
    for _ in range(2):
        try:
            result = run_frozen(
                bundle,
                home,
                timeout=90,
                PRIVACY_AUDIT_EXIT_WHEN_SHOWN="1",
                XDG_CONFIG_HOME=str(tmp_path / "xdg"),
            )
        except subprocess.TimeoutExpired:
            pytest.fail("the packaged app did not close itself once its first screen was shown")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [marker]
        unexpected = [line for line in result.stderr.splitlines() if line != OFFSCREEN_SIZE_HINTS]
        assert not unexpected, f"unexpected output from the packaged app:\n{result.stderr}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.browser
def test_the_guided_browser_opens_a_local_page_with_the_system_chromium(
    bundle: Path, tmp_path: Path, chromium_path: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "settings.html").write_text(
        "<!doctype html><title>Settings</title><h1>Privacy Audit diagnostics</h1>", encoding="utf-8"
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: _QuietHandler(*a, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/settings.html"
        result = run_frozen(
            bundle,
            tmp_path,
            "diagnose",
            "--open-page",
            url,
            "--browser-path",
            chromium_path,
            "--browser-arg=--headless=new",
            "--browser-arg=--no-sandbox",
            "--browser-arg=--disable-gpu",
            "--browser-arg=--disable-background-networking",
            "--browser-arg=--disable-component-update",
            "--browser-arg=--disable-sync",
            "--browser-arg=--no-first-run",
            "--timeout",
            "60",
            timeout=120,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stdout + result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith('{"event"')]
    assert "page_shown" in [e["event"] for e in events], events


def test_the_packaged_app_draws_its_pdfs_in_a_child_of_its_own_program(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desktop app draws its report, pocket guide and statement in a child process: its own program started
    again with the hidden `report.CHILD_ARGUMENT` (report/child.py), since `-m` does not work in the bundle.
    Here the app's own `draw_in_child` runs as it does inside the bundle (sys.frozen, sys.executable the
    packaged program), so the child is the frozen program: it must find its modules, fonts and the offscreen
    platform, and answer with the writer's result or its error."""
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.report import CHILD_ARGUMENT, child

    catalogue = load_catalogue()
    for name in list(os.environ):
        if name.startswith(("PRIVACY_AUDIT_", "PYTHON_KEYRING", "PYTEST_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PRIVACY_AUDIT_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / EXE_NAME))
    assert child.child_command() == [str(bundle / EXE_NAME), CHILD_ARGUMENT]
    guide = tmp_path / "guide.pdf"
    pages = child.draw_in_child("guide", guide, {"catalogue": catalogue, "platforms": None, "phone": None})
    report = tmp_path / "report.pdf"
    written = child.draw_in_child(
        "report",
        report,
        {"catalogue": catalogue, "checks": [], "school_name": "Vanguard Academy", "person": "Ann Teacher"},
    )
    with pytest.raises(FileNotFoundError):  # the child's own error comes back as itself
        child.draw_in_child("guide", tmp_path / "missing" / "guide.pdf", {"catalogue": catalogue})
    monkeypatch.undo()
    assert pages >= len(catalogue.offered())
    assert written == [report, report.with_suffix(".html")]
    assert guide.read_bytes().startswith(b"%PDF-") and report.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        read = [
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(p), "-"], capture_output=True, text=True).stdout
            for p in (guide, report)
        ]
        guide_words, report_words = (" ".join(text.split()) for text in read)
        assert not [c.name for c in catalogue.offered() if c.name not in guide_words]
        assert "Privacy settings check" in report_words and "Ann Teacher" in report_words
