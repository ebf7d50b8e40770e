"""Nothing leaves the laptop: every command talks to no one, and no part of the package can.

Each command runs as its own process under tests/privacy/netguard.py, which records every connection and
name lookup the process attempts (audit hooks), so a command that phoned home - an update check, a crash
upload, a font or certificate fetch by a library - would show up here, even one the test did not think of.
"""

from __future__ import annotations

import ast
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.figures import count

from privacy_audit.core.paths import checklists_dir

HERE = Path(__file__).resolve().parent
NETGUARD = HERE / "netguard.py"
PACKAGE = HERE.parent.parent / "privacy_audit"
PASSPHRASE = "correct horse battery staple"

# Modules that open network connections. `socket` and `http.server` are allowed only in the demo's
# practice-page server (privacy_audit/demo/), which serves 127.0.0.1 to the guided browser.
NETWORK_MODULES = {
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "http.client",
    "urllib.request",
    "socket",
    "http.server",
    "socketserver",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc.client",
    "websocket",
    "websockets",
    "ssl",
    "asyncio.streams",
    "PySide6.QtNetwork",
    "PySide6.QtWebSockets",
    "sentry_sdk",
    "pycurl",
    "grpc",
}
LOCAL_SERVER_ALLOWED = {"socket", "http.server", "socketserver"}
ALLOWED_FOLDERS = ("demo",)
# "One instance" talks to the running app over a local socket only (AF_UNIX or a named pipe; QLocalServer).
LOCAL_IPC_ALLOWED = {"desktop/single_instance.py": "socket", "ui/instance_server.py": "PySide6.QtNetwork"}


