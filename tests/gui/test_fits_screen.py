"""Fits every screen (issue 16.3): the window opens within the screen's available area, and every screen (the
dashboard, the done page, the report, history, settings, the public view, the welcome, the protection choice
and the unlock page) shows every control whole at 1366×768 (at 100 % and 150 %) and at 1280×720.

150 % is tried two ways: as display scaling (QT_SCALE_FACTOR=1.5 on a 1366×768 screen gives the app
911×512 logical pixels at its usual text size) and as the app's own text size 150 % on 1366×768. A control
is "clipped" when it is narrower or lower than it needs to show its text (its minimum size hint), or when
part of it lies outside the page's visible width (pages scroll down, never sideways). And each control Tab
reaches shows its whole focus ring once focus is on it (the page scrolls to it, as Qt does for Tab): no part of
it is hidden by the viewport's edge or a parent's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QWidget,
)

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.ui import widgets as w

SIZES = [
    pytest.param(1366, 768, 1.0, id="1366x768-100%"),
    pytest.param(911, 512, 1.0, id="1366x768-150%-display-scaling"),
    pytest.param(1366, 768, 1.5, id="1366x768-150%-text-size"),
    pytest.param(1280, 720, 1.0, id="1280x720-100%"),
]


def clipped_controls(page: QWidget) -> list[str]:
    """Each visible control of `page` that is cut off, with why."""
    area = page
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    viewport = area.viewport() if area is not None else page
    width = viewport.width()
    problems = []
    for control in page.findChildren(QWidget):
        if not control.isVisibleTo(page) or not isinstance(
            control, (QAbstractButton, QLineEdit, QComboBox, QLabel)
        ):
            continue
        name = control.accessibleName() or getattr(control, "text", lambda: "")() or type(control).__name__
        place = QRect(control.mapTo(viewport, control.rect().topLeft()), control.size())
        if place.left() < 0 or place.right() > width:
            problems.append(
                f"{name!r} lies outside the visible width ({place.left()}..{place.right()} of {width})"
            )
        need = control.minimumSizeHint()
        if isinstance(control, QLabel) and control.wordWrap():
            need.setWidth(0)  # a wrapping label shows all its text at any width, on more lines
            need.setHeight(control.heightForWidth(control.width()) if control.hasHeightForWidth() else 0)
        if control.width() < need.width() or control.height() < need.height():
            problems.append(
                f"{name!r} is {control.width()}×{control.height()}, needs {need.width()}×{need.height()}"
            )
    return problems


def size_when_focused(control: QWidget) -> QSize | None:
    """The size a focused button or text field needs to show its words inside its (thicker) focus border.
    Qt caches a control's size hint from before it had focus; the style is asked again, in the focused state."""
    style = control.style()
    metrics = control.fontMetrics()
    if isinstance(control, QPushButton):
        option = QStyleOptionButton()
        control.initStyleOption(option)
        words = metrics.size(Qt.TextFlag.TextShowMnemonic, control.text())
        return style.sizeFromContents(QStyle.ContentsType.CT_PushButton, option, words, control)
    if isinstance(control, QLineEdit):
        option = QStyleOptionFrame()
        control.initStyleOption(option)
        margins = control.textMargins()
        words = QSize(0, metrics.height() + 2 + margins.top() + margins.bottom())  # Qt's 1 px above and below
        return QSize(
            0, style.sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, words, control).height()
        )
    return None


def hidden_focus_rings(qtbot, page: QWidget, limit: int = 80) -> list[str]:
    """Each control of `page` that Tab reaches whose focus ring (drawn on its edge by the style sheet) is not
    wholly in view once it has focus: Tab is pressed from the first control until focus comes back round."""
    QApplication.processEvents()
    first = next(
        (
            c
            for c in page.findChildren(QWidget)
            if c.isVisible() and c.focusPolicy() & Qt.FocusPolicy.TabFocus
        ),
        None,
    )
    if first is None:
        return []
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    problems = []
    for _ in range(limit):
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None:
            break
        if page.isAncestorOf(focused):
            if focused in seen:
                break
            seen.append(focused)
            name = (
                focused.accessibleName() or getattr(focused, "text", lambda: "")() or type(focused).__name__
            )
            hidden = QRegion(focused.rect()).subtracted(focused.visibleRegion())
            if not hidden.isEmpty():
                box = hidden.boundingRect()
                problems.append(
                    f"{name!r}: its focus ring is cut off ({box.width()}×{box.height()} px hidden)"
                )
            need = size_when_focused(focused)
            if need is not None and (focused.width() < need.width() or focused.height() < need.height()):
                problems.append(
                    f"{name!r}: with focus its words need {need.width()}×{need.height()}, "
                    f"it has {focused.width()}×{focused.height()}"
                )
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert seen, "Tab never reached a control of this page"
    return problems


def finish_first_run(qtbot, window, platforms):
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    for platform in platforms:
        window.welcome.boxes[platform].setChecked(True)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.mouseClick(window.welcome.continue_button, Qt.MouseButton.LeftButton)


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


@pytest.fixture
def busy_window(qtbot, window):
    """A window with every kind of row: to fix, not possible, up to date, never checked, and a check in progress."""
    finish_first_run(qtbot, window, ("facebook", "instagram", "tiktok", "x", "linkedin"))
    services = window.services
    now = utc_now()
    for platform, first in (
        ("general", Answer.ATTENTION),
        ("facebook", Answer.NOT_POSSIBLE),
        ("instagram", Answer.OK),
    ):
        items = services.checklist(platform).item_ids
        answers = tuple(ItemAnswer(i, first if n == 0 else Answer.OK) for n, i in enumerate(items))
        services.save_check(CheckResult(platform, "1:x", items, now, now, answers))
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.show_dashboard()
    return window


