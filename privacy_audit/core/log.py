"""The app's log file, for IT support: what the app did and what went wrong, never what the person answered.

A small rotating file (at most 4 x 256 KB) in the user log folder (`AppDirs.log_file`), owner-only like every
file of the app; `privacy-audit diagnose` prints where it is. What goes in: start-up, the versions, which
phase finished, and failures by their kind and where in the code they happened. What never goes in: answers,
notes, names (the person's, the school's, a platform user name), passphrases or web addresses; so failures
are logged by exception class and code location, without their messages, which may quote such values.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

LOGGER_NAME = "privacy_audit"
MAX_BYTES = 256 * 1024
BACKUPS = 3


class _OwnerOnlyFileHandler(logging.handlers.RotatingFileHandler):
    """Creates each log file (also after a rotation) readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def start_log(log_file: Path) -> logging.Logger:
    """Log to `log_file` from now on (once per process); a folder that cannot be written means no log."""
    logger = logging.getLogger(LOGGER_NAME)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return logger
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _OwnerOnlyFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return logger
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def stop_log() -> None:
    """Close the log file (at exit, and between tests)."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def failure_line(kind: type[BaseException], tb: TracebackType | None) -> str:
    """A failure as its class and the code locations it passed through, without its message."""
    frames = traceback.extract_tb(tb)
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))
    return f"{kind.__module__}.{kind.__qualname__} at {where or 'an unknown place'}"


def log_failure(context: str, error: BaseException) -> None:
    """Record that `context` failed with `error` (class and code locations only)."""
    logging.getLogger(LOGGER_NAME).error("%s: %s", context, failure_line(type(error), error.__traceback__))
