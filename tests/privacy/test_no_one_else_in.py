"""No one else gets in: every file the app leaves on the laptop is its owner's alone, the answers and notes
cannot be read from the raw files without the key, and `forget` leaves no trace of the record, its key or
the guided browser's profile, the reminder state, the dashboard snapshot or the checklist cache.

The footprint is made the real way: a record with checks, a draft and the signed statement; a copy taken
by an upgrade and a damaged file set aside; a JSON export; the reminder's state; the dashboard snapshot and
the catalogue cache the app writes at start; and a browser profile written by real Chromium visiting a page
on 127.0.0.1. The login entry is removed by the caller of `forget_everything` (desktop.autostart).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import stat
import time
from pathlib import Path

import pytest
from helpers.figures import count

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record, schema
from privacy_audit.store.exchange import export_json

PLANTED = "PLANTED-Zebedee-asked-to-follow-me"  # a note no one but its owner may read
PLANTED_NAME = "PLANTED-Ann-Teacher-Signature"
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def wrong_permissions(home: Path) -> list[str]:
    """Files and folders others could read or enter: a folder must be 0700 unless it is inside one that is,
    and a file must be 0600 (or inside a 0700 folder, as the browser's own files are)."""
    wrong = []
    for folder, subfolders, files in os.walk(home):
        here = Path(folder)
        if here == home:
            continue
        if stat.S_IMODE(here.stat().st_mode) & 0o077 and not _inside_private_folder(here.parent, home):
            wrong.append(f"{here} {oct(stat.S_IMODE(here.stat().st_mode))}")
        for name in files:
            path = here / name
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077 and not path.is_symlink() and not _inside_private_folder(here, home):
                wrong.append(f"{path} {oct(mode)}")
    return wrong


def _inside_private_folder(folder: Path, home: Path) -> bool:
    """True when some folder between `folder` and `home` shuts others out. The app's own top folders
    (data, config, state) do not count: what is directly in them must be owner-only itself."""
    top = {home / "data", home / "config", home / "state"}
    while folder != home and home in folder.parents:
        if folder not in top and stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0:
            return True
        folder = folder.parent
    return False


def every_file(home: Path) -> list[Path]:
    return [Path(folder) / name for folder, _, files in os.walk(home) for name in files]


def make_footprint(home: Path, chromium_path: str, tmp_path: Path) -> None:
    from privacy_audit.commands import remind  # noqa: F401  (its state file is part of the footprint)
    from privacy_audit.desktop.reminders import ReminderState

    dirs = app_dirs(home)
    # A record written by the previous schema version, so that opening it takes a pre-upgrade copy.
    dirs.ensure()
    conn = schema.connect(dirs.record_file, create=True)
    latest = schema.LATEST
    try:
        schema.LATEST = latest - 1
        schema.migrate(conn, None)
    finally:
        schema.LATEST = latest
    conn.close()
    with open_record(dirs) as record:
        items = ("private-account", "tagging")
        record.save_check(
            CheckResult(
                "facebook",
                "1:2026-11-27",
                items,
                NOW,
                NOW,
                (ItemAnswer(items[0], Answer.OK), ItemAnswer(items[1], Answer.ATTENTION, PLANTED)),
                note=PLANTED,
            )
        )
        record.save_draft(
            Draft("x", "1:2026-11-27", NOW, {"a": ItemAnswer("a", Answer.ATTENTION, PLANTED)}, 1, PLANTED)
        )
        record.set_acceptance(PLANTED_NAME, NOW.date())
        record.set_platforms_in_use(["facebook", "x"])
        export_json(record, tmp_path / "my-export.json")  # the person's own file, outside the app's folders
    assert (dirs.data / "backups").is_dir(), "the upgrade kept a copy"
    # A damaged file set aside (never deleted).
    dirs.set_aside.mkdir(mode=0o700, exist_ok=True)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database")
    from privacy_audit.store.record import set_aside

    set_aside(damaged, dirs.set_aside, "damaged")
    ReminderState(dirs.state).mark_shown(NOW.date())
    ReminderState(dirs.state).snooze(NOW + dt.timedelta(days=3))
    from privacy_audit.core.catalogue import load_catalogue_with_cache
    from privacy_audit.core.snapshot import SNAPSHOT_NAME, from_catalogue, snapshot_key, write_snapshot

    catalogue = load_catalogue_with_cache(dirs)  # writes the checklist cache, as every start of the app does
    snapshot = from_catalogue(catalogue, snapshot_key()).with_record(
        first_run_done=True, protection_mode="keyring"
    )
    assert write_snapshot(dirs.state / SNAPSHOT_NAME, snapshot)
    _browse_with_kept_sign_ins(dirs.browser_profile, chromium_path)


def _browse_with_kept_sign_ins(profile: Path, chromium_path: str) -> None:
    import importlib.util
    import sys

    from privacy_audit.browser import GuidanceTarget, GuidedBrowser

    spec = importlib.util.spec_from_file_location(
        "browser_helpers", Path(__file__).resolve().parent.parent / "browser" / "browser_helpers.py"
    )
    helpers = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("browser_helpers", helpers)
    spec.loader.exec_module(helpers)
    site, events = helpers.Site(), helpers.Events()
    url = site.add(
        "/settings",
        "<html><body>Settings</body></html>",
        headers={"Set-Cookie": f"session={PLANTED}; Max-Age=3600"},
    )
    browser = GuidedBrowser(
        choice="path",
        executable_path=chromium_path,
        headless=True,
        allow_localhost=True,
        extra_args=helpers.CHROMIUM_ARGS,
        label_grace=1.0,
        on_event=events,
        profile_dir=profile,
    )
    try:
        browser.open(
            GuidanceTarget(
                url=url,
                allowed_domains=("facebook.com",),
                platform_name="Facebook",
                item_id="i",
                title="t",
                safe_value="s",
                labels=(),
            )
        )
        events.wait_for("page_shown", timeout=30)
        browser.close_window()
        events.wait_for("window_closed", timeout=30)
    finally:
        browser.shutdown()
        site.close()
    deadline = time.monotonic() + 10  # Chromium writes its cookie store as it exits
    while time.monotonic() < deadline and not any(p.name == "Cookies" for p in every_file(profile)):
        time.sleep(0.2)


@pytest.mark.browser
def test_everything_the_app_leaves_is_owner_only_unreadable_without_the_key_and_forget_removes_it(
    private_home, memory_keyring, chromium_path, tmp_path
):
    make_footprint(private_home, chromium_path, tmp_path)
    dirs = app_dirs(private_home)

    wrong = wrong_permissions(private_home)
    assert wrong == [], f"readable by others: {wrong}"
    count("files_checked_for_permissions", len(every_file(private_home)))
    count("files_with_wrong_permissions", len(wrong))

    # Without the key nothing private is in the record's bytes - nor in its upgrade copy or journal.
    [key] = memory_keyring.store.values()
    for path in [dirs.record_file, *(dirs.data / "backups").iterdir()]:
        raw = path.read_bytes()
        assert PLANTED.encode() not in raw and PLANTED_NAME.encode() not in raw, (
            f"{path} holds a note in clear"
        )
        assert key.encode() not in raw, f"{path} holds the key"
    export = tmp_path / "my-export.json"
    assert PLANTED in export.read_text(encoding="utf-8"), "the export is readable, by design"
    assert stat.S_IMODE(export.stat().st_mode) == 0o600, "and only by its owner"
    # (Chromium encrypts cookie values, so the kept sign-in is looked for by its store, not its text.)
    assert any(p.name == "Cookies" for p in every_file(dirs.browser_profile)), (
        "the kept sign-in is in the profile"
    )

    from privacy_audit.commands import forget

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert forget.run(argparse.Namespace(yes=True, home=str(private_home))) == 0
    said = out.getvalue()
    assert "Deleted your record" in said and "key" in said and "profile" in said

    assert memory_keyring.store == {}, "the record's key is still in the keyring"
    for path in (dirs.record_file, dirs.browser_profile, dirs.set_aside, dirs.data / "backups"):
        assert not path.exists(), f"{path} is still there"
    left = every_file(private_home)
    for path in left:
        raw = path.read_bytes()
        assert PLANTED.encode() not in raw and PLANTED_NAME.encode() not in raw and key.encode() not in raw, (
            path
        )
    assert left == [], f"forget left files behind: {left}"
    assert sorted(p.name for p in private_home.iterdir()) == [], "nor empty folders of its own"
    assert export.exists(), "files the person exported are theirs: forget leaves them"


def test_forget_knows_the_name_of_every_state_file_the_app_writes():
    from privacy_audit.core.cache import CACHE_NAME
    from privacy_audit.core.snapshot import SNAPSHOT_NAME
    from privacy_audit.desktop.reminders import STATE_FILE_NAME
    from privacy_audit.store.forget import STATE_FILES

    assert sorted(STATE_FILES) == sorted([STATE_FILE_NAME, SNAPSHOT_NAME, CACHE_NAME])
