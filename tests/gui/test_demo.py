"""Demo mode in the desktop app: `privacy-audit --demo` runs a whole story without touching the person's own
record, keyring or browser profile; the banner, presenter mode, the sample dashboard and Reset demo."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import pytest
from gui_helpers import wait_idle
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.core.paths import app_dirs
from privacy_audit.demo.pages import BIRTHDAY
from privacy_audit.demo.qt import PRESENTER_SCALE, DemoController
from privacy_audit.demo.session import DemoSession
from privacy_audit.ui.journey import state_words


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make_real_record(home: Path) -> None:
    """A person's own record, protected by the (in-memory) keyring, and a kept browser profile."""
    from privacy_audit.store import open_record

    dirs = app_dirs(home)
    record = open_record(dirs)
    assert record.protection.mode == "keyring"
    record.set_platforms_in_use(["facebook"])
    record.set_setting("first_run_done", True)
    now = utc_now()
    record.save_check(
        CheckResult("general", "1:2026-11-27", ("a",), now, now, (ItemAnswer("a", Answer.OK, "my note"),))
    )
    record.close()
    dirs.browser_profile.mkdir(parents=True)
    (dirs.browser_profile / "Local State").write_text('{"signed_in": true}')


class Story:
    """Drives the running app step by step from a timer, as a trainer would, then quits it."""

    def __init__(self, steps, timeout: float = 40.0) -> None:
        self.steps = list(steps)
        self.deadline = time.monotonic() + timeout
        self.error: BaseException | str | None = None
        self.seen: dict[str, object] = {}
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        from privacy_audit.ui.main_window import MainWindow

        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        try:
            if time.monotonic() > self.deadline:
                raise AssertionError(
                    f"the demo got stuck before step {len(self.seen)}: {self.steps[0][0].__name__}"
                )
            if window is None or not self.steps:
                return
            ready, act = self.steps[0]
            if ready(window, self):
                self.steps.pop(0)
                act(window, self)
                if not self.steps:
                    self.finish(window)
        except BaseException as exc:  # noqa: BLE001 (reported by the test after the app has quit)
            self.error = exc
            self.finish(window)

    def finish(self, window) -> None:
        # Only quit: closing the window as well would post a second quit that ends the next test's loop.
        self.timer.stop()
        QApplication.instance().quit()


def test_a_whole_demo_run_leaves_the_real_record_keyring_and_profile_untouched(
    qapp, private_home, memory_keyring, tmp_path, monkeypatch
):
    from privacy_audit.app import run_app

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))  # where start-at-login entries would go
    make_real_record(private_home)
    files_before = files_of(private_home)
    keyring_before = dict(memory_keyring.store)
    font_before, style_before = qapp.font(), qapp.styleSheet()
    pdf = tmp_path / "demo-report.pdf"

    def dashboard(window, story) -> bool:
        return window.current() == "dashboard" and bool(window.dashboard.check_buttons)

    def look_at_dashboard(window, story) -> None:
        story.seen["home"] = window.services.dirs.data.parent
        story.seen["font"] = qapp.font().pointSizeF()
        controller = window.findChild(DemoController)
        story.seen["banner"] = controller.bar.label.text() if controller else None
        story.seen["chips"] = sorted(state_words(s)[1] for s in window.dashboard.overview.statuses.values())
        window.start_check("facebook")

    def checking(window, story) -> bool:
        return window.current() == "check" and window.check.is_running()

    def answer_everything(window, story) -> None:
        while window.check.current_item() is not None:
            window.check.answer(Answer.OK)
        window.check.finish()

    def saved(window, story) -> bool:
        return dashboard(window, story) and window.overview.statuses["facebook"].state == "ok"

    def export(window, story) -> None:
        window.go("report")
        window.services.export_report(pdf, "Sam Taylor", dt.date.today())

    def exported(window, story) -> bool:
        return pdf.exists() and window.services.worker.pending == 0

    def reset(window, story) -> None:
        window.findChild(DemoController).bar.reset_button.click()

    def back_to_start(window, story) -> bool:
        return dashboard(window, story) and window.overview.statuses["facebook"].state == "due"

    def done(window, story) -> None:
        story.seen["after_reset"] = sorted(state_words(s)[1] for s in window.overview.statuses.values())

    story = Story(
        [
            (dashboard, look_at_dashboard),
            (checking, answer_everything),
            (saved, export),
            (exported, reset),
            (back_to_start, done),
        ]
    )
    story.timer.start()
    # The app's window is deleted when run_app returns; as "the last window closed" that would post another
    # quit, which would end the next test's event loop at once.
    qapp.setQuitOnLastWindowClosed(False)
    try:
        code = run_app(argparse.Namespace(home=None, school_config=None, demo=True, command=None))
    finally:
        story.timer.stop()
        qapp.setStyleSheet(style_before)
        qapp.processEvents()
        qapp.setQuitOnLastWindowClosed(True)
    if story.error is not None:
        raise story.error if isinstance(story.error, BaseException) else AssertionError(story.error)
    assert code == 0

    assert story.seen["banner"] == "Demo — nothing is saved"
    assert story.seen["font"] == pytest.approx(font_before.pointSizeF() * PRESENTER_SCALE)
    assert story.seen["chips"] == ["chip_due", "chip_due", "chip_never", "chip_ok"]
    assert story.seen["after_reset"] == story.seen["chips"]
    assert pdf.read_bytes().startswith(b"%PDF")

    # The person's own files, byte for byte, and the keyring's contents are exactly as they were.
    assert files_of(private_home) == files_before
    assert memory_keyring.store == keyring_before
    assert story.seen["home"] != private_home and not Path(story.seen["home"]).exists()
    assert not (tmp_path / "xdg" / "autostart").exists()
    assert qapp.font() == font_before


