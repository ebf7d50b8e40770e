"""The local record: SQLite, schema migrations, encryption, keyring wrapper, JSON export and import.

The names below are loaded on first use (PEP 562), so that `privacy_audit.store.reminder_inputs` - which
`privacy-audit remind` imports on every login - does not pull in cryptography or keyring with this package.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not `from typing import ...`: `remind` imports this package and typing is slow

if TYPE_CHECKING:
    from privacy_audit.store.errors import (
        KeyringUnavailable,
        NeedsPassphrase,
        NeedsProtectionChoice,
        RecordError,
        RecordLocked,
        RecordNotWritable,
        WrongPassphrase,
    )
    from privacy_audit.store.record import ProtectionInfo, Record, forget_everything, open_record

_EXPORTS = {
    "RecordError": "errors",
    "NeedsProtectionChoice": "errors",
    "NeedsPassphrase": "errors",
    "WrongPassphrase": "errors",
    "KeyringUnavailable": "errors",
    "RecordLocked": "errors",
    "RecordNotWritable": "errors",
    "ProtectionInfo": "record",
    "Record": "record",
    "open_record": "record",
    "forget_everything": "record",
}

__all__ = [
    "KeyringUnavailable",
    "NeedsPassphrase",
    "NeedsProtectionChoice",
    "ProtectionInfo",
    "Record",
    "RecordError",
    "RecordLocked",
    "RecordNotWritable",
    "WrongPassphrase",
    "forget_everything",
    "open_record",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'privacy_audit.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"privacy_audit.store.{module}"), name)
    globals()[name] = value
    return value
