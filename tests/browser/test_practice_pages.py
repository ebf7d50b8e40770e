"""The demo's practice pages in a real Chromium: the guided browser, sent to a checklist item's real address,
opens its practice page on 127.0.0.1 and outlines the setting; the public view finds the planted birthday."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import Events

from privacy_audit.browser import GuidanceTarget
from privacy_audit.core.catalogue import Catalogue, load_catalogue
from privacy_audit.core.checklist import fill_url
from privacy_audit.demo.pages import BIRTHDAY, USERNAME
from privacy_audit.demo.practice_bridge import PracticeBridge
from privacy_audit.demo.session import DemoSession

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def practice(catalogue: Catalogue, tmp_path: Path) -> Iterator[DemoSession]:
    with DemoSession(catalogue, parent_dir=tmp_path) as session:
        yield session


def target_for(catalogue: Catalogue, platform: str, item_id: str) -> GuidanceTarget:
    """What the check view asks for: the item's real settings address, exactly as in a real check."""
    checklist = catalogue.get(platform)
    item = checklist.item(item_id)
    return GuidanceTarget(
        url=fill_url(item.where.url, {"username": USERNAME, "server": "social.example.org"}),
        allowed_domains=tuple(checklist.domains),
        platform_name=checklist.name,
        item_id=item.id,
        title=item.title,
        safe_value=item.safe_value,
        labels=tuple(item.labels),
    )


def test_the_guided_browser_opens_the_practice_page_and_outlines_the_setting(
    make_browser, events: Events, practice: DemoSession, catalogue: Catalogue
):
    bridge = PracticeBridge(make_browser(), practice.server)
    target = target_for(catalogue, "facebook", "future-posts")
    assert target.url.startswith("https://www.facebook.com/")

    bridge.open(target)

    shown = events.wait_for("page_shown", item_id="future-posts")
    assert shown.url == practice.server.item_url("facebook", "future-posts")
    found = events.wait_for("label_found", item_id="future-posts")
    assert found.found == ("Who can see your future posts?",)
    assert "off_domain" not in events.kinds() and "error" not in events.kinds()


def test_each_platforms_first_web_setting_is_found_on_its_practice_page(
    make_browser, events: Events, practice: DemoSession, catalogue: Catalogue
):
    bridge = PracticeBridge(make_browser(), practice.server)
    for checklist in catalogue.checklists.values():
        item = next((i for i in checklist.items if i.where.url and i.labels), None)
        if item is None:
            continue
        bridge.open(target_for(catalogue, checklist.platform, item.id))
        found = events.wait_for(
            "label_found", item_id=item.id, url=practice.server.item_url(checklist.platform, item.id)
        )
        assert found.found[0] in item.labels


def test_the_public_view_finds_the_planted_birthday_and_school(
    make_browser, events: Events, practice: DemoSession, catalogue: Catalogue
):
    bridge = PracticeBridge(make_browser(), practice.server)
    checklist = catalogue.get("instagram")
    school = catalogue.school.config.school_name
    real_profile = fill_url(checklist.public_profile, {"username": USERNAME})

    bridge.public_view(real_profile, (BIRTHDAY, school, "Hogwarts"), tuple(checklist.domains))

    seen = events.wait_for("public_view")
    assert seen.url == practice.server.profile_url("instagram")
    assert set(seen.found) == {BIRTHDAY, school}
    assert "2 of the 3 words" in seen.message