def guarded(
    home: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    """Run `privacy-audit ARGS` under the network recorder; the finished process and what it attempted."""
    log = home / f"netguard-{len(list(home.glob('netguard-*')))}.json"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(
        {
            "PRIVACY_AUDIT_HOME": str(home / "app"),
            "PRIVACY_AUDIT_PASSPHRASE": PASSPHRASE,
            # A headless Linux keyring (none): the record is protected by the passphrase above instead.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(home / "xdg-config"),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={home / 'no-bus'}",
        }
    )
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, str(NETGUARD), str(log), "-m", "privacy_audit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    attempts = json.loads(log.read_text()) if log.exists() else None
    assert attempts is not None, f"the recorder wrote no log for {args}: {done.stderr}"
    return done, attempts


def test_the_recorder_sees_lookups_and_connections_so_a_silent_run_means_something(tmp_path):
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    script = tmp_path / "talk.py"
    script.write_text(
        "import socket\n"
        "try:\n    socket.getaddrinfo('update.example.invalid', 443)\nexcept OSError:\n    pass\n"
        f"socket.create_connection(('127.0.0.1', {port})).close()\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'x', ('127.0.0.1', 9)); s.close()\n"
    )
    log = tmp_path / "log.json"
    try:
        subprocess.run([sys.executable, str(NETGUARD), str(log), str(script)], check=True, timeout=60)
    finally:
        listener.close()
    seen = json.loads(log.read_text())
    assert {"event": "socket.getaddrinfo", "host": "update.example.invalid", "port": 443} in seen
    assert any(
        a["event"] == "socket.connect" and a["host"] == "127.0.0.1" and a["port"] == port for a in seen
    )
    assert any(a["event"] == "socket.sendto" and a["port"] == 9 for a in seen)


def test_a_terms_worth_of_commands_attempts_no_connection_and_no_lookup(tmp_path):
    general_items = len(
        [
            line
            for line in (checklists_dir() / "general.yaml").read_text(encoding="utf-8").splitlines()
            if line.startswith("  - id:")
        ]
    )
    assert general_items > 0
    answers = "\n".join(["y", "?", "n", "nonsense", "c"] + ["s"] * general_items) + "\n"
    export = tmp_path / "export.json"
    other_laptop = tmp_path / "other"
    other_laptop.mkdir()
    steps = [
        ("validate", ["validate", str(checklists_dir())], None, 0),
        ("status --json (before any record)", ["status", "--json"], None, 0),
        ("check general, answers piped", ["check", "general", "--note", "done at home"], answers, 0),
        ("check facebook, input ends early", ["check", "facebook"], "y\n", 1),
        ("check facebook", ["check", "facebook"], "y\n" * 100, 0),
        ("status --json", ["status", "--json"], None, 0),
        ("export json", ["export", "--format", "json", "-o", str(export)], None, 0),
        ("export ics", ["export", "--format", "ics", "-o", str(tmp_path / "terms.ics")], None, 0),
        ("export pdf", ["export", "--format", "pdf", "-o", str(tmp_path / "report.pdf")], None, 0),
        ("export guide", ["export", "--format", "guide", "--all", "-o", str(tmp_path / "g.pdf")], None, 0),
        ("remind, something due", ["remind", "--show-with", "window", "--wait", "0.2"], None, 0),
        ("remind, already shown today", ["remind"], None, 0),
        ("forget, answered no", ["forget"], "n\n", 1),
        ("forget --yes", ["forget", "--yes"], None, 0),
    ]
    talked: dict[str, list[dict]] = {}
    for name, args, stdin, expected_rc in steps:
        if name == "remind, something due":
            # Make Facebook due (last checked long before this term), so a reminder is really shown.
            with sqlite3.connect(tmp_path / "app" / "data" / "record.sqlite3") as conn:
                conn.execute(
                    "UPDATE checks SET finished = '2000-01-01T00:00:00.000000+00:00' WHERE platform = 'facebook'"
                )
            conn.close()
        done, attempts = guarded(tmp_path, *args, stdin=stdin)
        assert done.returncode == expected_rc, f"{name}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
        talked[name] = attempts
        if name == "remind, something due":
            assert "Facebook" in done.stdout, done.stdout
        if name == "export json":
            imported, attempts = guarded(other_laptop, "import", str(export))
            assert imported.returncode == 0 and "Imported 2 check(s)" in imported.stdout, imported.stderr
            talked["import"] = attempts
            rejected, attempts = guarded(other_laptop, "import", str(tmp_path / "terms.ics"))
            assert rejected.returncode == 1 and "Nothing was imported" in rejected.stderr
            talked["import (rejected)"] = attempts
    assert talked == {name: [] for name in talked}, "a command tried to reach the network"
    assert not (tmp_path / "app" / "data" / "record.sqlite3").exists(), "forget --yes deleted the record"
    count("connections_seen", sum(len(a) for a in talked.values()))
    count("commands_watched", len(talked))


# -- no network client in the package -------------------------------------------------------------------


def network_imports(root: Path) -> list[str]:
    """`file:line: module` for each import of a network module outside the allowed folders, including
    imports by name through importlib.import_module / __import__ with a literal string."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        allowed_here = relative.parts[0] in ALLOWED_FOLDERS if len(relative.parts) > 1 else False
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and (
                    (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                    or (isinstance(node.func, ast.Name) and node.func.id in ("__import__", "import_module"))
                )
            ):
                names = [node.args[0].value]
            for name in names:
                hit = next((m for m in NETWORK_MODULES if name == m or name.startswith(m + ".")), None)
                local_ipc = LOCAL_IPC_ALLOWED.get(relative.as_posix()) == hit
                if hit and not local_ipc and not (allowed_here and hit in LOCAL_SERVER_ALLOWED):
                    found.append(f"{relative}:{node.lineno}: {name}")
                    break  # one line per import statement
    return found


def test_no_module_in_the_package_imports_a_network_client():
    assert network_imports(PACKAGE) == []
    count("files_scanned_for_network_clients", len(list(PACKAGE.rglob("*.py"))))


@pytest.mark.parametrize(
    "line",
    [
        "import requests",
        "from urllib.request import urlopen",
        "from urllib import request",
        "import http.client",
        "import socket",
        "from PySide6.QtNetwork import QNetworkAccessManager",
        "import urllib3.poolmanager",
        "importlib.import_module('httpx')",
        "__import__('aiohttp')",
    ],
)
def test_the_scan_finds_each_kind_of_network_import(tmp_path, line):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "sneaky.py").write_text(f"import importlib\n{line}\n")
    assert len(network_imports(tmp_path)) == 1


def test_the_demo_server_may_listen_on_the_laptop_but_not_fetch_from_the_web(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "server.py").write_text(
        "import socket\nfrom http.server import ThreadingHTTPServer\n"
    )
    assert network_imports(tmp_path) == []
    (tmp_path / "demo" / "server.py").write_text("import urllib.request\n")
    assert network_imports(tmp_path) == ["demo/server.py:1: urllib.request"]
