"""Where the main window opens: inside the screen's available area with its title bar and borders, so that
on a 1366×768 laptop with a taskbar the bottom of the window is not under the taskbar."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize

from privacy_audit.ui.main_window import fitted_geometry

LAPTOP_ABOVE_TASKBAR = QRect(0, 0, 1366, 728)  # 1366×768 with a 40-pixel taskbar
WINDOWS_FRAME = QMargins(1, 31, 1, 1)


def test_a_window_sized_to_the_available_area_keeps_its_title_bar_and_bottom_on_screen():
    placed = fitted_geometry(LAPTOP_ABOVE_TASKBAR, QSize(980, 760), WINDOWS_FRAME)
    framed = placed.marginsAdded(WINDOWS_FRAME)
    assert LAPTOP_ABOVE_TASKBAR.contains(framed), framed
    assert placed.height() == 728 - 32, "as tall as fits once the title bar is counted"
    assert placed.width() == 980


def test_a_window_that_fits_easily_is_centred_in_the_available_area():
    big = QRect(0, 0, 1920, 1040)
    placed = fitted_geometry(big, QSize(980, 760), WINDOWS_FRAME)
    assert placed.size() == QSize(980, 760)
    assert abs(placed.center().x() - big.center().x()) <= 1


def test_the_window_counts_a_title_bar_before_the_window_system_has_drawn_one(qtbot, services):
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    margins = window._frame_margins()
    assert margins.top() >= 30, "offscreen there is no frame yet; the estimate stands in for it"
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry().marginsAdded(margins))
