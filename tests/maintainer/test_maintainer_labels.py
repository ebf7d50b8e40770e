"""`labels` drives real Chromium through the guided browser's own label finder against the made-up platform,
and with --write appends a live check only to items whose labels were all found, changing nothing else."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from maintainer.__main__ import main

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def test_labels_records_found_and_missing_and_writes_live_checks_only_when_all_were_found(
    social, checklists, tmp_path, chromium_path, browser_args, capsys
):
    path = checklists / "social.yaml"
    before = path.read_text(encoding="utf-8")
    out = tmp_path / "reports"
    code = main(
        ["labels", "--profile", str(tmp_path / "profile"), "--checklists", str(checklists), "--out", str(out),
         "--pause", "0", "--timeout", "4", "--grace", "1.5", "--today", "2026-12-01", "--write",
         "--by", "trust IT", "--chromium", chromium_path, *browser_args, *social.resolve_args]
    )  # fmt: skip
    assert code == 1  # not every item had all its labels
    rows = {r["item"]: r for r in json.loads((out / "labels-2026-12-01.json").read_text())["rows"]}
    assert "hide-story" not in rows  # app-only: for the manual tool

    privacy = rows["private-account"]
    assert privacy["labels_found"] == ["Private account", "Who can message you"]  # the second is drawn late
    assert privacy["all_found"] and privacy["written"]
    assert privacy["final_url"] == "https://www.social.test/settings/privacy"
    assert Path(privacy["screenshot"]).read_bytes().startswith(b"\x89PNG")
    assert (
        rows["stories"]["final_url"] == "https://www.social.test/settings/stories"
        and rows["stories"]["written"]
    )
    assert rows["profile-page"]["written"]

    assert rows["tagging"]["labels_missing"] == ["Tagging"] and not rows["tagging"]["written"]  # renamed
    assert rows["ads"]["sign_in_wall"] and rows["ads"]["final_url"].startswith(
        "https://www.social.test/login"
    )
    assert not rows["ads"]["written"]
    assert rows["removed"]["labels_missing"] == ["Gone"] and not rows["removed"]["written"]
    assert rows["away"]["error"] == "the page left the platform's domains" and not rows["away"]["written"]
    assert rows["slow"]["error"] == "the page did not load within 4 s" and not rows["slow"]["written"]

    # The file gained live checks for the three complete items and nothing else changed.
    after = path.read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:1] in "+-"]
    removed = [d for d in diff if d.startswith("- ")]
    assert removed == ["-       live_checks: []                # append-only", "-       live_checks: []"]
    assert "+       live_checks:                   # append-only" in diff
    data = YAML(typ="safe").load(after)
    checks = {item["id"]: item["provenance"]["live_checks"] for item in data["items"]}
    assert checks["private-account"] == [
        {"on": dt.date(2026, 12, 1), "surface": "web", "region": "GB", "result": "labels_found",
         "labels_seen": ["Private account", "Who can message you"], "method": "labels tool 1.0", "by": "trust IT"}
    ]  # fmt: skip
    assert [c["on"] for c in checks["stories"]] == [dt.date(2026, 11, 28), dt.date(2026, 12, 1)]  # appended
    assert len(checks["profile-page"]) == 1
    for item in ("tagging", "ads", "removed", "away", "slow", "hide-story"):
        assert checks[item] == []
    assert "3 of 8 item(s) had every label on the page." in capsys.readouterr().out
