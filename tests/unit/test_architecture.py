"""The core and the record stay free of Qt and Playwright, and the quick parts (reminder, terminal commands,
browser bridge) load no heavy package they do not need."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "privacy_audit"
FORBIDDEN = ("PySide6", "playwright")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("layer", ["core", "store"])
def test_no_module_in_the_layer_imports_qt_or_playwright(layer):
    offenders = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN)
        if bad:
            offenders[str(path.relative_to(PACKAGE))] = bad
    assert offenders == {}


def test_the_rule_detects_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f():\n    from PySide6.QtCore import QObject\n    import importlib; importlib.import_module('playwright.sync_api')\n"
    )
    assert {"PySide6.QtCore", "playwright.sync_api"} <= imported_modules(sample)


def test_the_import_linter_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the test extra"
    result = subprocess.run([lint_imports], cwd=PACKAGE.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _catalogue_cache(home: Path) -> list[str]:
    """A catalogue cache as the app writes it; the reminder reads the platforms' names from it."""
    from privacy_audit.core.cache import CACHE_NAME
    from privacy_audit.core.catalogue import load_catalogue_with_cache
    from privacy_audit.core.paths import app_dirs

    dirs = app_dirs(home)
    load_catalogue_with_cache(dirs)
    return [str(dirs.state / CACHE_NAME)]


# What a light part does, in a fresh interpreter, and the heavy packages it must not load on the way: the
# reminder and the terminal commands start quickly, and the core and the record work without Qt.
LIGHT_PARTS = {
    "loading the core's catalogue needs neither Qt nor Playwright": (
        "import privacy_audit.core.catalogue as c; c.load_catalogue()",
        ("PySide6", "playwright"),
        None,
    ),
    "the provenance wording needs neither pydantic nor Qt": (
        "import privacy_audit.core.provenance",
        ("pydantic", "PySide6", "playwright"),
        None,
    ),
    "the reminder reader uses the standard library only": (
        "import privacy_audit.store.reminder_inputs",
        ("PySide6", "playwright", "keyring", "pydantic", "cryptography"),
        None,
    ),
    "the reminder reads the platforms' names from the cache without pydantic": (
        (
            "from pathlib import Path; from privacy_audit.core.cache import cached_platform_names\n"
            "assert cached_platform_names(Path(sys.argv[1]))['x'] == 'X (Twitter)'"
        ),
        ("pydantic", "typing", "PySide6"),
        _catalogue_cache,
    ),
    "the browser parts do not load Playwright until a page is opened": (
        (
            "import privacy_audit.browser, privacy_audit.browser.discovery, privacy_audit.browser.addresses, "
            "privacy_audit.ui.browser_bridge"
        ),
        ("playwright",),
        None,
    ),
}


@pytest.mark.parametrize("part", LIGHT_PARTS)
def test_a_light_part_does_not_load_heavy_packages(part, private_home):
    code, heavy, prepare = LIGHT_PARTS[part]
    argv = prepare(private_home) if prepare is not None else []
    program = f"import sys\n{code}\nprint(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
    done = subprocess.run([sys.executable, "-c", program, *argv], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"{part}: loaded {done.stdout.strip()}"


def test_the_light_part_check_sees_a_heavy_package_loaded(private_home):
    # The check above proves itself: a part that does load Qt is caught.
    program = (
        "import sys, PySide6.QtCore\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6',)))"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.strip() != "[]"
