"""`privacy-audit validate [PATH...]`: check checklist files, folders and school configs.

Exit 0 with a one-line summary when everything is valid; exit 1 with one `FILE:LINE: where: message` line
per problem otherwise. With no PATH it validates the shipped checklists and the school config in force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "validate"
HELP = "check checklist files or folders and school configs; print FILE:LINE: messages for problems"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="checklist files or folders, or school.yaml files"
    )
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of a checklist file and exit"
    )
    parser.add_argument(
        "--school-schema", action="store_true", help="print the JSON Schema of school.yaml and exit"
    )
    parser.add_argument(
        "--coverage", action="store_true", help="print which policy clauses each platform covers"
    )


def run(args: argparse.Namespace) -> int:
    import json

    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.school import SchoolConfig

    if args.schema or args.school_schema:
        model = Checklist if args.schema else SchoolConfig
        print(json.dumps(model.model_json_schema(), indent=2, default=str))
        return 0
    from privacy_audit.core.text import visible

    report = validate_paths([Path(p) for p in args.paths], school_config=args.school_config)
    for line in report.problems:
        print(visible(line))  # file names and values come from the files: shown, never obeyed
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {report.files} file(s).", file=sys.stderr)
        return 1
    print(
        f"OK: {report.files} file(s), {report.platforms} platform(s), {report.items} item(s), {report.configs} school config(s)."
    )
    if args.coverage:
        from privacy_audit.core.coverage import coverage_table

        print()
        print(coverage_table(report.checklists))
    return 0


def _skipped_in(folder: Path, read: list[Path]) -> list[str]:
    """A line for each checklist-named entry of `folder` that is not read because it is not a regular file
    (a FIFO, a device, a socket, a folder, a link to nothing): the app skips it too, so it is said, not
    passed over. Found by stat alone; nothing is opened, so a FIFO cannot make validate wait."""
    from privacy_audit.core.files import special_file_kind

    lines = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []  # checklist_files read it a moment ago; a folder that vanished since has nothing to say
    for entry in entries:
        if entry.suffix not in (".yaml", ".yml") or entry in read:
            continue
        kind = special_file_kind(entry)
        if kind is not None:
            lines.append(
                f"{entry}:1: skipped: it is {kind}, not a regular file, so neither validate nor the app reads it"
            )
    return lines


class Report:
    def __init__(self) -> None:
        self.files = 0
        self.platforms = 0
        self.items = 0
        self.configs = 0
        self.problems: list[str] = []
        self.checklists: list = []


def validate_paths(paths: list[Path], school_config: str | None = None) -> Report:
    """Validate each path; folders are read as checklist folders (plus any school*.yaml in them)."""
    from privacy_audit.core.catalogue import checklist_files
    from privacy_audit.core.clauses import default_policy
    from privacy_audit.core.loading import (
        DataFileError,
        load_checklist_file,
        load_school_config_file,
        looks_like_school_config,
    )
    from privacy_audit.core.paths import checklists_dir, find_school_config
    from privacy_audit.core.platforms import PLATFORM_IDS, sort_key

    policy = default_policy()
    report = Report()
    if not paths:
        paths = [checklists_dir()]
        found = find_school_config(school_config)
        if found is not None:
            paths.append(found)

    files: list[Path] = []
    for path in paths:
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a folder that may not be read
            report.problems.append(f"{path}:1: cannot be read ({getattr(exc, 'strerror', None) or exc})")
            continue
        if is_dir:
            in_folder = checklist_files(path)
            files += in_folder
            report.problems += _skipped_in(path, in_folder)
        elif exists:
            files.append(path)
        else:
            report.problems.append(f"{path}:1: no such file or folder")

    seen_platforms: dict[str, Path] = {}
    school_configs: list[Path] = []
    for path in files:
        report.files += 1
        if looks_like_school_config(path):
            school_configs.append(path)  # validated last, once every platform in the paths is known
            continue
        try:
            checklist = load_checklist_file(path, policy)
        except DataFileError as exc:
            report.problems += [str(p) for p in exc.problems]
            continue
        if checklist.platform in seen_platforms:
            report.problems.append(
                f"{path}:1: platform: '{checklist.platform}' is already defined in {seen_platforms[checklist.platform]}"
            )
            continue
        seen_platforms[checklist.platform] = path
        report.platforms += 1
        report.items += len(checklist.items)
        report.checklists.append(checklist)
    known_platforms = frozenset(PLATFORM_IDS) | frozenset(seen_platforms)
    if (
        school_configs
    ):  # extra items are checked against the checklists they join: these, else the shipped ones
        from privacy_audit.core.catalogue import load_checklists

        against = load_checklists(policy=policy)[0] | {c.platform: c for c in report.checklists}
    for path in school_configs:
        try:
            load_school_config_file(path, policy, known_platforms, against)
            report.configs += 1
        except DataFileError as exc:
            report.problems += [str(p) for p in exc.problems]
    report.checklists.sort(key=lambda checklist: sort_key(checklist.platform))
    return report
