"""The termly check from start to finish (issue 16): one journey through every due platform, by keyboard
alone; a platform with a setting left to fix is never "up to date"; **Fix it** opens that setting; the journey
ends on the done page, and the report read back from the PDF names every platform in use with its state."""

from __future__ import annotations

import math
import shutil
import subprocess

import pytest
from gui_helpers import record_call, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.core.effort import minutes_for
from privacy_audit.core.settings import TERMLY_CHECK


def finish_first_run(qtbot, window, platforms=("facebook",)):
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    for platform in platforms:
        window.welcome.boxes[platform].setChecked(True)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.mouseClick(window.welcome.continue_button, Qt.MouseButton.LeftButton)


def answer_every_item(qtbot, window, first_answer_key=None) -> None:
    """Answer the check on screen by keyboard: key 1 ("It's set correctly"), or `first_answer_key` for the
    first setting. (Each new setting puts focus on its heading, so a screen reader reads it first.)"""
    check = window.check
    for index in range(len(check.items)):
        if index == 0 and first_answer_key is not None:
            qtbot.keyClick(QApplication.focusWidget(), first_answer_key)
        else:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert check.pages.currentIndex() == 1, "the summary follows the last item"
    assert check.finish_button.hasFocus()


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) reads the PDF back")
def test_a_whole_term_by_keyboard_never_says_done_while_a_setting_is_left(qtbot, window, tmp_path):
    finish_first_run(qtbot, window)
    services = window.services
    dashboard = window.dashboard
    assert dashboard.termly_card.isVisible()
    plan = dashboard.plan_label.text()
    general, facebook = services.checklist("general"), services.checklist("facebook")
    settings = len(general.items) + len(facebook.items)
    minutes = math.ceil(sum(minutes_for(window.services.checklist(p).items) for p in window.overview.due))
    assert minutes > settings * 0.75, "at least the 45 seconds a setting takes to find"
    assert plan.startswith(f"2 platforms, {settings} settings · about {minutes} minutes")
    assert "45 seconds a setting" in plan
    assert QApplication.focusWidget() is dashboard.termly_button

    # Start this term's check: the first due platform opens.
    qtbot.keyClick(dashboard.termly_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current() == "check" and window.check.checklist is not None, timeout=10_000
    )
    assert window.check.checklist.platform == "general"
    assert record_call(qtbot, services, "get_setting", TERMLY_CHECK)["platforms"] == ["general", "facebook"]
    answer_every_item(qtbot, window, first_answer_key=Qt.Key.Key_3)  # 3: "I need help with this"
    qtbot.keyClick(window.check.finish_button, Qt.Key.Key_Return)

    # The journey goes on to the next platform by itself.
    qtbot.waitUntil(
        lambda: (
            window.current() == "check"
            and window.check.checklist is not None
            and window.check.checklist.platform == "facebook"
        ),
        timeout=10_000,
    )
    answer_every_item(qtbot, window)
    qtbot.keyClick(window.check.finish_button, Qt.Key.Key_Return)

    # The end of the journey: not "done", because one setting is left to fix.
    qtbot.waitUntil(lambda: window.current() == "done", timeout=10_000)
    done = window.done
    assert done.title.text() == "This term's check is finished: 1 setting still to fix"
    assert window.overview.statuses["general"].state == "to_fix"
    chips = " ".join(label.text() for label in done.findChildren(type(done.title)))
    assert "Checked — 1 to fix" in chips and "Up to date" in chips  # Facebook is; general is not
    assert record_call(qtbot, services, "get_setting", TERMLY_CHECK) is None, "the journey is over"
    fix = done.fix_buttons["general"]
    assert fix.hasFocus() and "1 to fix" in fix.accessibleDescription()

    # Fix it, on the done page, opens exactly the setting that was left, with the other answers kept; saving
    # it comes back to the done page, which now says the term is done.
    qtbot.keyClick(fix, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current() == "check" and window.check.checklist is not None, timeout=10_000
    )
    assert window.check.current_item().id == general.items[0].id
    assert [item.id for item in window.check.items] == [general.items[0].id], "only the setting left to fix"
    assert set(window.check.draft.answers) == set(general.item_ids[1:])
    answer_every_item(qtbot, window, first_answer_key=Qt.Key.Key_2)  # 2: "I changed it now"
    qtbot.keyClick(window.check.finish_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "done", timeout=10_000)
    qtbot.waitUntil(lambda: done.title.text() == "You're done for this term", timeout=10_000)
    assert window.overview.statuses["general"].state == "ok"
    saved = record_call(qtbot, services, "checks", "general")
    assert saved[0].answers[0].answer is Answer.CHANGED and not saved[0].needs_attention

    # Done for the term: the done page makes the report.
    assert done.report_button.hasFocus()
    qtbot.keyClick(done.report_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "report" and window.report.name.hasFocus(), timeout=10_000)
    target = tmp_path / "term report.pdf"
    window.report.path.setText(str(target))
    qtbot.keyClicks(window.report.name, "Ann Teacher")
    with qtbot.waitSignal(window.report.exported, timeout=30_000):
        qtbot.keyClick(window.report.name, Qt.Key.Key_Return)
    assert window.report.report_saved.isVisible() and window.report.report_saved.open_button.hasFocus()
    assert target.with_suffix(".html").exists(), "the accessible HTML report is written beside the PDF"

    first_page = " ".join(pdf_text(target).split("\f")[0].split())
    assert "Ann Teacher" in first_page and services.school.school_name in first_page
    for name in ("All my accounts", "Facebook"):
        assert name in first_page
    assert first_page.count("Up to date") == 2
    assert "Page 1 of" in first_page