# -- the demo window, driven directly -------------------------------------------------------------------


@pytest.fixture
def demo(qtbot, catalogue, tmp_path):
    """A demo window with its record open on the sample history, as `privacy-audit --demo` starts."""
    from privacy_audit.demo.practice_bridge import practice_wrapper
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.services import AppServices
    from privacy_audit.ui.widgets import install_style

    app = QApplication.instance()
    style_before = app.styleSheet()
    install_style(app)
    session = DemoSession(catalogue, parent_dir=tmp_path).start()
    services = AppServices(
        session.dirs, catalogue, demo=True, os_integration=True, wrap_bridge=practice_wrapper(session)
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    controller = DemoController(window, session)
    window.show()
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        controller.start()
    yield controller
    controller.close()
    window.close()
    services.shutdown()
    session.close()
    app.setStyleSheet(style_before)


def chips(window) -> list[str]:
    return sorted(state_words(s)[1] for s in window.overview.statuses.values())


def test_the_demo_dashboard_shows_a_realistic_mix_under_a_nothing_is_saved_banner(demo):
    window = demo.window
    assert demo.bar.isVisible()
    assert demo.bar.label.text() == "Demo — nothing is saved"
    assert window.current() == "dashboard"
    assert chips(window) == ["chip_due", "chip_due", "chip_never", "chip_ok"]
    assert demo.services.protection.mode == "unencrypted"
    assert not demo.services.os_integration  # start at login is never switched on from a demo


def test_presenter_mode_is_on_at_start_and_switches_to_normal_size_and_back(demo, qapp):
    window = demo.window
    heading = window.dashboard.findChildren(type(window.dashboard.summary_label))[0]
    big_app, big_heading = qapp.font().pointSizeF(), heading.font().pointSizeF()
    assert demo.bar.presenter_button.isChecked()
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert qapp.palette().color(QPalette.ColorRole.PlaceholderText).name() == "#262626"

    assert window.windowState() & Qt.WindowState.WindowMaximized, "presenter mode fills the screen"
    demo.bar.presenter_button.click()
    assert not demo.presenter.on
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert qapp.font().pointSizeF() == pytest.approx(big_app / PRESENTER_SCALE)
    assert heading.font().pointSizeF() == pytest.approx(big_heading / PRESENTER_SCALE)

    demo.bar.presenter_button.click()
    assert qapp.font().pointSizeF() == pytest.approx(big_app)
    assert heading.font().pointSizeF() == pytest.approx(big_heading)


def test_reset_demo_returns_to_the_starting_state_in_one_click(demo, qtbot):
    window, services = demo.window, demo.services
    window.start_check("x")
    qtbot.waitUntil(window.check.is_running, timeout=10_000)
    while window.check.current_item() is not None:
        window.check.answer(Answer.OK)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.check.finish()
    qtbot.waitUntil(lambda: window.overview.statuses["x"].state == "ok", timeout=10_000)
    window.start_check("facebook")
    qtbot.waitUntil(window.check.is_running, timeout=10_000)
    window.check.answer(Answer.ATTENTION)  # a half-done check is kept as a draft…
    wait_idle(qtbot, services)

    with qtbot.waitSignal(demo.reset_done, timeout=10_000):
        demo.bar.reset_button.click()
    assert window.current() == "dashboard"
    assert chips(window) == ["chip_due", "chip_due", "chip_never", "chip_ok"]
    assert window.overview.statuses["x"].state == "never"
    assert not any(s.has_draft for s in window.overview.statuses.values())  # …and gone after the reset
    assert demo.bar.reset_button.isEnabled()


def test_the_public_view_in_demo_looks_at_the_practice_profile_for_the_planted_birthday(demo):
    window, services = demo.window, demo.services
    demo.bar.public_button.click()
    assert window.current() == "public"
    assert BIRTHDAY in window.public.words.text()
    assert window.public.platform.count() >= 2  # the platforms in use that have a public profile
    url = services.public_profile_url("facebook", {"username": "sam.taylor.demo"})
    assert url == demo.session.server.profile_url("facebook")
    window.show_dashboard()
    assert window.public.words.text() == ""  # the typed words are for one look only


def test_the_guided_browser_in_demo_is_pointed_at_the_practice_pages(demo):
    from privacy_audit.demo.practice_bridge import PracticeBridge

    bridge = demo.services.browser()
    assert isinstance(bridge, PracticeBridge)
    assert bridge.inner._options["allow_localhost"] is True
    assert not bridge.started  # nothing is launched until a page is opened


def test_the_demo_shows_a_sample_school_instead_of_your_school(catalogue, tmp_path, monkeypatch):
    from privacy_audit.core.catalogue import load_school_config
    from privacy_audit.core.paths import SCHOOL_CONFIG_ENV
    from privacy_audit.demo.session import SAMPLE_SCHOOL_NAME

    monkeypatch.delenv(SCHOOL_CONFIG_ENV, raising=False)
    session = DemoSession(catalogue, parent_dir=tmp_path)
    try:
        chosen = session.school_config(None)
        assert chosen is not None and chosen.startswith(str(session.home)), "written in the throwaway folder"
        assert load_school_config(chosen).config.school_name == SAMPLE_SCHOOL_NAME
        own = tmp_path / "school.yaml"
        own.write_text('school_name: "Vanguard Academy"\n', encoding="utf-8")
        assert session.school_config(str(own)) == str(own), "a school's own file is used as it is"
    finally:
        session.close()


def test_a_trainer_prints_a_pocket_guide_of_every_platform_for_the_room(demo, catalogue, qtbot, tmp_path):
    """The report screen's pocket guide in the demo covers every platform, not only the sample's, written the
    app's own way (the worker reads whose guide it is, a child process draws it) while the demo window runs."""
    import subprocess

    window = demo.window
    in_use = set(window.overview.statuses)
    assert len(catalogue.checklists) > len(in_use), "the sample record uses only some of the platforms"
    assert window.services.guide_scope() == (None, None), "every platform, both phones"
    window.go("report")
    guide, pages = tmp_path / "room.pdf", []
    window.services.export_guide(guide, on_done=pages.append, on_error=pages.append)
    qtbot.waitUntil(lambda: bool(pages), timeout=60_000)
    assert isinstance(pages[0], int) and pages[0] >= len(catalogue.offered()), f"one page a platform: {pages}"
    read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(guide), "-"], capture_output=True, text=True)
    words = " ".join(read.stdout.split())
    missing = [c.name for c in catalogue.checklists.values() if c.name not in words]
    assert not missing, f"missing from the room's guide: {missing}"
