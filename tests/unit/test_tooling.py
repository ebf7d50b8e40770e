"""The house rules the tools enforce, run as part of `./dev.sh test`: lint, format, types and layers.

Each tool runs on the whole tree as a subprocess; a failure shows the tool's own output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

TOOLS = {
    "ruff check": [str(BIN / "ruff"), "check", "."],
    "ruff format --check": [str(BIN / "ruff"), "format", "--check", "."],
    # The core and the record are fully typed; the rest is checked more loosely (pyproject.toml).
    "mypy --strict core and store": [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "privacy_audit/core",
        "privacy_audit/store",
    ],
    "mypy": [sys.executable, "-m", "mypy"],
    "lint-imports": [str(BIN / "lint-imports")],
}


@pytest.mark.parametrize("name", TOOLS)
def test_the_tree_passes(name: str) -> None:
    done = subprocess.run(TOOLS[name], cwd=REPO, capture_output=True, text=True, timeout=280)
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"
