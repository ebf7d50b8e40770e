"""The check screen fits the screens teachers have: 1366×768 with text at 150 %, 1366×768 at 150 % display
scaling (911×512 logical pixels), and 1280×720 (a projector).

The screen is rendered at each size for every setting of a checklist; a control that is cut off (smaller
than it needs to show its words) or outside the window fails, the answers and Back / Resume later are in the
footer and never scrolled away, and every new setting starts with its title in view. The summary fits too,
and every control Tab reaches, on a setting and on the summary, shows its whole focus ring. "Check on my phone"
must fit 1280×720 without scrolling, as it is read from a projector.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from test_fits_screen import hidden_focus_rings

from privacy_audit.ui import widgets as w

SIZES = [
    pytest.param((1366, 768), 1.5, id="1366x768-at-150"),
    pytest.param((1280, 720), 1.0, id="1280x720"),
    pytest.param((1366, 768), 1.0, id="1366x768"),
    pytest.param((911, 512), 1.0, id="1366x768-150%-display-scaling"),
]


@pytest.fixture
def text_scale(qapp):
    previous = qapp.styleSheet()

    def apply(scale: float) -> None:
        w.install_style(qapp, w.SYSTEM, scale)

    yield apply
    w.apply_look(qapp, w.SYSTEM, 1.0)
    qapp.setStyleSheet(previous)


def shown(view, size, qtbot):
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()  # Tab moves focus only in the active window
    qtbot.waitUntil(view.isActiveWindow)
    QApplication.processEvents()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def cut_off(view, page: QWidget, scroll=None, whole: bool = False) -> list[str]:
    """Controls on `page` that are cut off or outside the window (inside `scroll`, only sideways, since
    that part scrolls up and down, unless the `whole` page must be seen without scrolling)."""
    problems = []
    window = view.rect()
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLineEdit, QLabel)) or not widget.isVisibleTo(view):
            continue
        name = f"{type(widget).__name__} {(widget.text() if hasattr(widget, 'text') else '')[:50]!r}"
        if scroll is not None and scroll.isAncestorOf(widget):
            port = scroll.viewport()
            place = _rect_in(widget, port)
            if place.left() < 0 or place.right() > port.width():
                problems.append(f"{name} is cut off at the side")
            if whole and not port.rect().contains(place):
                problems.append(f"{name} needs scrolling to be seen")
        elif not window.contains(_rect_in(widget, view)):
            problems.append(f"{name} is outside the window at {_rect_in(widget, view)}")
        if isinstance(widget, QAbstractButton):
            need = widget.minimumSizeHint()
            if widget.width() < need.width() or widget.height() < need.height():
                problems.append(f"{name} is {widget.size()} but needs {need}")
        if isinstance(widget, QLabel) and widget.text():
            if not widget.wordWrap() and widget.width() < widget.sizeHint().width():
                problems.append(f"{name} is {widget.width()} wide but needs {widget.sizeHint().width()}")
            if widget.wordWrap() and widget.height() < widget.heightForWidth(widget.width()):
                problems.append(
                    f"{name} is {widget.height()} high but needs {widget.heightForWidth(widget.width())}"
                )
    return problems


@pytest.mark.parametrize(("size", "scale"), SIZES)
@pytest.mark.parametrize("platform", ["facebook", "mastodon", "whatsapp"])
def test_every_setting_fits_with_the_answers_always_in_view(qtbot, opened, text_scale, size, scale, platform):
    from privacy_audit.ui.check import CheckView

    text_scale(scale)
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start(platform)
    shown(view, size, qtbot)
    assert (view.width(), view.height()) == size, "the check screen needs more room than the screen has"
    for position in range(len(view.items)):
        view.show_position(position)
        QApplication.processEvents()
        assert view.title.hasFocus()
        problems = cut_off(view, view.item_screen, view.item_scroll)
        assert not problems, (platform, position, problems)
        for control in [*view.answer_buttons, view.back_button, view.later_button, view.note]:
            assert view.footer.isAncestorOf(control) and control.isVisibleTo(view)
            assert view.rect().contains(_rect_in(control, view)), control.text()
        port = view.item_scroll.viewport()
        assert port.rect().contains(_rect_in(view.title, port)), f"{view.title.text()!r} is not in view"
        if position in (0, len(view.items) - 1):  # what Tab shows, on the first and the last setting
            rings = hidden_focus_rings(qtbot, view.item_screen)
            assert not rings, (platform, position, rings)
        view.item_scroll.verticalScrollBar().setValue(view.item_scroll.verticalScrollBar().maximum())
    view.close()


@pytest.mark.parametrize(("size", "scale"), SIZES)
def test_the_summary_fits_with_settings_left_to_fix(qtbot, opened, text_scale, size, scale):
    from privacy_audit.core.audit import Answer
    from privacy_audit.ui.check import CheckView

    text_scale(scale)
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start("facebook")
    shown(view, size, qtbot)
    for position in range(len(view.items)):  # two left to fix, one not possible: the summary's longest form
        view.answer(
            {0: Answer.ATTENTION, 1: Answer.ATTENTION, 2: Answer.NOT_POSSIBLE}.get(position, Answer.OK)
        )
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)
    assert view.pages.currentIndex() == 1, "the summary follows the last setting"
    assert (view.width(), view.height()) == size, "the summary needs more room than the screen has"
    scroll = view.pages.currentWidget()
    problems = cut_off(view, view.summary_page, scroll)
    assert not problems, problems
    view.close()


SUMMARY_RING_SIZES = [
    pytest.param((1366, 768), 1.5, id="1366x768-at-150"),
    pytest.param((1280, 720), 1.0, id="1280x720"),
    pytest.param((1366, 768), 1.0, id="1366x768"),
    pytest.param((911, 512), 1.0, id="1366x768-150%-display-scaling"),
]


@pytest.mark.parametrize(("size", "scale"), SUMMARY_RING_SIZES)
def test_every_control_tab_reaches_on_the_summary_shows_its_whole_focus_ring(
    qtbot, opened, text_scale, size, scale
):
    from privacy_audit.core.audit import Answer
    from privacy_audit.ui.check import CheckView

    text_scale(scale)
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start("facebook")
    shown(view, size, qtbot)
    for position in range(len(view.items)):
        view.answer(
            {0: Answer.ATTENTION, 1: Answer.ATTENTION, 2: Answer.NOT_POSSIBLE}.get(position, Answer.OK)
        )
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)
    rings = hidden_focus_rings(qtbot, view.summary_page)
    view.close()
    assert not rings, rings


def test_after_an_answer_the_next_setting_starts_at_its_title(qtbot, opened, text_scale):
    from privacy_audit.core.audit import Answer
    from privacy_audit.ui.check import CheckView

    text_scale(1.5)
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start("facebook")
    shown(view, (1366, 768), qtbot)
    bar = view.item_scroll.verticalScrollBar()
    assert bar.maximum() > 0, "at 150 % a Facebook setting is longer than the screen"
    bar.setValue(bar.maximum())
    view.answer(Answer.OK)
    assert bar.value() == 0 and view.title.hasFocus()
    assert view.progress_label.text() == f"Setting 2 of {len(view.items)}"
    view.close()


@pytest.mark.parametrize("platform", ["facebook", "whatsapp"])
def test_check_on_my_phone_fits_a_projector_without_scrolling(qtbot, opened, text_scale, platform):
    from privacy_audit.ui.check import CheckView

    text_scale(1.0)
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start(platform)
    shown(view, (1280, 720), qtbot)
    view.enter_phone_mode()
    for position in range(len(view.items)):
        view.show_position(position)
        QApplication.processEvents()
        problems = cut_off(view, view.phone, view.phone.body_scroll, whole=True)
        assert not problems, (platform, position, problems)
        assert (view.width(), view.height()) == (1280, 720)
    view.close()


def save_screenshot(widget: QWidget, name: str) -> Path:
    """For a person to look at: <name> in the folder PRIVACY_AUDIT_SCREENSHOTS names (docs/screenshots to
    refresh the README's pictures), else in a temporary folder, so a test run never changes the repository."""
    folder = (
        os.environ.get("PRIVACY_AUDIT_SCREENSHOTS") or Path(tempfile.gettempdir()) / "privacy-audit-shots"
    )
    target = Path(folder) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(target))
    return target
