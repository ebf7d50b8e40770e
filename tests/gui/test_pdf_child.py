"""The app draws its PDFs in a child process (report/child.py), never with Qt on its worker thread, where
PySide once deadlocked against the GUI thread; and a child that fails gives the screen plain words.

Every test here goes through `AppServices` as the screens do, with a real record, real child processes and
the PDFs read back with pdftotext.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import pytest
from helpers.translation import translation
from PySide6.QtCore import QCoreApplication, QTimer

from privacy_audit.core.paths import app_dirs

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext reads the PDFs back")

WORDING = "I confirm that I have read the Vanguard Academy staff social media policy."


def pdf_text(path: Path) -> str:
    read = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(read.stdout.split())


def wait_for(qtbot, start) -> object:
    """Run `start(on_done, on_error)` and wait for its one answer (a result or a Failure)."""
    answers: list[object] = []
    start(answers.append, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    return answers[0]


@pytest.fixture
def with_statement(qtbot, private_home: Path):
    """Services whose school gave its Statement of Acceptance wording, with the record open."""
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.core.school import SchoolConfig, SchoolConfigSource
    from privacy_audit.ui.services import AppServices

    school = SchoolConfig(school_name="Vanguard Academy", statement_of_acceptance=WORDING)
    services = AppServices(app_dirs(private_home), load_catalogue(school=SchoolConfigSource(school, None)))
    with qtbot.waitSignal(services.record_opened, timeout=10_000):
        services.open_record()
    yield services
    services.shutdown()


class _NotInTheAppProcess:
    """Stands in for QTextDocument, QPdfWriter and QPainter in the app's own process: drawing here fails."""

    made: ClassVar[list[str]] = []

    def __init__(self, *args, **kwargs) -> None:
        _NotInTheAppProcess.made.append(type(self).__name__)
        raise AssertionError("a PDF was laid out in the app's own process")


def test_the_report_guide_and_statement_are_drawn_in_another_process_and_are_real_pdfs(
    qtbot, with_statement, monkeypatch, tmp_path
):
    from privacy_audit.report import guide, pdf

    for module in (pdf, guide):
        for name in ("QTextDocument", "QPdfWriter", "QPainter"):
            monkeypatch.setattr(module, name, type(name, (_NotInTheAppProcess,), {}))
    _NotInTheAppProcess.made.clear()
    services, today = with_statement, dt.date(2026, 12, 1)
    report = tmp_path / "report.pdf"
    written = wait_for(qtbot, lambda d, e: services.export_report(report, "Ann Teacher", today, d, e))
    assert written == [report, report.with_suffix(".html")], written
    pages = wait_for(qtbot, lambda d, e: services.export_guide(tmp_path / "guide.pdf", d, e))
    assert isinstance(pages, int) and pages >= 1, pages
    statement = wait_for(
        qtbot, lambda d, e: services.export_statement(tmp_path / "statement.pdf", "Ann Teacher", today, d, e)
    )
    assert statement == tmp_path / "statement.pdf", statement
    assert _NotInTheAppProcess.made == [], "nothing was laid out in the app's process"
    for path in (report, tmp_path / "guide.pdf", statement):
        assert path.read_bytes().startswith(b"%PDF-"), path
    text = pdf_text(report)
    assert "Privacy settings check" in text and "Ann Teacher" in text and "Vanguard Academy" in text
    assert "Page 1 of" in text
    assert "Pocket guide to the privacy settings" in pdf_text(tmp_path / "guide.pdf")
    assert WORDING in pdf_text(statement) and "1 December 2026" in pdf_text(statement)


def test_a_statement_without_the_schools_wording_says_what_to_do_instead(qtbot, opened, tmp_path):
    from privacy_audit.ui.worker import Failure

    failure = wait_for(
        qtbot,
        lambda d, e: opened.export_statement(tmp_path / "s.pdf", "Ann", dt.date(2026, 12, 1), d, e),
    )
    assert isinstance(failure, Failure) and isinstance(failure.error, ValueError)
    assert "Appendix 1 form" in str(failure.error), "the child's own words come back as they were"
    assert not (tmp_path / "s.pdf").exists()


