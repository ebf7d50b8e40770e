"""The command line's basic promises: --version, --help, and one entry point for `python -m`."""

from __future__ import annotations

import subprocess
import sys

from privacy_audit import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *args], capture_output=True, text=True, timeout=60
    )


def test_version_prints_the_version():
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"privacy-audit {__version__}")


def test_help_lists_the_validate_command():
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout and "--home DIR" in result.stdout


def test_an_unknown_command_is_a_usage_error():
    result = run("fly-to-the-moon")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
