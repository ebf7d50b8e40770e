"""Reading and writing the app's files safely.

Reading: a data file (a school config, a checklist, an import) is read only when it is a regular file, and
at most a stated number of bytes of it, so a FIFO, a device such as /dev/zero, a socket or a stalled share
gives a clear refusal instead of a hang or an exhausted memory (`read_regular_file`).

Writing: every file the app writes (exports, the calendar, caches, the reminder state, login entries) goes
through `write_atomically`, so a crash, a kill or a full disk leaves either the old file or the new one,
never half of one. A file the person names (`export -o`) is checked first by `output_problem`: only a new
or existing regular file is written, never a device, FIFO, socket, folder or a symbolic link.
Standard library only: `privacy-audit remind` uses it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

TYPE_CHECKING = False  # `typing` is not imported: `remind` reads the catalogue cache through this module
if TYPE_CHECKING:
    from typing import Literal

    TrustProblem = Literal["not_mine", "others_may_write"]


class FileRefused(Exception):
    """A file that was not read; `reason` is a plain sentence fragment, e.g. "is not a regular file ..."."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes; FileRefused otherwise.

    The file is opened without blocking (a FIFO with no writer would otherwise wait for ever), checked
    with fstat on the open handle (so what is checked is what is read), and at most `limit + 1` bytes are
    read, whatever its size claims."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except IsADirectoryError:
        raise FileRefused(path, "is a folder, not a file") from None
    except OSError as exc:
        try:  # a socket cannot be opened at all (ENXIO): say what it is rather than the errno
            mode = os.stat(path).st_mode
        except (OSError, ValueError):
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise FileRefused(path, f"is {_kind(mode)}, not a regular file, so it was not read") from None
        raise FileRefused(path, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL byte in the name
        raise FileRefused(path, "cannot be read (the name holds a NUL character)") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, f"is {_kind(info.st_mode)}, not a regular file, so it was not read")
        if info.st_size > limit:
            raise FileRefused(path, f"is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(path, f"is more than {limit:,} bytes, the limit")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(handle)


_OTHERS_MAY_WRITE = stat.S_IWGRP | stat.S_IWOTH


def trust_problem(info: os.stat_result) -> TrustProblem | None:
    """Why a file or folder with this stat cannot be trusted as the person's own, or None: `not_mine` when
    another user account owns it, else `others_may_write` when its group or everyone else may write to it.
    Either way someone else could have put it there or changed it. The one rule behind `is_private_file`
    and the record's `store.ownership.check_private`. On systems without POSIX owners there is no problem."""
    if os.name != "posix":
        return None
    if info.st_uid != os.geteuid():
        return "not_mine"
    if stat.S_IMODE(info.st_mode) & _OTHERS_MAY_WRITE:
        return "others_may_write"
    return None


def is_private_file(path: str | os.PathLike[str]) -> bool:
    """True when `path` is a regular file (not a link) of this user account that no one else may write.

    The rule for a file the app wrote and reads back (the record, a cache): a file owned by another user
    account, or one others may write to, could have been changed by someone else (`trust_problem`). On
    systems without POSIX owners every existing regular file passes."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and trust_problem(info) is None


def special_file_kind(path: str | os.PathLike[str]) -> str | None:
    """What `path` is when it is there but not a regular file ("a pipe (FIFO)", "a device", "a folder",
    "a link to nothing"), found by stat alone, so nothing is opened; None for a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "a link to nothing" if os.path.islink(path) else None
    except (OSError, ValueError) as exc:
        return f"a file that cannot be looked at ({getattr(exc, 'strerror', None) or exc})"
    return None if stat.S_ISREG(info.st_mode) else _kind(info.st_mode)


def record_file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why the record at `path` cannot be a record file (a folder, a FIFO, a device...), in a sentence; None
    when it is a regular file or does not exist yet. The one check before `status`, `check` and `export`
    open it, so each says the same true thing instead of "cannot be read" or a hang on a FIFO."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(info.st_mode):
        return None
    return (
        f"{path} is {_kind(info.st_mode)}, not a record file. Privacy Audit has not changed it: move it "
        "somewhere else (or ask IT to), then try again."
    )


def output_problem(path: str | os.PathLike[str], example: str = "my-record.json") -> str | None:
    """Why `path` must not be written by an export (a sentence), or None when it is a new or regular file.

    An existing device, FIFO, socket or folder is refused (an atomic write would replace it: as root,
    `-o /dev/null` once turned /dev/null into a file), and so is a symbolic link, which is never followed
    into a file somebody else chose. `example` is the file name suggested instead, of the kind being
    written (a report is not suggested a `.json` name)."""
    text = os.fspath(path)
    if not text.strip():
        return f"No file name was given after -o. Give one, for example: -o {example}"
    path = Path(text).expanduser()
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return f"{path}: cannot be used ({exc.strerror or exc})."
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            return f"{path}: is a symbolic link; Privacy Audit does not write through links. Choose another name."
        if stat.S_ISDIR(info.st_mode):
            return f"{path}: is a folder. Give a file name inside it, for example {path / example}"
        if not stat.S_ISREG(info.st_mode):
            return f"{path}: is {_kind(info.st_mode)}, not an ordinary file; choose an ordinary file name."
    parent = path.absolute().parent
    try:
        parent_is_dir = parent.is_dir()
    except OSError:
        parent_is_dir = False
    if not parent_is_dir:
        return f"{path}: the folder {parent} does not exist; choose a file in an existing folder."
    return None


def temporary_file_beside(path: Path) -> tuple[int, str]:
    """A new, owner-only temporary file in `path`'s folder to write `path` through, as (handle, name): hidden
    and named after it (`.NAME.XXXX.tmp`), so `leftover_temporary_files` finds it if the writer dies."""
    folder = path.parent if str(path.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)


def leftover_temporary_files(path: Path) -> list[Path]:
    """The temporary files a writer of `path` stopped halfway left beside it (`temporary_file_beside`)."""
    import glob

    return list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))


def write_atomically(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o600) -> None:
    """Write `data` to `path` through a temporary file in the same folder, synced, then renamed into place.

    The file ends with permissions `mode` (owner-only by default). The folder must exist.
    """
    path = Path(path).expanduser()
    handle, temp = temporary_file_beside(path)
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
