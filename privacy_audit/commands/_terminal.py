"""What the record's terminal commands (status, check, export, import, forget) share.

How a command gets into a protected record when it runs in a terminal:
- The record is protected by the OS keyring: it just opens (a locked keyring gives a message, exit 3).
- It is protected by a passphrase: the passphrase is read from $PRIVACY_AUDIT_PASSPHRASE if set, else
  asked for (without echo) when standard input is a terminal; in a non-interactive run without the
  variable the command explains and exits 3, having changed nothing.
- A new record on a computer with no secure keyring: the passphrase in $PRIVACY_AUDIT_PASSPHRASE protects
  it; otherwise, in a terminal, the person chooses a passphrase or unencrypted mode; in a non-interactive
  run the command explains and exits 3 - unless the person chose unencrypted mode earlier (it is stored in
  the record) or passes `check --accept-unencrypted`.
Messages go to standard error as plain lines (no colour, no cursor movement), so they read well in a
screen reader and in a log. Everything printed goes through `say`/`out`, which show control characters as
escapes (`core.text.visible`): text from a school config, a checklist or an import is never obeyed by the
terminal. Standard input is read as bytes and decoded leniently (`read_line`), so any encoding gives an
answer to check, never a traceback.

Every record command starts the same way, so the prologue is one context manager:

    with terminal_record(args) as (dirs, catalogue, record):
        ...

It finds the app's folders, loads the catalogue (printing its warnings), opens the record (asking for a
passphrase where needed) and closes it at the end. When the record cannot be opened it raises
`CommandExit(EXIT_RECORD)`, which `cli.main` turns into the exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager

from privacy_audit.core.text import visible

TYPE_CHECKING = False  # `privacy-audit remind` imports this module on every login: no `typing` to import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from privacy_audit.core.catalogue import Catalogue
    from privacy_audit.core.paths import AppDirs
    from privacy_audit.store.record import Record

PASSPHRASE_ENV = "PRIVACY_AUDIT_PASSPHRASE"
EXIT_RECORD = 3  # the record could not be opened; nothing was changed
MAX_LINE_BYTES = 64 * 1024  # an answer or a confirmation is a word; the rest of a longer line is dropped


class CommandExit(Exception):
    """Stop the command with exit status `code`, having already said why on standard error."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def say(message: object) -> None:
    """A message on standard error, with control characters shown as text."""
    print(visible(str(message)), file=sys.stderr, flush=True)


def out(text: object = "", *, end: str = "\n") -> None:
    """A line on standard output, with control characters shown as text."""
    print(visible(str(text)), end=end, flush=True)


def out_json(value: object) -> None:
    """`value` as indented JSON on standard output; characters a terminal would obey are JSON escapes."""
    import json
    import re

    text = json.dumps(value, indent=2, ensure_ascii=False)
    # json escapes C0 controls itself; C1 controls and the marks that reorder text are escaped here.
    print(
        re.sub(
            "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group(0)):04x}", text
        ),
        flush=True,
    )


