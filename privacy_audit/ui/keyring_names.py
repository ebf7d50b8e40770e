"""The names people know their keyring by, for the keyring backends' own names (e.g. "Windows WinVaultKeyring").

The record reports which keyring holds its key by the backend's name (`ProtectionInfo.backend`), which is
a class name; the screens say "Windows Credential Manager" instead, as the operating system does.
"""

from __future__ import annotations

from typing import Any

# Backend names as the keyring package gives them (its `name` property: module, then class), by prefix.
_KNOWN = (
    ("SecretService", "GNOME Keyring / Secret Service"),
    ("libsecret", "GNOME Keyring / Secret Service"),
    ("kwallet", "KWallet"),
    ("Windows", "Windows Credential Manager"),
    ("macOS", "macOS Keychain"),
)


def keyring_display_name(backend: str) -> str:
    """The friendly name of the keyring backend called `backend`, or `backend` itself when unknown."""
    for prefix, friendly in _KNOWN:
        if backend.startswith(prefix):
            return friendly
    return backend


def friendly_explanation(info: Any) -> str:
    """`info.explanation` (a store.ProtectionInfo) with the keyring's class name replaced by its friendly name."""
    explanation = str(info.explanation)
    backend = str(getattr(info, "backend", "") or "")
    if getattr(info, "mode", "") == "keyring" and backend:
        return explanation.replace(backend, keyring_display_name(backend))
    return explanation
