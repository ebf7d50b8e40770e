"""`make-pack`: build and sign a guidance pack from checklists/ and resources/policy_clauses.yaml.

The pack format and its checks are defined once, in privacy_audit/core/packs.py; this tool writes a pack
with it and then checks the result exactly as the app will (signature, hashes, app versions, every
checklist), so a pack that the app would refuse is never handed to IT.

The private key never goes in the repository. Make one with `make-pack --new-key DIR` on the maintainers'
own machine, keep it offline, and replace resources/guidance-pack.pub with its public half in a release
before the first pack is published. Set PRIVACY_AUDIT_PACK_KEY_PASSPHRASE to encrypt or open the key.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from privacy_audit import __version__
from privacy_audit.core import packs

PASSPHRASE_ENV = "PRIVACY_AUDIT_PACK_KEY_PASSPHRASE"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    repo = Path(__file__).resolve().parent.parent
    parser.add_argument("--new-key", type=Path, metavar="DIR", help="make a new key pair in DIR and stop")
    parser.add_argument("--key", type=Path, help="the project's private key (PEM)")
    parser.add_argument("--version", help="the pack's guidance version, e.g. 2027.01.12 (or 2027.01.12.2)")
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, default=None, help="the pack's date (default today)"
    )
    parser.add_argument("--app-min", default=__version__, help="the oldest app version it suits")
    parser.add_argument("--app-below", default=None, help="the first app version it no longer suits")
    parser.add_argument("--checklists", type=Path, default=repo / "checklists")
    parser.add_argument("--resources", type=Path, default=repo / "resources")
    parser.add_argument("--public-key", type=Path, default=repo / "resources" / packs.PUBLIC_KEY_RESOURCE,
                        help="the public key the app ships; the pack is checked against it")  # fmt: skip
    parser.add_argument(
        "--out", type=Path, default=Path(packs.PACK_FILE_NAME), help="where to write the pack"
    )


def new_key(folder: Path) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    folder.mkdir(parents=True, exist_ok=True)
    private, public = folder / "guidance-pack.key", folder / packs.PUBLIC_KEY_RESOURCE
    if private.exists():
        print(f"{private} already exists; not replacing a key.", file=sys.stderr)
        return 1
    key = Ed25519PrivateKey.generate()
    passphrase = os.environ.get(PASSPHRASE_ENV, "").encode()
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    handle = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as out:
        out.write(
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
        )
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    print(
        f"Private key: {private} (keep it offline; never commit it)\nPublic key: {public} (ship it as resources/{packs.PUBLIC_KEY_RESOURCE})"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    if args.new_key:
        return new_key(args.new_key)
    if not args.key or not args.version:
        print("make-pack needs --key and --version (or --new-key DIR).", file=sys.stderr)
        return 2
    passphrase = os.environ.get(PASSPHRASE_ENV, "").encode() or None
    private_key = load_pem_private_key(args.key.read_bytes(), password=passphrase)
    manifest = packs.build_pack(
        args.out,
        sorted(args.checklists.glob("*.yaml")),
        args.resources / "policy_clauses.yaml",
        version=args.version,
        date=args.date or dt.date.today(),
        app_min=args.app_min,
        app_below=args.app_below,
        private_key=private_key,
    )
    # Check it as the app will: with the public key it ships, for the oldest app version it claims to suit.
    public_key = packs.load_public_key(args.public_key)
    scratch = Path(tempfile.mkdtemp(prefix="make-pack-"))
    try:
        packs.check_pack(args.out, public_key, args.app_min, "0000.00.00", scratch)
    except packs.PackRefused as exc:
        args.out.unlink()
        print(f"The app would refuse this pack: {exc} Nothing was written.", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Wrote {args.out}: version {manifest['version']}, {len(manifest['files'])} files, for app {args.app_min}"
          + (f" up to (not including) {args.app_below}" if args.app_below else " and later"))  # fmt: skip
    return 0
