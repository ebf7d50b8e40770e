"""Guidance packs: corrected checklists that IT can drop beside the program, without a reinstall.

A pack is one zip file named `guidance-pack.zip` holding `checklists/*.yaml`, `resources/policy_clauses.yaml`,
`manifest.json` (format, version, date, the app versions it suits, a SHA-256 per file) and `manifest.sig`
(an Ed25519 signature of manifest.json's exact bytes, base64, made with the project's private key; the app
ships the public half as resources/guidance-pack.pub).

The app uses a pack only when the signature matches, every file's hash matches, the pack suits this app's
version, every checklist validates against the pack's own policy clauses, and the pack is newer than the
guidance built in. Otherwise it keeps the built-in guidance and says why in plain English. Staff never choose.

Versions of guidance are dates, "YYYY.MM.DD" with an optional ".N" for a second issue on one day; the
built-in guidance's version is the latest `last_reviewed` of the shipped checklists.

The maintainers' tool `python -m maintainer make-pack` builds packs with `build_pack` below, so the format
has one definition. Qt-free and network-free.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACK_FILE_NAME = "guidance-pack.zip"
PUBLIC_KEY_RESOURCE = "guidance-pack.pub"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FORMAT = 1
POLICY_MEMBER = "resources/policy_clauses.yaml"

# Bounded reads: a pack is a few hundred kilobytes of YAML; anything far bigger is not a pack.
MAX_PACK_BYTES = 5 * 1024 * 1024
MAX_MEMBER_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024
MAX_MEMBERS = 100

_CHECKLIST_MEMBER = re.compile(r"^checklists/[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")
_VERSION = re.compile(r"^\d{4}\.\d{2}\.\d{2}(?:\.\d{1,4})?$")
_APP_VERSION = re.compile(r"^\d+(?:\.\d+){0,3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

BUILT_IN = "built-in"
PACK = "pack"


class PackRefused(Exception):
    """A pack that must not be used; the message says why in words an IT technician can act on."""


@dataclass
class GuidanceChoice:
    """Which guidance the app uses: the pack's files or the built-in ones, and why.

    `checklists_dir` and `policy_file` are what the catalogue loader reads. `refused` holds one plain-English
    reason per pack that was found but not used."""

    source: str  # BUILT_IN or PACK
    checklists_dir: Path
    policy_file: Path
    origin: str  # where it came from, in words
    pack_path: Path | None = None
    pack_date: dt.date | None = None
    refused: list[str] = field(default_factory=list)
    # The version, or how to work it out: the built-in guidance's version costs a load of every shipped
    # checklist, so it is worked out only when a pack must be compared with it or someone asks.
    version_source: str | Callable[[], str] = field(default="", repr=False)

    @property
    def uses_pack(self) -> bool:
        return self.source == PACK

    @property
    def version(self) -> str:
        if callable(self.version_source):
            self.version_source = self.version_source()
        return self.version_source

    @property
    def date(self) -> dt.date | None:
        return self.pack_date if self.uses_pack else _date_of_version(self.version)

    @property
    def notice(self) -> str | None:
        """One line for the dashboard: only when a pack is used or a pack was refused; None otherwise."""
        if self.uses_pack:
            return f"Using updated guidance {self.version} from {self.origin}."
        if self.refused:
            return f"{self.refused[0]} The app is using the guidance built into it."
        return None

    def describe(self) -> str:
        """A sentence for `diagnose` and `privacy-audit guidance`."""
        when = f", dated {self.date.isoformat()}" if self.date else ""
        kind = "a guidance pack" if self.uses_pack else "the guidance built into the app"
        return f"Using {kind}, version {self.version}{when}, from {self.origin}."


@dataclass(frozen=True)
class Manifest:
    version: str
    date: dt.date
    app_min: str
    app_below: str | None
    files: Mapping[str, str]


# --- versions -------------------------------------------------------------------------------------------


def version_key(version: str) -> tuple[int, ...]:
    """'2027.01.12.2' -> (2027, 1, 12, 2); '2027.01.12' sorts before '2027.01.12.1'."""
    return tuple(int(part) for part in version.split("."))


def version_of_date(date: dt.date) -> str:
    return f"{date.year:04d}.{date.month:02d}.{date.day:02d}"


def builtin_version(last_reviewed: Iterable[dt.date]) -> str:
    """The built-in guidance's version: the latest `last_reviewed` among its checklists."""
    dates = list(last_reviewed)
    return version_of_date(max(dates)) if dates else "0000.00.00"