def read_line() -> str | None:
    """One line of standard input without its line end, or None at the end of input.

    Read as bytes and decoded as UTF-8 with undecodable bytes replaced, so Latin-1 or binary input under a
    strict desktop locale gives an answer to check instead of a UnicodeDecodeError; at most
    MAX_LINE_BYTES of a line are kept."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place by a caller or a test
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")
    raw = stream.readline(MAX_LINE_BYTES)
    if raw == b"":
        return None
    rest = raw
    while not rest.endswith(b"\n") and rest:  # drop what is left of an over-long line
        rest = stream.readline(MAX_LINE_BYTES)
    return raw.decode("utf-8", errors="replace").rstrip("\r\n")


def dirs_for(args: argparse.Namespace) -> AppDirs:
    from privacy_audit.core.paths import app_dirs

    return app_dirs(getattr(args, "home", None))


def load_catalogue_for(args: argparse.Namespace, dirs: AppDirs, *, cache: bool = True) -> Catalogue:
    """The catalogue in force (school config from --school-config or the usual places), through the one
    loader the app uses too, with its term dates cached in the record for `remind` unless `cache` is False.
    Problems in the files are warnings: the parts that are wrong are left out and the rest applies."""
    from privacy_audit.core.catalogue import load_catalogue_with_cache
    from privacy_audit.store.reminder_inputs import cache_schedule_of

    catalogue = load_catalogue_with_cache(dirs, getattr(args, "school_config", None))
    for problem in catalogue.problems:
        say(f"warning: {problem}")
    if catalogue.guidance is not None and catalogue.guidance.refused:  # a pack IT placed was not used
        say(f"warning: {catalogue.guidance.notice}")
    if cache:
        cache_schedule_of(dirs, catalogue.school.config)
    return catalogue


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _ask(prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = read_line()
    return None if line is None else line.strip()


def _ask_secret(prompt: str) -> str | None:
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def record_refusal(dirs: AppDirs) -> str | None:
    """Why no command may read the record file, in a sentence, or None: it is not a regular file (a folder,
    a FIFO: opening it could hang), or someone else could have changed it (`store.ownership`, the app's own
    rule). Said before a command reads the record, directly (`status`) or by opening it."""
    from privacy_audit.core.files import record_file_problem
    from privacy_audit.store.errors import NotPrivate
    from privacy_audit.store.ownership import check_private

    if (problem := record_file_problem(dirs.record_file)) is not None:
        return problem
    try:
        check_private(dirs.record_file, kind="file")
    except NotPrivate as exc:
        return str(exc)
    return None


def open_record_for_terminal(dirs: AppDirs, *, accept_unencrypted: bool = False) -> Record | None:
    """The open record, or None after explaining on standard error why it cannot be opened."""
    from privacy_audit.store.errors import (
        NeedsPassphrase,
        NeedsProtectionChoice,
        RecordError,
        WrongPassphrase,
    )
    from privacy_audit.store.record import open_record

    if (problem := record_refusal(dirs)) is not None:
        say(problem)
        return None
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    interactive = _interactive()
    told: set[str] = set()  # set-aside notices said in this run: the next attempt reports them again

    def tell(notices: Iterable[str]) -> None:
        for notice in notices:
            if notice not in told:
                told.add(notice)
                say(notice)

    for _attempt in range(4):
        try:
            record = open_record(dirs, passphrase=passphrase, accept_unencrypted=accept_unencrypted)
        except NeedsProtectionChoice as exc:
            tell(n.message for n in exc.set_aside)  # a record set aside before the choice is asked
            say(exc.problem)
            if not interactive:
                if os.environ.get(PASSPHRASE_ENV):
                    say(
                        f"{PASSPHRASE_ENV} is set, but to nothing usable: a passphrase of only spaces counts as none."
                    )
                say(
                    f"To go on without a terminal, set {PASSPHRASE_ENV} to a passphrase of your choice, or run "
                    "`privacy-audit check PLATFORM --accept-unencrypted` once to keep the record unencrypted."
                )
                return None
            choice = _ask("Type p to choose a passphrase, u to keep it unencrypted, or q to stop: ")
            if choice is None or choice.lower() not in ("p", "u"):
                say("Stopped; nothing was saved.")
                return None
            if choice.lower() == "u":
                accept_unencrypted = True
                continue
            first = _ask_secret("Choose a passphrase: ")
            second = _ask_secret("Type it again: ") if first else None
            if not first or first != second:
                say("The two passphrases were not the same (or were empty); nothing was saved.")
                return None
            passphrase = first
            continue
        except (NeedsPassphrase, WrongPassphrase) as exc:
            tell(n.message for n in exc.set_aside)
            say(exc.problem)
            if not interactive:
                if os.environ.get(PASSPHRASE_ENV):
                    say(
                        f"{PASSPHRASE_ENV} is set, but not to this record's passphrase (a passphrase of only "
                        "spaces counts as none). Set it to your passphrase and run the command again."
                    )
                else:
                    say(f"Set {PASSPHRASE_ENV} to your passphrase to use this command without a terminal.")
                return None
            passphrase = _ask_secret("Passphrase: ")
            if not passphrase:
                return None
            continue
        except RecordError as exc:
            tell(n.message for n in exc.set_aside)
            say(exc.problem)
            return None
        tell(record.notices)
        return record
    say("The record was not opened; nothing was changed.")
    return None


@contextmanager
def terminal_record(
    args: argparse.Namespace,
    *,
    accept_unencrypted: bool = False,
    cache_schedule: bool = True,
    before_opening: Callable[[Catalogue], int | None] | None = None,
) -> Iterator[tuple[AppDirs, Catalogue, Record]]:
    """(dirs, catalogue, record) for one record command; the record is closed when the block ends.

    `before_opening(catalogue)` may return an exit status to stop before any passphrase is asked (an
    unknown platform, say). With `cache_schedule` False the record is not touched before it is opened (an
    import that is then refused leaves it byte-identical). Raises CommandExit when the record cannot be
    opened, after saying why."""
    dirs = dirs_for(args)
    catalogue = load_catalogue_for(args, dirs, cache=cache_schedule)
    if before_opening is not None:
        code = before_opening(catalogue)
        if code is not None:
            raise CommandExit(code)
    record = open_record_for_terminal(dirs, accept_unencrypted=accept_unencrypted)
    if record is None:
        raise CommandExit(EXIT_RECORD)
    try:
        yield dirs, catalogue, record
    finally:
        record.close()
