"""Text from a school config or a checklist is shown as text everywhere - in the app, in the PDF and in the
guided browser's on-page panel - and never interpreted as markup, script or a format string.

A school config is the way outside text reaches every screen (its name, its contact, its own checklist
items), so the hostile strings ride in one: HTML, <script> and onerror payloads, a right-to-left override
(U+202E) that could disguise a file name, and Python/Qt format placeholders. Megabyte-long values are
refused with a short, clear message.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from html import escape
from pathlib import Path

import pytest
from helpers.figures import count
from helpers.gui import finish_first_run, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit
from ruamel.yaml import YAML

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
from privacy_audit.core.catalogue import load_catalogue, load_school_config
from privacy_audit.core.clock import utc_now

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

REPO = Path(__file__).resolve().parent.parent.parent
SCRIPT = "<script>window.__pwned='script'</script>"
IMAGE = "<img src=x onerror=\"window.__pwned='img'\">"
RTL = "invoice\u202egnp.exe"
MARKUP = "<b>bold</b> &amp; <i>tags</i> <a href='javascript:alert(1)'>link</a>"
FORMAT = "{contact} {school} {0} %s %1"
HOSTILE = {
    "school_name": f"{SCRIPT} Academy {RTL}",
    "contact": f"Ms {IMAGE} {FORMAT}",
    "title": f"{MARKUP} badge",
    "why": f"Because {SCRIPT} {IMAGE} {RTL} {FORMAT}.",
    "safe_value": f"{IMAGE} off {MARKUP}",
    "step": f"Open {MARKUP} then {FORMAT}",
}
count("hostile_strings_tried", len({SCRIPT, IMAGE, RTL, MARKUP, FORMAT}) + 2)  # + the two 1 MB values below


def hostile_config(folder: Path) -> Path:
    config = {
        "schema_version": 1,
        "school_name": HOSTILE["school_name"],
        "contact": {"name": HOSTILE["contact"], "email": "head@example.sch.uk"},
        "platforms": ["general", "facebook"],
        "extra_items": [
            {
                "platform": "facebook",
                "id": "staff-badge",
                "title": HOSTILE["title"],
                "why": HOSTILE["why"],
                "clauses": ["3.2.7"],
                "steps": [HOSTILE["step"]],
                "safe_value": HOSTILE["safe_value"],
                "where": {"url": "https://www.facebook.com/settings?tab=privacy"},
                "labels": [HOSTILE["title"]],
                "provenance": {
                    "written": "2026-11-01",
                    "confidence": "low",
                    "sources": [{"title": f"IT {SCRIPT}", "kind": "third_party", "read_on": "2026-11-01"}],
                },
                "priority": "high",
            }
        ],
    }
    path = folder / "school.yaml"
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(config, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")
    source = load_school_config(path)
    assert source.problems == [], source.problems
    return path


def shown_text(page) -> str:
    """All the text a person can see on `page`, as displayed (rich text rendered to plain)."""
    parts = []
    for label in page.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, (
                f"a label may render markup: {label.text()[:80]}"
            )
            parts.append(label.text())
    for edit in page.findChildren(QTextEdit) + page.findChildren(QPlainTextEdit):
        parts.append(edit.toPlainText())
    for line in page.findChildren(QLineEdit):
        parts.append(line.text())
    return "\n".join(parts)


def test_hostile_text_from_a_school_config_is_shown_as_text_on_every_screen(qtbot, make_window, tmp_path):
    window = make_window(hostile_config(tmp_path))
    services = window.services
    assert services.school.school_name == HOSTILE["school_name"]
    assert HOSTILE["school_name"] in window.windowTitle()
    finish_first_run(qtbot, window)
    dashboard = shown_text(window.dashboard)
    assert HOSTILE["school_name"] in dashboard and HOSTILE["contact"] in dashboard

    window.start_check("facebook")
    qtbot.waitUntil(lambda: window.current() == "check", timeout=10_000)
    seen_item = False
    for item in window.check.items:
        if item.id == "staff-badge":
            screen = shown_text(window.check)
            for field in ("title", "why", "safe_value", "step"):
                assert HOSTILE[field] in screen, f"{field} is not shown as written"
            seen_item = True
        window.check.answer(Answer.ATTENTION if item.id == "staff-badge" else Answer.OK)
    assert seen_item, "the school's own item is part of the check"
    summary = shown_text(window.check)
    assert HOSTILE["title"] in summary and HOSTILE["contact"] in summary
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.check.finish()

    window.go("history")
    qtbot.waitUntil(lambda: window.history.list.count() == 1, timeout=10_000)
    assert HOSTILE["title"] in shown_text(window.history)
    for name in ("report", "settings"):
        window.go(name)
        wait_idle(qtbot, services)
        shown_text(getattr(window, name))  # every label plain text


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        command = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    elif shutil.which("gs"):
        command = [
            "gs",
            "-q",
            "-dSAFER",
            "-dBATCH",
            "-dNOPAUSE",
            "-sDEVICE=txtwrite",
            "-sOutputFile=-",
            str(path),
        ]
    else:
        pytest.skip("reading a PDF's text needs pdftotext (Debian: poppler-utils) or gs (ghostscript)")
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_hostile_text_is_printed_as_text_in_the_pdf_report(qapp, tmp_path):
    from privacy_audit.report.pdf import write_pdf_report

    catalogue = load_catalogue(school=load_school_config(hostile_config(tmp_path)))
    facebook = catalogue.get("facebook")
    now = utc_now()
    answers = tuple(
        ItemAnswer(i, Answer.ATTENTION if i == "staff-badge" else Answer.OK) for i in facebook.item_ids
    )
    target = tmp_path / "report.pdf"
    write_pdf_report(
        target,
        catalogue=catalogue,
        checks=[CheckResult("facebook", "1:x", facebook.item_ids, now, now, answers)],
        acceptance=(f"{IMAGE} Ann", now.date()),
        school_name=catalogue.school.config.school_name,
    )
    words = " ".join(unicodedata.normalize("NFKC", pdf_text(target)).split())  # NFKC: the ﬀ ligature is "ff"
    # A setting's title sits in a table cell and wraps, so pdftotext gives it in pieces between the other
    # columns: each piece is there as written; the whole title is checked in the HTML copy of the report.
    for text in (SCRIPT, IMAGE, "<b>bold</b>", "<i>tags</i>", "gnp.exe" if "gnp.exe" in words else "exe.png"):
        assert " ".join(text.split()) in words, f"{text!r} is not in the PDF as written"
    html = target.with_suffix(".html").read_text(encoding="utf-8")
    assert escape(HOSTILE["title"]) in html and "<b>bold</b>" not in html
    # The override is isolated: the report's own words after the school's name read the right way round.
    assert re.search(r"(gnp\.exe|exe\.png)\u2069? Date \d", words), words[:300]


def test_megabyte_values_are_refused_with_a_short_clear_message(tmp_path):
    from privacy_audit.commands import validate

    # Just under the loader's 256 KB limit for a whole file, so the field's own check answers.
    huge = "\u202e<b>" + "A" * 200_000
    (tmp_path / "school.yaml").write_text(f"schema_version: 1\nschool_name: '{huge}'\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = validate.run(
            argparse.Namespace(
                paths=[str(tmp_path / "school.yaml")],
                home=None,
                school_config=None,
                schema=False,
                school_schema=False,
                coverage=False,
            )
        )
    assert code == 1
    said = out.getvalue() + err.getvalue()
    assert f"{tmp_path / 'school.yaml'}:2:" in said and len(said) < 2000, said[:300]
    source = load_school_config(tmp_path / "school.yaml")
    assert source.config.school_name == "Your school", "the bad field is left out; its default applies"
    assert source.problems and all(len(p) < 1000 for p in source.problems)
    (tmp_path / "school.yaml").write_text(
        f"school_name: '{huge}'\ncontact: {{name: '{huge}'}}\n", encoding="utf-8"
    )
    [problem] = load_school_config(tmp_path / "school.yaml").problems
    assert "the limit is 262,144" in problem and len(problem) < 300


# -- the on-page panel, in real Chromium ---------------------------------------------------------------

# The page wraps attachShadow before our panel script builds its closed shadow root (a page can always do
# this), then reports what is inside: the panel's text and which elements it holds.
PROBE_JS = """
(() => {
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); roots.push(root); return root; };
  const started = Date.now();
  const look = () => {
    const root = roots[roots.length - 1];
    if (!(root && root.textContent.includes("MARK")) && Date.now() - started < 20000) return setTimeout(look, 100);
    fetch("/report", { method: "POST", body: JSON.stringify({
      page: location.pathname, text: root ? root.textContent : null,
      tags: root ? [...root.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()).sort() : [],
      pwned: window.__pwned || null }) });
  };
  setTimeout(look, 100);
})();
"""
PAGE = f"""<!doctype html><html><head><script>{PROBE_JS}</script></head>
<body><h1>Settings</h1><p>Who can see your posts</p></body></html>"""


def _browser_helpers():
    spec = importlib.util.spec_from_file_location(
        "browser_helpers", REPO / "tests" / "browser" / "browser_helpers.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("browser_helpers", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.browser
def test_hostile_text_in_the_on_page_panel_is_text_and_injects_no_element(chromium_path):
    from privacy_audit.browser import GuidanceTarget, GuidedBrowser

    helpers = _browser_helpers()
    site, events = helpers.Site(), helpers.Events()
    browser = GuidedBrowser(
        choice="path",
        executable_path=chromium_path,
        headless=True,
        allow_localhost=True,
        extra_args=helpers.CHROMIUM_ARGS,
        label_grace=1.0,
        on_event=events,
    )
    try:
        reports = {}
        for name, title, safe in (
            ("plain", "MARK Who can see your posts", "Friends"),
            ("hostile", f"MARK {HOSTILE['title']} {SCRIPT} {RTL}", HOSTILE["safe_value"]),
        ):
            url = site.add(f"/{name}", PAGE)
            guidance = GuidanceTarget(
                url=url,
                allowed_domains=("facebook.com",),
                platform_name=f"Face{IMAGE}",
                item_id=f"item-{name}",
                title=title,
                safe_value=safe,
                labels=("Who can see your posts",),
            )
            browser.open(guidance)
            events.wait_for("page_shown", timeout=30, url=url)
            # Once more on the same page: the panel is rebuilt, certainly after the probe wrapped attachShadow
            # (the first build may race the page's own script).
            browser.open(guidance)
            reports[name] = json.loads(
                site.wait_for_report(lambda r, n=name: f'"page":"/{n}"' in r, timeout=45)
            )
    finally:
        browser.shutdown()
        site.close()
    hostile = reports["hostile"]
    assert hostile["pwned"] is None, "a payload ran"
    for text in (HOSTILE["title"], SCRIPT, RTL, HOSTILE["safe_value"]):
        assert text in hostile["text"], f"{text!r} is not in the panel as text"
    assert hostile["tags"] == reports["plain"]["tags"], "hostile text added elements to the panel"
    assert "script" not in hostile["tags"] and "img" not in hostile["tags"]
