"""The weekly link-check workflow parses, runs on a schedule and by hand, and names the real tool."""

from __future__ import annotations

import importlib
from pathlib import Path

from ruamel.yaml import YAML

from maintainer.__main__ import TOOLS

REPO = Path(__file__).resolve().parents[2]


def test_the_links_workflow_runs_weekly_and_by_hand_and_uploads_the_links_report():
    workflow = YAML(typ="safe").load((REPO / ".github" / "workflows" / "links.yml").read_text())
    triggers = workflow["on"]  # YAML 1.2: `on` is a key, not `true`
    assert len(triggers["schedule"]) == 1 and len(triggers["schedule"][0]["cron"].split()) == 5
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]  # weekly, on Mondays
    assert "workflow_dispatch" in triggers
    steps = workflow["jobs"]["links"]["steps"]
    runs = [s for s in steps if "python -m maintainer links" in s.get("run", "")]
    assert len(runs) == 1
    command = runs[0]["run"].split()
    out = command[command.index("--out") + 1]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == out and upload.get("if") == "always()"


def test_the_tool_the_workflow_names_exists_and_takes_its_options():
    module_name, _ = TOOLS["links"]
    module = importlib.import_module(module_name)
    import argparse

    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    args = parser.parse_args(["--out", "links-report", "--pause", "2", "--timeout", "30"])
    assert args.out == Path("links-report") and args.checklists == REPO / "checklists"
