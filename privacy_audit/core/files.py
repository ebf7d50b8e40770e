"""Writing the app's files safely: the whole file or none of it, owner-only unless a caller says otherwise.

Every file the app writes (exports, the calendar, caches, the reminder state, login entries) goes through
`write_atomically`, so a crash, a kill or a full disk leaves either the old file or the new one, never half
of one. Standard library only: `privacy-audit remind` uses it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o600) -> None:
    """Write `data` to `path` through a temporary file in the same folder, synced, then renamed into place.

    The file ends with permissions `mode` (owner-only by default). The folder must exist.
    """
    path = Path(path).expanduser()
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # made 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode != 0o600:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
