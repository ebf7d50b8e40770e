"""The app's main flows, driven end to end against a real record: first run, a full check by keyboard
alone, resuming a check, history, the PDF report and forgetting everything."""

from __future__ import annotations

import datetime as dt

from helpers.gui import finish_first_run, record_call, tab_to, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now


def test_first_run_explains_the_app_and_asks_which_platforms_by_keyboard(qtbot, window):
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    shown = " ".join(
        label.text() for label in window.welcome.findChildren(type(window.welcome.protection_label))
    )
    assert "Nothing leaves this laptop" in shown
    assert "never asks for your passwords" in shown
    qtbot.waitUntil(lambda: "protected" in window.welcome.protection_label.text())

    boxes = window.welcome.boxes
    assert next(iter(boxes)) == "facebook" and "general" not in boxes  # general is always in use
    assert boxes["facebook"].hasFocus()
    qtbot.keyClick(boxes["facebook"], Qt.Key.Key_Space)
    tab_to(qtbot, window, boxes["instagram"])
    qtbot.keyClick(boxes["instagram"], Qt.Key.Key_Space)
    tab_to(qtbot, window, window.welcome.continue_button)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.keyClick(window.welcome.continue_button, Qt.Key.Key_Return)

    assert window.current() == "dashboard"
    assert record_call(qtbot, window.services, "platforms_in_use") == ["general", "facebook", "instagram"]
    assert set(window.dashboard.check_buttons) == {"general", "facebook", "instagram"}
    assert window.dashboard.summary_label.text() == "0 of 3 checked this term"


def test_a_whole_check_can_be_done_with_the_keyboard_alone(qtbot, window):
    finish_first_run(qtbot, window)
    services = window.services
    general = services.checklist("general")
    # "Start this term's check" has focus; the first platform's own "Check now" is a Tab away.
    assert QApplication.focusWidget() is window.dashboard.termly_button
    tab_to(qtbot, window, window.dashboard.check_buttons["general"])
    qtbot.keyClick(window.dashboard.check_buttons["general"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    check = window.check
    assert check.progress_label.text() == f"Setting 1 of {len(general.items)}"

    expected = []
    for index, item in enumerate(general.items):
        assert check.title.text() == item.title
        if index == 1:
            # "I need help with this": move down to it with Tab, add a note, choose it with Space.
            tab_to(qtbot, window, check.answer_buttons[2])
            qtbot.keyClick(check.answer_buttons[2], Qt.Key.Key_Space)
            expected.append(Answer.ATTENTION)
        elif index == 2:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)  # number keys choose answers too
            expected.append(Answer.NOT_APPLICABLE)
        else:
            assert check.title.hasFocus(), "each new setting puts focus on its title"
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # "It's set correctly"
            expected.append(Answer.OK)

    assert check.pages.currentIndex() == 1, "the summary follows the last item"
    assert check.summary_title.text().endswith("nearly done — save your check")
    summary_text = " ".join(
        label.text() for label in check.summary_page.findChildren(type(check.summary_title))
    )
    assert general.items[1].title in summary_text, "the needs-attention item is listed"
    assert "Senior Management Team" in summary_text, "and whom to ask about it (no contact is named)"

    tab_to(qtbot, window, check.check_note)
    qtbot.keyClicks(check.check_note, "checked at home")
    tab_to(qtbot, window, check.finish_button)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.keyClick(check.finish_button, Qt.Key.Key_Return)

    saved = record_call(qtbot, services, "checks", "general")
    assert len(saved) == 1
    assert [a.answer for a in saved[0].answers] == expected
    assert saved[0].item_ids == general.item_ids
    assert saved[0].note == "checked at home"
    assert record_call(qtbot, services, "load_draft", "general") is None, "the draft is gone once saved"
    # One answer was "I need help with this": the platform is checked but not done, and the headline says so.
    assert window.dashboard.summary_label.text() == "1 of 2 checked this term · 1 setting still to fix"
    assert window.overview.statuses["general"].state == "to_fix"
    assert "general" in window.dashboard.fix_buttons


def test_an_unfinished_check_is_kept_as_a_draft_and_resumed_where_it_stopped(qtbot, window):
    finish_first_run(qtbot, window)
    window.start_check("facebook")
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    check = window.check
    tab_to(qtbot, window, check.note)
    qtbot.keyClicks(check.note, "asked my partner <b>")
    tab_to(qtbot, window, check.answer_buttons[1])  # "I changed it now", below the note
    qtbot.keyClick(check.answer_buttons[1], Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Escape = resume later
    qtbot.waitUntil(lambda: window.current() == "dashboard", timeout=10_000)
    wait_idle(qtbot, window.services)
    draft = record_call(qtbot, window.services, "load_draft", "facebook")
    first = window.services.checklist("facebook").items[0]
    assert draft is not None and draft.position == 1
    assert draft.answers[first.id].answer is Answer.CHANGED
    qtbot.waitUntil(
        lambda: window.dashboard.check_buttons["facebook"].text() == "Continue check", timeout=10_000
    )

    window.dashboard.check_buttons["facebook"].click()
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    assert check.progress_label.text().startswith("Setting 2 of")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(
        lambda: check.progress_label.text().startswith("Setting 1 of")
    )  # mnemonics click after 100 ms
    assert check.answer_buttons[1].property("chosen")
    assert check.note.text() == "asked my partner <b>"


def test_history_lists_checks_with_answers_notes_and_what_got_worse(qtbot, window):
    finish_first_run(qtbot, window)
    services = window.services
    items = services.checklist("facebook").item_ids
    earlier = utc_now() - dt.timedelta(days=100)
    hostile = "<img src=x onerror=alert(1)> my note"

    def result(when, attention_first: bool, note: str = "") -> CheckResult:
        answers = [ItemAnswer(i, Answer.OK) for i in items]
        if attention_first:
            answers[0] = ItemAnswer(items[0], Answer.ATTENTION, note)
        return CheckResult("facebook", "1:2026-11-27", items, when, when, tuple(answers))

    for made in (result(earlier, False), result(utc_now(), True, hostile)):
        services.save_check(made)
    wait_idle(qtbot, services)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.history.list.count() == 2, timeout=10_000)
    shown = window.history.detail.toPlainText()
    assert "Fine last time, needs attention now" in shown
    assert services.checklist("facebook").items[0].title in shown
    assert hostile in shown, "notes are shown as text, markup and all"
    assert "1 to fix" in window.history.list.item(0).text()
    qtbot.keyClick(window.history.list, Qt.Key.Key_Down)
    assert "Fine last time" not in window.history.detail.toPlainText()
    qtbot.keyClick(window.history.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current() == "dashboard", timeout=10_000)


def test_the_report_is_exported_as_a_pdf_with_the_signed_statement(qtbot, window, tmp_path):
    finish_first_run(qtbot, window)
    services = window.services
    items = services.checklist("general").item_ids
    now = utc_now()
    services.save_check(
        CheckResult(
            "general", "1:2026-11-27", items, now, now, tuple(ItemAnswer(i, Answer.OK) for i in items)
        )
    )
    wait_idle(qtbot, services)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current() == "report" and window.report.name.hasFocus(), timeout=10_000)
    target = tmp_path / "my report.pdf"
    window.report.path.setText(str(target))
    qtbot.keyClicks(window.report.name, "Ann Teacher")
    with qtbot.waitSignal(window.report.exported, timeout=20_000):
        qtbot.keyClick(window.report.name, Qt.Key.Key_Return)
    assert target.read_bytes().startswith(b"%PDF-")
    assert b"/Type /Page" in target.read_bytes()
    name, on = record_call(qtbot, services, "acceptance")
    assert name == "Ann Teacher" and on == now.astimezone().date()
    assert "Saved" in window.report.status.text()


