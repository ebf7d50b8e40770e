"""The two-phase start: the dashboard is drawn from the snapshot and the record's clear columns before the
catalogue and the record are loaded, then its actions are enabled; a stale or damaged snapshot is never
used, and the first phase imports neither pydantic, keyring, cryptography nor Playwright."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from gui_helpers import wait_idle
from test_app_start import prepare_finished_first_run, run_app_process

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.clock import utc_now
from privacy_audit.core.paths import app_dirs
from privacy_audit.core.snapshot import SNAPSHOT_NAME, read_snapshot, snapshot_key, write_snapshot

HEAVY = ("pydantic", "keyring", "cryptography", "playwright", "ruamel")


def a_check(catalogue, platform: str, finished: dt.datetime) -> CheckResult:
    items = tuple(item.id for item in catalogue.get(platform).items)
    return CheckResult(
        platform=platform,
        checklist_version="1:2026-01-01",
        item_ids=items,
        started=finished - dt.timedelta(minutes=5),
        finished=finished,
        answers=tuple(ItemAnswer(i, Answer.OK) for i in items),
    )


def prepare_record(home: Path, catalogue) -> None:
    """A person (keyring-protected) using Facebook and Instagram, who checked Facebook an hour ago."""
    from privacy_audit.store import open_record

    record = open_record(app_dirs(home))
    record.set_platforms_in_use(["general", "facebook", "instagram"])
    record.set_setting("first_run_done", True)
    record.save_check(a_check(catalogue, "facebook", utc_now() - dt.timedelta(hours=1)))
    record.close()


def write_current_snapshot(home: Path, catalogue, **record_facts) -> Path:
    from privacy_audit.core.snapshot import from_catalogue

    facts = {"first_run_done": True, "protection_mode": "keyring", **record_facts}
    path = app_dirs(home).state / SNAPSHOT_NAME
    assert write_snapshot(path, from_catalogue(catalogue, snapshot_key()).with_record(**facts))
    return path


def test_the_dashboard_shows_from_the_snapshot_before_the_record_opens_then_enables_its_actions(
    qtbot, private_home, catalogue
):
    from privacy_audit.store.first_overview import first_overview
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.services import AppServices

    prepare_record(private_home, catalogue)
    write_current_snapshot(private_home, catalogue)
    dirs = app_dirs(private_home)
    quick = first_overview(dirs)
    assert quick is not None, "a current snapshot and a readable record give the fast start"
    snapshot, overview = quick
    assert overview.in_use == ["general", "facebook", "instagram"]
    assert {p: s.state for p, s in overview.statuses.items()} == {
        "general": "never",
        "facebook": "ok",
        "instagram": "never",
    }

    services = AppServices(dirs, snapshot=snapshot)
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        window.show_first(overview)
        window.show()
        assert window.current() == "dashboard"
        assert not services.record_is_open and not services.catalogue_is_loaded
        assert window.windowTitle().endswith(catalogue.school.config.school_name)
        buttons = window.dashboard.check_buttons
        assert list(buttons) == ["general", "facebook", "instagram"]
        assert buttons["facebook"].text() == "Check again" and buttons["instagram"].text() == "Check now"
        waiting = [*buttons.values(), *window.dashboard.nav_buttons, window.dashboard.change_button]
        assert all(not b.isEnabled() and b.accessibleDescription() == "Loading…" for b in waiting)
        assert window.dashboard.loading_label.isVisible()
        assert window.dashboard.summary_label.text() == "1 of 3 checked this term"

        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.start()
        assert services.record_is_open and services.catalogue_is_loaded
        assert window.current() == "dashboard"
        buttons = window.dashboard.check_buttons
        assert all(
            b.isEnabled() and b.accessibleDescription() not in ("", "Loading…") for b in buttons.values()
        )
        assert all(b.isEnabled() for b in window.dashboard.nav_buttons)
        assert not window.dashboard.loading_label.isVisible()
        assert {p: s.state for p, s in window.overview.statuses.items()} == {
            "general": "never",
            "facebook": "ok",
            "instagram": "never",
        }
    finally:
        window.close()
        services.shutdown()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # offscreen cannot raise windows
def test_a_tray_request_made_while_loading_waits_for_the_record(qtbot, private_home, catalogue):
    from privacy_audit.store.first_overview import first_overview
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.services import AppServices

    prepare_record(private_home, catalogue)
    write_current_snapshot(private_home, catalogue)
    snapshot, overview = first_overview(app_dirs(private_home))
    services = AppServices(app_dirs(private_home), snapshot=snapshot)
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        window.show_first(overview)
        window.show()
        window.check_first_due()  # "Check now" from the tray, before the record is open
        assert window.current() == "dashboard"
        window.start()
        qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
        assert window.check.checklist.platform == "general"
    finally:
        window.close()
        services.shutdown()


def test_a_snapshot_of_other_checklist_files_is_not_used(private_home, catalogue, tmp_path, monkeypatch):
    from privacy_audit.core import paths
    from privacy_audit.store.first_overview import first_overview

    folder = tmp_path / "checklists"
    shutil.copytree(paths.checklists_dir(), folder)
    monkeypatch.setattr(paths, "checklists_dir", lambda: folder)
    prepare_record(private_home, catalogue)
    path = write_current_snapshot(private_home, catalogue)
    assert first_overview(app_dirs(private_home)) is not None

    general = folder / "general.yaml"
    general.write_text(general.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert read_snapshot(path, snapshot_key()) is None, "an edited checklist makes the snapshot stale"
    assert first_overview(app_dirs(private_home)) is None


def test_a_changed_school_config_makes_the_snapshot_stale(private_home, catalogue, tmp_path, monkeypatch):
    from privacy_audit.store.first_overview import first_overview

    school = tmp_path / "school.yaml"
    school.write_text("school_name: Oak Lane Primary\n", encoding="utf-8")
    monkeypatch.setenv("PRIVACY_AUDIT_SCHOOL_CONFIG", str(school))
    prepare_record(private_home, catalogue)
    write_current_snapshot(private_home, catalogue)
    assert first_overview(app_dirs(private_home)) is not None
    school.write_text("school_name: Oak Lane Primary School\n", encoding="utf-8")
    assert first_overview(app_dirs(private_home)) is None
    monkeypatch.delenv("PRIVACY_AUDIT_SCHOOL_CONFIG")
    assert first_overview(app_dirs(private_home)) is None, "no school config now: another key"


@pytest.mark.parametrize(
    "facts",
    [{"first_run_done": False}, {"protection_mode": "passphrase"}],
    ids=["first-run-not-finished", "passphrase-protected"],
)
def test_the_long_way_is_taken_when_the_record_needs_the_person_first(private_home, catalogue, facts):
    from privacy_audit.store.first_overview import first_overview

    prepare_record(private_home, catalogue)
    write_current_snapshot(private_home, catalogue, **facts)
    assert first_overview(app_dirs(private_home)) is None


def test_without_a_record_the_snapshot_is_not_used(private_home, catalogue):
    from privacy_audit.store.first_overview import first_overview

    write_current_snapshot(private_home, catalogue)
    assert first_overview(app_dirs(private_home)) is None


def test_the_snapshot_is_keyed_on_the_school_config_in_force(tmp_path, monkeypatch):
    from privacy_audit.core.snapshot import snapshot_key

    named = tmp_path / "named.yaml"
    from_env = tmp_path / "env.yaml"
    named.write_text("school_name: Named\n")
    from_env.write_text("school_name: From the environment\n")
    without = snapshot_key()
    monkeypatch.setenv("PRIVACY_AUDIT_SCHOOL_CONFIG", str(from_env))
    assert snapshot_key()["school"][0] == str(from_env.resolve())
    assert snapshot_key(named)["school"][0] == str(named.resolve())  # --school-config wins over the variable
    assert without["school"] is None


def test_the_app_starts_past_a_damaged_snapshot_and_writes_a_good_one(private_home, tmp_path):
    prepare_finished_first_run(private_home)
    snapshot = app_dirs(private_home).state / SNAPSHOT_NAME
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_text('{"key": {"format": 1}, "snapshot": [1, 2', encoding="utf-8")
    code = "import sys; from privacy_audit.cli import main; sys.exit(main(sys.argv[1:]))"
    done = run_app_process(private_home, tmp_path, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["dashboard-shown"]
    assert "Traceback" not in done.stderr
    rewritten = read_snapshot(snapshot, snapshot_key())
    assert rewritten is not None and rewritten.first_run_done and rewritten.protection_mode == "unencrypted"
    assert (
        json.loads(snapshot.read_text(encoding="utf-8"))["snapshot"]["platform_names"]["facebook"]
        == "Facebook"
    )


def test_phase_one_imports_neither_pydantic_keyring_cryptography_nor_playwright(private_home, tmp_path):
    prepare_finished_first_run(private_home)
    code = "import sys; from privacy_audit.cli import main; sys.exit(main(sys.argv[1:]))"
    first = run_app_process(private_home, tmp_path, code, PRIVACY_AUDIT_REPORT_MODULES="1")
    assert first.returncode == 0, first.stderr
    long_way = first.stdout.splitlines()
    assert long_way[0] == "dashboard-shown"
    assert "pydantic" in long_way[1].removeprefix("modules: ").split(","), "the first start loads everything"

    again = run_app_process(private_home, tmp_path, code, PRIVACY_AUDIT_REPORT_MODULES="1")
    assert again.returncode == 0, again.stderr
    shown, modules = again.stdout.splitlines()
    assert shown == "dashboard-shown"
    loaded = set(modules.removeprefix("modules: ").split(","))
    assert "PySide6" in loaded and "privacy_audit" in loaded
    assert not loaded & set(HEAVY), f"loaded before the dashboard was shown: {sorted(loaded & set(HEAVY))}"


def test_once_fully_loaded_the_app_says_ready(private_home, tmp_path):
    prepare_finished_first_run(private_home)
    code = "import sys; from privacy_audit.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {"PRIVACY_AUDIT_EXIT_WHEN_SHOWN": "0", "PRIVACY_AUDIT_EXIT_WHEN_READY": "1"}
    for _ in range(2):  # the long way, then from the snapshot
        done = run_app_process(private_home, tmp_path, code, **env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == ["ready"]


def test_forgetting_everything_removes_the_snapshot(qtbot, window, private_home, catalogue):
    path = write_current_snapshot(private_home, catalogue)
    wait_idle(qtbot, window.services)
    window.services.forget_everything()
    wait_idle(qtbot, window.services)
    assert not path.exists()
