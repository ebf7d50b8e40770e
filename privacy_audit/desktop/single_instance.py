"""One app window per person and record: a second launch asks the running app to come forward, then exits.

The running app listens on a local socket (`ui.instance_server`, Qt's QLocalServer: a Unix domain socket, or
a named pipe on Windows; never a network port). A new launch first tries to reach it here, with the
standard library only and before Qt is even loaded, so the second launch costs almost nothing: if the
running app answers, the new one says so and exits 0 (for example after a reminder's "Open" click).

The name is made from the user and the record's folder, so two people on one computer, or one person with
two `--home` folders, each get their own window. A socket owned by another user is never talked to.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zlib
from pathlib import Path

from privacy_audit import APP_ID
from privacy_audit.core.paths import AppDirs

SHOW = b"show\n"
CONNECT_TIMEOUT_S = 1.0


def instance_name(dirs: AppDirs) -> str:
    """The local server's name on Windows, or its socket's path elsewhere (short enough for AF_UNIX)."""
    user = os.environ.get("USERNAME", "") if sys.platform == "win32" else str(os.getuid())
    # Two checksums, not hashlib: loading OpenSSL before the first paint would cost 3.6 MiB for a name.
    key = f"{user}\0{Path(dirs.data).resolve()}".encode()
    digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    name = f"{APP_ID}-{digest}"
    if sys.platform == "win32":
        return name
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return str(Path(folder) / f"{name}.sock")


def ask_running_app_to_show(name: str) -> bool:
    """True when an app already runs for this record and was asked to bring its window forward."""
    if sys.platform == "win32":
        try:
            with open(rf"\\.\pipe\{name}", "wb", buffering=0) as pipe:
                pipe.write(SHOW)
        except OSError:
            return False
        return True
    try:
        if os.stat(name).st_uid != os.getuid():  # planted by someone else: not our app
            return False
    except OSError:  # no socket: no app running (the usual case, so `socket` is not even imported)
        return False
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(CONNECT_TIMEOUT_S)
        try:
            client.connect(name)
            client.sendall(SHOW)
        except OSError:  # a socket left behind by an app that crashed: nobody is listening
            return False
    return True