def test_a_missing_folder_found_by_the_writer_comes_back_from_the_child_and_is_said(qtbot, opened, tmp_path):
    """The writer's own refusal comes back from the child as itself (asked of the services directly: the
    report screen checks the folder before it asks), and the screen's words name the folder."""
    from privacy_audit.ui.report_view import failure_words

    target = tmp_path / "no-such-folder" / "mine.pdf"
    answer = wait_for(
        qtbot, lambda done, failed: opened.export_report(target, "", dt.date(2026, 12, 1), done, failed)
    )
    error = getattr(answer, "error", None)
    assert isinstance(error, OSError), answer
    assert "Raised in the child process that draws PDFs" in "".join(getattr(error, "__notes__", []))
    words = failure_words(error, target)
    assert f"the folder {tmp_path / 'no-such-folder'} does not exist" in words, words
    assert "Traceback" not in words


def _child_that(monkeypatch, script: str) -> None:
    """Make the app start `script` (a real Python process) instead of its drawing child."""
    from privacy_audit.report import child

    monkeypatch.setattr(child, "child_command", lambda: [sys.executable, "-c", script])


def test_a_child_that_crashes_gives_the_screen_plain_words_and_the_log_its_last_words(
    qtbot, window, monkeypatch, tmp_path, caplog
):
    import logging

    from privacy_audit.report import child

    log = logging.getLogger("privacy_audit")  # the app's log (core.log), which may not reach the root logger
    log.addHandler(caplog.handler)
    real_child = child.child_command
    _child_that(monkeypatch, "import sys; sys.stderr.write('the drawing child broke here\\n'); sys.exit(3)")
    window.go("report")
    report = window.report
    report.path.setText(str(tmp_path / "mine.pdf"))
    try:
        report.export_button.click()
        qtbot.waitUntil(lambda: report.export_button.isEnabled(), timeout=60_000)
    finally:
        log.removeHandler(caplog.handler)
    words = report.status.text()
    assert words.startswith(
        "mine.pdf could not be made: the part of the app that draws PDFs did not finish"
    ), words
    assert "Traceback" not in words and "exit code" not in words
    assert not (tmp_path / "mine.pdf").exists()
    assert "exit code 3" in caplog.text and "the drawing child broke here" in caplog.text
    # The app goes on: the next report, with the real child again, is written.
    monkeypatch.setattr(child, "child_command", real_child)
    with qtbot.waitSignal(report.exported, timeout=60_000):
        report.export_button.click()
    assert (tmp_path / "mine.pdf").read_bytes().startswith(b"%PDF-")


def test_a_child_that_takes_too_long_is_stopped_while_the_screen_stays_responsive(
    qtbot, window, monkeypatch, tmp_path
):
    from privacy_audit.report import child

    pid_file = tmp_path / "child.pid"
    half_written = tmp_path / ".mine.pdf.x1y2z3.tmp"  # as the writers name their temporary files
    _child_that(
        monkeypatch,
        f"import os, time; open({str(half_written)!r}, 'w').write('%PDF-1.4 half'); "
        f"open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)",
    )
    monkeypatch.setattr(child, "TIME_LIMIT", 3.0)
    window.go("report")
    report = window.report
    report.path.setText(str(tmp_path / "mine.pdf"))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        started = time.monotonic()
        report.export_button.click()
        qtbot.waitUntil(lambda: report.export_button.isEnabled(), timeout=60_000)
    finally:
        timer.stop()
    assert time.monotonic() - started < 20
    assert report.status.text() == (
        "Making mine.pdf took too long, so the app stopped it. Try again; if it happens again, ask IT for help "
        "(the app's log says what happened)."
    )
    # The GUI thread went on while the worker waited 3 s for the child: the timer ticked all along.
    assert len(ticks) >= 10 and max(b - a for a, b in itertools.pairwise(ticks)) < 2.0, ticks
    assert not half_written.exists(), "what the stopped child left half-written is removed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["child.pid"]
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed (and waited for): no process of that id is left


