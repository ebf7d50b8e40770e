"""`privacy-audit` with no command: the window comes up on the dashboard for someone who has finished the
first run, and on the welcome for someone new, without importing Playwright, and quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
from keyring.backends import fail

from privacy_audit.core.paths import app_dirs


def prepare_finished_first_run(home: Path) -> None:
    """A record someone already set up: unencrypted (chosen earlier), using Facebook, first run done."""
    from privacy_audit.store import open_record

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        record = open_record(app_dirs(home), accept_unencrypted=True)
        record.set_platforms_in_use(["general", "facebook"])
        record.set_setting("first_run_done", True)
        record.close()
    finally:
        keyring.set_keyring(previous)


def run_app_process(
    home: Path, tmp_path: Path, code: str, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PRIVACY_AUDIT_EXIT_WHEN_SHOWN="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        XDG_CONFIG_HOME=str(tmp_path / "xdg"),
    )
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-c", code, "--home", str(home)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_app_shows_the_dashboard_without_loading_playwright(private_home, tmp_path):
    prepare_finished_first_run(private_home)
    code = (
        "import sys; from privacy_audit.cli import main; rc = main(sys.argv[1:]); "
        "print('playwright loaded' if any(m.startswith('playwright') for m in sys.modules) else 'no playwright'); "
        "sys.exit(rc)"
    )
    done = run_app_process(private_home, tmp_path, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["dashboard-shown", "no playwright"]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "xdg").exists(), "starting the app does not touch login items"


def prepare_protection_chosen(home: Path) -> None:
    """Someone who chose how to protect the record (unencrypted, no keyring here) but never finished the first run."""
    from privacy_audit.store import open_record

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        open_record(app_dirs(home), accept_unencrypted=True).close()
    finally:
        keyring.set_keyring(previous)


APP = "import sys; from privacy_audit.cli import main; sys.exit(main(sys.argv[1:]))"


def test_before_the_first_run_is_finished_the_welcome_shows_and_the_app_quits_when_asked(
    private_home, tmp_path
):
    prepare_protection_chosen(private_home)
    done = run_app_process(private_home, tmp_path, APP)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["welcome-shown"]
    assert "Traceback" not in done.stderr


def test_with_no_keyring_a_new_person_is_asked_how_to_protect_the_record_first(private_home, tmp_path):
    done = run_app_process(private_home, tmp_path, APP)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["protection-shown"]
    assert "Traceback" not in done.stderr


def test_a_full_start_writes_the_log_without_the_schools_or_persons_words(private_home, tmp_path):
    prepare_finished_first_run(private_home)
    school = tmp_path / "school.yaml"
    school.write_text("school_name: Hermitage Primary\nplatforms: [general, facebook]\n", encoding="utf-8")
    done = run_app_process(
        private_home,
        tmp_path,
        APP,
        PRIVACY_AUDIT_EXIT_WHEN_SHOWN="0",
        PRIVACY_AUDIT_EXIT_WHEN_READY="1",
        PRIVACY_AUDIT_SCHOOL_CONFIG=str(school),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["ready"]
    log = (private_home / "log" / "privacy-audit.log").read_text(encoding="utf-8")
    assert "Privacy Audit" in log and "started" in log
    assert "Hermitage" not in log and "facebook" not in log.lower()


COLLECTOR_SPY = """
import gc, sys
import privacy_audit.app as app
from privacy_audit.ui.main_window import MainWindow
seen = {}
show_first, phase_two = MainWindow.show_first, app._phase_two
def spy_show_first(self, overview):
    seen["building the first screen"] = gc.isenabled()
    return show_first(self, overview)
def spy_phase_two(*args):
    seen["after the first paint"] = gc.isenabled()
    return phase_two(*args)
MainWindow.show_first, app._phase_two = spy_show_first, spy_phase_two
from privacy_audit.cli import main
rc = main(sys.argv[1:])
print(sorted(seen.items()))
sys.exit(rc)
"""


def test_the_garbage_collector_is_off_while_the_first_screen_is_built_and_on_again_after_it_is_painted(
    private_home, tmp_path
):
    prepare_finished_first_run(private_home)
    ready = {"PRIVACY_AUDIT_EXIT_WHEN_SHOWN": "0", "PRIVACY_AUDIT_EXIT_WHEN_READY": "1"}
    # The first start goes the long way ("Opening your record…" first) and writes the dashboard snapshot.
    first = run_app_process(private_home, tmp_path, COLLECTOR_SPY, **ready)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == ["ready", "[('after the first paint', True)]"]
    # The next one draws the dashboard from the snapshot before the first paint.
    done = run_app_process(private_home, tmp_path, COLLECTOR_SPY, **ready)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "ready",
        "[('after the first paint', True), ('building the first screen', False)]",
    ]


def test_the_window_shows_the_launcher_icon_not_a_second_drawing(qtbot):
    """The window and taskbar icon is the file the installers put in the launcher (resources/icons), so
    the app a teacher opens looks like the icon they clicked; it used to be a green square drawn in code."""
    from PySide6.QtGui import QImage

    from privacy_audit.core.paths import resource_path
    from privacy_audit.ui.icons import app_icon

    launcher = QImage(str(resource_path("icons", "privacy-audit.png")))
    assert not launcher.isNull()
    shown = app_icon().pixmap(launcher.size()).toImage()
    assert shown.size() == launcher.size()
    # Equal but for rounding: the pixmap stores premultiplied alpha, so the colour of a nearly transparent
    # edge pixel is imprecise; it is compared where the icon is mostly opaque.
    worst = 0
    for x in range(0, launcher.width(), 2):
        for y in range(0, launcher.height(), 2):
            a, b = shown.pixelColor(x, y), launcher.pixelColor(x, y)
            worst = max(worst, abs(a.alpha() - b.alpha()))
            if b.alpha() >= 128:
                worst = max(
                    worst, abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())
                )
    assert worst <= 2
