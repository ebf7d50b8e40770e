"""All checklists the app offers, as one catalogue: the shipped files plus the school's own items.

A checklist file that fails to load is left out and reported, so one bad file never stops the app; the
school's choices (for example whether staff may name the school on LinkedIn) are applied here, once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from privacy_audit.core.checklist import Checklist, Item
from privacy_audit.core.clauses import Policy, default_policy
from privacy_audit.core.loading import DataFileError, Problem, load_checklist_file, read_school_config
from privacy_audit.core.paths import checklists_dir, find_school_config
from privacy_audit.core.platforms import ALWAYS_IN_USE, PLATFORM_IDS, sort_key
from privacy_audit.core.school import SchoolConfig, SchoolConfigSource, extra_item_problem


def checklist_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_checklists(
    folder: Path | None = None, policy: Policy | None = None
) -> tuple[dict[str, Checklist], list[Problem]]:
    """Every valid checklist in `folder` by platform id, and the problems of the files that are not."""
    folder = folder or checklists_dir()
    policy = policy or default_policy()
    checklists: dict[str, Checklist] = {}
    first_file: dict[str, Path] = {}
    problems: list[Problem] = []
    for path in checklist_files(folder):
        try:
            checklist = load_checklist_file(path, policy)
        except DataFileError as exc:
            problems.extend(exc.problems)
            continue
        if checklist.platform in checklists:
            problems.append(
                Problem(
                    path,
                    1,
                    "platform",
                    f"platform '{checklist.platform}' is already defined in {first_file[checklist.platform]}",
                )
            )
            continue
        checklists[checklist.platform] = checklist
        first_file[checklist.platform] = path
    return dict(sorted(checklists.items(), key=lambda kv: sort_key(kv[0]))), problems


def load_school_config(
    explicit: str | os.PathLike[str] | None = None,
    policy: Policy | None = None,
    known_platforms: frozenset[str] | None = None,
    checklists: dict[str, Checklist] | None = None,
) -> SchoolConfigSource:
    """The school config in force; a missing or broken file gives the defaults plus the problems.

    Given the `checklists`, the school's extra items are checked against them too (ids, domains)."""
    policy = policy or default_policy()
    path = find_school_config(explicit)
    if path is None:
        return SchoolConfigSource(SchoolConfig(), None)
    if known_platforms is None:
        known_platforms = frozenset(load_checklists(policy=policy)[0]) | frozenset(PLATFORM_IDS)
    reading = read_school_config(path, policy, known_platforms, checklists)  # bad parts left out, rest kept
    return SchoolConfigSource(reading.config, path, reading.banner_lines(), reading.kept)


def apply_school(checklist: Checklist, config: SchoolConfig) -> tuple[Checklist, list[str]]:
    """The checklist with the school's extra items added and its choices applied; problems as text."""
    problems: list[str] = []
    items: list[Item] = []
    for item in checklist.items:
        if item.school_choice is not None:
            allowed = getattr(config, item.school_choice.setting)
            choice = item.school_choice.if_allowed if allowed else item.school_choice.if_not_allowed
            item = item.model_copy(update={"safe_value": choice})
        items.append(item)
    taken = {item.id for item in items}
    for extra in config.extra_items:
        if extra.platform != checklist.platform:
            continue
        problem = extra_item_problem(extra, checklist, taken)
        if problem is not None:
            problems.append(f"school item '{extra.id}' was left out: {problem[1]}")
            continue
        items.append(Item.model_validate(extra.model_dump(exclude={"platform"})))
        taken.add(extra.id)
    return checklist.model_copy(update={"items": items}), problems


@dataclass
class Catalogue:
    """The checklists in force for this school, and everything that went wrong loading them."""

    checklists: dict[str, Checklist]
    policy: Policy
    school: SchoolConfigSource
    problems: list[str] = field(default_factory=list)

    def offered(self) -> list[Checklist]:
        """The checklists this school offers, general first."""
        wanted = set(self.school.config.platforms) | {ALWAYS_IN_USE}
        return [c for pid, c in self.checklists.items() if pid in wanted]

    def get(self, platform_id: str) -> Checklist:
        return self.checklists[platform_id]

    @property
    def item_count(self) -> int:
        return sum(len(c.items) for c in self.checklists.values())


def load_catalogue(
    folder: Path | None = None, school: SchoolConfigSource | None = None, policy: Policy | None = None
) -> Catalogue:
    policy = policy or default_policy()
    checklists, file_problems = load_checklists(folder, policy)
    if school is None:
        school = load_school_config(
            policy=policy,
            known_platforms=frozenset(checklists) | frozenset(PLATFORM_IDS),
            checklists=checklists,
        )
    problems = [str(p) for p in file_problems] + list(school.problems)
    applied = {}
    for platform_id, checklist in checklists.items():
        applied[platform_id], found = apply_school(checklist, school.config)
        problems += [f"{school.describe}: {message}" for message in found]
    return Catalogue(checklists=applied, policy=policy, school=school, problems=problems)
