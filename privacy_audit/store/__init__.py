"""The local record: SQLite, schema migrations, encryption, keyring wrapper, JSON export and import.

The names below are loaded on first use (PEP 562), so that `privacy_audit.store.reminder_inputs` - which
`privacy-audit remind` imports on every login - does not pull in cryptography or keyring with this package.
`_EXPORTS` is the one list of them (name -> module); `__all__` is made from it.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not `from typing import ...`: `remind` imports this package and typing is slow

if TYPE_CHECKING:  # for type checkers only: the names as `_EXPORTS` below loads them
    from privacy_audit.store.errors import (
        KeyringUnavailable as KeyringUnavailable,
    )
    from privacy_audit.store.errors import (
        NeedsPassphrase as NeedsPassphrase,
    )
    from privacy_audit.store.errors import (
        NeedsProtectionChoice as NeedsProtectionChoice,
    )
    from privacy_audit.store.errors import (
        NotPrivate as NotPrivate,
    )
    from privacy_audit.store.errors import (
        ProtectionMismatch as ProtectionMismatch,
    )
    from privacy_audit.store.errors import (
        RecordBusy as RecordBusy,
    )
    from privacy_audit.store.errors import (
        RecordError as RecordError,
    )
    from privacy_audit.store.errors import (
        RecordLocked as RecordLocked,
    )
    from privacy_audit.store.errors import (
        RecordNotWritable as RecordNotWritable,
    )
    from privacy_audit.store.errors import (
        SetAsideNotice as SetAsideNotice,
    )
    from privacy_audit.store.errors import (
        WrongPassphrase as WrongPassphrase,
    )
    from privacy_audit.store.forget import forget_everything as forget_everything
    from privacy_audit.store.opening import ProtectionInfo as ProtectionInfo
    from privacy_audit.store.opening import open_record as open_record
    from privacy_audit.store.ownership import check_private as check_private
    from privacy_audit.store.pending import pending_set_aside as pending_set_aside
    from privacy_audit.store.record import Record as Record

_EXPORTS = {
    **dict.fromkeys(
        (
            "RecordError",
            "NeedsProtectionChoice",
            "NeedsPassphrase",
            "WrongPassphrase",
            "KeyringUnavailable",
            "RecordBusy",
            "RecordLocked",
            "RecordNotWritable",
            "NotPrivate",
            "ProtectionMismatch",
            "SetAsideNotice",
        ),
        "errors",
    ),
    "Record": "record",
    "ProtectionInfo": "opening",
    "open_record": "opening",
    "forget_everything": "forget",
    "check_private": "ownership",
    "pending_set_aside": "pending",
}

__all__ = sorted(_EXPORTS)  # noqa: PLE0605 - made from the one list above, not kept in step by hand


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'privacy_audit.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"privacy_audit.store.{module}"), name)
    globals()[name] = value
    return value
