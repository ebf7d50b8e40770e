"""The catalogue cache: the validated checklists and policy clauses as JSON, so start-up skips the YAML.

Parsing the shipped YAML files with line tracking takes about 0.3 s. After a load in which every file was
valid, the validated data is written as JSON under the person's state folder; the next load (the app's or
a command's) re-validates that JSON with the same pydantic models and the same rules as the files
(`checklist_problems`: every web address on the platform's own domains, known clauses) instead of parsing
YAML. The cache is keyed on the app version and every file's SHA-256 (not its size and modification
time, which anyone can set back), so an edited or broken file is always read (and reported with its line)
afresh.

The cache file is never simply trusted: one that is not this user's own regular file, or that others may
write to (`core.files.is_private_file`), is ignored; so is one whose cached data no longer matches the
SHA-256 written beside it (a hand-edited cache), and one whose contents break any checklist rule or name
a platform under another file's name. Then the files are read instead. The school config is never cached: it is one small file, and IT may replace it any time.

Standard library only at import: `remind` reads the platform names from here (`cached_platform_names`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from privacy_audit import __version__
from privacy_audit.core.files import FileRefused, is_private_file, read_regular_file, write_atomically
from privacy_audit.core.paths import resource_path

TYPE_CHECKING = False  # neither `typing` nor the pydantic models are imported when `remind` reads names
if TYPE_CHECKING:
    from typing import Any

    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.clauses import Policy

CACHE_NAME = "catalogue-cache.json"
FORMAT = 3
# The cache of the shipped checklists is a few hundred kilobytes; a far larger file is not one we wrote.
_LARGEST_CACHE = 32 * 1024 * 1024
# A platform's name is shown in a reminder as it is; a longer one in a cache is not a checklist's name.
_LONGEST_NAME = 80


def checklist_files(folder: Path) -> list[Path]:
    """The checklist files in `folder`, in name order: the one selection every loader uses."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _stamp(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digest(payload: object) -> str:
    """The SHA-256 of the cached data, so a cache edited after it was written is noticed."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _read_own_cache(cache_file: Path) -> Any:
    """The cache's JSON when it is this user's own file that no one else can write, else None."""
    if not is_private_file(cache_file):
        return None
    try:
        return json.loads(read_regular_file(cache_file, _LARGEST_CACHE).decode("utf-8"))
    except (FileRefused, ValueError):
        return None


def cache_key(folder: Path) -> dict[str, Any]:
    """What the cache depends on: the app version and every checklist file's (and the policy's) SHA-256."""
    return {
        "format": FORMAT,
        "app": __version__,
        "folder": str(folder.resolve()),
        "files": {path.name: _stamp(path) for path in checklist_files(folder)},
        "policy": _stamp(resource_path("policy_clauses.yaml")),
    }


def load_cached(cache_file: Path, folder: Path) -> tuple[dict[str, Checklist], Policy] | None:
    """The cached checklists and policy, or None when the cache is missing, stale, unreadable, or breaks a
    rule the files would have to keep (then the files are read, and their problems reported)."""
    import datetime as dt

    from privacy_audit.core.checklist import Checklist, checklist_problems
    from privacy_audit.core.clauses import Clause, Policy

    try:
        data = _read_own_cache(cache_file)
        key = cache_key(folder)
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        if data.get("digest") != _digest([data["key"], data["policy"], data["checklists"]]):
            return None
        policy_data = data["policy"]
        policy = Policy(
            title=str(policy_data["title"]),
            source=str(policy_data["source"]),
            clauses={c["id"]: Clause(**c) for c in policy_data["clauses"]},
        )
        checklists = {pid: Checklist.model_validate(body) for pid, body in data["checklists"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # any doubt: read the YAML files
        return None
    stems = {Path(name).stem for name in key["files"]}
    today = dt.date.today()
    for platform, checklist in checklists.items():
        if platform != checklist.platform or platform not in stems:
            return None
        if checklist_problems(checklist, policy.ids, today):
            return None
    return checklists, policy


def write_cache(cache_file: Path, folder: Path, checklists: dict[str, Checklist], policy: Policy) -> None:
    """Write the cache atomically (owner-only); a failure is harmless and ignored."""
    from dataclasses import asdict

    try:
        data: dict[str, Any] = {
            "key": cache_key(folder),
            "policy": {
                "title": policy.title,
                "source": policy.source,
                "clauses": [asdict(clause) for clause in policy.clauses.values()],
            },
            "checklists": {pid: checklist.model_dump(mode="json") for pid, checklist in checklists.items()},
        }
        data["digest"] = _digest([data["key"], data["policy"], data["checklists"]])
        cache_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(cache_file, json.dumps(data).encode("utf-8"))
    except OSError:
        return


def cached_platform_names(cache_file: Path) -> dict[str, str]:
    """Each cached checklist's platform name by id, read with the standard library alone (for `remind`).

    Empty when there is no readable cache of this user's own; a name that is not plain short text is left
    out, so the caller falls back to the platform id rather than showing it."""
    try:
        data = _read_own_cache(cache_file)
        checklists = data["checklists"]
        names = {pid: body.get("name") for pid, body in checklists.items() if isinstance(body, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return {
        str(pid): name
        for pid, name in names.items()
        if isinstance(name, str) and 0 < len(name) <= _LONGEST_NAME and name.isprintable()
    }
