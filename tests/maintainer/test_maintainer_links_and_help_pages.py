"""`links` and `help-pages` against the made-up platform on 127.0.0.1: redirects, a 404, a sign-in wall, a
page off the platform, a page that never answers, and help pages that stopped mentioning a label."""

from __future__ import annotations

import json
from pathlib import Path

from maintainer.__main__ import main


def run_tool(tool: str, social, checklists: Path, out: Path, *extra: str) -> int:
    return main([tool, "--checklists", str(checklists), "--out", str(out), "--pause", "0", "--timeout", "2",
                 *social.resolve_args, *extra])  # fmt: skip


def report(out: Path, tool: str, date: str) -> dict[str, dict]:
    data = json.loads((out / f"{tool}-{date}.json").read_text())
    return {row["item"]: row for row in data["rows"]}


def test_links_reports_status_final_address_domain_and_sign_in_walls(social, checklists, tmp_path, capsys):
    out = tmp_path / "reports"
    assert run_tool("links", social, checklists, out, "--today", "2026-12-01") == 1  # some need a look
    rows = report(out, "links", "2026-12-01")
    assert "hide-story" not in rows  # app-only: nothing to fetch

    assert rows["private-account"]["status"] == 200 and rows["private-account"]["outcome"] == "ok"
    stories = rows["stories"]
    assert stories["redirects"] == ["https://www.social.test/settings/stories"]
    assert stories["final_url"] == "https://www.social.test/settings/stories" and stories["outcome"] == "ok"
    assert (
        rows["ads"]["sign_in_wall"]
        and rows["ads"]["outcome"] == "sign-in wall"
        and rows["ads"]["on_platform"]
    )
    assert rows["removed"]["status"] == 404 and rows["removed"]["outcome"] == "gone"
    away = rows["away"]
    assert away["final_url"] == "https://elsewhere.test/landing" and not away["on_platform"]
    assert away["outcome"] == "left the domain"
    assert rows["slow"]["outcome"] == "error" and rows["slow"]["error"] == "timed out"
    assert rows["profile-page"]["url"] == "https://www.social.test/jobloggs/about"  # the example value
    assert rows["profile-page"]["status"] == 200
    tsv = (out / "links-2026-12-01.tsv").read_text().splitlines()
    assert tsv[0].split("\t")[:3] == ["platform", "item", "url"] and len(tsv) == 1 + len(rows)
    assert "No earlier report to compare with." in capsys.readouterr().out


def test_links_prints_what_changed_since_the_previous_report(social, checklists, tmp_path, capsys):
    out = tmp_path / "reports"
    run_tool("links", social, checklists, out, "--today", "2026-12-01")
    capsys.readouterr()
    social.routes["www.social.test/settings/privacy"].status = 404  # removed by the platform
    social.routes["www.social.test/settings/tags"].status = 302  # now redirected off the platform
    social.routes["www.social.test/settings/tags"].location = "https://elsewhere.test/landing"
    social.routes["www.social.test/settings/old-stories"].location = "/settings/stories-v2"  # moved again
    social.routes["www.social.test/settings/stories-v2"] = social.routes["www.social.test/settings/stories"]

    run_tool("links", social, checklists, out, "--today", "2026-12-08")
    printed = capsys.readouterr().out
    assert "Changes since 2026-12-01: 3" in printed
    assert "gone: social/private-account https://www.social.test/settings/privacy now gives 404" in printed
    assert "left the domain: social/tagging now ends at https://elsewhere.test/landing" in printed
    assert (
        "moved: social/stories now ends at https://www.social.test/settings/stories-v2"
        " (was https://www.social.test/settings/stories)" in printed
    )


def test_help_pages_names_labels_a_help_page_no_longer_mentions(social, checklists, tmp_path, capsys):
    out = tmp_path / "reports"
    assert run_tool("help-pages", social, checklists, out, "--today", "2026-12-01") == 1
    rows = report(out, "help-pages", "2026-12-01")
    # Only official help sources are fetched; the third-party blog is not.
    assert set(rows) == {"private-account", "tagging"}
    assert rows["private-account"]["labels_missing"] == []  # found across tags and a non-breaking space
    assert rows["tagging"]["labels_missing"] == ["Tagging"]  # the word in a script does not count
    printed = capsys.readouterr().out
    assert (
        "label missing   social/tagging  https://help.social.test/tags no longer mentions “Tagging”"
        in printed
    )
    assert "7 item(s) have no official help page to check." in printed


def test_help_pages_says_when_a_help_page_cannot_be_read(social, checklists, tmp_path, capsys):
    social.routes["help.social.test/tags"].status = 404
    run_tool("help-pages", social, checklists, tmp_path / "r", "--today", "2026-12-01")
    rows = report(tmp_path / "r", "help-pages", "2026-12-01")
    assert rows["tagging"]["error"] == "HTTP 404" and rows["tagging"]["labels_missing"] == []
