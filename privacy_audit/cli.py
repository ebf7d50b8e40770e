"""The `privacy-audit` command: the desktop app by default, or one of the sub-commands in `commands/`.

Each module in `privacy_audit/commands/` is one sub-command. It defines NAME, HELP, `add_arguments(parser)`
and `run(args) -> int`, and imports anything heavy inside `run`, so that a quick command such as
`remind` never pays for Qt, Playwright or pydantic.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from privacy_audit import APP_NAME, __version__
from privacy_audit.report import CHILD_ARGUMENT


def command_modules() -> list[ModuleType]:
    import pkgutil  # imported here: only --help and unknown commands need the full list

    import privacy_audit.commands as package

    names = sorted(
        info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")
    )
    return [importlib.import_module(f"privacy_audit.commands.{name}") for name in names]


_OPTIONS_WITH_VALUES = ("--home", "--school-config")


def _command_word(argv: list[str]) -> str | None:
    """The sub-command named in argv (the first word that is neither an option nor an option's value)."""
    words = iter(argv)
    for word in words:
        if word in _OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _requested_command(word: str) -> ModuleType | None:
    """The module of sub-command `word`, imported alone so a quick command starts quickly."""
    if not word.replace("-", "_").isidentifier():
        return None
    for name in (word, word + "_"):
        try:
            module = importlib.import_module(f"privacy_audit.commands.{name}")
        except ModuleNotFoundError:
            continue
        if getattr(module, "NAME", None) == word:
            return module
    return None


def _add_common_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """--home and --school-config: on the main parser, and again on each sub-command so they work before
    or after it (`privacy-audit status --home DIR`). On a sub-command the default is SUPPRESS, so a value
    given before the sub-command is not overwritten by a missing one after it."""
    parser.add_argument(
        "--home",
        metavar="DIR",
        default=default,
        help="keep every file of the app under DIR (also $PRIVACY_AUDIT_HOME)",
    )
    parser.add_argument(
        "--school-config",
        metavar="FILE",
        default=default,
        help="use this school.yaml (also $PRIVACY_AUDIT_SCHOOL_CONFIG)",
    )


def build_parser(only: ModuleType | None = None, with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser; with `only`, just that sub-command; without `with_commands`, none (the app itself)."""
    parser = argparse.ArgumentParser(
        prog="privacy-audit",
        description=f"{APP_NAME}: check the privacy settings of your social media accounts, as your school's "
        "policy asks. Run with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common_options(parser)
    parser.add_argument(
        "--demo", action="store_true", help="open the app in demo mode: practice pages, nothing saved"
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in [only] if only is not None else command_modules():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        _add_common_options(sub, default=argparse.SUPPRESS)
        sub.set_defaults(run=module.run)
    return parser


def _survive_any_terminal_encoding() -> None:
    """Let every message reach a terminal that cannot show it all (LC_ALL=C, a legacy code page): a
    character the encoding lacks is written as a backslash escape instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a test harness or an embedding program: leave it be
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # already written to, or closed: keep what it has
            continue


def main(argv: list[str] | None = None) -> int:
    _survive_any_terminal_encoding()
    if argv is None:
        argv = sys.argv[1:]
    if argv == [CHILD_ARGUMENT]:  # the app drawing a PDF in a child process: not a command, not in --help
        from privacy_audit.report.child import child_main

        return child_main()
    word = _command_word(argv)
    if word is None and not any(arg in ("-h", "--help") for arg in argv):
        parser = build_parser(with_commands=False)  # the app: no sub-command modules to import
    else:
        parser = build_parser(only=_requested_command(word) if word else None)
    args = parser.parse_args(argv)
    if args.command is None:
        from privacy_audit.app import run_app

        return run_app(args)
    from privacy_audit.commands._terminal import CommandExit

    try:
        return int(args.run(args) or 0)
    except CommandExit as stop:
        return stop.code
    except KeyboardInterrupt:
        print("Stopped; nothing more was saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
