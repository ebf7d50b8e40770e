"""`privacy-audit import FILE`: merge a JSON export (`privacy-audit export --format json`) into your record.

For moving to a new laptop: checks already in the record are not added twice, and nothing already in the
record is overwritten. The whole file is checked first; a rejected file changes nothing (the record stays
byte-identical) and its problems are printed as `FILE: field: message`, the first MAX_SHOWN of them
followed by a count of the rest (exit 1).

Before the file is parsed in full it goes through `preflight`: it must be a regular file of at most
MAX_IMPORT_READ bytes (a FIFO, a device or a socket is refused without waiting), its JSON may not nest
deeper than Python can follow, hold numbers longer than any real value, repeat a key, or hold a list longer
than MAX_LIST_ENTRIES or more than MAX_VALUES values in all; an export from a newer Privacy Audit is named as such. So memory stays bounded
whatever the file holds, and every refusal is a sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

NAME = "import"
HELP = "merge a JSON export of your record into the record on this computer"

MAX_IMPORT_READ = 5 * 1024 * 1024  # a record of many years is well under 1 MB
MAX_LIST_ENTRIES = 10_000  # checks, answers, drafts: a record of many years has a few hundred
# Values in the whole file (every list entry and field). Twenty years of termly checks of every platform are
# about 20,000; the cap keeps the full check's work (and its list of problems) small whatever the file holds,
# where lists each under MAX_LIST_ENTRIES could still nest into millions of wrong values.
MAX_VALUES = 100_000
MAX_NUMBER_DIGITS = 12  # the only numbers in an export are small (version, positions)
MAX_SHOWN = 10  # problems printed before "…and N more"


class Refused(Exception):
    """The file is not an export this app can read; str(e) says why, for a teacher."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a file written by `privacy-audit export --format json`")