def builtin_guidance_version(folder: Path | None = None) -> str:
    """The version of the guidance built into this copy of the app (by default its shipped checklists)."""
    from privacy_audit.core.clauses import default_policy
    from privacy_audit.core.loading import DataFileError, load_checklist_file
    from privacy_audit.core.paths import checklists_dir

    dates = []
    for path in sorted((folder or checklists_dir()).glob("*.yaml")):
        try:
            dates.append(load_checklist_file(path, default_policy()).last_reviewed)
        except DataFileError:
            continue  # a broken built-in file is reported by the catalogue; it has no say in the version
    return builtin_version(dates)


def _app_version_key(version: str) -> tuple[int, ...]:
    parts = tuple(int(p) for p in version.split("."))
    return parts + (0,) * (4 - len(parts))


# --- keys and signatures ----------------------------------------------------------------------------------


def load_public_key(path: Path | None = None) -> Any:
    """The Ed25519 public key packs must be signed with (PEM); by default the one shipped in resources/."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    if path is None:
        from privacy_audit.core.paths import resource_path

        path = resource_path(PUBLIC_KEY_RESOURCE)
    key = load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise TypeError(f"{path} is not an Ed25519 public key")
    return key


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_pack(
    out: Path,
    checklist_files: Iterable[Path],
    policy_file: Path,
    version: str,
    date: dt.date,
    app_min: str,
    app_below: str | None,
    private_key: Any,
) -> dict[str, Any]:
    """Write a signed pack to `out` and return its manifest (for the maintainers' make-pack tool)."""
    if not _VERSION.match(version):
        raise ValueError(f"version {version!r} must look like 2027.01.12 (or 2027.01.12.2)")
    for value in (app_min, app_below):
        if value is not None and not _APP_VERSION.match(value):
            raise ValueError(f"app version {value!r} must look like 0.1.0")
    members: dict[str, bytes] = {}
    for path in sorted(checklist_files):
        members[f"checklists/{path.name}"] = path.read_bytes()
    members[POLICY_MEMBER] = policy_file.read_bytes()
    manifest = {
        "format": FORMAT,
        "version": version,
        "date": date.isoformat(),
        "app_versions": {"min": app_min, "below": app_below},
        "files": {name: sha256(data) for name, data in members.items()},
    }
    manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8") + b"\n"
    signature = base64.b64encode(private_key.sign(manifest_bytes)) + b"\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, signature)
        for name, data in members.items():
            archive.writestr(name, data)
    return manifest


# --- reading and checking a pack ---------------------------------------------------------------------------


def _read_bounded(path: Path) -> bytes:
    """The pack's bytes: a regular file (no links, devices or folders), at most MAX_PACK_BYTES."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise PackRefused(f"it could not be read ({exc.strerror or exc}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise PackRefused("it is not an ordinary file (a link, folder or device is never used).")
    if info.st_size > MAX_PACK_BYTES:
        raise PackRefused(
            f"it is {info.st_size // 1024} KB, larger than a pack can be ({MAX_PACK_BYTES // 1024} KB)."
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PACK_BYTES + 1)
    except OSError as exc:
        raise PackRefused(f"it could not be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_PACK_BYTES:
        raise PackRefused("it grew while being read.")
    return data


def _members(data: bytes) -> dict[str, bytes]:
    """Every member of the zip, each read with a size limit; odd names or duplicates refuse the pack."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackRefused("it is not a zip file, so it is not a guidance pack.") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackRefused(f"it holds {len(infos)} files, more than a pack can.")
    members: dict[str, bytes] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name.endswith("/"):
            continue  # folder entries carry no data
        allowed = name in (MANIFEST, SIGNATURE, POLICY_MEMBER) or _CHECKLIST_MEMBER.match(name)
        if not allowed:
            raise PackRefused(f"it holds a file a pack never has ({name[:80]!r}).")
        if name in members:
            raise PackRefused(f"it holds {name} twice.")
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackRefused(f"its file {name} is larger than a checklist can be.")
        try:
            with archive.open(info) as handle:
                content = handle.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
            raise PackRefused(f"its file {name} is damaged ({exc}).") from None
        if len(content) > MAX_MEMBER_BYTES:
            raise PackRefused(f"its file {name} is larger than a checklist can be.")
        total += len(content)
        if total > MAX_TOTAL_BYTES:
            raise PackRefused("its files are larger, together, than a pack can be.")
        members[name] = content
    return members


def _manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
        files = data["files"]
        apps = data["app_versions"]
        if data["format"] != FORMAT:
            raise PackRefused(
                f"it is in pack format {data['format']!r}, which this version of the app does not read."
            )
        version, date = data["version"], dt.date.fromisoformat(data["date"])
        app_min, app_below = apps["min"], apps.get("below")
        if not (isinstance(version, str) and _VERSION.match(version)):
            raise ValueError("version")
        for value in (app_min, app_below):
            if value is not None and not (isinstance(value, str) and _APP_VERSION.match(value)):
                raise ValueError("app_versions")
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _SHA256.match(v) for k, v in files.items()
        ):
            raise ValueError("files")
    except PackRefused:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise PackRefused("its manifest is not one the app can read.") from None
    return Manifest(version, date, app_min, app_below, files)


