"""The live-check writer's refusals, the `manual` tool's questions and answers, and `make-pack`."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile

import pytest
from ruamel.yaml import YAML

from maintainer import checklists as maintainer_checklists
from maintainer.__main__ import main
from maintainer.checklists import WriteRefused, append_live_check, live_check
from privacy_audit.core import packs
from privacy_audit.core.paths import checklists_dir

CHECK = live_check(dt.date(2026, 12, 1), "web", "GB", ["Private account"], "manual", "trust IT")


def test_the_writer_refuses_dates_before_writing_or_in_the_future_and_old_format_items(checklists, tmp_path):
    path = checklists / "social.yaml"
    before = path.read_text()
    with pytest.raises(WriteRefused, match="is before the item was written"):
        append_live_check(
            path, "private-account", {**CHECK, "on": dt.date(2026, 11, 1)}, today=dt.date(2026, 12, 1)
        )
    with pytest.raises(WriteRefused, match="is in the future"):
        append_live_check(path, "private-account", CHECK, today=dt.date(2026, 11, 30))
    with pytest.raises(WriteRefused, match="has no item 'nope'"):
        append_live_check(path, "nope", CHECK, today=dt.date(2026, 12, 1))
    assert path.read_text() == before
    old = tmp_path / "tiktok.yaml"
    old.write_bytes((checklists_dir() / "tiktok.yaml").read_bytes())
    first = YAML(typ="safe").load(old.read_text())["items"][0]
    if "provenance" not in first:  # the shipped files before the provenance model lands
        with pytest.raises(WriteRefused, match="has no provenance block yet"):
            append_live_check(old, first["id"], CHECK, today=dt.date(2026, 12, 1))
    with pytest.raises(WriteRefused, match="needs the labels seen"):
        live_check(dt.date(2026, 12, 1), "web", "GB", [], "manual", "trust IT")


def test_manual_asks_about_app_only_items_and_writes_only_what_was_all_seen(
    checklists, tmp_path, monkeypatch, capsys
):
    path = checklists / "social.yaml"
    # hide-story is the only app-only item: its two labels; yes to both.
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\ny\n"))
    out = tmp_path / "reports"
    assert main(["manual", "--surface", "android", "--app-version", "Social 2.0", "--checklists", str(checklists),
                 "--out", str(out), "--write", "--by", "trust IT", "--today", "2026-12-01"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Can you see “Hide story from” at Social › Profile › ☰ › Privacy › Story?" in printed
    item = next(i for i in YAML(typ="safe").load(path.read_text())["items"] if i["id"] == "hide-story")
    assert item["provenance"]["live_checks"] == [
        {"on": dt.date(2026, 12, 1), "surface": "android", "region": "GB", "result": "labels_found",
         "labels_seen": ["Hide story from", "Close friends"], "app_version": "Social 2.0", "method": "manual",
         "by": "trust IT"}
    ]  # fmt: skip


def test_manual_reports_a_renamed_label_and_does_not_write_it(checklists, tmp_path, monkeypatch, capsys):
    path = checklists / "social.yaml"
    before = path.read_text()
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\nit is called Best friends\n"))
    out = tmp_path / "reports"
    main(["manual", "--surface", "ios", "--app-version", "Social 2.0", "--checklists", str(checklists),
          "--out", str(out), "--write", "--today", "2026-12-01"])  # fmt: skip
    assert path.read_text() == before
    row = json.loads((out / "manual-2026-12-01.json").read_text())["rows"][0]
    assert row["result"] == "different_label" and row["now_called"] == ["Close friends -> Best friends"]
    assert (
        "to correct: social/hide-story: different_label Close friends -> Best friends"
        in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Y", ("yes", None)), ("no.", ("no", None)), ("", ("skip", None)), ("It's called “Close friends only”", ("renamed", "Close friends only")),
     ("Favourites", ("renamed", "Favourites"))],
)  # fmt: skip
def test_manual_understands_plain_answers(answer, expected):
    from maintainer.manual import interpret

    assert interpret(answer) == expected


def test_make_pack_builds_a_pack_the_app_accepts_with_the_matching_key(tmp_path, capsys):
    keys = tmp_path / "keys"
    assert main(["make-pack", "--new-key", str(keys)]) == 0
    assert (keys / "guidance-pack.key").stat().st_mode & 0o777 == 0o600
    out = tmp_path / packs.PACK_FILE_NAME
    code = main(["make-pack", "--key", str(keys / "guidance-pack.key"), "--public-key", str(keys / "guidance-pack.pub"),
                 "--version", "2099.01.01", "--date", "2026-12-01", "--app-below", "0.9", "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert {
        "manifest.json",
        "manifest.sig",
        "resources/policy_clauses.yaml",
        "checklists/tiktok.yaml",
    } <= names
    assert manifest["version"] == "2099.01.01" and manifest["app_versions"] == {
        "min": "0.1.0",
        "below": "0.9",
    }
    choice = packs.choose_guidance(
        [tmp_path],
        "2026.11.27",
        app_version="0.1.0",
        public_key=packs.load_public_key(keys / "guidance-pack.pub"),
    )
    assert choice.uses_pack and choice.version == "2099.01.01"


def test_make_pack_refuses_a_key_the_app_does_not_ship_and_writes_nothing(tmp_path, capsys):
    main(["make-pack", "--new-key", str(tmp_path / "keys")])
    out = tmp_path / packs.PACK_FILE_NAME
    code = main(
        [
            "make-pack",
            "--key",
            str(tmp_path / "keys" / "guidance-pack.key"),
            "--version",
            "2099.01.01",
            "--out",
            str(out),
        ]
    )  # fmt: skip  (checked against the shipped public key, whose private half is gone)
    assert code == 1 and not out.exists()
    assert "The app would refuse this pack: its signature does not match" in capsys.readouterr().err


def test_make_pack_refuses_an_invalid_checklist(tmp_path, capsys):
    main(["make-pack", "--new-key", str(tmp_path / "keys")])
    keys = tmp_path / "keys"
    source = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), source)
    tiktok = source / "tiktok.yaml"
    tiktok.write_text(tiktok.read_text(encoding="utf-8").replace("priority: high", "priority: urgent", 1))
    out = tmp_path / packs.PACK_FILE_NAME
    code = main(["make-pack", "--key", str(keys / "guidance-pack.key"), "--public-key", str(keys / "guidance-pack.pub"),
                 "--version", "2099.01.01", "--checklists", str(source), "--out", str(out)])  # fmt: skip
    assert code == 1 and not out.exists()
    assert "The app would refuse this pack: its checklist tiktok.yaml is not valid" in capsys.readouterr().err


def test_targets_fill_url_parameters_with_examples_or_given_values(checklists):
    by_id = {t.item_id: t for t in maintainer_checklists.targets(checklists, values={"username": "alex"})}
    assert by_id["profile-page"].url() == "https://www.social.test/alex/about"
    assert by_id["hide-story"].url() is None and by_id["hide-story"].app_path
