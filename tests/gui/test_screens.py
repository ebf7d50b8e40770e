"""Every screen is usable by keyboard and assistive technology, follows the system font size, and shows
hostile text as text; the protection choice, the error dialog and the worker behave as promised."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import keyring
import pytest
from helpers.gui import finish_first_run, record_call, tab_to, wait_idle
from helpers.words import CLAIMS_A_CHECK
from keyring.backends import fail
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.ui import widgets as w
from privacy_audit.ui.worker import Failure, Worker


def visit_every_screen(qtbot, window):
    """Yield (name, page widget) for each screen, with real content on it."""
    yield "welcome", window.welcome
    finish_first_run(qtbot, window, ("facebook", "x"))
    yield "dashboard", window.dashboard
    window.start_check("general")
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    yield "check item", window.check
    for _ in window.check.items:
        window.check.answer(Answer.ATTENTION)
    yield "check summary", window.check
    window.check.finish()
    qtbot.waitUntil(lambda: window.current() == "dashboard", timeout=10_000)
    for name in ("history", "report", "settings"):
        window.go(name)
        wait_idle(qtbot, window.services)
        yield name, getattr(window, name)
    window.change_platforms()
    yield "platforms", window.platforms
    window.protection.ask("No keyring here.")
    yield "protection", window.protection


def test_every_interactive_control_on_every_screen_has_an_accessible_name(qtbot, window):
    for name, page in visit_every_screen(qtbot, window):
        missing = w.unnamed_controls(page)
        assert not missing, (
            f"{name}: unnamed controls {[m.metaObject().className() + ':' + getattr(m, 'text', lambda: '')() for m in missing]}"
        )


def test_labels_show_markup_in_data_as_plain_text(qtbot, window):
    for _name, page in visit_every_screen(qtbot, window):
        for label in page.findChildren(QLabel):
            if label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_at_150_percent_font_size_text_and_buttons_grow_and_nothing_is_clipped(qtbot, services):
    from privacy_audit.ui.main_window import MainWindow

    def button_heights(window) -> dict[str, int]:
        return {
            b.accessibleName(): b.sizeHint().height()
            for b in window.findChildren(QPushButton)
            if b.accessibleName()
        }

    app = QApplication.instance()
    normal_font = QFont(app.font())
    normal = MainWindow(services)
    qtbot.addWidget(normal)
    base = button_heights(normal)
    big = QFont(normal_font)
    big.setPointSizeF(normal_font.pointSizeF() * 1.5)
    app.setFont(big)
    try:
        large = MainWindow(services)
        qtbot.addWidget(large)
        grown = button_heights(large)
        assert grown["Continue"] > base["Continue"]
        assert all(grown[name] >= base[name] for name in base)
        large.resize(1000, 800)
        large.show()
        large.message.say("Opening your record…")
        large.go("welcome")
        qtbot.waitExposed(large)
        for button in large.welcome.findChildren(QPushButton) + large.welcome.findChildren(
            type(large.welcome.boxes["x"])
        ):
            if button.isVisible():
                assert button.width() >= button.sizeHint().width() - 1, f"{button.text()} is clipped"
                assert button.height() >= button.sizeHint().height() - 1, f"{button.text()} is clipped"
        for label in large.welcome.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()) - 1, (
                    f"{label.text()[:30]} is clipped"
                )
    finally:
        app.setFont(normal_font)


@pytest.mark.parametrize("contrast", [w.HIGH_LIGHT, w.HIGH_DARK])
def test_the_style_takes_its_colours_from_the_palette_so_high_contrast_themes_apply(qtbot, contrast):
    # Drawn, not read from the style sheet's text: with a high-contrast look applied as Settings applies
    # it, a card, a field and the main button show that look's colours (only status chips and banners keep
    # colours of their own).
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    app = QApplication.instance()
    before = (QPalette(app.palette()), app.styleSheet(), QFont(app.font()))
    try:
        w.apply_look(app, contrast)
        palette = app.palette()
        root = QWidget()
        qtbot.addWidget(root)
        layout = QVBoxLayout(root)
        card, _inner = w.card()
        field = QLineEdit()
        main = w.button("", primary=True)
        for widget, height in ((card, 60), (field, 40), (main, 40)):
            widget.setFixedSize(120, height)
            layout.addWidget(widget)
        root.show()
        qtbot.waitExposed(root)

        def middle(widget: QWidget) -> str:
            image = widget.grab().toImage()
            return image.pixelColor(image.width() // 2, image.height() // 2).name()

        base = palette.color(QPalette.ColorRole.Base).name()
        assert middle(card) == base
        assert middle(field) == base
        assert middle(main) == palette.color(QPalette.ColorRole.Highlight).name()
    finally:
        app.setPalette(before[0])
        app.setStyleSheet(before[1])
        app.setFont(before[2])


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_app_asks_for_a_passphrase_and_then_uses_it(qtbot, no_keyring, services):
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    page = window.protection
    assert "keyring" in page.reason.text()
    assert page.passphrase.hasFocus()
    qtbot.keyClicks(page.passphrase, "short")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "at least" in page.problem.text() and window.current() == "protection"
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "correct horse battery")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.repeat, "correct horse battery")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=20_000)
    assert services.protection.mode == "passphrase"
    window.go("settings")
    assert "passphrase" in window.settings.protection.text()


def test_the_person_may_choose_an_unencrypted_record_instead(qtbot, no_keyring, services):
    from privacy_audit.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.open_record()
    qtbot.waitUntil(lambda: window.current() == "protection", timeout=10_000)
    tab_to(qtbot, window, window.protection.unencrypted)
    qtbot.keyClick(window.protection.unencrypted, Qt.Key.Key_Space)
    assert not window.protection.passphrase.isEnabled()
    tab_to(qtbot, window, window.protection.continue_button)
    qtbot.keyClick(window.protection.continue_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    assert services.protection.mode == "unencrypted"


def test_settings_are_kept_in_the_record(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "x"))
    window.go("settings")
    settings = window.settings
    assert "notes are encrypted; the key is kept in" in settings.protection.text()
    assert not settings.keep.isEnabled(), "the default school config does not allow keeping sign-ins"
    settings.choice.setFocus()
    qtbot.keyClick(settings.choice, Qt.Key.Key_End)  # "My default browser only"
    assert settings.choice.currentData() == "default"
    settings.at_login.click()
    wait_idle(qtbot, window.services)
    assert record_call(qtbot, window.services, "get_setting", "browser_choice") == "default"
    assert record_call(qtbot, window.services, "get_setting", "start_at_login") is False


def test_settings_pages_open_in_the_default_browser_when_chosen(qtbot, window):
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self):
            super().__init__()
            self.urls: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url.toString())

    finish_first_run(qtbot, window, ("facebook", "x"))
    window.services.set_setting("browser_choice", "default")
    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        window.start_check("facebook")
        qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
        item = window.check.current_item()
        assert item.where.url and window.check.open_button.isVisible()
        qtbot.keyClick(window.check.open_button, Qt.Key.Key_Space)
        assert catcher.urls == [item.where.url]
        assert "web browser" in window.check.browser_status.text()
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_an_app_only_item_shows_the_path_instead_of_a_button(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "x"))
    window.start_check("general")
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    item = window.check.current_item()
    assert item.where.url is None
    assert not window.check.open_button.isVisible()
    assert item.where.app in window.check.where.text()


def test_the_error_dialog_shows_the_details_and_copies_them(qtbot):
    from privacy_audit.ui.errors import ErrorReporter

    reporter = ErrorReporter()
    reporter.install()
    try:
        try:
            raise ValueError("the disk said no")
        except ValueError as exc:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: bool(reporter.dialogs))
    finally:
        reporter.uninstall()
    dialog = reporter.dialogs[0]
    qtbot.addWidget(dialog)
    assert "ValueError: the disk said no" in dialog.details.toPlainText()
    assert not w.unnamed_controls(dialog)
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert "the disk said no" in QGuiApplication.clipboard().text()
    dialog.close()


def test_worker_runs_jobs_off_the_gui_thread_and_answers_on_it(qtbot):
    worker = Worker()
    seen: list[tuple[str, object]] = []
    gui = QThread.currentThread()
    try:
        worker.submit(
            lambda: QThread.currentThread() is not gui,
            lambda off: seen.append(("done", off and QThread.currentThread() is gui)),
        )
        worker.submit(lambda: 1 / 0, None, lambda failure: seen.append(("failed", failure)))
        qtbot.waitUntil(lambda: len(seen) == 2)
    finally:
        assert worker.stop()
    assert seen[0] == ("done", True)
    assert seen[1][0] == "failed" and isinstance(seen[1][1], Failure)
    assert "ZeroDivisionError" in seen[1][1].details


def test_platform_icons_are_drawn_in_the_platform_colour(qtbot):
    from privacy_audit.ui.icons import platform_colour, platform_pixmap

    image = platform_pixmap("facebook", "Facebook", 40).toImage()
    corner = image.pixelColor(0, 0)
    body = image.pixelColor(6, 20)
    assert corner.alpha() == 0, "rounded corners are transparent"
    assert body.name() == platform_colour("facebook").name()
    assert platform_colour("facebook") != platform_colour("instagram")
    assert isinstance(platform_colour("a-new-platform"), QColor)


def test_the_pdf_report_escapes_hostile_text(catalogue):
    from privacy_audit.report.pdf import report_html

    items = catalogue.get("general").item_ids
    now = utc_now()
    check = CheckResult(
        "general", "1:x", items, now, now, tuple(ItemAnswer(i, Answer.OK, "<b>note</b>") for i in items)
    )
    html = report_html(
        catalogue=catalogue,
        checks=[check],
        acceptance=("<script>alert(1)</script>", now.date()),
        school_name="A & B <i>Academy</i>",
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "A &amp; B &lt;i&gt;Academy&lt;/i&gt;" in html
    assert "&lt;b&gt;note" not in html and "<b>note" not in html, "private notes are not printed"
    assert "agree to abide" not in html, "the report quotes no statement wording (it is a separate page)"
    assert '<html lang="en-GB">' in html and "scope='col'" in html


def pdf_words(path) -> str:
    if shutil.which("pdftotext"):
        command = ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"]
    else:
        command = [
            "gs",
            "-q",
            "-dSAFER",
            "-dBATCH",
            "-dNOPAUSE",
            "-sDEVICE=txtwrite",
            "-sOutputFile=-",
            str(path),
        ]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(
    shutil.which("pdftotext") is None and shutil.which("gs") is None,
    reason="pdftotext or gs reads the PDF back",
)
def test_the_pdf_starts_with_a_summary_of_every_platform_in_use_and_numbers_its_pages(
    qtbot, catalogue, tmp_path
):
    from privacy_audit.core.due import statuses
    from privacy_audit.report.pdf import write_pdf_report

    general = catalogue.get("general")
    items = general.item_ids
    now = utc_now()
    answers = tuple(
        ItemAnswer(i, Answer.ATTENTION if n == 0 else Answer.NOT_POSSIBLE if n == 1 else Answer.OK)
        for n, i in enumerate(items)
    )
    check = CheckResult("general", "1:x", items, now, now, answers)
    found = statuses(
        ["general", "facebook"],
        last_checked={"general": now},
        snoozes={},
        configured_terms=[],
        interval_days=None,
        now=now.astimezone(),
        to_fix={"general": 1},
        not_possible={"general": 1},
    )
    target = tmp_path / "report.pdf"
    written = write_pdf_report(
        target,
        catalogue=catalogue,
        checks=[check],
        school_name="Vanguard Academy",
        in_use=["general", "facebook"],
        statuses=found,
        person="Ann Teacher",
        today=dt.date(2026, 11, 27),
    )
    assert written == [target, target.with_suffix(".html")]
    pages = pdf_words(target).split("\f")
    first = " ".join(pages[0].split())
    for expected in ("Ann Teacher", "Vanguard Academy", "27 November 2026", "Facebook", "Never checked"):
        assert expected in first
    assert "1 to fix" in first and "1 not possible here" in first
    assert "Up to date" not in first, "a platform with something left to fix is never up to date"
    total = len([p for p in pages if p.strip()])
    assert total >= 2
    assert f"Page 1 of {total}" in first
    rest = " ".join(" ".join(pages[1:]).split())
    assert "Still to fix" in rest and "Not possible on this" in rest
    assert "Not yet checked on the live site" in rest
    assert not CLAIMS_A_CHECK.search(rest), rest
    html = target.with_suffix(".html").read_text(encoding="utf-8")
    assert not CLAIMS_A_CHECK.search(html)
    assert "Never checked" in html and "Ann Teacher" in html
    assert target.stat().st_mode & 0o077 == 0, "the report is readable by its owner only"


def test_the_statement_is_its_own_page_in_the_schools_words_only(qapp, tmp_path):
    from privacy_audit.report.statement import statement_instructions, write_statement_pdf

    target = tmp_path / "statement.pdf"
    wording = "I confirm that I have read the Vanguard Academy staff social media policy."
    write_statement_pdf(
        target,
        wording=wording,
        school_name="Vanguard Academy",
        name="Ann Teacher",
        on=dt.date(2026, 11, 27),
        contact="Mrs Head (Head of School)",
    )
    text = " ".join(pdf_words(target).split())
    assert wording in text and "Ann Teacher" in text and "27 November 2026" in text
    assert "Mrs Head" in text
    assert len([page for page in pdf_words(target).split("\f") if page.strip()]) == 1, "one page"
    with pytest.raises(ValueError, match="Appendix 1 form"):
        write_statement_pdf(
            tmp_path / "none.pdf",
            wording="",
            school_name="V",
            name="A",
            on=dt.date(2026, 11, 27),
            contact="Mrs Head",
        )
    assert not (tmp_path / "none.pdf").exists()
    assert "return it to Mrs Head" in statement_instructions("Mrs Head")


def test_the_report_screen_quotes_no_statement_without_the_schools_wording(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "x"))
    window.go("report")
    report = window.report
    shown = report.wording.text()
    assert "Appendix 1 form" in shown and window.services.school.contact.describe() in shown
    assert not report.statement_button.isVisibleTo(report)
    assert "agree to abide" not in " ".join(l.text() for l in report.findChildren(QLabel))


def test_the_default_report_folder_is_made_when_missing_and_a_failed_save_says_why(qtbot, window, tmp_path):
    finish_first_run(qtbot, window, ("facebook", "x"))
    window.go("report")
    report = window.report
    home = window.services.dirs.home
    assert report.folder == home / "Reports", "a run with --home keeps its reports inside its folder"
    assert not report.folder.exists()
    report.path.setText(str(report.folder / "mine.pdf"))
    with qtbot.waitSignal(report.exported, timeout=30_000):
        report.export_button.click()
    assert (report.folder / "mine.pdf").exists() and (report.folder / "mine.html").exists()
    assert report.report_saved.open_button.isVisible() and report.report_saved.folder_button.isVisible()

    taken = tmp_path / "taken.pdf"
    taken.mkdir()  # a folder where the file should go
    report.path.setText(str(taken))
    report.export_button.click()
    qtbot.waitUntil(lambda: "is a folder" in report.status.text(), timeout=20_000)
    assert report.export_button.isEnabled()


def test_a_failed_save_is_explained_in_words(qapp, tmp_path):
    import errno

    from privacy_audit.ui.report_view import failure_words

    path = tmp_path / "r.pdf"
    assert "not allowed to save files in" in failure_words(PermissionError(13, "Permission denied"), path)
    assert "disk is full" in failure_words(OSError(errno.ENOSPC, "No space left on device"), path)
    assert "read-only" in failure_words(OSError(errno.EROFS, "Read-only file system"), path)
    assert "does not exist" in failure_words(FileNotFoundError(2, "No such file"), path)


def test_open_and_show_in_folder_hand_the_file_and_its_folder_to_the_system(qtbot, window, tmp_path):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    class Opened(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot("QUrl")
        def open(self, url) -> None:
            self.urls.append(url.toLocalFile())

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        finish_first_run(qtbot, window, ("facebook", "x"))
        window.go("report")
        report = window.report
        report.path.setText(str(tmp_path / "mine.pdf"))
        with qtbot.waitSignal(report.exported, timeout=30_000):
            report.export_button.click()
        qtbot.keyClick(report.report_saved.open_button, Qt.Key.Key_Space)
        report.report_saved.folder_button.click()
        assert opened.urls == [str(tmp_path / "mine.pdf"), str(tmp_path)]
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_the_guidance_notice_and_the_live_count_are_plain_lines_on_the_dashboard(qtbot, window):
    import dataclasses

    finish_first_run(qtbot, window, ("facebook", "x"))
    overview = window.overview
    total = overview.live_checked[1]
    assert total == sum(overview.item_counts.values()) > 0
    assert window.dashboard.live_label.text().startswith(
        f"{overview.live_checked[0]} of {total} settings you use"
    )
    assert not window.dashboard.guidance_label.isVisibleTo(window.dashboard), "no notice without a pack"
    window.dashboard.show_overview(
        dataclasses.replace(overview, guidance_notice="Using updated guidance 2027.1.")
    )
    assert window.dashboard.guidance_label.isVisibleTo(window.dashboard)
    assert window.dashboard.guidance_label.text() == "Using updated guidance 2027.1."


def test_the_report_screen_prints_a_pocket_guide_of_the_platforms_in_use(qtbot, window):
    finish_first_run(qtbot, window, ("facebook", "x"))
    window.go("report")
    report = window.report
    report.path.setText(str(report.folder / "mine.pdf"))
    report.guide_button.click()
    qtbot.waitUntil(lambda: report.guide_file.open_button.isVisible(), timeout=30_000)
    guide = report.folder / f"privacy-pocket-guide-{report.today.isoformat()}.pdf"
    words = " ".join(pdf_words(guide).split())
    assert "Facebook" in words and "X (Twitter)" in words
    assert "Instagram" not in words, "only the platforms this person uses"
    assert "pages" in report.guide_status.text()


def test_every_make_button_says_a_failure_in_words_and_a_screen_reader_hears_it(qtbot, window, monkeypatch):
    from privacy_audit.ui import widgets

    finish_first_run(qtbot, window, ("facebook",))
    window.go("report")
    report = window.report
    heard: list[tuple[str, bool]] = []
    real_announce = widgets.announce

    def listening(widget, message, assertive=False):
        heard.append((message, assertive))
        real_announce(widget, message, assertive)

    monkeypatch.setattr(widgets, "announce", listening)
    report.folder.mkdir(parents=True, exist_ok=True)
    report.path.setText(str(report.folder / "mine.pdf"))
    (report.folder / f"privacy-pocket-guide-{report.today.isoformat()}.pdf").mkdir()  # a folder in the way
    report.guide_button.click()
    qtbot.waitUntil(lambda: report.guide_button.isEnabled() and "is a folder" in report.guide_status.text())
    assert (report.guide_status.text(), True) in heard, heard
