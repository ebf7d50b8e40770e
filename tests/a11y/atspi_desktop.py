"""A private desktop for the accessibility tests: Xvfb, a session bus, the AT-SPI bus (at-spi-bus-launcher), the
real app (`python -m privacy_audit --home DIR`, in this venv, with Qt's AT-SPI bridge always on) and a reader
of its accessibility tree (`atspi_reader.py`, under Debian's /usr/bin/python3 with python3-pyatspi).

Every process is started here and stopped here by its own id.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = next(
    (
        p
        for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
        if Path(p).exists()
    ),
    None,
)
READER = Path(__file__).with_name("atspi_reader.py")
REPO = Path(__file__).resolve().parents[2]
SETTLE = 1.0  # seconds between reads of the tree while waiting for a screen


def missing() -> list[str]:
    """What this machine lacks for the test (Debian packages), empty when all is there."""
    lacking = []
    for tool, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus"), ("xdotool", "xdotool")):
        if shutil.which(tool) is None:
            lacking.append(package)
    if BUS_LAUNCHER is None:
        lacking.append("at-spi2-core")
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        lacking.append("python3-pyatspi")
    return lacking


class A11yDesktop:
    def __init__(self, home: Path, size: str = "1280x900", app: list[str] | None = None) -> None:
        """`app`: the program to read (its argv); the real app with `--home home` when not given."""
        self.argv = app or [sys.executable, "-m", "privacy_audit", "--home", str(home)]
        self.processes: list[subprocess.Popen] = []
        self._log = None
        self.home = home
        try:
            self._start(size)
        except BaseException:
            self.stop()
            raise

    def _start(self, size: str) -> None:
        read_fd, write_fd = os.pipe()
        self._spawn(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            self.display = ":" + pipe.readline().strip()
        bus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.bus_address = bus.stdout.readline().strip()
        keep = {
            k: v
            for k, v in os.environ.items()
            if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NO_AT_BRIDGE")
        }
        self.env = dict(
            keep,
            DISPLAY=self.display,
            DBUS_SESSION_BUS_ADDRESS=self.bus_address,
            QT_QPA_PLATFORM="xcb",
            # This checkout's privacy_audit, also for the small scripts run by path.
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), keep.get("PYTHONPATH", "")])),
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            PYTHONFAULTHANDLER="1",
            GTK_MODULES="",
        )
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], env=self.env, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        self.reader = self._spawn(
            [SYSTEM_PYTHON, str(READER)],
            env={k: v for k, v in self.env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        hello = self.reader.stdout.readline()
        assert hello.strip(), "the AT-SPI reader did not start: " + self.reader.stderr.read()
        self.app_log = self.home / "app-output.txt"
        self._log = self.app_log.open("w")
        self.app = self._spawn(
            self.argv,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def _spawn(self, argv, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(argv, **kwargs)
        self.processes.append(process)
        return process

    # -- the reader ------------------------------------------------------------------------------------

    def ask(self, **command) -> dict:
        self.reader.stdin.write(json.dumps(command) + "\n")
        self.reader.stdin.flush()
        line = self.reader.stdout.readline()
        if not line:
            raise AssertionError("the AT-SPI reader stopped: " + self.reader.stderr.read())
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(reply["error"])
        return reply

    def tree(self) -> dict | None:
        return self.ask(cmd="tree")["tree"]

    def events(self) -> list[dict]:
        return self.ask(cmd="events")["events"]

    def focused(self) -> dict | None:
        return self.ask(cmd="focused")["node"]

    def act(self, name: str, role: str = "") -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.ask(cmd="act", name=name, role=role)["done"]:
                return
            time.sleep(0.3)
        raise AssertionError(f"no showing {role or 'node'} named {name!r}: " + outline(self.tree()))

    def wait_for(self, predicate, what: str, timeout: float = 30) -> dict:
        """The tree, once `predicate(tree)` is true."""
        deadline = time.monotonic() + timeout
        tree = None
        # Not read while a screen is being rebuilt: Qt 6.11's AT-SPI bridge can crash the app when a request
        # arrives for widgets that are being deleted (SIGSEGV in QAccessibleCache::idForObject; see the report).
        time.sleep(SETTLE)
        while time.monotonic() < deadline:
            if self.app.poll() is not None:
                raise AssertionError(f"the app stopped ({self.app.returncode}): " + self.app_log.read_text())
            tree = self.tree()
            if tree is not None and predicate(tree):
                return tree
            time.sleep(SETTLE)
        raise AssertionError(f"timed out waiting for {what}: " + outline(tree))

    # -- the keyboard and the screen -------------------------------------------------------------------

    def focus_window(self) -> None:
        """Give the app's window the keyboard (there is no window manager to do it)."""
        subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                "Privacy Audit",
                "windowfocus",
                "--sync",
            ],
            env=self.env,
            check=True,
            timeout=30,
            capture_output=True,
        )

    def key(self, *keys: str) -> None:
        subprocess.run(["xdotool", "key", "--delay", "80", *keys], env=self.env, check=True, timeout=30)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "40", text], env=self.env, check=True, timeout=60)

    def screenshot(self, path: Path) -> None:
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)], check=True, timeout=30
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        if self._log is not None:
            self._log.close()


# -- reading a tree --------------------------------------------------------------------------------------


def walk(node: dict | None, hidden_above: bool = False):
    """(node, hidden) for every node; hidden: the node or one of its ancestors is not showing."""
    if node is None:
        return
    hidden = hidden_above or "showing" not in node["states"]
    yield node, hidden
    for child in node["children"]:
        yield from walk(child, hidden)


def showing(tree: dict | None) -> list[dict]:
    return [node for node, hidden in walk(tree) if not hidden]


def has(tree: dict | None, name: str, role: str = "") -> bool:
    return any(n["name"] == name and (not role or n["role"] == role) for n in showing(tree))


def outline(tree: dict | None, limit: int = 120) -> str:
    lines = [
        f"[{n['role']}] {n['name']!r}{' (hidden)' if hidden else ''}"
        for n, hidden in walk(tree)
        if n["name"] or n["role"] not in ("filler", "panel")
    ]
    return "\n".join(lines[:limit])
