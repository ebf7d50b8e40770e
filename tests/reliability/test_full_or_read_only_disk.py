"""A full disk or a disk that turns read-only never costs a saved check, and always gets a clear message.

The record lives on a small tmpfs (600 KB) mounted for the test, so the disk really fills up - SQLite,
the journal and the export all meet ENOSPC / EROFS from the kernel, not a simulation. Mounting needs root
(CI containers run as root); elsewhere the disk-full case falls back to a child process whose file-size
limit (RLIMIT_FSIZE) stops its writes the same way, and the read-only-disk case is skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import RecordError, RecordNotWritable, open_record
from privacy_audit.store.exchange import export_json

# A child that saves checks with 8 KB notes until the record refuses, then tries every other kind of
# write once more; it reports each check that save_check returned for, and each refusal's message.
CHILD = r"""
import datetime as dt, json, resource, signal, sys
from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import RecordError, open_record

home, limit = sys.argv[1], int(sys.argv[2])
record = open_record(app_dirs(home), accept_unencrypted=True)
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit fails with EFBIG instead of killing us
    size = record.path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + limit, size + limit))

def check(n):
    now = dt.datetime.now(dt.timezone.utc)
    return CheckResult("facebook", "1:2026-11-27", ("a", "b"), now, now,
                       (ItemAnswer("a", Answer.OK), ItemAnswer("b", Answer.ATTENTION, "x" * 8000)), note=f"check {n}")

n = 0
refused = []
while not refused:
    n += 1
    try:
        record.save_check(check(n))
    except RecordError as exc:
        refused.append(str(exc))
    else:
        print(json.dumps({"saved": f"check {n}"}), flush=True)
now = dt.datetime.now(dt.timezone.utc)
for attempt in (lambda: record.save_check(check(n + 1)),
                lambda: record.save_draft(Draft("instagram", "1:x", now, {}, 0, "y" * 20000)),
                lambda: record.set_setting("big", "z" * 60000),
                lambda: record.set_platforms_in_use(["facebook", "instagram"] + [f"p{i}" for i in range(3000)])):
    try:
        attempt()
    except RecordError as exc:
        refused.append(str(exc))
    else:
        refused.append("")
print(json.dumps({"refused": refused}), flush=True)
record.close()
"""


def can_mount() -> bool:
    return os.geteuid() == 0 and sys.platform.startswith("linux")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB tmpfs mounted for this test (root only)."""
    if not can_mount():
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount_point
    subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], capture_output=True, check=False)
    subprocess.run(["umount", str(mount_point)], check=True)


def remount(mount_point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount_point)], check=True)


def fill_until_refused(home: Path, limit: int = 0) -> tuple[list[str], list[str]]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(home), str(limit)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    saved = [line["saved"] for line in lines if "saved" in line]
    [refused] = [line["refused"] for line in lines if "refused" in line]
    return saved, refused


def notes_in(home: Path) -> list[str]:
    keyring.set_keyring(fail.Keyring())
    with open_record(app_dirs(home)) as record:
        assert record.notices == [], "a full disk must not damage the record"
        return sorted(c.note for c in record.checks())


def test_a_full_disk_refuses_new_saves_clearly_and_keeps_every_saved_check(small_disk):
    home = small_disk / "home"
    keyring.set_keyring(fail.Keyring())
    open_record(app_dirs(home), accept_unencrypted=True).close()

    saved, refused = fill_until_refused(home)

    assert len(saved) >= 10, "the disk should hold some checks before it fills"
    assert all(
        message.startswith("The disk is full") and "nothing was changed" in message for message in refused
    ), refused
    assert notes_in(home) == sorted(saved), "every check reported saved is still there, and only those"
    # Space freed: the same record takes new checks again, and nothing was lost on the way.
    remount(small_disk, "size=4m")
    keyring.set_keyring(fail.Keyring())
    with open_record(app_dirs(home)) as record:
        now = dt.datetime.now(dt.UTC)
        record.save_check(
            CheckResult("general", "1:x", ("a",), now, now, (ItemAnswer("a", Answer.OK),), note="after")
        )
    assert notes_in(home) == sorted([*saved, "after"])
    count_figure("disk_full_saves_survived", len(saved))


def test_an_export_to_a_full_disk_fails_cleanly_and_leaves_no_partial_file(small_disk, tmp_path):
    home = tmp_path / "home"
    keyring.set_keyring(fail.Keyring())
    with open_record(app_dirs(home), accept_unencrypted=True) as record:
        now = dt.datetime.now(dt.UTC)
        for n in range(40):
            record.save_check(
                CheckResult(
                    "facebook",
                    "1:x",
                    ("a",),
                    now,
                    now,
                    (ItemAnswer("a", Answer.ATTENTION, "n" * 20000),),
                    note=f"check {n}",
                )
            )
        (small_disk / "filler").write_bytes(b"\0" * 300_000)
        target = small_disk / "export.json"
        with pytest.raises(OSError) as raised:
            export_json(record, target)
    assert "No space left" in str(raised.value)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"], (
        "no half-written export or temporary file"
    )


def test_without_a_mount_a_file_size_limit_stands_in_for_a_full_disk(tmp_path):
    # Runs everywhere (no root needed): the child's writes past the limit fail with EFBIG.
    home = tmp_path / "home"
    keyring.set_keyring(fail.Keyring())
    open_record(app_dirs(home), accept_unencrypted=True).close()

    saved, refused = fill_until_refused(home, limit=200_000)

    assert len(saved) >= 5
    assert len(refused) == 5 and all("nothing was changed" in message for message in refused), refused
    assert notes_in(home) == sorted(saved)


def test_a_disk_that_turns_read_only_keeps_the_record_readable_and_says_why_saving_failed(small_disk):
    home = small_disk / "home"
    keyring.set_keyring(fail.Keyring())
    now = dt.datetime.now(dt.UTC)

    def check(note: str) -> CheckResult:
        return CheckResult("general", "1:x", ("a",), now, now, (ItemAnswer("a", Answer.OK),), note=note)

    with open_record(app_dirs(home), accept_unencrypted=True) as record:
        record.save_check(check("before"))
    # e.g. a USB stick or a network home mounted read-only. (Linux refuses to remount a disk read-only
    # while a file on it is open for writing, so the record is closed first.)
    remount(small_disk, "ro")
    with open_record(app_dirs(home)) as record:  # readable, and not mistaken for damage
        assert [c.note for c in record.checks()] == ["before"] and record.notices == []
        with pytest.raises(RecordNotWritable, match="cannot write to .*nothing was changed"):
            record.save_check(check("while read-only"))
        with pytest.raises(RecordNotWritable):
            record.save_draft(Draft("general", "1:x", now, {}, 0, "draft"))
        with pytest.raises(RecordNotWritable):
            record.snooze("general", now)
        assert [c.note for c in record.checks()] == ["before"]
    with pytest.raises(RecordError, match="cannot create its folder"):
        open_record(app_dirs(small_disk / "another-home"))

    remount(small_disk, "rw")
    with open_record(app_dirs(home)) as record:
        record.save_check(check("after"))
        assert sorted(c.note for c in record.checks()) == ["after", "before"]
    assert not app_dirs(home).set_aside.exists(), "nothing was set aside: the record was never damaged"


def count_figure(name: str, value: int) -> None:
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"name": name, "value": value}) + "\n")


assert resource.RLIMIT_FSIZE  # the fallback needs it (POSIX)
