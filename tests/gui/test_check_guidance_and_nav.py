"""The check page keeps the most specific guidance message whatever order the browser's events arrive in,
names the practice page in demo mode, says why a page was not guided in its own words (never the
browser's English), and the public view is reachable from the dashboard."""

from __future__ import annotations

import pytest
from gui_helpers import wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_flows import finish_first_run

from privacy_audit.browser import BrowserEvent
from privacy_audit.core.audit import Answer


@pytest.fixture
def check_view(qtbot, opened):
    from privacy_audit.ui.check import CheckView

    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start("facebook")
    return view


def item_with_a_page(view):
    for position, item in enumerate(view.checklist.items):
        if item.where.url:
            view.show_position(position)
            return item
    raise AssertionError("the Facebook checklist has no item with a settings page")


@pytest.mark.parametrize(
    "order",
    [("page_shown", "label_found"), ("label_found", "page_shown")],
    ids=["page-then-label", "label-then-page"],
)
def test_the_highlighted_setting_message_is_kept_whichever_event_comes_last(check_view, order):
    item = item_with_a_page(check_view)
    for kind in order:
        check_view.on_browser_event(
            BrowserEvent(kind, item_id=item.id, url="https://www.facebook.com/settings")
        )
    assert check_view.browser_status.text() == "The setting is highlighted on the page."


def test_a_missing_setting_is_not_hidden_by_a_late_page_shown(check_view):
    item = item_with_a_page(check_view)
    check_view.on_browser_event(BrowserEvent("label_missing", item_id=item.id))
    check_view.on_browser_event(BrowserEvent("page_shown", item_id=item.id))
    assert check_view.browser_status.text().startswith("The setting wasn't found on the page")


def test_the_next_items_page_shown_message_is_not_held_back(check_view):
    first = item_with_a_page(check_view)
    check_view.on_browser_event(BrowserEvent("label_found", item_id=first.id))
    check_view.on_browser_event(BrowserEvent("page_shown", item_id="another-item"))
    assert check_view.browser_status.text().startswith("The settings page is open.")


def test_an_answer_on_the_page_records_exactly_that_answer_for_that_item_only(check_view):
    item = item_with_a_page(check_view)
    position = check_view.position
    check_view.on_browser_event(BrowserEvent("answered", item_id="an-earlier-item", answer=Answer.CHANGED))
    assert check_view.draft.answers.get(item.id) is None and check_view.position == position
    assert check_view.browser_status.text().startswith("That page was for an earlier setting")
    check_view.on_browser_event(BrowserEvent("answered", item_id=item.id, answer=Answer.CHANGED))
    assert check_view.draft.answers[item.id].answer is Answer.CHANGED
    assert check_view.position == position + 1
    assert f"Saved “I changed it now” for “{item.title}”." in check_view.browser_status.text()


def test_next_on_the_page_moves_to_the_next_setting_recording_nothing(check_view):
    item = item_with_a_page(check_view)
    position = check_view.position
    check_view.on_browser_event(BrowserEvent("next", item_id=item.id))
    assert check_view.draft.answers.get(item.id) is None and check_view.position == position + 1
    assert check_view.browser_status.text().startswith(f"Moved on from “{item.title}” without an answer.")


@pytest.mark.parametrize(
    ("reason", "status", "words"),
    [
        ("no_connection", None, "this computer isn't connected to the internet"),
        ("name_not_resolved", None, "its address couldn't be looked up"),
        ("could_not_connect", None, "the connection failed"),
        ("blocked", None, "probably by this network's web filter"),
        ("insecure_connection", None, "the secure connection failed"),
        ("http_error", 404, "Facebook answered with an error page (error 404)"),
        ("timeout", None, "it didn't load in time"),
        ("other", None, "the browser shows an error page instead"),
    ],
)
def test_a_page_that_did_not_load_is_said_plainly_with_what_to_do_instead(check_view, reason, status, words):
    item = item_with_a_page(check_view)
    failed = BrowserEvent(
        "load_failed", item_id=item.id, url="https://www.facebook.com/settings", reason=reason, status=status
    )
    check_view.on_browser_event(failed)
    said = check_view.browser_status.text()
    assert said.startswith("The Facebook settings page didn't open:") and words in said
    assert "on your phone" in said and "“Open on my phone”" in said and "“Copy link”" in said
    assert check_view.phone_button.isVisibleTo(check_view) and check_view.copy_button.isVisibleTo(check_view)
    assert "is open" not in said
    # The panel's "not found" on an error page must not hide the failure; a page that does load later does.
    check_view.on_browser_event(BrowserEvent("label_missing", item_id=item.id))
    assert check_view.browser_status.text() == said
    check_view.on_browser_event(BrowserEvent("page_shown", item_id=item.id))
    assert check_view.browser_status.text().startswith("The settings page is open.")


