"""`privacy-audit forget [--yes]`: delete your record, its key in the keyring and the guided browser's profile.

Asks for confirmation on standard input (y/N; anything else, or no input, keeps everything) unless
--yes is given. Also deletes the set-aside and pre-upgrade copies of the record, which hold the same
private answers. Files you exported yourself are yours and are not touched.
"""

from __future__ import annotations

import argparse

NAME = "forget"
HELP = "delete your record, its keyring key and the guided browser's profile from this computer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args: argparse.Namespace) -> int:
    import errno

    from privacy_audit.commands._terminal import EXIT_RECORD, dirs_for, out, read_line, say
    from privacy_audit.store.errors import RecordError
    from privacy_audit.store.record import forget_everything

    dirs = dirs_for(args)
    if not args.yes:
        out("This deletes, from this computer:")
        out(f"  - your record of checks ({dirs.record_file}) and any copies of it in {dirs.data}")
        out("  - the key that protects it, if it is kept in your keyring")
        out(f"  - the guided browser's profile and sign-ins ({dirs.browser_profile})")
        out(f"  - the reminder state, dashboard snapshot and checklist cache ({dirs.state})")
        out("  - the login reminder, if it is switched on")
        out("It cannot be undone. Files you exported yourself are not touched.")
        out(
            "Delete everything? Type y and press Enter to delete, anything else to keep it: ",
            end="",
        )
        answer = (read_line() or "").strip().lower()
        if answer not in ("y", "yes"):
            out()
            out("Nothing was deleted.")
            return 1
    try:
        said = forget_everything(dirs)
    except RecordError as exc:
        cause = exc.__cause__
        if isinstance(cause, OSError) and cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            say(
                f"Your record could not be deleted: {cause.strerror} ({cause.filename or dirs.record_file}). "
                "Closing Privacy Audit will not help: the disk is read-only or the folder is not yours to "
                "change. Nothing was deleted; ask IT to make the folder writable, then run "
                "`privacy-audit forget` again."
            )
        else:
            say(exc)
        return EXIT_RECORD
    except OSError as exc:  # a read-only or full disk: say what, and that nothing more was removed
        say(
            f"Some files could not be deleted ({exc.strerror or exc}: {exc.filename or dirs.home}). The disk may "
            "be read-only or full, or the files may belong to someone else. Nothing else was changed; ask IT "
            "to check the folder, then run `privacy-audit forget` again."
        )
        return EXIT_RECORD
    from privacy_audit.desktop.autostart import remove_login_entry

    # As the app's "Forget everything" does: a login entry left behind would remind about a record that is gone.
    for line in [*said, remove_login_entry(dirs.home)]:
        out(line)
    return 0
