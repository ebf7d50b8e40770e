"""Fixtures for the maintainer tools' tests: the made-up platform served on 127.0.0.1, and a checklist copy."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from social_site import Social

# The tools are run from the repository root (`python -m maintainer`); make sure they import from here too.
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def social(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Social]:
    served = Social(tmp_path_factory.mktemp("social-site"))
    yield served
    served.close()


@pytest.fixture
def checklists(tmp_path: Path) -> Path:
    """A copy of the fixture checklists that a tool may write to."""
    folder = tmp_path / "checklists"
    shutil.copytree(FIXTURES, folder)
    return folder


@pytest.fixture
def browser_args() -> list[str]:
    """The launch flags the guided-browser tests use for Chromium (as root it needs --no-sandbox)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "browser"))
    from browser_helpers import CHROMIUM_ARGS

    return [f"--browser-arg={arg}" for arg in CHROMIUM_ARGS]
