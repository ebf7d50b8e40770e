"""The record's key in the OS keyring: a small wrapper that says which backend holds it and what went wrong.

Only a 32-byte random key is stored (base64, well under Windows' 2,560-byte limit), under the service
"privacy-audit" and a user name made from the record's random id, so two records never share a key.

Three different failures are kept apart, because the person must do different things about them:
- `NoSecureKeyring`: this computer has no keyring that protects secrets (headless Linux gets keyring's
  `fail` backend; `null`, an empty chainer and plaintext-file backends count as none, because they either
  drop the key or write it in clear). The caller offers a passphrase or an explicit unencrypted mode.
- `KeyringLocked`: there is a keyring but it is locked or cannot be reached now; nothing is wrong with
  the record, so try again after unlocking it.
- `KeyMissing`: the keyring answers but has no key for this record (deleted, or another keyring is in use).
A key that is present but does not unlock the record ("changed") is detected by the record itself.

`keyring` is imported inside the functions: records protected by a passphrase never pay for it.

On Linux the backend is chosen here, not by keyring's discovery: discovery imports every backend, and the
macOS one looks for its libraries with `ctypes.util.find_library`, which on Linux runs `ldconfig`, `gcc` and
`ld` (39 processes per probe, found along PATH). The person's own choice ($PYTHON_KEYRING_BACKEND or
keyring's config file) still wins; otherwise only the Linux keyrings (Secret Service, KWallet) are tried.
"""

from __future__ import annotations

import base64
import binascii
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacy_audit.store.opening import ProtectionInfo

SERVICE = "privacy-audit"
KEY_BYTES = 32


class KeyringProblem(Exception):
    pass


class NoSecureKeyring(KeyringProblem):
    pass


class KeyringLocked(KeyringProblem):
    pass


class KeyMissing(KeyringProblem):
    pass


@dataclass(frozen=True)
class KeyringInfo:
    name: str  # e.g. "SecretService Keyring"
    secure: bool
    reason: str  # why it is not secure; empty when it is


def _describe(backend: object) -> str:
    name = getattr(backend, "name", "") or type(backend).__name__
    return str(name)


def _classify(backend: object) -> KeyringInfo:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, chainer.ChainerBackend):
        for inner in backend.backends:
            info = _classify(inner)
            if info.secure:
                return info
        return KeyringInfo("no keyring", False, "no keyring service is running on this computer")
    if isinstance(backend, fail.Keyring):
        return KeyringInfo("no keyring", False, "no keyring service is running on this computer")
    if isinstance(backend, null.Keyring):
        return KeyringInfo(_describe(backend), False, "the keyring is switched off (it forgets everything)")
    module = type(backend).__module__
    if module.startswith("keyrings.alt.file") or "plaintext" in type(backend).__name__.lower():
        # keyrings.alt's file backends either write the secret in clear or prompt on a terminal.
        return KeyringInfo(_describe(backend), False, "the keyring keeps secrets in an unprotected file")
    return KeyringInfo(_describe(backend), True, "")


_LINUX_BACKENDS = ("keyring.backends.SecretService.Keyring", "keyring.backends.kwallet.DBusKeyring")


def _linux_backend() -> object:
    """The best viable Linux keyring, without keyring's discovery (see the module docstring)."""
    from keyring.backends import fail

    best, best_priority = None, 0.0
    for name in _LINUX_BACKENDS:
        module_name, _, class_name = name.rpartition(".")
        try:
            module = __import__(module_name, fromlist=[class_name])
            cls = getattr(module, class_name)
            priority = float(cls.priority)  # raises when the backend cannot work here
        except Exception:  # noqa: BLE001, S112 - a missing D-Bus or module means "not this one"
            continue
        if priority > best_priority:
            best, best_priority = cls(), priority
    return best if best is not None else fail.Keyring()  # type: ignore[no-untyped-call]