def _number(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_NUMBER_DIGITS:
        raise Refused(f"it holds a number of {len(digits):,} digits, larger than any value in an export")
    return int(text)


def _no_special_number(name: str) -> float:
    raise Refused(f"it holds {name}, which is not a number an export can hold")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise Refused(f"the field '{key[:60]}' appears twice in one place, so the file is ambiguous")
        result[key] = value
    return result


def _check_lists(value: Any) -> None:
    stack = [value]
    values = 0
    while stack:
        node = stack.pop()
        if isinstance(node, list) and len(node) > MAX_LIST_ENTRIES:
            raise Refused(
                f"it holds a list of {len(node):,} entries; an export holds at most {MAX_LIST_ENTRIES:,}"
            )
        if isinstance(node, dict) and len(node) > MAX_LIST_ENTRIES:
            raise Refused(
                f"it holds a group of {len(node):,} fields; an export holds at most {MAX_LIST_ENTRIES:,}"
            )
        if isinstance(node, (list, dict)):
            values += len(node)
            if values > MAX_VALUES:
                raise Refused(
                    f"it holds more than {MAX_VALUES:,} values in all; an export of many years holds far fewer"
                )
            stack.extend(node if isinstance(node, list) else node.values())


def preflight(path: Path) -> None:
    """Refuse, cheaply and before the full check, what is plainly not an export this app made (Refused)."""
    from privacy_audit.core.files import FileRefused, read_regular_file

    try:
        raw = read_regular_file(path, MAX_IMPORT_READ)
    except FileRefused as exc:
        raise Refused(exc.reason) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # Notepad's byte-order mark; checked again below without it
        bom = True
    else:
        bom = False
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("it is not UTF-8 text, so it is not a Privacy Audit export") from None
    try:
        data = json.loads(
            text, parse_int=_number, parse_constant=_no_special_number, object_pairs_hook=_no_repeats
        )
    except RecursionError:
        raise Refused("it nests lists or fields too deeply to be a Privacy Audit export") from None
    except json.JSONDecodeError as exc:
        raise Refused(f"line {exc.lineno}: it is not valid JSON ({exc.msg})") from None
    except ValueError as exc:  # a number Python will not convert
        raise Refused(f"it is not a Privacy Audit export ({str(exc).splitlines()[0][:120]})") from None
    _check_lists(data)
    if isinstance(data, dict):
        version = data.get("version")
        if isinstance(version, bool) or (version is not None and not isinstance(version, int)):
            raise Refused("its 'version' is not a whole number, so it is not a Privacy Audit export")
        if isinstance(version, int) and version > 1:
            raise Refused(
                f"it was made by a newer Privacy Audit (export version {version}); this one reads version 1. "
                "Install the newer Privacy Audit on this computer to import it"
            )
    if bom:
        raise Refused(
            "it starts with a byte-order mark (some editors, such as Notepad, add one when saving). Open it in "
            "a text editor and save it as 'UTF-8' without a byte-order mark, then import it again"
        )


def _print_capped(problems: list[str]) -> None:
    from privacy_audit.commands._terminal import say

    for problem in problems[:MAX_SHOWN]:
        say(problem)
    if len(problems) > MAX_SHOWN:
        say(f"…and {len(problems) - MAX_SHOWN:,} more problem(s) like these.")


def run(args: argparse.Namespace) -> int:
    from privacy_audit.commands._terminal import EXIT_RECORD, out, say, terminal_record
    from privacy_audit.store.errors import RecordError
    from privacy_audit.store.exchange import ImportRejected, import_json, read_export

    path = Path(args.file).expanduser()
    unchanged = "Nothing was imported; your record is unchanged."
    try:
        preflight(path)
        document = read_export(
            path
        )  # reject a bad file before asking for a passphrase or touching the record
    except Refused as exc:
        say(f"{path}: (whole file): {exc}.\n{unchanged}")
        return 1
    except ImportRejected as exc:
        _print_capped(exc.problems)
        say(unchanged)
        return 1
    # The schedule is not cached before the record opens: a refused import must leave it byte-identical.
    with terminal_record(args, cache_schedule=False) as (_dirs, catalogue, record):
        if problems := _server_problems(path, document, catalogue):
            _print_capped(problems)
            say(unchanged)
            return 1
        try:
            counts = import_json(record, path)
        except ImportRejected as exc:
            _print_capped(exc.problems)
            say(unchanged)
            return 1
        except RecordError as exc:
            say(f"{exc}\n{unchanged}")
            return EXIT_RECORD
        except (ValueError, OverflowError, RecursionError) as exc:  # a value SQLite or Python cannot hold
            say(f"{path}: (whole file): a value in it cannot be stored ({str(exc)[:120]}).\n{unchanged}")
            return 1
        _drop_unknown_platforms(record, catalogue)
        _name_checks_of_unknown_platforms(document, catalogue)
    out(
        f"Imported {counts['checks']} check(s) from {path}"
        + (
            f"; {counts['checks_skipped']} {'was' if counts['checks_skipped'] == 1 else 'were'} already in your record"
            if counts["checks_skipped"]
            else ""
        )
        + (f"; also {counts['drafts']} unfinished check(s)" if counts["drafts"] else "")
        + (", your statement of acceptance" if counts["acceptance"] else "")
        + "."
    )
    return 0


def _server_problems(path: Path, document, catalogue) -> list[str]:
    """A server in the file (a Mastodon server, say) that is not one public site, in `FILE: field: message`
    lines: it would join the platform's web addresses, so "co.uk" or "localhost" is refused here with the
    same rule (`core.urls.host_name_problem`) as a typed one, not kept silently."""
    from privacy_audit.core.settings import URL_PARAMETERS
    from privacy_audit.core.urls import host_name_problem

    problems = [
        f"{path}: snoozes.{platform}: this Privacy Audit has no checklist for '{platform}', so it cannot be snoozed"
        for platform in document.snoozes
        if platform not in catalogue.checklists
    ]
    problems += [  # an unfinished check can only be finished against its checklist: kept, it is shown nowhere
        f"{path}: drafts[{index}].platform: this Privacy Audit has no checklist for '{draft.platform}', so its "
        "unfinished check cannot be finished"
        for index, draft in enumerate(document.drafts)
        if draft.platform not in catalogue.checklists
    ]
    for platform, values in document.settings.get(URL_PARAMETERS, {}).items():
        checklist = catalogue.checklists.get(platform)
        if checklist is None:
            continue
        for parameter in checklist.url_parameters:
            value = values.get(parameter.name)
            if parameter.kind != "hostname" or not isinstance(value, str):
                continue
            if problem := host_name_problem(value.strip()):
                problems.append(
                    f"{path}: settings.{URL_PARAMETERS}.{platform}.{parameter.name}: {problem}; "
                    f"give the server of your own account, for example {parameter.example or 'mastodon.social'}"
                )
    return problems


def _drop_unknown_platforms(record, catalogue) -> None:
    """A platform this app has no checklist for cannot be checked, so it is not kept as 'in use' (it would
    be reminded about every day and shown nowhere); the person is told which."""
    from privacy_audit.commands._terminal import say
    from privacy_audit.store.errors import RecordError

    in_use = set(record.platforms_in_use())
    unknown = sorted(p for p in in_use if p not in catalogue.checklists)
    if not unknown:
        return
    try:
        record.set_platforms_in_use(in_use - set(unknown))
    except RecordError as exc:
        say(f"{exc}")
        return
    say(
        f"This Privacy Audit has no checklist for {', '.join(unknown)}, so it was left out of the platforms you "
        "use (checks already made for it are kept in your record)."
    )


def _name_checks_of_unknown_platforms(document, catalogue) -> None:
    """Checks of a platform this app has no checklist for (one a newer version added, say) are kept, as a
    record of what was done, but status and the report leave them out: the person is told, not left to
    wonder where they went."""
    from privacy_audit.commands._terminal import say

    unknown = sorted({c.platform for c in document.checks if c.platform not in catalogue.checklists})
    if unknown:
        say(
            f"The file has checks of {', '.join(unknown)}, which this Privacy Audit has no checklist for. They are "
            "kept in your record (and in its exports), but status and the report leave them out; a Privacy "
            f"Audit that knows {'that platform' if len(unknown) == 1 else 'those platforms'} shows them."
        )
