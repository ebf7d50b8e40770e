"""One window per record: a second launch brings the running one forward and exits 0, over a local socket
only. The log file for IT support holds what failed and where, never the messages that may quote answers."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys

import pytest

from privacy_audit.core.log import LOGGER_NAME, log_failure, start_log, stop_log
from privacy_audit.core.paths import app_dirs
from privacy_audit.desktop.single_instance import ask_running_app_to_show, instance_name

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Unix domain sockets")


@pytest.fixture
def server(qapp, private_home):
    from privacy_audit.ui.instance_server import InstanceServer

    running = InstanceServer(instance_name(app_dirs(private_home)))
    assert running.listen()
    yield running
    running.close()


@linux_only
def test_a_second_launch_brings_the_running_window_forward_and_exits_0(server, private_home, qtbot):
    with qtbot.waitSignal(server.show_requested, timeout=30_000):
        done = subprocess.Popen(
            [sys.executable, "-m", "privacy_audit", "--home", str(private_home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    out, err = done.communicate(timeout=60)
    assert done.returncode == 0, err
    assert "already open" in out


@linux_only
def test_the_socket_is_the_persons_own_and_not_on_the_network(server, private_home):
    path = instance_name(app_dirs(private_home))
    mode = os.stat(path)
    assert stat.S_ISSOCK(mode.st_mode)
    assert mode.st_mode & 0o077 == 0, "no one else may connect"
    assert mode.st_uid == os.getuid()


def test_another_record_or_no_running_app_means_this_launch_starts(server, tmp_path):
    assert not ask_running_app_to_show(instance_name(app_dirs(tmp_path / "other-home")))


@linux_only
def test_a_socket_left_by_a_crashed_app_is_not_taken_for_a_running_one(private_home):
    path = instance_name(app_dirs(private_home))
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(path)
    leftover.close()  # the file stays, nobody listens
    try:
        assert not ask_running_app_to_show(path)
    finally:
        os.unlink(path)


@linux_only
@pytest.mark.skipif(os.getuid() != 0, reason="needs root to plant a socket owned by someone else")
def test_a_socket_planted_by_another_user_is_never_talked_to(private_home):
    path = instance_name(app_dirs(private_home))
    planted = socket.socket(socket.AF_UNIX)
    planted.bind(path)
    planted.listen(1)
    os.chown(path, 12345, 12345)
    try:
        assert not ask_running_app_to_show(path)
    finally:
        planted.close()
        os.unlink(path)


def test_the_log_says_what_failed_and_where_but_not_the_message(tmp_path):
    log_file = tmp_path / "log" / "privacy-audit.log"
    try:
        start_log(log_file).info("started")
        try:
            raise ValueError("note: my daughter's school is St Mary's")
        except ValueError as exc:
            log_failure("saving a check", exc)
    finally:
        stop_log()
    text = log_file.read_text(encoding="utf-8")
    assert "saving a check: builtins.ValueError at test_single_instance_and_log.py:" in text
    assert "daughter" not in text and "St Mary" not in text
    assert log_file.stat().st_mode & 0o077 == 0
    assert not [h for h in __import__("logging").getLogger(LOGGER_NAME).handlers]


def test_diagnose_says_where_the_log_is(private_home):
    done = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--home", str(private_home), "diagnose"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["log_file"] == str(private_home / "log" / "privacy-audit.log")