def test_exporting_to_a_missing_folder_says_so_and_writes_nothing(qtbot, window, tmp_path):
    finish_first_run(qtbot, window)
    window.go("report")
    window.report.path.setText(str(tmp_path / "nowhere" / "report.pdf"))
    window.report.export_button.click()
    assert "does not exist" in window.report.status.text()
    assert not (tmp_path / "nowhere").exists()


def test_forget_everything_asks_first_then_deletes_the_record(qtbot, window):
    finish_first_run(qtbot, window)
    services = window.services
    record_file = services.dirs.record_file
    assert record_file.exists()
    window.go("settings")
    settings = window.settings
    settings.forget_button.click()
    assert settings.cancel_forget.hasFocus(), "the safe choice has focus"
    qtbot.keyClick(settings.cancel_forget, Qt.Key.Key_Space)
    assert settings.forget_button.isVisible() and record_file.exists()
    settings.forget_button.click()
    with qtbot.waitSignal(settings.forgotten, timeout=10_000):
        settings.confirm_button.click()
    assert not record_file.exists()
    assert window.current() == "message"
    # Starting afresh opens a new, empty record and shows the welcome again.
    window.message.retry.click()
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)


def test_forget_everything_also_removes_the_login_entry_and_says_so(qtbot, window):
    from privacy_audit.desktop.autostart import is_start_at_login, set_start_at_login

    finish_first_run(qtbot, window)
    home = window.services.dirs.home
    set_start_at_login(True, home=home)  # kept under the test's home folder, like every file of a --home run
    assert is_start_at_login(home)
    window.go("settings")
    settings = window.settings
    settings.forget_button.click()
    with qtbot.waitSignal(settings.forgotten, timeout=10_000):
        settings.confirm_button.click()
    assert not is_start_at_login(home)
    assert "Removed the login reminder" in window.message.body.text()


def test_a_run_with_a_home_folder_writes_nothing_outside_it(qtbot, window, tmp_path, monkeypatch):
    outside = tmp_path / "xdg-config"  # where the desktop's login entries and Qt's settings would go
    monkeypatch.setenv("XDG_CONFIG_HOME", str(outside))
    services = window.services
    services.os_integration = True  # as a real run: reminders at login are turned on after the first run
    finish_first_run(qtbot, window)
    wait_idle(qtbot, services)
    home = services.dirs.home
    assert any((home / "autostart").iterdir()), "the login entry is kept inside the home folder"
    window.remember_place()
    assert (services.dirs.config / "window.ini").is_file() and services.dirs.config.is_relative_to(home)
    assert not outside.exists() or not any(outside.rglob("*")), "nothing was written outside the home folder"
