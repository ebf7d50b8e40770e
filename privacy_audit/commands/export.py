"""`privacy-audit export --format json|pdf|ics -o FILE`: your own record, readable, printable or as calendar reminders.

- json: the whole record, decrypted, for your own use or to move to a new laptop (`privacy-audit import`).
  Written owner-only (0600). Needs the record's key (keyring or passphrase).
- pdf: a printable report of your checks and statement of acceptance (uses the desktop app's report writer).
- ics: a calendar file with a reminder at the start of each term, for any calendar app. Needs no key.
- guide: a printable pocket guide (PDF) for the platforms you use, with QR codes of their settings pages;
  with --all, for every platform the school offers (for a trainer), which needs no key.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

NAME = "export"
HELP = "write your record as JSON, a PDF report, a calendar (.ics) of term reminders, or a pocket guide"

T = TypeVar("T")  # what a writer returns, for its "done" sentence


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("json", "pdf", "ics", "guide"),
        default="json",
        help="what to write (default: json)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        dest="all_platforms",
        help="with --format guide: every platform the school offers (for a trainer), not only yours",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")


def run(args: argparse.Namespace) -> int:
    from privacy_audit.commands._terminal import dirs_for, load_catalogue_for, say, terminal_record
    from privacy_audit.core.files import output_problem

    example = {"json": "my-record.json", "pdf": "my-report.pdf", "ics": "term-reminders.ics"}.get(
        args.format, "pocket-guide.pdf"
    )
    # A device, FIFO, folder or link is refused before anything else, with a name of the right kind to use.
    problem = output_problem(args.output, example)
    output = Path(args.output).expanduser()
    if problem is None and args.format == "pdf":  # the accessible HTML copy is written beside the PDF
        problem = output_problem(output.with_suffix(".html"))
    if problem is not None:
        say(problem)
        return 1
    if args.format == "ics":
        return _export_ics(output, load_catalogue_for(args, dirs_for(args)))
    if args.format == "guide" and args.all_platforms:  # a trainer's set: nothing from a record
        return _export_guide(output, load_catalogue_for(args, dirs_for(args)), None)
    with terminal_record(args) as (_dirs, catalogue, record):
        if args.format == "guide":
            return _export_guide(output, catalogue, record)
        if args.format == "pdf":
            return _export_pdf(output, catalogue, record)
        from privacy_audit.store.exchange import export_json

        return _write_from_record(
            output,
            record,
            lambda: export_json(record, output),
            lambda count: (
                f"Wrote {count} check(s) to {output}. It is not encrypted: keep it somewhere private."
            ),
        )


def _export_ics(output: Path, catalogue) -> int:
    import datetime as dt

    from privacy_audit.commands._terminal import out, say
    from privacy_audit.core.terms import schedule_term_starts

    try:
        from privacy_audit.desktop.calendar import CalendarError, write_term_calendar
    except ImportError as exc:
        say(f"Calendar export is not available in this copy of Privacy Audit ({exc}).")
        return 1
    today = dt.date.today()
    config = catalogue.school.config
    try:
        count = write_term_calendar(
            output,
            term_starts=schedule_term_starts(list(config.term_starts), today),
            school_name=config.school_name,
            today=today,
        )
    except CalendarError as exc:
        say(str(exc))
        return 1
    except OSError as exc:
        say(f"{output}: cannot be written ({exc.strerror or exc}).")
        return 1
    out(f"Wrote {count} term reminder(s) to {output}. Open it with your calendar app to add them.")
    return 0


def _export_pdf(output: Path, catalogue, record) -> int:
    import datetime as dt

    from privacy_audit.commands._terminal import say

    try:
        from privacy_audit.report.contents import report_arguments
        from privacy_audit.report.pdf import write_pdf_report
    except ImportError as exc:
        say(f"PDF reports are not available in this copy of Privacy Audit ({exc}).")
        return 1
    return _write_from_record(
        output,
        record,
        lambda: write_pdf_report(
            output,
            **report_arguments(
                record,
                catalogue,
                configured_terms=list(catalogue.school.config.term_starts),
                interval_days=catalogue.school.config.reminder_interval_days,
                now=dt.datetime.now().astimezone(),
            ),
        ),
        lambda _written: f"Wrote your report to {output}.",
    )


def _write_from_record(output: Path, record, write: Callable[[], T], done: Callable[[T], str]) -> int:
    """Run `write` (which reads the record and writes `output`) and say how it went: the exit code is 1 when
    the file cannot be written, 3 when the record cannot be read, else 0 after any notices of damaged
    entries left out and the `done` sentence."""
    from privacy_audit.commands._terminal import out, say
    from privacy_audit.store.errors import RecordError

    told = len(record.notices)  # said when the record opened (terminal_record): not said twice
    try:
        written = write()
    except OSError as exc:
        say(f"{output}: cannot be written ({exc.strerror or exc}).")
        return 1
    except RecordError as exc:
        say(f"{exc}\nNothing was written to {output}.")
        return 3
    for notice in record.notices[told:]:  # damaged entries found while writing, left out of the file
        say(notice)
    out(done(written))
    return 0


def _export_guide(output: Path, catalogue, record) -> int:
    """The pocket guide: the person's platforms and phone from their record, or every platform (no record)."""
    from privacy_audit.commands._terminal import out, say
    from privacy_audit.core.platforms import ALWAYS_IN_USE
    from privacy_audit.core.settings import PHONE, PHONES
    from privacy_audit.report.guide import write_pocket_guide

    platforms, phone = None, None
    if record is not None:
        platforms = record.platforms_in_use()
        chosen = record.get_setting(PHONE)
        phone = chosen if chosen in PHONES else None
    try:
        pages = write_pocket_guide(output, catalogue=catalogue, platforms=platforms, phone=phone)
    except OSError as exc:
        say(f"{output}: cannot be written ({exc.strerror or exc}).")
        return 1
    if platforms == [ALWAYS_IN_USE]:
        say(
            "You have not chosen the platforms you use yet, so the guide has only the checks for all your "
            "accounts. Choose them in the app, or add --all for every platform."
        )
    out(f"Wrote a pocket guide of {pages} page(s) to {output}.")
    return 0