def test_the_hidden_child_argument_is_not_a_command_and_not_in_the_help(tmp_path):
    from privacy_audit.report import CHILD_ARGUMENT

    helped = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--help"], capture_output=True, text=True, timeout=60
    )
    assert helped.returncode == 0 and CHILD_ARGUMENT not in helped.stdout + helped.stderr
    # Started without a job on stdin, it says so and does nothing.
    by_hand = subprocess.run(
        [sys.executable, "-m", "privacy_audit", CHILD_ARGUMENT],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert by_hand.returncode != 0 and "Traceback" not in by_hand.stderr


def test_with_a_translation_installed_the_child_draws_the_translated_words(qtbot, opened, tmp_path):
    from privacy_audit.report.child import app_translations

    dutch = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nl_NL">\n'
        "<context><name>Report</name>\n"
        "<message><source>Privacy settings check</source><translation>Controle van de privacy-instellingen"
        "</translation></message>\n"
        "<message><source>Page {n} of {total}</source><translation>Bladzijde {n} van {total}</translation>"
        "</message>\n</context>\n</TS>\n"
    )
    # As app.install_translations makes it: a translator that is a child of the application.
    with translation(dutch, tmp_path, parent=QCoreApplication.instance()) as built:
        assert app_translations() == [str(built)]
        report = tmp_path / "report.pdf"
        written = wait_for(
            qtbot, lambda d, e: opened.export_report(report, "Ann Teacher", dt.date(2026, 12, 1), d, e)
        )
    assert written == [report, report.with_suffix(".html")], written
    text = pdf_text(report)
    assert "Controle van de privacy-instellingen" in text and "Bladzijde 1 van" in text
    assert "Privacy settings check" not in text and "Page 1 of" not in text


def test_a_drawing_program_that_cannot_start_is_said_so_with_a_next_step(
    qtbot, opened, monkeypatch, tmp_path
):
    """Security software or an update can stop the drawing program from starting: "did not finish" would not
    be true, and trying again will not help."""
    from privacy_audit.report import child
    from privacy_audit.ui.report_view import failure_words

    monkeypatch.setattr(child, "child_command", lambda: [str(tmp_path / "no-such-program")])
    target = tmp_path / "mine.pdf"
    answer = wait_for(
        qtbot, lambda done, failed: opened.export_report(target, "", dt.date(2026, 12, 1), done, failed)
    )
    error = getattr(answer, "error", None)
    assert isinstance(error, child.DrawingFailed) and error.could_not_start, answer
    words = failure_words(error, target)
    assert "could not start" in words and "ask IT" in words and "did not finish" not in words


def test_an_error_that_cannot_be_unpacked_comes_back_plain_with_its_file_facts(
    qtbot, opened, monkeypatch, tmp_path
):
    """An exception class with its own __init__ packs but does not unpack; the child finds that out and
    sends a plain error, keeping an OSError's errno and file name, instead of "stopped before it finished"."""
    from privacy_audit.report import child

    script = (
        "import errno, pickle, sys; sys.path[:0] = " + repr(sys.path) + "\n"
        "from privacy_audit.report import child\n"
        "class Picky(OSError):\n"
        "    def __init__(self, path, why):\n"
        "        super().__init__(errno.EISDIR, 'Is a directory', path)\n"
        "child._answer = lambda job: ('raised', Picky(str(job['path']), 'x'), 'trace')\n"
        "sys.exit(child.child_main())\n"
    )
    _child_that(monkeypatch, script)
    target = tmp_path / "mine.pdf"
    answer = wait_for(
        qtbot, lambda done, failed: opened.export_report(target, "", dt.date(2026, 12, 1), done, failed)
    )
    error = getattr(answer, "error", None)
    assert isinstance(error, OSError) and error.errno == 21 and error.filename == str(target), answer
    assert not isinstance(error, child.DrawingFailed)


def test_quitting_the_app_stops_a_child_still_drawing(qtbot, private_home, monkeypatch, tmp_path):
    """Shutting down does not wait out the child's time limit: the child is killed, the worker ends."""
    from privacy_audit.core.catalogue import load_catalogue
    from privacy_audit.report import child
    from privacy_audit.ui.services import AppServices

    pid_file = tmp_path / "child.pid"
    _child_that(
        monkeypatch, f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    )
    services = AppServices(app_dirs(private_home), load_catalogue())
    with qtbot.waitSignal(services.record_opened, timeout=10_000):
        services.open_record()
    failures: list[object] = []  # the stopped child's failure: the screen that asked is gone by then
    services.export_guide(tmp_path / "guide.pdf", on_error=failures.append)
    qtbot.waitUntil(lambda: pid_file.exists() and pid_file.read_text() != "", timeout=20_000)
    started = time.monotonic()
    services.shutdown()
    assert time.monotonic() - started < 8, "shutdown waited for the stuck child"
    assert not services.worker._thread.isRunning()
    assert not child._running
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
