"""Tab follows reading order on every main screen (issue 17): pressing Tab moves through the visible controls
top to bottom, and left to right along a row, as a sighted keyboard user reads the screen.

The Tab sequence is read with real Tab key presses from the first control of the page, until focus comes
back round; it is compared with the controls' places on screen (mapped to the window, so scrolling and
nesting do not matter). Two controls are "on the same row" when their heights overlap by more than half the
smaller one; then the one further left comes first. Otherwise the one higher up comes first.
"""

from __future__ import annotations

import pytest
from helpers.gui import finish_first_run
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget


def place(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def reads_before(a: QRect, b: QRect) -> bool:
    """Whether a person reading the screen meets `a` before `b`."""
    overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    if overlap > min(a.height(), b.height()) / 2:  # the same row
        return a.left() < b.left()
    return a.center().y() < b.center().y()


def tab_sequence(qtbot, page: QWidget, limit: int = 120) -> list[QWidget]:
    """The controls of `page` in the order real Tab presses reach them, once round."""
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        assert focused is not None, "nothing has keyboard focus"
        if page.isAncestorOf(focused):
            if focused in seen:
                break
            seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert seen, "Tab never reached a control of this page"
    return seen


def out_of_order(qtbot, page: QWidget) -> list[str]:
    """Each pair of controls that Tab visits against reading order, naming both. The walk starts at the
    control that reads first (the page's top-left), so the cycle is compared from its start."""
    sequence = tab_sequence(qtbot, page)
    first = min(sequence, key=lambda wdg: (place(wdg).top(), place(wdg).left()))
    start = sequence.index(first)
    sequence = sequence[start:] + sequence[:start]

    def name(widget: QWidget) -> str:
        said = widget.accessibleName() or getattr(widget, "text", lambda: "")() or type(widget).__name__
        return f"{said!r} at {place(widget).topLeft().toTuple()}"

    problems = []
    for earlier_index, earlier in enumerate(sequence):
        for later in sequence[earlier_index + 1 :]:
            if reads_before(place(later), place(earlier)):
                problems.append(f"Tab reaches {name(earlier)} before {name(later)}")
    return problems


def visible_focusable(page: QWidget) -> set[QWidget]:
    return {
        child
        for child in page.findChildren(QWidget)
        if child.isVisible()
        and child.isEnabled()
        and child.focusPolicy() & Qt.FocusPolicy.TabFocus
        and child.focusProxy() is None
    }


def assert_reading_order(qtbot, page: QWidget) -> None:
    sequence = tab_sequence(qtbot, page)
    missed = visible_focusable(page) - set(sequence)
    assert not missed, f"Tab never reaches: {[w.accessibleName() or type(w).__name__ for w in missed]}"
    problems = out_of_order(qtbot, page)
    assert not problems, "\n".join(problems)


@pytest.fixture
def ready(qtbot, window):
    window.resize(1280, 720)
    finish_first_run(qtbot, window, ("facebook", "x", "instagram"))
    return window


def test_the_welcome_screen_tabs_in_reading_order(qtbot, window):
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    assert_reading_order(qtbot, window.welcome)


def test_the_dashboard_tabs_in_reading_order(qtbot, ready):
    assert_reading_order(qtbot, ready.dashboard)


@pytest.mark.parametrize("name", ["history", "report", "settings", "public"])
def test_each_screen_from_the_dashboard_tabs_in_reading_order(qtbot, ready, name):
    ready.go(name)
    page = getattr(ready, name)
    qtbot.waitUntil(page.isVisible, timeout=10_000)
    page.back_button.setFocus()
    assert_reading_order(qtbot, page)


def test_the_public_view_with_a_user_name_box_tabs_in_reading_order(qtbot, ready):
    ready.go("public")
    public = ready.public
    public.platform.setCurrentIndex(public.platform.findData("x"))
    assert public.param_edits, "X asks for the person's user name"
    public.back_button.setFocus()
    order = tab_sequence(qtbot, public)
    edit = next(iter(public.param_edits.values()))
    assert order.index(public.platform) < order.index(edit) < order.index(public.words)
    assert order.index(public.words) < order.index(public.look_button)
    assert_reading_order(qtbot, public)


def test_a_check_item_and_its_summary_tab_in_reading_order(qtbot, ready):
    from privacy_audit.core.audit import Answer

    ready.start_check("facebook")
    check = ready.check
    qtbot.waitUntil(lambda: ready.current() == "check" and check.checklist is not None, timeout=10_000)
    assert_reading_order(qtbot, check)
    for _ in range(len(check.items)):
        check.answer(Answer.OK)
    assert check.pages.currentIndex() == 1, "the summary follows the last setting"
    assert_reading_order(qtbot, check)


@pytest.mark.parametrize("existing", [False, True], ids=["protection-choice", "unlock"])
def test_the_protection_choice_and_the_unlock_page_tab_in_reading_order(qtbot, ready, existing):
    ready.protection.ask("", existing=existing)
    ready.go("protection")
    qtbot.waitUntil(ready.protection.isVisible, timeout=10_000)
    assert_reading_order(qtbot, ready.protection)


def test_the_order_check_finds_a_field_tabbed_to_after_the_button_below_it(qtbot):
    """The check itself can fail: a field added after the button below it (as `insertRow` does) is out."""
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    page = QWidget()
    column = QVBoxLayout(page)
    top, below = QLineEdit(), QPushButton("Below")
    column.addWidget(below)
    column.insertWidget(0, top)  # created second, so last in the Tab chain, yet shown on top
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    below.setFocus()
    QWidget.setTabOrder(below, top)
    assert out_of_order(qtbot, page) == [], "one field and one button: a cycle of two has no wrong start"
    third = QPushButton("Bottom")
    column.addWidget(third)
    third.show()
    QWidget.setTabOrder(top, third)
    QWidget.setTabOrder(third, below)  # Tab: top, Bottom, Below
    assert out_of_order(qtbot, page), "Bottom is reached before Below, which sits above it"