def shown_words(view) -> str:
    """Every word the check screen shows now: its labels and its buttons."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    widgets = view.findChildren(QLabel) + view.findChildren(QAbstractButton)
    parts = [widget.text() for widget in widgets if widget.isVisibleTo(view)]
    return "\n".join(parts)


def test_in_demo_mode_the_check_says_a_practice_page_opens_without_showing_its_address(
    qtbot, opened, catalogue
):
    from privacy_audit.demo.server import PracticeServer
    from privacy_audit.ui.check import CheckView

    server = PracticeServer(catalogue).start()
    opened.practice = server
    try:
        view = CheckView(opened)
        qtbot.addWidget(view)
        view.start("facebook")
        item_with_a_page(view)
        assert "In this demo, “Open on this laptop” opens a practice page" in view.where.text()
        words = shown_words(view)
        assert "127.0.0.1" not in words and "http" not in words
    finally:
        opened.practice = None
        server.close()


def test_outside_demo_mode_the_check_names_the_website_and_shows_no_raw_address(check_view):
    item = item_with_a_page(check_view)
    assert "On the Facebook website" in check_view.where.text()
    words = shown_words(check_view)
    assert item.where.url not in words and "http" not in words
    assert check_view.open_button.text() == "&Open on this laptop"
    assert check_view.phone_button.isVisibleTo(check_view) and check_view.copy_button.isVisibleTo(check_view)


def test_the_public_view_is_one_keypress_away_on_the_dashboard(qtbot, window):
    finish_first_run(qtbot, window)
    wait_idle(qtbot, window.services)
    assert window.dashboard.ready
    button = next(b for b in window.dashboard.nav_buttons if b.text() == "&Public view")
    assert button.toolTip() == "What can anyone see on my profiles?"
    assert button.accessibleName().startswith("Public view")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current() == "public")
    wait_idle(qtbot, window.services)


@pytest.mark.parametrize(
    ("backend", "shown"),
    [
        ("SecretService Keyring", "GNOME Keyring / Secret Service"),
        ("kwallet DBusKeyring", "KWallet"),
        ("Windows WinVaultKeyring", "Windows Credential Manager"),
        ("macOS Keyring", "macOS Keychain"),
        ("Some Other Keyring", "Some Other Keyring"),
    ],
)
def test_keyrings_are_named_as_people_know_them(backend, shown):
    from privacy_audit.store import ProtectionInfo
    from privacy_audit.store.keys import friendly_explanation, keyring_display_name

    assert keyring_display_name(backend) == shown
    info = ProtectionInfo(
        "keyring", backend, f"Your answers and notes are encrypted; the key is kept in {backend}."
    )
    assert friendly_explanation(info) == f"Your answers and notes are encrypted; the key is kept in {shown}."


def test_sign_ins_kept_before_the_school_stopped_allowing_them_are_deleted(qtbot, private_home):
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.core.paths import app_dirs
    from privacy_audit.ui.services import AppServices

    dirs = app_dirs(private_home)
    (dirs.browser_profile / "Default").mkdir(parents=True)
    (dirs.browser_profile / "Local State").write_text("{}")
    services = AppServices(dirs, load_catalogue(), os_integration=False)  # the default school allows none
    try:
        with qtbot.waitSignal(services.record_opened, timeout=10_000):
            services.open_record()
        assert not dirs.browser_profile.exists()
    finally:
        services.shutdown()


def test_kept_sign_ins_that_cannot_be_deleted_are_told_with_a_next_step_and_the_record_still_opens(
    qtbot, private_home
):
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.core.paths import app_dirs
    from privacy_audit.ui.services import AppServices

    dirs = app_dirs(private_home)
    dirs.browser_profile.parent.mkdir(parents=True, exist_ok=True)
    dirs.browser_profile.write_text("not a browser profile")  # a file where the folder should be: left alone
    services = AppServices(dirs, load_catalogue(), os_integration=False)
    try:
        with qtbot.waitSignal(services.record_opened, timeout=10_000):
            services.open_record()
        told = (
            f"{dirs.browser_profile} was not deleted: it does not look like the guided browser's own folder. "
            "Your school no longer allows keeping sign-ins; if it holds some, delete it yourself, or ask IT to."
        )
        assert services.notices == [told]
    finally:
        services.shutdown()


def test_the_app_knows_its_home_folder_so_login_reminders_read_the_same_record(tmp_path):
    from privacy_audit.core.paths import app_dirs

    assert app_dirs(tmp_path).home == tmp_path.resolve()


@pytest.mark.parametrize(
    ("kind", "problem", "words"),
    [
        ("fallback", "start_timeout", "Edge did not start in time"),
        ("fallback", "not_installed", "Edge is not installed on this computer"),
        ("fallback", "chose_usual_browser", "You chose in Settings to open pages in your usual browser."),
        ("error", "no_browser", "open this address yourself: https://www.facebook.com/settings"),
        ("error", "stopped_responding", "The browser stopped responding."),
    ],
)
def test_why_the_page_was_not_guided_is_said_in_the_screens_words(check_view, kind, problem, words):
    item = item_with_a_page(check_view)
    event = BrowserEvent(
        kind, item_id=item.id, url="https://www.facebook.com/settings", problem=problem, browser="Edge"
    )
    check_view.on_browser_event(event)
    said = check_view.browser_status.text()
    assert words in said
    if problem == "start_timeout":
        assert "not installed" not in said, "a browser that hangs is installed"


def test_the_public_view_says_what_it_found_and_why_it_fell_back_in_its_own_words(qtbot, opened):
    from privacy_audit.ui.public_view import PublicView

    view = PublicView(opened)
    qtbot.addWidget(view)
    view.show()
    view.on_browser_event(BrowserEvent("public_view", result="shown", found=("Springfield",), asked=2))
    assert view.status.text() == (
        "This is what anyone can see without signing in. 1 of the 2 words you typed were found in the page's "
        "text and are highlighted."
    )
    view.on_browser_event(BrowserEvent("fallback", url="https://www.facebook.com/jo", problem="no_browser"))
    said = view.status.text()
    assert said.startswith("The guided browser could not start: no Edge, Chrome or Chromium was found")
    assert "private window" in said and "follow the steps" not in said