def _backend() -> object:
    """The keyring in use: one set by the program (tests), the person's choice, or our Linux choice."""
    import keyring
    import keyring.core

    if keyring.core._keyring_backend is None and sys.platform.startswith("linux"):
        chosen = keyring.core.load_env() or keyring.core.load_config() or _linux_backend()
        keyring.core.set_keyring(chosen)  # type: ignore[arg-type]
    return keyring.get_keyring()


def keyring_info() -> KeyringInfo:
    """Which keyring this computer offers, and whether it protects secrets."""
    try:
        return _classify(_backend())
    except Exception as exc:  # noqa: BLE001 - a broken keyring configuration must not stop the app
        return KeyringInfo("no keyring", False, f"the keyring could not be loaded ({exc})")


def _username(record_id: str) -> str:
    return f"record-key-{record_id}"


def load_key(record_id: str) -> bytes:
    """The record's key. Raises NoSecureKeyring, KeyringLocked or KeyMissing."""
    import keyring

    info = keyring_info()
    if not info.secure:
        raise NoSecureKeyring(info.reason)
    try:
        stored = keyring.get_password(SERVICE, _username(record_id))
    except Exception as exc:
        raise KeyringLocked(f"{info.name} did not answer ({exc or type(exc).__name__})") from exc
    if stored is None:
        raise KeyMissing(f"{info.name} has no key for this record")
    try:
        key = base64.urlsafe_b64decode(stored.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyMissing(f"the key {info.name} holds for this record is not a valid key")
    return key


def store_key(record_id: str, key: bytes) -> str:
    """Keep `key` in the keyring and read it back; returns the backend's name. Raises KeyringProblem."""
    import keyring

    info = keyring_info()
    if not info.secure:
        raise NoSecureKeyring(info.reason)
    text = base64.urlsafe_b64encode(key).decode("ascii")
    try:
        keyring.set_password(SERVICE, _username(record_id), text)
        kept = keyring.get_password(SERVICE, _username(record_id))
    except Exception as exc:
        raise KeyringLocked(f"{info.name} did not accept the key ({exc or type(exc).__name__})") from exc
    if kept != text:
        raise KeyringLocked(f"{info.name} did not keep the key")
    return info.name


def delete_key(record_id: str) -> bool:
    """Remove the record's key; True if one was deleted. Raises KeyringLocked when the keyring refuses."""
    import keyring
    from keyring.errors import PasswordDeleteError

    info = keyring_info()
    if not info.secure:
        return False
    try:
        if keyring.get_password(SERVICE, _username(record_id)) is None:
            return False
        keyring.delete_password(SERVICE, _username(record_id))
    except PasswordDeleteError:
        return False
    except Exception as exc:
        raise KeyringLocked(f"{info.name} did not answer ({exc or type(exc).__name__})") from exc
    return True


# -- the names people know their keyring by -----------------------------------------------------------
# The record reports which keyring holds its key by the backend's name (`ProtectionInfo.backend`, keyring's
# `name` property: module, then class); the screens say "Windows Credential Manager" instead, as the
# operating system does. Known names by prefix:
_DISPLAY_NAMES = (
    ("SecretService", "GNOME Keyring / Secret Service"),
    ("libsecret", "GNOME Keyring / Secret Service"),
    ("kwallet", "KWallet"),
    ("Windows", "Windows Credential Manager"),
    ("macOS", "macOS Keychain"),
)


def keyring_display_name(backend: str) -> str:
    """The friendly name of the keyring backend called `backend`, or `backend` itself when unknown."""
    for prefix, friendly in _DISPLAY_NAMES:
        if backend.startswith(prefix):
            return friendly
    return backend


def friendly_explanation(info: ProtectionInfo) -> str:
    """`info.explanation` with the keyring's class name replaced by its friendly name."""
    if info.mode == "keyring" and info.backend:
        return info.explanation.replace(info.backend, keyring_display_name(info.backend))
    return info.explanation
