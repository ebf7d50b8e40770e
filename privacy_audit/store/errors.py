"""The record's errors: each message says, in plain words, what happened and what the person can do.

Standard library only, so the small readers (`reminder_inputs`) can share them without loading the rest.
"""

from __future__ import annotations


class RecordError(Exception):
    """The record cannot be used as asked; `str(error)` is a message to show the person as it is."""


class NeedsProtectionChoice(RecordError):
    """A new record needs protection but this computer has no secure keyring: ask for a passphrase, or for
    the person's agreement to keep it unencrypted, and call `open_record` again."""


class NeedsPassphrase(RecordError):
    """The record is protected by a passphrase and none was given."""


class WrongPassphrase(RecordError):
    """The passphrase given does not unlock the record (nothing was changed; ask again)."""


class KeyringUnavailable(RecordError):
    """The keyring that holds the record's key is locked or cannot be reached right now (nothing was changed)."""


class RecordLocked(RecordError):
    """Another Privacy Audit window or command is using the record."""


class RecordNotWritable(RecordError):
    """The record's folder or file cannot be written (permissions, read-only disk, disk full)."""