def check_pack(
    path: Path, public_key: Any, app_version: str, builtin: str, extract_to: Path
) -> tuple[Manifest, Path]:
    """Check the pack at `path` and write its verified files under `extract_to`; PackRefused says why not.

    Checked in this order: readable, a zip with only the files a pack has, a signature made with the
    project's key, every file's SHA-256, this app's version in range, newer than `builtin`, and every
    checklist valid against the pack's policy clauses."""
    from cryptography.exceptions import InvalidSignature

    members = _members(_read_bounded(path))
    if MANIFEST not in members or SIGNATURE not in members:
        raise PackRefused("it has no manifest or no signature, so it cannot be trusted.")
    try:
        signature = base64.b64decode(members[SIGNATURE].strip(), validate=True)
        public_key.verify(signature, members[MANIFEST])
    except (InvalidSignature, ValueError):
        raise PackRefused(
            "its signature does not match the Privacy Audit project's key, so it may have been changed "
            "or made by someone else."
        ) from None
    manifest = _manifest(members[MANIFEST])
    content = {name: data for name, data in members.items() if name not in (MANIFEST, SIGNATURE)}
    for name in sorted(set(manifest.files) | set(content)):
        if name not in content:
            raise PackRefused(f"its file {name} is missing.")
        if name not in manifest.files:
            raise PackRefused(f"its file {name} is not listed in its signed manifest.")
        if sha256(content[name]) != manifest.files[name]:
            raise PackRefused(f"its file {name} has been changed since the pack was signed.")
    if POLICY_MEMBER not in content or not any(_CHECKLIST_MEMBER.match(n) for n in content):
        raise PackRefused("it holds no checklists or no policy clauses.")
    if _app_version_key(app_version) < _app_version_key(manifest.app_min) or (
        manifest.app_below and _app_version_key(app_version) >= _app_version_key(manifest.app_below)
    ):
        suits = f"{manifest.app_min} or later" + (
            f", before {manifest.app_below}" if manifest.app_below else ""
        )
        raise PackRefused(f"it suits Privacy Audit {suits}, and this is version {app_version}.")
    if version_key(manifest.version) <= version_key(builtin):
        raise PackRefused(
            f"its guidance (version {manifest.version}) is not newer than the guidance built in "
            f"(version {builtin})."
        )
    extract_to.mkdir(parents=True, exist_ok=True)
    for name, data in content.items():
        target = extract_to / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _validate_extracted(extract_to)
    return manifest, extract_to


def _validate_extracted(folder: Path) -> None:
    """Every checklist in the pack must load with the app's own loader, against the pack's clauses."""
    from privacy_audit.core.clauses import load_policy
    from privacy_audit.core.loading import DataFileError, load_checklist_file
    from privacy_audit.core.yamlsource import SourceError

    try:
        policy = load_policy(folder / POLICY_MEMBER)
    except (SourceError, KeyError, TypeError, ValueError):
        raise PackRefused("its policy clauses file is not valid.") from None
    seen: set[str] = set()
    for path in sorted((folder / "checklists").glob("*.yaml")):
        try:
            checklist = load_checklist_file(path, policy)
        except DataFileError as exc:
            first = exc.problems[0]
            shown = str(first).replace(str(folder) + os.sep, "")
            raise PackRefused(f"its checklist {path.name} is not valid ({shown}).") from None
        if checklist.platform in seen:
            raise PackRefused(f"it defines platform {checklist.platform} twice.")
        seen.add(checklist.platform)


# --- choosing ---------------------------------------------------------------------------------------------


