"""The helpers of ui/widgets.py reach a screen reader as promised, read over AT-SPI: `heading` is a heading
(and its name follows its text), a page stack shows only its current page, and `announce` arrives as an
AT-SPI announcement (Qt 6.8+'s QAccessibleAnnouncementEvent)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from .atspi_desktop import A11yDesktop, has, missing, showing, walk

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(120),
    pytest.mark.skipif(bool(missing()), reason=f"needs Debian packages: {' '.join(missing())}"),
]


@pytest.fixture
def desktop(tmp_path):
    script = Path(__file__).with_name("show_widgets.py")
    made = A11yDesktop(tmp_path, size="800x600", app=[sys.executable, str(script)])
    yield made
    made.stop()


def test_headings_stacks_and_announcements_reach_at_spi(desktop):
    tree = desktop.wait_for(lambda t: has(t, "Screen title", "heading"), "the heading")
    assert has(tree, "First item", "heading")
    assert has(tree, "Back to dashboard", "push button")
    texts = [n["name"] for n, _ in walk(tree) if n["role"] == "label"]
    assert "Page two text" not in texts, "the hidden page of the stack is in the tree"

    desktop.events()
    desktop.act("Next", "push button")
    tree = desktop.wait_for(lambda t: has(t, "Second item", "heading"), "the heading's new text")
    assert "Page two text" in [n["name"] for n in showing(tree)]
    assert "Page one text" not in [n["name"] for n, _ in walk(tree)]
    time.sleep(0.5)
    said = [e["text"] for e in desktop.events() if e["type"].startswith("object:announcement")]
    assert "Setting 2 of 9: Second item" in said
