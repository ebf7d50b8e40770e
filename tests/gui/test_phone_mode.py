"""On the phone, where the accounts are (issue 18): the QR codes the check screen draws hold exactly the
setting's address (read back with a real decoder, zbarimg from Debian's zbar-tools), a setting without an
address draws none, and a whole WhatsApp check runs in "Check on my phone" by keyboard alone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from gui_helpers import record_call, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_check_fits_screen import save_screenshot, text_scale  # noqa: F401 (a fixture)

from privacy_audit.core.audit import Answer

needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None, reason="needs zbarimg (Debian: zbar-tools)")


def decoded(widget, tmp_path: Path) -> list[str]:
    """Every QR code zbarimg finds in what `widget` shows on screen now."""
    picture = tmp_path / "shown.png"
    assert widget.grab().save(str(picture))
    run = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(picture)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode in (0, 4), run.stderr  # 4: no code in the picture
    return [line for line in run.stdout.splitlines() if line]


@pytest.fixture
def view(qtbot, opened):
    from privacy_audit.ui.check import CheckView

    made = CheckView(opened)
    qtbot.addWidget(made)
    made.resize(1280, 720)
    return made


def at_item(view, item_id: str):
    ids = [i.id for i in view.items]
    view.show_position(ids.index(item_id))
    return view.current_item()


def first_with(view, has_address: bool):
    for position, item in enumerate(view.items):
        if bool(item.where.url) == has_address:
            view.show_position(position)
            return item
    raise AssertionError("no such item")


@needs_zbar
def test_open_on_my_phone_shows_the_code_of_exactly_this_settings_address(qtbot, view, tmp_path):
    view.start("facebook")
    view.show()
    qtbot.waitExposed(view)
    item = first_with(view, has_address=True)
    assert decoded(view, tmp_path) == [], "no code until the person asks for one"
    qtbot.mouseClick(view.phone_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert decoded(view.qr, tmp_path) == [item.where.url]
    assert "Scan this with your phone's camera" in view.qr_caption.text()
    view.answer(Answer.OK)  # the next setting starts without a code
    assert not view.qr.isVisibleTo(view)


@needs_zbar
def test_phone_mode_draws_the_settings_code_and_none_for_an_app_only_setting(
    qtbot,
    view,
    tmp_path,
    text_scale,  # noqa: F811 (the fixture imported above)
):
    text_scale(1.0)  # the app's own look, for the screenshot
    view.start("facebook")
    view.show()
    qtbot.waitExposed(view)
    view.enter_phone_mode()
    with_address = first_with(view, has_address=True)
    QApplication.processEvents()
    assert decoded(view, tmp_path) == [with_address.where.url]
    save_screenshot(view, "phone-mode.png")
    app_only = first_with(view, has_address=False)
    QApplication.processEvents()
    assert decoded(view, tmp_path) == []
    assert view.phone.qr_caption.text() == "No code: this setting is only in the Facebook app."
    assert "On your phone, in the Facebook app:" in view.phone.phone_steps.text()
    assert app_only.where.app in view.phone.phone_steps.text()


@needs_zbar
def test_a_mastodon_code_holds_the_server_the_person_typed_only_when_they_ask(qtbot, view, tmp_path):
    view.start("mastodon")
    view.show()
    qtbot.waitExposed(view)
    item = first_with(view, has_address=True)
    assert "{server}" in item.where.url
    label = view.checklist.url_parameters[0].label  # the words beside the box
    view.param_edits["server"].setText("")
    view.show_phone_code()
    assert (
        not view.qr.isVisibleTo(view) and view.qr_caption.text() == f"No code yet. Fill in “{label}” first."
    )
    assert decoded(view, tmp_path) == []
    view.param_edits["server"].setText("evil.example/x?")
    view.show_phone_code()
    assert view.qr_caption.text() == (
        f"No code yet. “evil.example/x?” can't go in “{label}”: use only the letters a to z, digits, dots, "
        "dashes and underscores."
    )
    assert decoded(view, tmp_path) == []
    view.param_edits["server"].setText("mastodon.social")
    view.show_phone_code()
    QApplication.processEvents()
    assert decoded(view.qr, tmp_path) == [item.where.url.replace("{server}", "mastodon.social")]


def test_a_whole_whatsapp_check_runs_in_check_on_my_phone_by_keyboard(qtbot, view, opened):
    view.start("whatsapp")
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.in_phone_mode)  # a mnemonic clicks its button after 100 ms
    assert view.phone.title.hasFocus()
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4]
    expected = {}
    for number, item in enumerate(view.items):
        assert view.in_phone_mode() and view.phone.title.text() == item.title
        assert view.phone.where_am_i.text().endswith(f"Setting {number + 1} of {len(view.items)}")
        assert view.phone.title.accessibleName() == f"Setting {number + 1} of {len(view.items)}: {item.title}"
        steps = view.phone.phone_steps.text()
        if item.where.ios or item.where.android:  # no phone chosen yet: both, each named
            assert "On iPhone, in the WhatsApp app:" in steps and "On Android, in the WhatsApp app:" in steps
        else:
            assert steps.startswith("On your phone, in the WhatsApp app:")
        assert not view.phone.qr.isVisibleTo(view), "WhatsApp settings have no web address, so no code"
        key = keys[number % 4]
        expected[item.id] = view.phone._answers[number % 4]
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert view.pages.currentIndex() == 1, "after the last setting the summary shows"
    assert view.summary_title.text() == "WhatsApp: nearly done — save your check"
    assert view.finish_button.hasFocus()
    with qtbot.waitSignal(view.saved, timeout=10_000):
        qtbot.keyClick(view.finish_button, Qt.Key.Key_Return)
    wait_idle(qtbot, opened)
    saved = record_call(qtbot, opened, "checks", "whatsapp")[0]
    assert {a.item_id: a.answer for a in saved.answers} == expected


def test_escape_leaves_check_on_my_phone_for_the_full_screen_at_the_same_setting(qtbot, view):
    view.start("whatsapp")
    view.show_position(2)
    view.enter_phone_mode()
    view.resume_later()  # what Esc does on the check screen
    assert not view.in_phone_mode() and view.position == 2 and view.is_running()


def test_the_persons_own_phone_comes_first_once_chosen(qtbot, view, opened):
    view.start("whatsapp")
    item = next(i for i in view.items if i.where.android)
    at_item(view, item.id)
    view.enter_phone_mode()
    assert view.phone.phone_steps.text().startswith("On iPhone")
    view.choose_phone("android")
    wait_idle(qtbot, opened)
    lines = view.phone.phone_steps.text().splitlines()
    assert lines[0] == f"On Android, in the WhatsApp app: {item.where.android}"
    assert view.where.text().splitlines()[0] == lines[0], "the full screen says the same"
    assert opened.settings.get("phone") == "android"


def test_a_server_that_cannot_make_the_settings_address_is_refused_in_the_screens_words(qtbot, view):
    view.start("mastodon")
    item = first_with(view, has_address=True)
    label = view.checklist.url_parameters[0].label
    view.param_edits["server"].setText("mastodon.social/@me")
    assert view._url_or_say(item) is None
    assert view.browser_status.text() == (
        f"“mastodon.social/@me” can't go in “{label}”: use only the letters a to z, digits, dots, dashes and "
        "underscores."
    )