def default_search_dirs() -> list[tuple[str, Path]]:
    """Where IT may put a pack, in the order the app looks for school.yaml: beside the program, then the
    machine-wide config folders (the same folders core/paths.py uses)."""
    from privacy_audit.core.paths import executable_dir, machine_config_dirs

    return [("beside the program", executable_dir())] + [
        ("the machine-wide config folder", folder) for folder in machine_config_dirs()
    ]


def choose_guidance(
    search_dirs: Iterable[tuple[str, Path] | Path] | None,
    builtin: str | Callable[[], str],
    builtin_checklists: Path | None = None,
    builtin_policy: Path | None = None,
    app_version: str | None = None,
    public_key: Any = None,
    extract_root: Path | None = None,
) -> GuidanceChoice:
    """The guidance the app should use: the newest valid pack found in `search_dirs`, else the built-in.

    `builtin` is the built-in guidance's version (see `builtin_version`), or a function that works it out,
    called only when a pack is found. A pack's verified files are
    written under `extract_root` (default: the person's state folder), which the choice's paths point into.
    Never raises for a bad pack: each refused pack adds a plain-English reason to `refused`."""
    from privacy_audit import __version__
    from privacy_audit.core.paths import checklists_dir, resource_path

    app_version = app_version or __version__
    builtin_choice = GuidanceChoice(
        source=BUILT_IN,
        checklists_dir=builtin_checklists or checklists_dir(),
        policy_file=builtin_policy or resource_path("policy_clauses.yaml"),
        origin="the app itself",
        version_source=builtin,
    )
    dirs = default_search_dirs() if search_dirs is None else list(search_dirs)
    candidates: list[tuple[str, Path]] = []
    for entry in dirs:
        how, folder = entry if isinstance(entry, tuple) else ("folder", entry)
        path = Path(folder) / PACK_FILE_NAME
        if os.path.lexists(path):
            candidates.append((how, path))
    if not candidates:
        return builtin_choice
    builtin = builtin_choice.version  # now worked out, if it was a function
    try:
        key = public_key if public_key is not None else load_public_key()
    except (OSError, ValueError, TypeError) as exc:
        builtin_choice.refused.append(
            f"No guidance pack was used because the app's pack key could not be read ({exc})."
        )
        return builtin_choice
    if extract_root is None:
        from privacy_audit.core.paths import app_dirs

        extract_root = app_dirs().state / "guidance-pack"
    best: GuidanceChoice | None = None
    for index, (how, path) in enumerate(candidates):
        # Rewritten from the verified bytes at every start, so a changed copy here never lasts.
        folder = extract_root / f"pack-{index + 1}"
        shutil.rmtree(folder, ignore_errors=True)
        try:
            manifest, folder = check_pack(path, key, app_version, builtin, folder)
        except PackRefused as exc:
            shutil.rmtree(folder, ignore_errors=True)
            builtin_choice.refused.append(f"The guidance pack at {path} was not used because {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - a pack must never stop the app; say what happened
            shutil.rmtree(folder, ignore_errors=True)
            builtin_choice.refused.append(
                f"The guidance pack at {path} was not used because it could not be checked ({exc})."
            )
            continue
        choice = GuidanceChoice(
            source=PACK,
            checklists_dir=folder / "checklists",
            policy_file=folder / POLICY_MEMBER,
            origin=f"{path} ({how})",
            pack_path=path,
            pack_date=manifest.date,
            version_source=manifest.version,
        )
        if best is None or version_key(choice.version) > version_key(best.version):
            best = choice
    if best is None:
        return builtin_choice
    best.refused = builtin_choice.refused
    return best


def _date_of_version(version: str) -> dt.date | None:
    try:
        year, month, day = version_key(version)[:3]
        return dt.date(year, month, day)
    except (ValueError, TypeError):
        return None


def current_guidance(
    home: str | os.PathLike[str] | None = None, builtin: str | Callable[[], str] | None = None
) -> GuidanceChoice:
    """The guidance this app uses now, looked for where IT may put a pack; one call for the catalogue
    loader, `diagnose`, the dashboard's notice and `privacy-audit guidance`. Without a pack it costs a few
    file look-ups: the built-in version (`builtin`, by default read from the shipped checklists) is only
    worked out when a pack is found or the choice's `version` is asked for."""
    from privacy_audit.core.paths import app_dirs

    return choose_guidance(
        None, builtin or builtin_guidance_version, extract_root=app_dirs(home).state / "guidance-pack"
    )
