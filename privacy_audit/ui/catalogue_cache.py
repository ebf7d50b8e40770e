"""A start-up cache of the validated checklists and policy clauses, so the window appears quickly.

Parsing the shipped YAML files with line tracking takes about 0.3 s, most of the app's start-up. After a
successful load the validated data is written as JSON under the person's state folder; the next start
re-validates that JSON with the same pydantic models (a few milliseconds) instead of parsing YAML. The
cache is keyed on the app version and every file's size and modification time, and is only written when
every file was valid, so a broken or edited file is always read (and reported with its line) afresh.
The school config is never cached: it is one small file, and IT may replace it at any time.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit import __version__
from privacy_audit.core.files import write_atomically
from privacy_audit.core.paths import AppDirs, checklists_dir, resource_path

if TYPE_CHECKING:  # pydantic models: imported where used, so `cache_key` stays standard-library only
    from privacy_audit.core.catalogue import Catalogue
    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.clauses import Policy

CACHE_NAME = "catalogue-cache.json"
FORMAT = 1


def _stamp(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_mtime_ns, status.st_size]


def _checklist_files(folder: Path) -> list[Path]:
    # The same selection as core.catalogue.checklist_files, without importing that (pydantic) module.
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def cache_key(folder: Path) -> dict[str, Any]:
    """What the cache depends on: the app version and every checklist file's (and the policy's) mtime and size."""
    return {
        "format": FORMAT,
        "app": __version__,
        "folder": str(folder.resolve()),
        "files": {path.name: _stamp(path) for path in _checklist_files(folder)},
        "policy": _stamp(resource_path("policy_clauses.yaml")),
    }


def load_cached(cache_file: Path, folder: Path) -> tuple[dict[str, Checklist], Policy] | None:
    """The cached checklists and policy, or None when the cache is missing, stale or unreadable."""
    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.clauses import Clause, Policy

    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data.get("key") != cache_key(folder):
            return None
        policy_data = data["policy"]
        policy = Policy(
            title=policy_data["title"],
            source=policy_data["source"],
            clauses={c["id"]: Clause(**c) for c in policy_data["clauses"]},
        )
        checklists = {pid: Checklist.model_validate(body) for pid, body in data["checklists"].items()}
        return checklists, policy
    except (OSError, ValueError, KeyError, TypeError):  # any doubt: read the YAML files instead
        return None


def write_cache(cache_file: Path, folder: Path, checklists: dict[str, Checklist], policy: Policy) -> None:
    """Write the cache atomically (owner-only); a failure is harmless and ignored."""
    data = {
        "key": cache_key(folder),
        "policy": {
            "title": policy.title,
            "source": policy.source,
            "clauses": [asdict(clause) for clause in policy.clauses.values()],
        },
        "checklists": {pid: checklist.model_dump(mode="json") for pid, checklist in checklists.items()},
    }
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(cache_file, json.dumps(data).encode("utf-8"))
    except OSError:
        return


def load_checklists_fast(cache_file: Path, folder: Path | None = None):
    """(checklists, file problems, policy, fresh) — from the cache when it is valid, else from the files.

    `fresh` is True when the files were read, i.e. the caller may write the cache (off the GUI thread).
    """
    from privacy_audit.core.catalogue import load_checklists
    from privacy_audit.core.clauses import default_policy

    folder = folder or checklists_dir()
    cached = load_cached(cache_file, folder)
    if cached is not None:
        checklists, policy = cached
        return checklists, [], policy, False
    policy = default_policy()
    checklists, problems = load_checklists(folder, policy)
    return checklists, problems, policy, not problems


def build_catalogue(dirs: AppDirs, school_config: str | os.PathLike[str] | None = None) -> Catalogue:
    """The full catalogue in force: the checklists (from the cache when valid) with the school's config applied.

    Writes the cache when the files had to be read; call it off the GUI thread once the window is up.
    Raises OSError or ValueError when the app's own files are missing.
    """
    from privacy_audit.core.catalogue import Catalogue, apply_school, load_school_config

    cache_file = dirs.state / CACHE_NAME
    checklists, file_problems, policy, fresh = load_checklists_fast(cache_file)
    school = load_school_config(school_config, policy=policy, known_platforms=frozenset(checklists))
    problems = [str(p) for p in file_problems] + list(school.problems)
    applied = {}
    for platform_id, checklist in checklists.items():
        applied[platform_id], found = apply_school(checklist, school.config)
        problems += [f"{school.describe}: {message}" for message in found]
    if fresh:  # the next start can skip parsing YAML
        write_cache(cache_file, checklists_dir(), checklists, policy)
    return Catalogue(checklists=applied, policy=policy, school=school, problems=problems)
