"""All checklists the app offers, as one catalogue: the shipped files plus the school's own items.

A checklist file that fails to load is left out and reported, so one bad file never stops the app and never
costs the school's config (its name, contact and term dates): a platform whose checklist failed is still a
platform the app knows. The school's choices (for example whether staff may name the school on LinkedIn)
are applied here, once. `load_catalogue_with_cache` is the one way the app and every command load it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_audit.core.cache import CACHE_NAME, checklist_files, load_cached, write_cache
from privacy_audit.core.checklist import Checklist, Item
from privacy_audit.core.clauses import Policy, default_policy
from privacy_audit.core.loading import DataFileError, Problem, load_checklist_file, read_school_config
from privacy_audit.core.paths import AppDirs, checklists_dir, find_school_config
from privacy_audit.core.platforms import ALWAYS_IN_USE, PLATFORM_IDS, sort_key

if TYPE_CHECKING:
    from privacy_audit.core.packs import GuidanceChoice
from privacy_audit.core.school import SchoolConfig, SchoolConfigSource, extra_item_problem


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


def school_addresses_step(domains: list[str]) -> str:
    """The step the policy 7.4 items gain when the school lists its email domains: which addresses are the
    school's, so nobody has to guess."""
    listed = ", ".join(f"@{domain}" for domain in domains)
    return f"Your school's email addresses end in {listed}: none of them should be on this account."


def apply_school(checklist: Checklist, config: SchoolConfig) -> tuple[Checklist, list[str]]:
    """The checklist with the school's extra items added and its choices applied; problems as text."""
    problems: list[str] = []
    items: list[Item] = []
    for item in checklist.items:
        if item.school_choice is not None:
            allowed = getattr(config, item.school_choice.setting)
            choice = item.school_choice.if_allowed if allowed else item.school_choice.if_not_allowed
            item = item.model_copy(update={"safe_value": choice})
        if "7.4" in item.clauses and config.email_domains:
            item = item.model_copy(
                update={"steps": [*item.steps, school_addresses_step(config.email_domains)]}
            )
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
    # Which guidance is in use (built in, or a signed pack) and any pack refused; None when the caller
    # chose the checklist folder itself (tests, `validate`).
    guidance: GuidanceChoice | None = None

    def offered(self) -> list[Checklist]:
        """The checklists this school offers, general first."""
        wanted = set(self.school.config.platforms) | {ALWAYS_IN_USE}
        return [c for pid, c in self.checklists.items() if pid in wanted]

    def get(self, platform_id: str) -> Checklist:
        return self.checklists[platform_id]


def load_catalogue(
    folder: Path | None = None, school: SchoolConfigSource | None = None, policy: Policy | None = None
) -> Catalogue:
    """The catalogue from the checklist files in `folder` (default: the shipped ones), without the cache."""
    policy = policy or default_policy()
    checklists, file_problems = load_checklists(folder, policy)
    return _catalogue(checklists, [str(p) for p in file_problems], policy, school)


def load_catalogue_with_cache(
    dirs: AppDirs,
    school_config: str | os.PathLike[str] | None = None,
    *,
    folder: Path | None = None,
) -> Catalogue:
    """The catalogue in force: the checklists (from the cache in `dirs.state` when it is valid) with the
    school config (`school_config`, else the usual places) applied. Used by the app and by every command.

    When the files had to be read and every one was valid, the cache is written for the next load (so call
    this off the GUI thread). Raises OSError or ValueError when the app's own files are missing."""
    guidance = None
    if folder is None:
        # A signed guidance pack that IT dropped in (core/packs.py) replaces the built-in checklists when it
        # is valid and newer; otherwise the built-in guidance is used and the choice says why.
        from privacy_audit.core.clauses import load_policy
        from privacy_audit.core.packs import builtin_guidance_version, choose_guidance

        guidance = choose_guidance(None, builtin_guidance_version, extract_root=dirs.state / "guidance-pack")
        if guidance.uses_pack:
            # A pack's files are written afresh from its verified bytes at every start, so they are read
            # directly: the cache would only ever be stale.
            policy = load_policy(guidance.policy_file)
            checklists, file_problems = load_checklists(guidance.checklists_dir, policy)
            catalogue = _catalogue(
                checklists, [str(p) for p in file_problems], policy, school_config=school_config
            )
            catalogue.guidance = guidance
            return catalogue
    folder = folder or checklists_dir()
    cache_file = dirs.state / CACHE_NAME
    cached = load_cached(cache_file, folder)
    if cached is not None:
        checklists, policy = cached
        catalogue = _catalogue(checklists, [], policy, school_config=school_config)
    else:
        policy = default_policy()
        checklists, file_problems = load_checklists(folder, policy)
        if not file_problems:  # the next load can skip parsing YAML
            write_cache(cache_file, folder, checklists, policy)
        catalogue = _catalogue(
            checklists, [str(p) for p in file_problems], policy, school_config=school_config
        )
    catalogue.guidance = guidance
    return catalogue


def _catalogue(
    checklists: dict[str, Checklist],
    problems: list[str],
    policy: Policy,
    school: SchoolConfigSource | None = None,
    school_config: str | os.PathLike[str] | None = None,
) -> Catalogue:
    if school is None:
        # Every platform the app knows stays known even when its checklist failed to load: that file's
        # problem is reported, and the school's config (name, contact, term dates) still applies. An extra
        # item that breaks a rule is left out by `apply_school` (and reported), not the whole config.
        school = load_school_config(
            school_config, policy=policy, known_platforms=frozenset(checklists) | frozenset(PLATFORM_IDS)
        )
    problems = problems + list(school.problems)
    if school.problems and school.kept and not school.kept.startswith("nothing"):
        problems.append(f"{school.describe}: still in use: {school.kept}")  # what the banner can reassure
    applied = {}
    for platform_id, checklist in checklists.items():
        applied[platform_id], found = apply_school(checklist, school.config)
        problems += [f"{school.describe}: {message}" for message in found]
    return Catalogue(checklists=applied, policy=policy, school=school, problems=problems)