@pytest.mark.parametrize(("width", "height", "text_scale"), SIZES)
def test_the_dashboard_done_page_and_report_fit_the_screen(qtbot, busy_window, width, height, text_scale):
    window = busy_window
    app = QApplication.instance()
    w.apply_look(app, text_scale=text_scale)
    try:
        window.showNormal()
        window.resize(width, height)
        settle(qtbot)
        assert window.width() <= width and window.height() <= height, "the window grew beyond the screen"
        pages = {}
        with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
            window.show_dashboard()
        settle(qtbot)
        pages["dashboard"] = clipped_controls(window.dashboard)
        window.show_done()
        qtbot.waitUntil(lambda: window.current() == "done" and bool(window.done.fix_buttons), timeout=10_000)
        settle(qtbot)
        pages["done"] = clipped_controls(window.done)
        window.go("report")
        window.report.report_saved.saved(window.services.dirs.home / "r.pdf")  # its buttons shown too
        window.report.statement_file.saved(window.services.dirs.home / "s.pdf")
        settle(qtbot)
        pages["report"] = clipped_controls(window.report)
        rings = {name: hidden_focus_rings(qtbot, getattr(window, name)) for name in ("report",)}
        window.show_dashboard()
        settle(qtbot)
        rings["dashboard"] = hidden_focus_rings(qtbot, window.dashboard)
        assert pages == {"dashboard": [], "done": [], "report": []}
        assert rings == {"report": [], "dashboard": []}
    finally:
        w.apply_look(app, text_scale=1.0)


@pytest.mark.parametrize(("width", "height", "text_scale"), SIZES)
def test_history_settings_public_view_welcome_and_unlock_fit_the_screen(
    qtbot, busy_window, width, height, text_scale
):
    window = busy_window
    app = QApplication.instance()
    w.apply_look(app, text_scale=text_scale)
    try:
        window.showNormal()
        window.resize(width, height)
        settle(qtbot)
        clipped, rings = {}, {}
        for name in ("history", "settings", "public", "welcome"):
            window.go(name)
            page = getattr(window, name)
            if name == "history":
                qtbot.waitUntil(lambda: window.history.list.count() == 3, timeout=10_000)
                window.history.list.setCurrentRow(0)  # a check's details shown too
            if name == "public":  # with X, whose user name is asked for
                page.platform.setCurrentIndex(page.platform.findData("x"))
                assert page.param_edits
            settle(qtbot)
            clipped[name] = clipped_controls(page)
            rings[name] = hidden_focus_rings(qtbot, page)
        for existing in (False, True):  # the first choice (no keyring) and the unlock page of later launches
            window.protection.ask("", existing=existing)
            window.go("protection")
            settle(qtbot)
            name = "unlock" if existing else "protection"
            clipped[name] = clipped_controls(window.protection)
            if existing or (height >= 720 and text_scale == 1.0):  # short enough to need no scrolling
                bar = window.pages["protection"].verticalScrollBar()
                if bar.maximum() > 0:
                    clipped[name].append(f"scrolls by {bar.maximum()} px though its content fits")
            rings[name] = hidden_focus_rings(qtbot, window.protection)
        assert clipped == {key: [] for key in clipped}
        assert rings == {key: [] for key in rings}
    finally:
        w.apply_look(app, text_scale=1.0)


def test_the_window_opens_within_the_available_screen(qtbot, services):
    from privacy_audit.ui.main_window import MainWindow

    made = MainWindow(services)
    qtbot.addWidget(made)
    available = made.screen().availableGeometry()
    assert made.width() <= available.width() and made.height() <= available.height()
    assert available.contains(made.geometry())


def test_the_window_remembers_its_size_and_place_in_the_apps_own_folder(qtbot, services):
    from privacy_audit.ui.main_window import MainWindow

    first = MainWindow(services)
    qtbot.addWidget(first)
    available = first.screen().availableGeometry()
    wanted = QRect(
        available.left() + 10, available.top() + 20, available.width() // 2, available.height() // 2
    )
    first.setGeometry(wanted)
    first.remember_place()
    assert (services.dirs.config / "window.ini").exists(), "kept under the app's own folders (--home too)"
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert second.geometry() == wanted


def test_the_clipping_check_finds_a_control_cut_off_on_a_screen_too_small(qtbot, busy_window):
    window = busy_window
    window.resize(360, 400)
    settle(qtbot)
    assert clipped_controls(window.dashboard), "at 360 px wide something must be cut off: the check can fail"


def test_the_focus_ring_check_finds_a_ring_cut_off_by_its_parent(qtbot):
    """The check can fail: a button half outside the frame that holds it shows only part of its ring."""
    from PySide6.QtWidgets import QPushButton

    page = QWidget()
    page.resize(300, 100)
    whole, cut = QPushButton("Whole", page), QPushButton("Cut off", page)
    whole.setGeometry(10, 10, 100, 30)
    cut.setGeometry(250, 10, 100, 30)  # its right 50 px lie outside the page
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert hidden_focus_rings(qtbot, page) == ["'Cut off': its focus ring is cut off (50×30 px hidden)"]
