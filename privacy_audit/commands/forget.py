"""`privacy-audit forget [--yes]`: delete your record, its key in the keyring and the guided browser's profile.

Asks for confirmation on standard input (y/N; anything else, or no input, keeps everything) unless
--yes is given. Also deletes the set-aside and pre-upgrade copies of the record, which hold the same
private answers. Files you exported yourself are yours and are not touched.
"""

from __future__ import annotations

import argparse
import sys

NAME = "forget"
HELP = "delete your record, its keyring key and the guided browser's profile from this computer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args: argparse.Namespace) -> int:
    from privacy_audit.store.errors import RecordError
    from privacy_audit.store.record import forget_everything
    from privacy_audit.store.terminal import EXIT_RECORD, dirs_for

    dirs = dirs_for(args)
    if not args.yes:
        print("This deletes, from this computer:")
        print(f"  - your record of checks ({dirs.record_file}) and any copies of it in {dirs.data}")
        print("  - the key that protects it, from your keyring")
        print(f"  - the guided browser's profile and sign-ins ({dirs.browser_profile})")
        print("It cannot be undone. Files you exported yourself are not touched.")
        print(
            "Delete everything? Type y and press Enter to delete, anything else to keep it: ",
            end="",
            flush=True,
        )
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            print()
            print("Nothing was deleted.")
            return 1
    try:
        said = forget_everything(dirs)
    except RecordError as exc:
        print(exc, file=sys.stderr)
        return EXIT_RECORD
    for line in said:
        print(line)
    return 0
