"""The check screen says where each item's guidance comes from, and never "verified" without a live check.

Every shipped item is walked through on the real check screen, on the day of the test and a year later; an
item the school adds with a live check shows when and where it was checked, and turns into a warning once
that check is old.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.words import CLAIMS_A_CHECK

from privacy_audit.core.catalogue import load_catalogue, load_school_config
from privacy_audit.core.clock import utc_now
from privacy_audit.core.paths import app_dirs

CHECKED_ON = dt.date(2026, 11, 30)

SCHOOL_ITEM = f"""\
school_name: Hermitage Primary
platforms: [facebook]
extra_items:
  - platform: facebook
    id: school-page-follow
    title: You do not follow the school's page from this account
    why: Following the page shows your account to every parent who looks at its followers.
    clauses: ["9.1a"]
    steps: [Open the school's page and choose Following › Unfollow.]
    safe_value: Not following
    where: {{url: "https://www.facebook.com/settings"}}
    provenance:
      written: 2026-11-27
      confidence: high
      sources: []
      live_checks:
        - on: {CHECKED_ON.isoformat()}
          surface: web
          region: GB
          result: labels_found
          labels_seen: ["Following"]
          method: manual
          by: school IT
"""


def shown_lines(view) -> list[tuple[str, str, str]]:
    """(item id, provenance line, style) for every item of the open checklist, as the screen shows them."""
    seen = []
    for position, item in enumerate(view.checklist.items):
        view.show_position(position)
        seen.append((item.id, view.freshness.text(), view.freshness.objectName()))
    return seen


@pytest.mark.parametrize("days_later", [0, 365], ids=["today", "a-year-on"])
def test_no_shipped_item_says_verified_on_the_check_screen(qtbot, opened, catalogue, days_later):
    from privacy_audit.ui.check import CheckView

    opened.clock = lambda: utc_now() + dt.timedelta(days=days_later)
    view = CheckView(opened)
    qtbot.addWidget(view)
    for platform, checklist in catalogue.checklists.items():
        view.start(platform)
        for (item_id, line, style), item in zip(shown_lines(view), checklist.items, strict=True):
            if not item.provenance.live_checks:
                assert "Not yet checked on the live site." in line, (platform, item_id, line)
                assert not CLAIMS_A_CHECK.search(line), (platform, item_id, line)
                assert style == "muted", (platform, item_id)


@pytest.fixture
def school_services(qtbot, private_home: Path, tmp_path: Path):
    from privacy_audit.ui.services import AppServices

    config = tmp_path / "school.yaml"
    config.write_text(SCHOOL_ITEM, encoding="utf-8")
    catalogue = load_catalogue(school=load_school_config(config))
    assert not [problem for problem in catalogue.problems if "school.yaml" in problem]
    assert "school-page-follow" in catalogue.get("facebook").item_ids
    made = AppServices(app_dirs(private_home), catalogue)
    with qtbot.waitSignal(made.record_opened, timeout=10_000):
        made.open_record()
    yield made
    made.shutdown()


def _line_for(qtbot, services, item_id: str) -> tuple[str, str]:
    from privacy_audit.ui.check import CheckView

    view = CheckView(services)
    qtbot.addWidget(view)
    view.start("facebook")
    lines = {item: (line, style) for item, line, style in shown_lines(view)}
    return lines[item_id]


def test_a_recent_live_check_says_where_and_when_it_was_made(qtbot, school_services):
    school_services.clock = lambda: dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)
    line, style = _line_for(qtbot, school_services, "school-page-follow")
    assert line == "Checked on the Facebook website on 30 November 2026."
    assert style == "muted"


def test_an_old_live_check_is_shown_as_a_warning(qtbot, school_services):
    school_services.clock = lambda: dt.datetime(2027, 7, 1, 9, 0, tzinfo=dt.UTC)
    line, style = _line_for(qtbot, school_services, "school-page-follow")
    assert line == "Last checked on the live site on 30 November 2026; it may be out of date."
    assert style == "chip_warn"


def test_the_guided_browsers_panel_is_given_the_check_screens_provenance_line(qtbot, opened, monkeypatch):
    from privacy_audit.ui.check import CheckView

    opened_targets = []

    class Bridge:  # stands in at the seam: the real browser with the panel is tested in tests/browser
        def open(self, target) -> None:
            opened_targets.append(target)

    monkeypatch.setattr(opened, "browser", lambda: Bridge())
    view = CheckView(opened)
    qtbot.addWidget(view)
    view.start("facebook")
    view.show_position(next(i for i, item in enumerate(view.checklist.items) if item.where.url))
    shown = view.freshness.text()
    view.open_settings_page()
    assert [t.provenance for t in opened_targets] == [shown]
    assert "Not yet checked on the live site." in shown
