"""Guidance packs: a good, signed, newer pack is used; any tampered or unsuitable pack is refused with a
reason, and the app keeps its built-in guidance. Packs are built here with a throwaway key."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_audit.core import packs
from privacy_audit.core.catalogue import load_checklists
from privacy_audit.core.clauses import load_policy
from privacy_audit.core.paths import checklists_dir, resource_path

BUILTIN = "2026.11.27"


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def guidance(tmp_path: Path) -> Path:
    """A copy of the shipped checklists and clauses that a test may change before packing."""
    folder = tmp_path / "guidance"
    shutil.copytree(checklists_dir(), folder / "checklists")
    (folder / "resources").mkdir()
    shutil.copy(resource_path("policy_clauses.yaml"), folder / "resources" / "policy_clauses.yaml")
    return folder


def make(
    guidance: Path,
    folder: Path,
    key: Ed25519PrivateKey,
    version: str = "2027.01.12",
    app_min: str = "0.1.0",
    app_below: str | None = "0.9.0",
) -> Path:
    out = folder / packs.PACK_FILE_NAME
    packs.build_pack(
        out,
        sorted((guidance / "checklists").glob("*.yaml")),
        guidance / "resources" / "policy_clauses.yaml",
        version=version,
        date=dt.date(2027, 1, 12),
        app_min=app_min,
        app_below=app_below,
        private_key=key,
    )
    return out


def choose(folder: Path, key: Ed25519PrivateKey, app_version: str = "0.1.0") -> packs.GuidanceChoice:
    return packs.choose_guidance(
        [("the machine-wide config folder", folder)],
        BUILTIN,
        app_version=app_version,
        public_key=key.public_key(),
    )


def rewrite_member(pack: Path, name: str, data: bytes) -> None:
    """Change one file inside a signed pack, keeping its manifest and signature: what tampering looks like."""
    with zipfile.ZipFile(pack) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    with zipfile.ZipFile(pack, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)


def test_a_good_pack_is_used_and_its_checklists_load_with_the_apps_loader(guidance, tmp_path, key):
    text = (guidance / "checklists" / "tiktok.yaml").read_text(encoding="utf-8")
    (guidance / "checklists" / "tiktok.yaml").write_text(text.replace("name: TikTok", "name: TikTok (pack)"))
    make(guidance, tmp_path, key)

    choice = choose(tmp_path, key)

    assert choice.uses_pack and choice.refused == []
    assert choice.version == "2027.01.12" and choice.date == dt.date(2027, 1, 12)
    assert str(tmp_path / packs.PACK_FILE_NAME) in choice.origin
    loaded, problems = load_checklists(choice.checklists_dir, load_policy(choice.policy_file))
    assert problems == [] and loaded["tiktok"].name == "TikTok (pack)"
    assert choice.notice == f"Using updated guidance 2027.01.12 from {choice.origin}."


def test_without_a_pack_the_built_in_guidance_is_used_and_nothing_is_said(tmp_path, key):
    choice = choose(tmp_path, key)
    assert not choice.uses_pack and choice.refused == [] and choice.notice is None
    assert choice.checklists_dir == checklists_dir()
    assert (
        choice.describe()
        == "Using the guidance built into the app, version 2026.11.27, dated 2026-11-27, from the app itself."
    )


def refused_reason(choice: packs.GuidanceChoice) -> str:
    assert not choice.uses_pack
    assert choice.checklists_dir == checklists_dir()  # the app keeps working on its own guidance
    assert len(choice.refused) == 1
    assert choice.notice == f"{choice.refused[0]} The app is using the guidance built into it."
    assert (
        choice.refused[0].startswith("The guidance pack at ")
        and " was not used because " in choice.refused[0]
    )
    return choice.refused[0]


def test_a_changed_file_is_refused(guidance, tmp_path, key):
    pack = make(guidance, tmp_path, key)
    rewrite_member(pack, "checklists/tiktok.yaml", b"schema_version: 1\n")
    assert "checklists/tiktok.yaml has been changed since the pack was signed" in refused_reason(
        choose(tmp_path, key)
    )


def test_a_pack_signed_with_another_key_is_refused(guidance, tmp_path, key):
    make(guidance, tmp_path, Ed25519PrivateKey.generate())
    assert "signature does not match the Privacy Audit project's key" in refused_reason(choose(tmp_path, key))


def test_a_changed_manifest_breaks_the_signature(guidance, tmp_path, key):
    pack = make(guidance, tmp_path, key)
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read(packs.MANIFEST)
    rewrite_member(pack, packs.MANIFEST, manifest.replace(b'"0.9.0"', b'"9.9.0"'))
    assert "signature does not match" in refused_reason(choose(tmp_path, key))


def test_an_extra_file_not_in_the_manifest_is_refused(guidance, tmp_path, key):
    pack = make(guidance, tmp_path, key)
    rewrite_member(pack, "checklists/evil.yaml", b"platform: evil\n")
    assert "checklists/evil.yaml is not listed in its signed manifest" in refused_reason(
        choose(tmp_path, key)
    )


@pytest.mark.parametrize("version", ["2026.11.27", "2026.10.01"])
def test_a_pack_that_is_not_newer_than_the_built_in_guidance_is_refused(guidance, tmp_path, key, version):
    make(guidance, tmp_path, key, version=version)
    reason = refused_reason(choose(tmp_path, key))
    assert (
        f"its guidance (version {version}) is not newer than the guidance built in (version 2026.11.27)"
        in reason
    )


def test_an_invalid_checklist_is_refused_even_when_signed(guidance, tmp_path, key):
    path = guidance / "checklists" / "tiktok.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("priority: high", "priority: urgent", 1))
    make(guidance, tmp_path, key)
    reason = refused_reason(choose(tmp_path, key))
    assert "its checklist tiktok.yaml is not valid (checklists/tiktok.yaml:" in reason


@pytest.mark.parametrize(
    ("app_version", "expected"),
    [
        ("0.0.9", "it suits Privacy Audit 0.1.0 or later, before 0.9.0, and this is version 0.0.9."),
        ("0.9.0", "and this is version 0.9.0."),
    ],
)
def test_a_pack_for_other_app_versions_is_refused(guidance, tmp_path, key, app_version, expected):
    make(guidance, tmp_path, key)
    assert expected in refused_reason(choose(tmp_path, key, app_version=app_version))


def test_only_a_regular_file_is_read(guidance, tmp_path, key):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = make(guidance, elsewhere, key)
    folder = tmp_path / "config"
    folder.mkdir()
    os.symlink(real, folder / packs.PACK_FILE_NAME)
    assert "not an ordinary file" in refused_reason(choose(folder, key))


def test_an_oversized_or_non_zip_file_is_refused_without_reading_it_all(tmp_path, key):
    pack = tmp_path / packs.PACK_FILE_NAME
    with open(pack, "wb") as handle:
        handle.truncate(packs.MAX_PACK_BYTES + 1)
    assert "larger than a pack can be" in refused_reason(choose(tmp_path, key))
    pack.write_bytes(b"not a zip")
    assert "not a zip file" in refused_reason(choose(tmp_path, key))


def test_a_zip_bomb_member_is_refused(tmp_path, key):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("checklists/big.yaml", b"a" * (packs.MAX_MEMBER_BYTES + 10))
    (tmp_path / packs.PACK_FILE_NAME).write_bytes(buffer.getvalue())
    assert "larger than a checklist can be" in refused_reason(choose(tmp_path, key))


def test_the_newest_good_pack_wins_and_a_refused_one_is_still_reported(guidance, tmp_path, key):
    first, second, third = (tmp_path / name for name in ("a", "b", "c"))
    for folder, version in ((first, "2027.01.12"), (second, "2027.02.01")):
        folder.mkdir()
        make(guidance, folder, key, version=version)
    third.mkdir()
    (third / packs.PACK_FILE_NAME).write_bytes(b"junk")
    choice = packs.choose_guidance(
        [first, second, third], BUILTIN, app_version="0.1.0", public_key=key.public_key()
    )
    assert choice.uses_pack and choice.version == "2027.02.01"
    assert len(choice.refused) == 1 and "not a zip file" in choice.refused[0]


def test_the_shipped_public_key_is_an_ed25519_key():
    assert packs.load_public_key() is not None


def test_versions_sort_by_date_then_issue():
    assert (
        packs.version_key("2027.01.12") < packs.version_key("2027.01.12.1") < packs.version_key("2027.02.01")
    )
    assert packs.builtin_version([dt.date(2026, 11, 27), dt.date(2026, 10, 1)]) == "2026.11.27"


def test_the_built_in_version_is_the_latest_review_date_of_the_shipped_checklists(guidance):
    latest = max(
        dt.date.fromisoformat(line.split(":", 1)[1].strip())
        for p in (guidance / "checklists").glob("*.yaml")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("last_reviewed:")
    )
    assert packs.builtin_guidance_version(guidance / "checklists") == packs.version_of_date(latest)
    # Every file reviewed on one past day, then one of them a month later: that later day is the version.
    # (A review date in the future would be refused with the file, so the test moves dates back, not on.)
    early, later = latest - dt.timedelta(days=60), latest - dt.timedelta(days=30)
    for path in (guidance / "checklists").glob("*.yaml"):
        day = later if path.name == "tiktok.yaml" else early
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^last_reviewed: .*$", f"last_reviewed: {day.isoformat()}", text))
    assert packs.builtin_guidance_version(guidance / "checklists") == packs.version_of_date(later)


def test_without_a_pack_the_built_in_version_is_only_worked_out_when_asked(tmp_path, key):
    asked = []

    def version() -> str:
        asked.append(1)
        return BUILTIN

    choice = packs.choose_guidance([tmp_path], version, public_key=key.public_key())
    assert asked == [] and not choice.uses_pack
    assert choice.version == BUILTIN and choice.version == BUILTIN and asked == [1]


def test_current_guidance_without_a_pack_does_not_load_the_shipped_checklists(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))  # an empty machine-wide config folder

    def must_not_run() -> str:
        raise AssertionError("the built-in version was worked out although no pack was found")

    monkeypatch.setattr(packs, "builtin_guidance_version", must_not_run)
    choice = packs.current_guidance()
    assert not choice.uses_pack and choice.refused == []
