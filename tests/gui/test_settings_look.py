"""Settings (issue 17, 16 item 9, 13 item 10): text size and contrast are chosen with the keyboard, apply at
once to the whole app, are kept in the record and come back when the record is opened again; controls that do
not apply are hidden, not greyed out; the start-at-login box shows the login entry as it really is."""

from __future__ import annotations

import sys

import pytest
from gui_helpers import record_call, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from privacy_audit.ui import widgets as w


def first_run(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    window.welcome.boxes["facebook"].setChecked(True)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.welcome.continue_button.click()


@pytest.fixture
def usual_look():
    """Whatever a test does to the look, the next test starts from the usual one (ask for it before `window`,
    so that this runs after the window is closed)."""
    app = QApplication.instance()
    font = app.font()
    yield app
    w.apply_look(app, w.SYSTEM, 1.0)
    app.setFont(font)


def test_text_size_and_contrast_apply_at_once_and_are_kept(qtbot, usual_look, window):
    app = usual_look
    first_run(qtbot, window)
    window.go("settings")
    settings = window.settings
    heading_before = window.settings.title.font().pointSizeF()
    body_before = app.font().pointSizeF()

    settings.text_size.setFocus()
    qtbot.keyClick(settings.text_size, Qt.Key.Key_End)  # 200 %
    settings.contrast.setFocus()
    qtbot.keyClick(settings.contrast, Qt.Key.Key_End)  # high contrast, light text on black
    assert settings.text_size.currentData() == 2.0
    assert settings.contrast.currentData() == w.HIGH_DARK

    assert app.font().pointSizeF() == pytest.approx(body_before * 2)
    assert window.settings.title.font().pointSizeF() == pytest.approx(heading_before * 2)
    assert window.dashboard.findChildren(type(settings.title))  # the other screens are there to be resized
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"

    wait_idle(qtbot, window.services)
    assert record_call(qtbot, window.services, "get_setting", "text_size") == 2.0
    assert record_call(qtbot, window.services, "get_setting", "contrast") == w.HIGH_DARK


def test_the_kept_look_comes_back_when_the_record_is_opened(qtbot, usual_look, window):
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.services import AppServices

    app = usual_look
    first_run(qtbot, window)
    window.services.set_setting("contrast", w.HIGH_LIGHT)
    window.services.set_setting("text_size", 1.5)
    wait_idle(qtbot, window.services)
    body = w._LOOK["base_point_size"]
    w.apply_look(app, w.SYSTEM, 1.0)
    assert app.palette().color(QPalette.ColorRole.Highlight).name() != "#0b3d91"

    again = AppServices(window.services.dirs, window.services.catalogue)
    try:
        second = MainWindow(again)
        qtbot.addWidget(second)
        with qtbot.waitSignal(again.record_opened, timeout=10_000):
            second.open_record()
        qtbot.waitUntil(lambda: app.palette().color(QPalette.ColorRole.Highlight).name() == "#0b3d91")
        assert app.font().pointSizeF() == pytest.approx(body * 1.5)
        second.go("settings")
        assert second.settings.contrast.currentData() == w.HIGH_LIGHT
        assert second.settings.text_size.currentData() == 1.5
    finally:
        again.shutdown()


def test_a_record_without_a_chosen_look_leaves_the_look_alone(qtbot, usual_look, window):
    app = usual_look
    w.apply_look(app, w.HIGH_LIGHT, 1.25)  # e.g. presenter mode or a look set before the record opened
    first_run(qtbot, window)
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#0b3d91"


def test_only_controls_that_apply_are_shown(qtbot, window):
    first_run(qtbot, window)
    window.go("settings")
    settings = window.settings
    assert not settings.keep.isVisible(), "the default school does not allow keeping sign-ins"
    assert not settings.forget_sign_ins.isVisible()
    assert settings.keep_note.isVisible() and "Your school has chosen" in settings.keep_note.text()
    assert not settings.path.isVisible(), "the path is only for 'Another browser program'"
    settings.choice.setCurrentIndex(settings.choice.findData("path"))
    assert settings.path.isVisible() and settings.browse.isVisible()
    disabled = [
        child.accessibleName()
        for child in settings.findChildren(type(settings.browse))
        if child.isVisible() and not child.isEnabled()
    ]
    assert not disabled, f"disabled buttons shown in Settings: {disabled}"


def test_every_field_in_settings_has_a_label_tied_to_it(qtbot, window):
    from PySide6.QtWidgets import QLabel

    first_run(qtbot, window)
    window.go("settings")
    settings = window.settings
    buddies = {label.buddy() for label in settings.findChildren(QLabel) if label.buddy() is not None}
    for field in (settings.text_size, settings.contrast, settings.choice, settings.path):
        assert field in buddies, field.accessibleName()


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG autostart entry is for Linux desktops"
)
def test_the_start_at_login_box_shows_the_real_login_entry(qtbot, window, tmp_path, monkeypatch):
    from privacy_audit.desktop.autostart import is_start_at_login, set_start_at_login

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first_run(qtbot, window)
    window.services.set_setting("start_at_login", False)
    wait_idle(qtbot, window.services)
    window.services.os_integration = True  # this test's own config folder stands for the desktop's
    # With a home folder (as every test has) the entry is kept inside it: a --home run writes nothing outside.
    home = window.services.dirs.home
    set_start_at_login(True, home=home)  # e.g. added again by the school's IT
    assert is_start_at_login(home) and not is_start_at_login()
    window.go("settings")
    qtbot.waitUntil(window.settings.at_login.isChecked, timeout=10_000)

    set_start_at_login(False, home=home)  # e.g. removed with the desktop's own startup settings
    window.show_dashboard()
    window.go("settings")
    qtbot.waitUntil(lambda: not window.settings.at_login.isChecked(), timeout=10_000)
