"""An entry of the record that turns out to be unreadable only when the dashboard reads it (a saved check
whose sealed answers were damaged) is told on the dashboard, in the screens' words with the platform's
name, like the notices found when the record was opened."""

from __future__ import annotations

import datetime as dt
import sqlite3

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.core.paths import app_dirs


def a_damaged_facebook_check(home, catalogue) -> None:
    """Someone using Facebook who checked it yesterday; then the check's sealed answers were damaged."""
    from privacy_audit.store import open_record

    items = tuple(item.id for item in catalogue.get("facebook").items)
    finished = utc_now() - dt.timedelta(days=1)
    record = open_record(app_dirs(home))
    record.set_platforms_in_use(["general", "facebook"])
    record.set_setting("first_run_done", True)
    record.save_check(
        CheckResult(
            platform="facebook",
            checklist_version="1:2026-01-01",
            item_ids=items,
            started=finished - dt.timedelta(minutes=5),
            finished=finished,
            answers=tuple(ItemAnswer(i, Answer.OK) for i in items),
        )
    )
    record.close()
    with sqlite3.connect(app_dirs(home).record_file) as conn:
        conn.execute("UPDATE checks SET payload = ?", (b"not sealed answers",))
    conn.close()


def banner_words(window) -> list[str]:
    from PySide6.QtWidgets import QLabel

    banners = window.dashboard.banners
    words = []
    for index in range(banners.count()):
        card = banners.itemAt(index).widget()
        words += [label.text() for label in card.findChildren(QLabel)]
    return words


def test_a_check_found_unreadable_by_the_dashboard_is_told_on_the_dashboard(
    qtbot, private_home, catalogue, services
):
    from privacy_audit.ui.dates import long_date
    from privacy_audit.ui.main_window import MainWindow

    a_damaged_facebook_check(private_home, catalogue)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.overview is not None and window.current() == "dashboard", timeout=10_000)
    told = [words for words in banner_words(window) if "could not be read" in words]
    assert len(told) == 1, banner_words(window)
    yesterday = long_date(utc_now() - dt.timedelta(days=1))
    assert told[0].startswith(f"The Facebook check saved on {yesterday} could not be read"), (
        "the platform's name, not its id, and the date as the screens write dates"
    )
    assert "left untouched in your record" in told[0]
    # Reading the dashboard again (after a check, say) does not tell it twice.
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.show_dashboard()
    again = [words for words in banner_words(window) if "could not be read" in words]
    assert again == told
    window.close()