def test_the_dashboard_never_says_up_to_date_while_a_setting_is_left_and_fix_it_opens_it(qtbot, window):
    finish_first_run(qtbot, window)
    services = window.services
    dashboard = window.dashboard
    general = services.checklist("general")
    now = utc_now()
    for platform, first in (("general", Answer.ATTENTION), ("facebook", Answer.OK)):
        items = services.checklist(platform).item_ids
        answers = tuple(ItemAnswer(i, first if n == 0 else Answer.OK) for n, i in enumerate(items))
        services.save_check(CheckResult(platform, "1:x", items, now, now, answers))
    window.show_dashboard()
    qtbot.waitUntil(lambda: "general" in dashboard.fix_buttons, timeout=10_000)
    assert dashboard.summary_label.text() == "2 of 2 checked this term · 1 setting still to fix"
    assert "Well done" not in dashboard.summary_label.text()
    assert not dashboard.termly_card.isVisible()
    assert dashboard.fix_buttons["general"].hasFocus()

    # Fix it opens exactly the setting that was left, with the other answers kept.
    qtbot.keyClick(dashboard.fix_buttons["general"], Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current() == "check" and window.check.checklist is not None, timeout=10_000
    )
    assert [item.id for item in window.check.items] == [general.items[0].id], "only the setting left to fix"
    assert set(window.check.draft.answers) == set(general.item_ids[1:])
    answer_every_item(qtbot, window, first_answer_key=Qt.Key.Key_2)  # 2: "I changed it now"
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.keyClick(window.check.finish_button, Qt.Key.Key_Return)
    assert dashboard.summary_label.text() == "2 of 2 checked this term"
    assert window.overview.statuses["general"].state == "ok"


def test_the_termly_check_keeps_its_place_across_a_restart(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "instagram"))
    services = window.services
    items = services.checklist("general").item_ids
    now = utc_now()
    qtbot.keyClick(window.dashboard.termly_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current() == "check" and window.check.checklist is not None, timeout=10_000
    )
    # The first platform is finished (saved directly), then the person leaves mid-way through the next.
    window.check.resume_later()
    services.save_check(
        CheckResult("general", "1:x", items, now, now, tuple(ItemAnswer(i, Answer.OK) for i in items))
    )
    wait_idle(qtbot, services)
    journey = record_call(qtbot, services, "get_setting", TERMLY_CHECK)
    assert journey["platforms"] == ["general", "facebook", "instagram"]

    # As after a restart: the dashboard offers to continue, and the journey picks up at the next platform due.
    window.show_dashboard()
    qtbot.waitUntil(lambda: window.dashboard.termly_button.text().startswith("Con"), timeout=10_000)
    assert window.dashboard.plan_label.text().startswith("2 platforms")
    qtbot.keyClick(window.dashboard.termly_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.current() == "check"
            and window.check.checklist is not None
            and window.check.checklist.platform == "facebook"
        ),
        timeout=10_000,
    )


def test_not_possible_answers_show_as_themselves_everywhere(qtbot, window):
    finish_first_run(qtbot, window)
    services = window.services
    items = services.checklist("general").item_ids
    now = utc_now()
    answers = tuple(ItemAnswer(i, Answer.NOT_POSSIBLE if n == 0 else Answer.OK) for n, i in enumerate(items))
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        services.save_check(CheckResult("general", "1:x", items, now, now, answers))
        window.show_dashboard()
    status = window.overview.statuses["general"]
    assert status.state == "not_possible" and status.not_possible == 1
    shown = " ".join(label.text() for label in window.dashboard.findChildren(type(window.dashboard.title)))
    assert "Checked — 1 not possible here" in shown
    assert "1 not possible on its platform" in window.dashboard.summary_label.text()
    assert "general" not in window.dashboard.fix_buttons
    window.go("history")
    qtbot.waitUntil(lambda: window.history.list.count() == 1, timeout=10_000)
    assert "1 not possible here" in window.history.list.item(0).text()
    assert "Not possible on this platform" in window.history.detail.toPlainText()
    assert "Set correctly" in window.history.detail.toPlainText()


def test_the_plan_names_the_platforms_that_need_the_phone(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "whatsapp"))
    qtbot.waitUntil(
        lambda: window.overview is not None and "whatsapp" in window.overview.in_use, timeout=10_000
    )
    overview = window.overview
    assert overview.phone_only == frozenset({"whatsapp"}), "WhatsApp's settings are only in its app"
    plan = window.dashboard.plan_label.text()
    assert plan.startswith("3 platforms")
    assert plan.endswith("Have your phone ready: WhatsApp is set in its phone app.")
    assert window.dashboard.termly_button.accessibleDescription() == plan


def test_the_report_looks_the_same_whatever_the_apps_text_size(qapp, catalogue, tmp_path):
    from privacy_audit.report.pdf import write_pdf_report
    from privacy_audit.ui import widgets as w

    items = catalogue.get("general").item_ids
    now = utc_now()
    check = CheckResult("general", "1:x", items, now, now, tuple(ItemAnswer(i, Answer.OK) for i in items))
    pages = []
    try:
        for scale in (1.0, 2.0):  # presenter mode and the largest text size make the app's type larger
            w.apply_look(qapp, text_scale=scale)
            target = tmp_path / f"at-{scale}.pdf"
            write_pdf_report(target, catalogue=catalogue, checks=[check], school_name="V", in_use=["general"])
            pages.append(pdf_text(target))
    finally:
        w.apply_look(qapp, text_scale=1.0)
    assert pages[0] == pages[1]
