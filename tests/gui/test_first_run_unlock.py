"""First run and unlock in the app (issue 16 item 7, issue 15 class 1): welcome first, the protection
choice only without a keyring and with its rules shown before typing, a separate "Unlock your record" page
on later launches, a wrong passphrase said once, and a record set aside shown before anything is asked.
"""

from __future__ import annotations

import sqlite3

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record

PASSPHRASE = "purple giraffe lamp"


@pytest.fixture
def no_keyring():
    keyring.set_keyring(fail.Keyring())


def visible_text(page) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page) and label.text()]


def make_passphrase_record():
    keyring.set_keyring(fail.Keyring())
    open_record(app_dirs(), passphrase=PASSPHRASE).close()


def test_with_a_keyring_the_first_screen_is_the_welcome_and_no_protection_question(qtbot, window):
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    text = " ".join(visible_text(window.welcome))
    assert "Welcome to Privacy Audit" in text and "encrypted" in text
    assert "only you can read it" not in text


def test_without_a_keyring_the_welcome_comes_first_and_the_rules_before_typing(qtbot, no_keyring, window):
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    text = visible_text(page)
    assert text[0] == "Welcome to Privacy Audit", "what the app is, before any security question"
    assert any("at least 8 characters, not only spaces" in t for t in text), "rules shown before typing"
    assert not page.set_aside_card.isVisible()


@pytest.mark.parametrize("typed", [" " * 8, " " * 20, "\t" * 9])
def test_a_passphrase_of_only_spaces_gets_a_clear_sentence(qtbot, no_keyring, window, typed):
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    page.passphrase.setText(typed)
    page.repeat.setText(typed)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.problem.isVisible() and "only of spaces" in page.problem.text()
    assert window.current() == "protection"


def test_choosing_unencrypted_never_says_only_you_can_read_it(qtbot, no_keyring, window):
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    window.protection.unencrypted.setChecked(True)
    window.protection.continue_button.click()
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    qtbot.waitUntil(lambda: "not encrypted" in window.welcome.protection_label.text(), timeout=10_000)
    assert "only you can read it" not in " ".join(visible_text(window.welcome))


def test_a_later_launch_shows_a_separate_unlock_page_and_a_wrong_passphrase_once(qtbot, services):
    make_passphrase_record()
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    text = visible_text(page)
    assert text[0] == "Unlock your record"
    assert not any("How should" in t or "unencrypted" in t or "choose" in t.lower() for t in text), text
    assert not page.unencrypted.isVisibleTo(page) and not page.repeat.isVisibleTo(page)

    page.passphrase.setText("not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "protection" and page.problem.isVisible(), timeout=20_000)
    wrong = [t for t in visible_text(page) if "does not unlock" in t]
    assert len(wrong) == 1, f"said once: {visible_text(page)}"

    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=20_000)
    window.close()


@pytest.mark.parametrize(
    "damage",
    [
        "PRAGMA user_version = 99",
        "PRAGMA user_version = -1",
        "DROP TABLE checks",
        "UPDATE meta SET value = 'v{2}' WHERE key = 'protection'",
    ],
)
def test_a_record_set_aside_is_shown_before_the_protection_question(qtbot, services, damage):
    make_passphrase_record()
    path = app_dirs().record_file
    conn = sqlite3.connect(path)
    conn.execute(damage)
    conn.commit()
    conn.close()
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    assert page.set_aside_card.isVisible()
    copy = next(app_dirs().set_aside.iterdir())
    assert str(copy) in page.set_aside_text.text()
    assert not any(str(copy) in t for t in [page.reason.text(), page.problem.text()]), "said once"
    # After the choice, the first-run welcome says it again, so it is not lost behind the platform question.
    page.unencrypted.setChecked(True)
    page.continue_button.click()
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    qtbot.waitUntil(lambda: window.welcome.notice_card.isVisible(), timeout=10_000)
    assert str(copy) in window.welcome.notice_text.text()
    window.close()


def test_with_a_keyring_a_set_aside_record_is_shown_on_the_welcome(qtbot, services):
    open_record(app_dirs()).close()
    conn = sqlite3.connect(app_dirs().record_file)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    qtbot.waitUntil(lambda: window.welcome.notice_card.isVisible(), timeout=10_000)
    assert "newer version" in window.welcome.notice_text.text()
    window.close()


def test_the_choice_page_explains_the_missing_keyring_once_with_its_reason_as_a_detail(
    qtbot, no_keyring, window
):
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    text = visible_text(window.protection)
    assert sum("no secure keyring" in t or "no password store" in t for t in text) == 1, text
    assert any(t.startswith("Details: ") and "no keyring service" in t for t in text), text
    assert not window.protection.problem.isVisible()


def test_forgotten_it_says_what_starting_again_costs(qtbot, services):
    make_passphrase_record()
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    assert not page.forgotten.isVisible()
    qtbot.mouseClick(page.forgotten_button, Qt.MouseButton.LeftButton)
    assert page.forgotten.isVisible() and "only your history of checks is lost" in page.forgotten.text()
    window.close()
