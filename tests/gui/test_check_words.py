"""The check screen in plain words (issue 16 item 9, issue 14 item 6): "Setting 3 of 9", where the setting is
on the phone, the user-name box only where it is used, a note that stays on its own setting, counts with
correct plurals, "Not yet safe" with a way back, "Not possible on this platform" as its own answer and state,
"Good practice, not a policy rule", and the school's own contact (never a made-up "Head of School")."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import wait_idle
from PySide6.QtWidgets import QApplication
from test_check_fits_screen import save_screenshot, shown, text_scale  # noqa: F401 (a fixture)

from privacy_audit.core.audit import Answer
from privacy_audit.core.catalogue import load_catalogue, load_school_config
from privacy_audit.core.paths import app_dirs


@pytest.fixture
def view(qtbot, opened):
    from privacy_audit.ui.check import CheckView

    made = CheckView(opened)
    qtbot.addWidget(made)
    return made


def answer_all(view, answer: Answer) -> None:
    while view.current_item() is not None:
        view.answer(answer if answer in view._slots else view._slots[0])


def test_the_position_says_setting_not_item_and_the_title_is_read_with_it(view):
    view.start("facebook")
    total = len(view.items)
    assert view.progress_label.text() == f"Setting 1 of {total}"
    view.answer(Answer.OK)
    assert view.progress_label.text() == f"Setting 2 of {total}"
    assert view.title.accessibleName() == f"Setting 2 of {total}: {view.current_item().title}"


def test_the_answers_are_plain_buttons_and_the_saved_one_is_marked(view):
    view.start("facebook")
    view.answer(Answer.CHANGED)
    view.back()
    buttons = view.answer_buttons
    assert not any(b.isCheckable() for b in buttons)
    assert [b.property("chosen") for b in buttons] == [False, True, False, False]
    assert buttons[1].accessibleDescription() == "Your saved answer"
    assert not view.clause_toggle.isCheckable()


def test_an_app_only_setting_says_up_front_that_it_needs_the_phone(view):
    view.start("facebook")
    for position, item in enumerate(view.items):
        view.show_position(position)
        if item.where.url:
            assert not view.needs_phone.isVisibleTo(view)
            continue
        assert view.needs_phone.isVisibleTo(view)
        assert (
            view.needs_phone.text() == "You need your phone for this setting: it is only in the Facebook app."
        )
        assert not view.open_button.isVisibleTo(view) and not view.phone_button.isVisibleTo(view)
    assert "On your phone, in the Facebook app:" in view.where.text()
    assert "In the app:" not in view.where.text()


def test_copy_link_puts_the_address_on_the_clipboard_not_on_the_screen(view):
    view.start("facebook")
    item = next(i for i in view.items if i.where.url)
    view.show_position(view.items.index(item))
    view.copy_link()
    assert QApplication.clipboard().text() == item.where.url
    assert view.browser_status.text().startswith("Link copied.")
    assert item.where.url not in view.browser_status.text()


def test_the_user_name_box_shows_only_on_settings_whose_page_uses_it(view):
    view.start("facebook")  # the Facebook user name is for the public view only
    for position in range(len(view.items)):
        view.show_position(position)
        assert not view.params_box.isVisibleTo(view)
    view.start("mastodon")
    for position, item in enumerate(view.items):
        view.show_position(position)
        uses_server = "{server}" in (item.where.url or "")
        assert view.params_box.isVisibleTo(view) == uses_server
        if uses_server:
            label, edit = view.param_rows["server"]
            assert label.isVisibleTo(view)
            assert edit.isVisibleTo(view) and "on your own server" in view.params_why.text()
            assert not view.param_rows["username"][1].isVisibleTo(view)


def test_a_note_stays_on_the_setting_it_was_typed_on(view):
    view.start("facebook")
    first, second = view.items[0], view.items[1]
    view.note.setText("asked my partner to check")
    view.answer(Answer.ATTENTION)
    assert view.draft.answers[first.id].note == "asked my partner to check"
    assert view.note.text() == "", "the next setting starts with its own (empty) note"
    view.note.setText("typed on the second")
    view.back()
    assert view.note.text() == "asked my partner to check"
    assert second.id not in view.draft.answers
    view.note.setText("changed on the first")
    view.answer(Answer.ATTENTION)
    assert view.draft.answers[first.id].note == "changed on the first"


def test_the_summary_says_nearly_done_and_counts_with_correct_plurals(view):
    view.start("facebook")
    view.answer(Answer.ATTENTION)
    view.answer(Answer.CHANGED)
    answer_all(view, Answer.OK)
    assert view.summary_title.text() == "Facebook: nearly done — save your check"
    counts = view.summary_counts.text()
    assert "1 needs attention" in counts and "1 changed now" in counts
    assert f"{len(view.items) - 2} already set correctly" in counts
    view.back()
    view.answer(Answer.ATTENTION)
    assert "2 need attention" in view.summary_counts.text()


def test_each_unsafe_setting_is_named_with_a_button_back_to_it(view):
    view.start("facebook")
    answer_all(view, Answer.OK)
    view.show_position(2)
    unsafe = view.current_item()
    view.answer(Answer.ATTENTION)
    view.show_position(len(view.items))
    assert list(view.go_back_buttons) == [unsafe.id]
    words = [label.text() for label in view.summary_page.findChildren(type(view.title))]
    assert f"Not yet safe: {unsafe.title}" in words
    button = view.go_back_buttons[unsafe.id]
    assert button.text() == "Go back to this setting"
    assert button.accessibleName() == f"Go back to this setting: {unsafe.title}"
    button.click()
    assert view.current_item() == unsafe and view.pages.currentIndex() == 0


def test_without_a_named_contact_the_summary_uses_the_policys_words(view):
    view.start("facebook")
    view.answer(Answer.ATTENTION)
    answer_all(view, Answer.OK)
    text = "\n".join(label.text() for label in view.summary_page.findChildren(type(view.title)))
    assert "talk to the Head of School or another member of the Senior Management Team" in text


def test_not_possible_replaces_set_correctly_and_is_counted_as_itself(view):
    view.start("bluesky")
    items = view.items
    impossible = next(i for i in items if i.not_possible)
    view.show_position(items.index(impossible))
    labels = [b.accessibleName() for b in view.answer_buttons]
    assert labels[0] == "Not possible on this platform" and "It's set correctly" not in labels
    assert view.not_possible_box.isVisibleTo(view)
    assert impossible.not_possible in view.not_possible_text.text()
    view._answer_by_key(1)
    assert view.draft.answers[impossible.id].answer is Answer.NOT_POSSIBLE
    view.show_position(0)
    answer_all(view, Answer.OK)
    counts = view.summary_counts.text()
    assert "1 not possible on this platform" in counts
    assert f"{len(items) - 1} already set correctly" in counts
    texts = [label.text() for label in view.summary_page.findChildren(type(view.title))]
    assert "Not possible on Bluesky" in texts and impossible.title in texts
    assert view.result().answer_for(impossible.id).answer is Answer.NOT_POSSIBLE
    # Everywhere else the first answer is still "It's set correctly".
    view.show_position(items.index(next(i for i in items if not i.not_possible)))
    assert view.answer_buttons[0].accessibleName() == "It's set correctly"


def test_good_practice_items_say_so(view, catalogue):
    platform, item = next((p, i) for p, c in catalogue.checklists.items() for i in c.items if i.advice)
    view.start(platform)
    for position, shown_item in enumerate(view.items):
        view.show_position(position)
        assert view.advice.isVisibleTo(view) == shown_item.advice
    assert view.advice.text() == "Good practice, not a policy rule"
    assert item.advice


def test_a_fix_it_check_asks_only_the_given_settings_and_keeps_the_others(qtbot, view, opened):
    view.start("facebook")
    answer_all(view, Answer.OK)
    view.show_position(1)
    view.answer(Answer.ATTENTION)
    first = view.result()
    fix = first.answers[1].item_id
    view.start("facebook", None, first, only_items=[fix])
    assert [i.id for i in view.items] == [fix]
    assert view.progress_label.text() == "Setting 1 of 1"
    view.answer(Answer.CHANGED)
    result = view.result()
    assert result.item_ids == first.item_ids
    assert result.answer_for(fix).answer is Answer.CHANGED
    assert all(a.answer is Answer.OK for a in result.answers if a.item_id != fix)


SCHOOL = """\
school_name: Hermitage Primary
contact:
  name: Mrs A Patel
  role: Designated Safeguarding Lead
  email: dsl@hermitage.example
