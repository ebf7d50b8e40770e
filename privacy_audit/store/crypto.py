"""Sealing answers and notes: AES-GCM with a random nonce, each ciphertext bound to its row.

The associated data of each ciphertext names the table and the row's clear columns, so a payload copied
onto another row, or a row whose dates were edited, fails authentication (InvalidTag) instead of being
read as someone else's answers. A wrong key, a truncated or altered blob all fail the same way.

In the unencrypted mode the person explicitly accepted, payloads are stored as JSON with a different
prefix; a record never mixes the two (a clear payload in an encrypted record is treated as damage).
"""

from __future__ import annotations

import json
import os
import unicodedata
from typing import Any

ENCRYPTED = b"E1"
CLEAR = b"P1"
NONCE_BYTES = 12
# scrypt cost for new passphrase records: 2**17 (128 MiB, about 0.4 s on a school laptop), the figure
# OWASP gives for scrypt. The parameters are stored per record, so records made with 2**15 still open.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
# What a record may ask for: anything beyond is damage or tampering, refused before any memory is used.
SCRYPT_MIN_N, SCRYPT_MAX_MEMORY = 2**10, 256 * 1024 * 1024
SCRYPT_MAX_R, SCRYPT_MAX_P = 32, 16


def kdf_params_problem(n: int, r: int, p: int) -> str:
    """Why these scrypt parameters cannot be used (empty when they can): bounded, so that a damaged or
    tampered record cannot ask for gigabytes of memory or minutes per attempt."""
    if n < SCRYPT_MIN_N or n & (n - 1):
        return f"scrypt N={n} is not a power of two of at least {SCRYPT_MIN_N}"
    if not 1 <= r <= SCRYPT_MAX_R or not 1 <= p <= SCRYPT_MAX_P:
        return f"scrypt r={r}, p={p} are outside 1-{SCRYPT_MAX_R} and 1-{SCRYPT_MAX_P}"
    if 128 * n * r > SCRYPT_MAX_MEMORY:
        return f"scrypt N={n}, r={r} would need {128 * n * r // 2**20} MiB (at most {SCRYPT_MAX_MEMORY // 2**20})"
    return ""


class DamagedData(Exception):
    """A payload that cannot be authenticated or read."""


class Sealer:
    """Seals and opens payloads with one key, or stores them in clear when `key` is None."""

    def __init__(self, key: bytes | None) -> None:
        self.encrypted = key is not None
        if key is not None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._aead = AESGCM(key)

    def seal(self, value: Any, associated: str) -> bytes:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if not self.encrypted:
            return CLEAR + data
        nonce = os.urandom(NONCE_BYTES)
        return ENCRYPTED + nonce + self._aead.encrypt(nonce, data, associated.encode("utf-8"))

    def open(self, blob: bytes, associated: str) -> Any:
        blob = bytes(blob)
        if self.encrypted:
            if not blob.startswith(ENCRYPTED) or len(blob) < len(ENCRYPTED) + NONCE_BYTES + 16:
                raise DamagedData("the entry is not encrypted as it should be, or is cut short")
            from cryptography.exceptions import InvalidTag

            nonce = blob[len(ENCRYPTED) : len(ENCRYPTED) + NONCE_BYTES]
            try:
                data = self._aead.decrypt(
                    nonce, blob[len(ENCRYPTED) + NONCE_BYTES :], associated.encode("utf-8")
                )
            except InvalidTag as exc:
                raise DamagedData(
                    "the entry failed its integrity check (InvalidTag): it was changed or damaged"
                ) from exc
        else:
            if not blob.startswith(CLEAR):
                raise DamagedData("the entry is encrypted, but this record is kept unencrypted")
            data = blob[len(CLEAR) :]
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DamagedData(f"the entry cannot be read ({exc})") from exc


def new_key() -> bytes:
    return os.urandom(32)


def new_salt() -> bytes:
    return os.urandom(16)


def key_from_passphrase(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    """A 32-byte key from what the person typed (NFC-normalised, so the same letters give the same key).
    Raises ValueError for parameters outside the bounds of `kdf_params_problem`."""
    problem = kdf_params_problem(n, r, p)
    if problem:
        raise ValueError(problem)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    normalised = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(normalised)
