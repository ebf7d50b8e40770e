"""`privacy-audit import FILE`: merge a JSON export (`privacy-audit export --format json`) into your record.

For moving to a new laptop: checks already in the record are not added twice, and nothing already in the
record is overwritten. The whole file is checked first; a rejected file changes nothing and each problem
is printed as `FILE: field: message` (exit 1).
"""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "import"
HELP = "merge a JSON export of your record into the record on this computer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a file written by `privacy-audit export --format json`")


def run(args: argparse.Namespace) -> int:
    from privacy_audit.store.errors import RecordError
    from privacy_audit.store.exchange import ImportRejected, import_json, read_export
    from privacy_audit.store.terminal import (
        EXIT_RECORD,
        dirs_for,
        load_catalogue_for,
        open_record_for_terminal,
        say,
    )

    path = Path(args.file).expanduser()
    try:
        read_export(path)  # reject a bad file before asking for a passphrase or touching the record
    except ImportRejected as exc:
        for problem in exc.problems:
            say(problem)
        say("Nothing was imported; your record is unchanged.")
        return 1
    dirs = dirs_for(args)
    load_catalogue_for(args, dirs)
    record = open_record_for_terminal(dirs)
    if record is None:
        return EXIT_RECORD
    try:
        counts = import_json(record, path)
    except ImportRejected as exc:
        for problem in exc.problems:
            say(problem)
        say("Nothing was imported; your record is unchanged.")
        return 1
    except RecordError as exc:
        say(f"{exc}\nNothing was imported; your record is unchanged.")
        return EXIT_RECORD
    finally:
        record.close()
    print(
        f"Imported {counts['checks']} check(s) from {path}"
        + (f"; {counts['checks_skipped']} were already in your record" if counts["checks_skipped"] else "")
        + (f"; also {counts['drafts']} unfinished check(s)" if counts["drafts"] else "")
        + (", your statement of acceptance" if counts["acceptance"] else "")
        + "."
    )
    return 0
