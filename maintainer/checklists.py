"""Reading the checklist files as the maintainers' tools need them, and appending live checks to them.

The files are read as YAML (ruamel.yaml round-trip), not through the app's pydantic models, so the tools keep
working while the checklist format gains fields; what they need is small: each item's id, title, settings
address, app path, labels and `provenance`. Writing appends one entry to an item's
`provenance.live_checks` and changes nothing else: comments, order and quoting survive.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from privacy_audit.core.checklist import fill_url

SURFACES = ("web", "ios", "android")
RESULTS = ("labels_found", "different_label", "not_found")


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, key order and quotes are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the shipped checklists
    return yaml


@dataclass
class Target:
    """One checklist item, as the tools see it."""

    path: Path
    platform: str
    platform_name: str
    domains: tuple[str, ...]
    item_id: str
    title: str
    url_template: str | None
    app_path: str | None
    labels: tuple[str, ...]
    sources: tuple[Mapping[str, Any], ...]
    written: dt.date | None
    parameters: dict[str, str] = field(default_factory=dict)  # url parameter -> value used
    hostname_parameters: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.platform}/{self.item_id}"

    def url(self) -> str | None:
        """The settings address with the parameters filled in (the example values unless given)."""
        return fill_url(self.url_template, self.parameters) if self.url_template else None

    def allowed_domains(self) -> tuple[str, ...]:
        """The platform's domains, plus the server typed for a hostname parameter (a Mastodon server)."""
        typed = tuple(self.parameters[name] for name in self.hostname_parameters if self.parameters.get(name))
        return self.domains + typed


def checklist_paths(folder: Path, platforms: list[str] | None = None) -> list[Path]:
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [p for p in paths if not platforms or p.stem in platforms]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def targets(
    folder: Path, platforms: list[str] | None = None, values: Mapping[str, str] | None = None
) -> Iterator[Target]:
    """Every item of every checklist in `folder` (or of the named platforms)."""
    for path in checklist_paths(folder, platforms):
        data = _yaml().load(path.read_text(encoding="utf-8"))
        if not isinstance(data, Mapping) or not isinstance(data.get("items"), list):
            continue
        parameters = {
            str(p["name"]): str((values or {}).get(str(p["name"])) or p.get("example", ""))
            for p in data.get("url_parameters") or []
        }
        hostname = tuple(
            str(p["name"]) for p in data.get("url_parameters") or [] if p.get("kind") == "hostname"
        )
        for item in data["items"]:
            where = item.get("where") or {}
            provenance = item.get("provenance") or {}
            yield Target(
                path=path,
                platform=str(data.get("platform", path.stem)),
                platform_name=str(data.get("name", path.stem)),
                domains=tuple(str(d) for d in data.get("domains") or []),
                item_id=str(item.get("id")),
                title=str(item.get("title", "")),
                url_template=str(where["url"]) if where.get("url") else None,
                app_path=str(where["app"]) if where.get("app") else None,
                labels=tuple(str(label) for label in item.get("labels") or []),
                sources=tuple(provenance.get("sources") or []),
                written=_date(provenance.get("written")),
                parameters=dict(parameters),
                hostname_parameters=hostname,
            )


class WriteRefused(Exception):
    """A live check that must not be written; the message says why."""


def live_check(
    on: dt.date,
    surface: str,
    region: str,
    labels_seen: list[str],
    method: str,
    by: str,
    app_version: str | None = None,
) -> dict[str, Any]:
    """A live check in the provenance format (only `labels_found` checks are ever written by the tools)."""
    if surface not in SURFACES:
        raise WriteRefused(f"surface must be one of {', '.join(SURFACES)}")
    if not labels_seen:
        raise WriteRefused("a live check with the result labels_found needs the labels seen")
    check: dict[str, Any] = {
        "on": on,
        "surface": surface,
        "region": region,
        "result": "labels_found",
        "labels_seen": list(labels_seen),
    }
    if app_version:
        check["app_version"] = app_version
    check["method"] = method
    check["by"] = by
    return check


def append_live_check(
    path: Path, item_id: str, check: Mapping[str, Any], today: dt.date | None = None
) -> None:
    """Append `check` to item `item_id`'s `provenance.live_checks` in `path`; nothing else in the file changes.

    Refused (WriteRefused) when the item is not there, has no `provenance` block (the old format: add one
    first, by hand), or the check's date is in the future or before the item was written."""
    today = today or dt.date.today()
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    item = next(
        (i for i in data.get("items") or [] if isinstance(i, Mapping) and i.get("id") == item_id), None
    )
    if item is None:
        raise WriteRefused(f"{path.name} has no item '{item_id}'")
    provenance = item.get("provenance")
    if not isinstance(provenance, CommentedMap):
        raise WriteRefused(
            f"{path.name}: item '{item_id}' has no provenance block yet; add one before recording checks"
        )
    on = check["on"]
    if on > today:
        raise WriteRefused(f"{on.isoformat()} is in the future")
    written = _date(provenance.get("written"))
    if written and on < written:
        raise WriteRefused(f"{on.isoformat()} is before the item was written ({written.isoformat()})")
    checks = provenance.get("live_checks")
    if checks is None:
        checks = provenance["live_checks"] = CommentedSeq()
    if not isinstance(checks, CommentedSeq):
        raise WriteRefused(f"{path.name}: item '{item_id}' has live_checks that are not a list")
    checks.fa.set_block_style()  # `live_checks: []` becomes a block list, like the other lists in the file
    entry = CommentedMap()
    for key, value in check.items():
        if isinstance(value, list):
            seq = CommentedSeq(DoubleQuotedScalarString(v) for v in value)
            seq.fa.set_flow_style()
            value = seq
        elif isinstance(value, str) and key in ("labels_seen", "app_version", "method", "by"):
            value = DoubleQuotedScalarString(value)
        entry[key] = value
    checks.append(entry)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            yaml.dump(data, out)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