"""


def test_the_schools_named_contact_is_used(qtbot, private_home: Path, tmp_path: Path):
    from privacy_audit.ui.check import CheckView
    from privacy_audit.ui.services import AppServices

    config = tmp_path / "school.yaml"
    config.write_text(SCHOOL, encoding="utf-8")
    services = AppServices(app_dirs(private_home), load_catalogue(school=load_school_config(config)))
    try:
        with qtbot.waitSignal(services.record_opened, timeout=10_000):
            services.open_record()
        view = CheckView(services)
        qtbot.addWidget(view)
        view.start("facebook")
        view.answer(Answer.ATTENTION)
        answer_all(view, Answer.OK)
        text = "\n".join(label.text() for label in view.summary_page.findChildren(type(view.title)))
        assert "talk to Mrs A Patel (Designated Safeguarding Lead), dsl@hermitage.example" in text
        assert "Head of School" not in text
        wait_idle(qtbot, services)
    finally:
        services.shutdown()


def test_the_check_screen_screenshot(qtbot, view, text_scale):  # noqa: F811 (the fixture imported above)
    text_scale(1.0)
    view.start("facebook")
    shown(view, (1366, 768), qtbot)
    view.show_position(0)
    QApplication.processEvents()
    assert save_screenshot(view, "check-words.png").exists()
    view.close()


@pytest.mark.parametrize(
    ("contact", "words"),
    [
        ({}, "the Head of School or another member of the Senior Management Team"),
        ({"role": "Designated Safeguarding Lead"}, "Designated Safeguarding Lead"),
        ({"name": "Mr B Jones", "phone": "01234 567890"}, "Mr B Jones, 01234 567890"),
        (
            {"email": "dsl@school.example"},
            "the Head of School or another member of the Senior Management Team, dsl@school.example",
        ),
    ],
)
def test_the_contact_is_only_what_the_school_said(contact, words):
    from privacy_audit.core.school import SchoolConfig
    from privacy_audit.ui.check import contact_words

    assert contact_words(SchoolConfig.model_validate({"contact": contact})) == words
