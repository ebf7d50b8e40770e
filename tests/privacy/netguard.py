"""Record every network connection and DNS lookup a Python process attempts, using audit hooks.

Audit hooks (PEP 578) see every `socket.connect`, `socket.sendto` and name lookup made by Python code or by
the C libraries Python calls through the socket module, so a test can prove that a command talked to no one.
Local IPC (Unix sockets: D-Bus, X11) is not network traffic and is not recorded.

Use in a child process:  python tests/privacy/netguard.py LOGFILE -m privacy_audit ARGS...
Use in this process:     with NetGuard() as guard: ...; assert guard.attempts == []

Audit hooks only see sockets made through Python. `inet_sockets()` covers the rest on Linux: it lists the
TCP/UDP sockets this process holds open, whoever made them (Qt's own networking, a C library), by matching
/proc/self/fd against /proc/net; `NetGuard(watch_fds=True)` samples it on a thread while the guard is active.
"""

from __future__ import annotations

import json
import os
import runpy
import socket
import sys
import threading
from pathlib import Path
from typing import Self

_LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
_CONNECTS = {"socket.connect", "socket.sendto", "socket.sendmsg"}
_active: list[NetGuard] = []
_installed = False
_lock = threading.Lock()


def _describe(event: str, args: tuple) -> dict | None:
    if event in _CONNECTS:
        sock, address = args[0], args[1] if len(args) > 1 else None
        family = getattr(sock, "family", None)
        if family not in (socket.AF_INET, socket.AF_INET6):
            return None  # Unix sockets are local IPC
        host = address[0] if isinstance(address, tuple) and address else str(address)
        return {
            "event": event,
            "host": str(host),
            "port": address[1] if isinstance(address, tuple) and len(address) > 1 else None,
        }
    if event in _LOOKUPS:
        return {
            "event": event,
            "host": str(args[0]) if args else "",
            "port": args[1] if len(args) > 1 else None,
        }
    return None


def _hook(event: str, args: tuple) -> None:
    if not _active or not event.startswith("socket."):
        return
    found = _describe(event, args)
    if found is None:
        return
    with _lock:
        for guard in _active:
            guard.attempts.append(found)


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _inet_inodes() -> dict[str, str]:
    """Socket inode -> "proto local remote" for every IPv4/IPv6 TCP and UDP socket the system knows."""
    found: dict[str, str] = {}
    for proto in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/net/{proto}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9:
                found[fields[9]] = f"{proto} {fields[1]} {fields[2]}"
    return found


def inet_sockets() -> list[str]:
    """The TCP/UDP sockets this process has open right now (empty where /proc is not available)."""
    inodes = None
    held = []
    try:
        entries = os.listdir("/proc/self/fd")
    except OSError:
        return []
    for entry in entries:
        try:
            target = os.readlink(f"/proc/self/fd/{entry}")
        except OSError:
            continue
        if target.startswith("socket:["):
            if inodes is None:
                inodes = _inet_inodes()
            inode = target[len("socket:[") : -1]
            if inode in inodes:
                held.append(inodes[inode])
    return held


class NetGuard:
    """Collects the network attempts made while it is active."""

    def __init__(self, *, watch_fds: bool = False, interval: float = 0.02) -> None:
        self.attempts: list[dict] = []
        self.open_sockets: set[str] = set()  # seen by the fd watch, made through Python or not
        self._watch_fds = watch_fds
        self._interval = interval
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def __enter__(self) -> Self:
        global _installed
        if not _installed:
            sys.addaudithook(_hook)  # hooks cannot be removed; inactive guards make it a no-op
            _installed = True
        _active.append(self)
        if self._watch_fds:
            self._watcher = threading.Thread(target=self._watch, name="netguard-fds", daemon=True)
            self._watcher.start()
        return self

    def _watch(self) -> None:
        while True:
            self.open_sockets.update(inet_sockets())
            if self._stop.wait(self._interval):
                break

    def __exit__(self, *exc: object) -> None:
        _active.remove(self)
        if self._watcher is not None:
            self._stop.set()
            self._watcher.join(timeout=5)
            self.open_sockets.update(inet_sockets())

    def beyond_loopback(self) -> list[dict]:
        return [a for a in self.attempts if not is_loopback(a["host"])]


def main() -> None:
    log_file = sys.argv[1]
    rest = sys.argv[2:]
    guard = NetGuard().__enter__()
    try:
        if rest[:1] == ["-m"]:
            sys.argv = [rest[1], *rest[2:]]
            runpy.run_module(rest[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = rest
            runpy.run_path(rest[0], run_name="__main__")
    finally:
        with open(log_file, "w", encoding="utf-8") as out:
            json.dump(guard.attempts, out)


if __name__ == "__main__":
    main()
