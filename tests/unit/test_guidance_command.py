"""`privacy-audit guidance`: says which guidance is in use and how much was checked on the live sites."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_audit import cli
from privacy_audit.commands.guidance import platform_summary
from privacy_audit.core import packs
from privacy_audit.core.paths import checklists_dir, resource_path


def run_json(capsys: pytest.CaptureFixture[str]) -> dict:
    assert cli.main(["guidance", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def machine_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The machine-wide config folder, as platformdirs finds it on Linux ($XDG_CONFIG_DIRS)."""
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "privacy-audit"
    folder.mkdir(parents=True)
    return folder


def test_the_built_in_guidance_is_reported_with_no_live_checks_yet(capsys, machine_config):
    report = run_json(capsys)
    assert report["guidance"]["source"] == "built-in" and report["guidance"]["pack"] is None
    assert report["guidance"]["origin"] == "the app itself" and report["refused"] == []
    tiktok = next(p for p in report["platforms"] if p["id"] == "tiktok")
    assert tiktok["name"] == "TikTok" and tiktok["items"] > 0
    assert {p["id"] for p in report["platforms"]} >= {"general", "facebook", "tiktok"}


def test_a_good_pack_in_the_machine_config_folder_is_reported(capsys, machine_config, monkeypatch, tmp_path):
    key = Ed25519PrivateKey.generate()
    monkeypatch.setattr(packs, "load_public_key", lambda path=None: key.public_key())
    source = tmp_path / "source"
    shutil.copytree(checklists_dir(), source)
    packs.build_pack(
        machine_config / packs.PACK_FILE_NAME,
        sorted(source.glob("*.yaml")),
        resource_path("policy_clauses.yaml"),
        version="2099.01.01",
        date=dt.date(2026, 12, 1),
        app_min="0.1.0",
        app_below=None,
        private_key=key,
    )
    report = run_json(capsys)
    assert report["guidance"]["source"] == "pack" and report["guidance"]["version"] == "2099.01.01"
    assert report["guidance"]["date"] == "2026-12-01"
    assert report["guidance"]["pack"] == str(machine_config / packs.PACK_FILE_NAME)
    assert "machine-wide config folder" in report["guidance"]["origin"]


def test_a_refused_pack_is_named_with_its_reason_in_the_text_form(machine_config):
    (machine_config / packs.PACK_FILE_NAME).write_bytes(b"junk")
    env_home = machine_config.parent.parent / "home"
    result = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--home", str(env_home), "guidance"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.startswith("Using the guidance built into the app, version ")
    assert (
        f"The guidance pack at {machine_config / packs.PACK_FILE_NAME} was not used because it is not a zip file"
        in result.stdout
    )
    assert "items have been checked on the live sites recently enough to rely on." in result.stdout


def test_only_recent_live_checks_that_saw_the_labels_count_as_checked_live(capsys, machine_config):
    from privacy_audit.core.catalogue import load_checklists
    from privacy_audit.core.checklist import LiveCheck
    from privacy_audit.core.provenance import max_age_days

    tiktok = load_checklists()[0]["tiktok"]
    today = dt.date(2027, 6, 1)
    recent = today - dt.timedelta(days=10)
    too_old = today - dt.timedelta(days=max_age_days("tiktok") + 1)

    def check(on: dt.date, result: str = "labels_found") -> LiveCheck:
        labels = ["Private account"] if result == "labels_found" else []
        return LiveCheck(
            on=on,
            surface="web",
            region="GB",
            result=result,
            labels_seen=labels,
            method="manual",
            by="trust IT",
        )

    def with_checks(item, *checks: LiveCheck):
        provenance = item.provenance.model_copy(update={"live_checks": list(checks)})
        return item.model_copy(update={"provenance": provenance})

    first, second, third, fourth, *rest = tiktok.items
    items = [
        with_checks(first, check(too_old), check(recent)),
        with_checks(second, check(too_old)),  # confirmed once, but longer ago than TikTok's age limit
        with_checks(third, check(recent, "different_label")),  # says the text is wrong: not a confirmation
        with_checks(fourth),
        *rest,
    ]
    summary = platform_summary(tiktok.model_copy(update={"items": items}), today)
    assert summary == {
        "id": "tiktok",
        "name": "TikTok",
        "items": len(tiktok.items),
        "checked_live": 1,
        "last_checked_live": recent.isoformat(),
    }
