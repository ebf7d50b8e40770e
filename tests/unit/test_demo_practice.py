"""Demo mode without Qt: the practice pages follow the checklists, the server stays on this computer, the
sample history gives the dashboard its mix, and a demo session cleans up after itself."""

from __future__ import annotations

import datetime as dt
import html
import http.client
from pathlib import Path

import pytest

from privacy_audit.core.audit import Answer
from privacy_audit.core.catalogue import Catalogue, load_catalogue
from privacy_audit.core.due import platform_status
from privacy_audit.core.terms import schedule_term_starts
from privacy_audit.demo import sample
from privacy_audit.demo.pages import AUDIENCE, BIRTHDAY, PracticePages
from privacy_audit.demo.session import MARKER, DemoSession


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def session(catalogue: Catalogue, tmp_path: Path):
    with DemoSession(catalogue, parent_dir=tmp_path) as running:
        yield running


def get(session: DemoSession, path: str) -> tuple[int, dict[str, str], str]:
    """Fetch a practice page over real HTTP from the session's server (test side only)."""
    connection = http.client.HTTPConnection("127.0.0.1", session.server.port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8")
    finally:
        connection.close()


def test_every_label_of_every_item_appears_on_its_served_practice_page(session, catalogue):
    pages = 0
    for checklist in catalogue.checklists.values():
        for item in PracticePages.practised_items(checklist):
            status, _headers, body = get(session, f"/{checklist.platform}/{item.id}")
            assert status == 200, f"{checklist.platform}/{item.id}"
            shown = html.unescape(body)
            for label in item.labels:
                assert label in shown, f"'{label}' is missing from the {checklist.platform}/{item.id} page"
            assert item.safe_value in shown, (
                f"the safe value is not a choice on {checklist.platform}/{item.id}"
            )
            pages += 1
    assert pages > 60  # every platform's web settings, not just a few


def test_every_item_the_app_can_open_has_a_practice_page(session, catalogue):
    for checklist in catalogue.checklists.values():
        for item in checklist.items:
            if item.where.url:
                assert get(session, f"/{checklist.platform}/{item.id}")[0] == 200


def test_a_who_can_setting_starts_at_everyone_so_there_is_something_to_change(session):
    body = html.unescape(get(session, "/facebook/future-posts")[2])
    legend = body.index("Who can see your future posts?")
    group = body[legend : body.index("</fieldset>", legend)]
    assert all(choice in group for choice in AUDIENCE)
    assert "checked> Everyone" in group


def test_the_practice_profile_gives_away_a_birthday_and_the_school(session, catalogue):
    status, _headers, body = get(session, "/facebook/profile")
    text = html.unescape(body)
    assert status == 200
    assert BIRTHDAY in text
    assert catalogue.school.config.school_name in text


def test_practice_pages_say_they_are_practice_and_carry_no_scripts(session):
    for path in ("/", "/instagram/private-account", "/x/profile"):
        status, headers, body = get(session, path)
        assert status == 200
        assert "practice" in body.lower()
        assert "<script" not in body.lower()
        assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_unknown_addresses_get_a_plain_not_found(session):
    assert get(session, "/facebook/no-such-item")[0] == 404
    assert get(session, "/nowhere/profile")[0] == 404
    assert get(session, "/../../etc/passwd")[0] == 404


def test_the_server_listens_on_the_loopback_address_only(session):
    assert session.server.base_url.startswith("http://127.0.0.1:")
    assert session.server._server.server_address[0] == "127.0.0.1"


def test_item_and_profile_addresses_map_to_the_right_practice_pages(session):
    server = session.server
    assert server.item_url("facebook", "two-factor") == f"{server.base_url}/facebook/two-factor"
    assert server.platform_for_name("Instagram") == "instagram"
    assert server.platform_for_url("https://www.facebook.com/sam.taylor.demo") == "facebook"
    assert server.platform_for_url("https://accounts.google.com/x") == "youtube"
    assert server.platform_for_url("https://example.com/") is None


def test_the_sample_record_gives_one_up_to_date_two_due_one_never_and_a_past_problem(session, catalogue):
    from privacy_audit.store import open_record

    session.reset()
    record = open_record(session.dirs)
    try:
        assert record.protection.mode == "unencrypted"
        in_use = record.platforms_in_use()
        last = record.last_checked()
        checks = record.checks()
    finally:
        record.close()
    now = dt.datetime.now().astimezone()
    terms = schedule_term_starts(list(catalogue.school.config.term_starts), now.date())
    states = {}
    for platform in in_use:
        status = platform_status(
            platform,
            in_use=True,
            last_checked=last.get(platform),
            snoozed_until=None,
            term_starts=terms,
            interval_days=catalogue.school.config.reminder_interval_days,
            now=now,
        )
        states[platform] = "never" if status.last_checked is None else ("due" if status.due else "ok")
    assert sorted(states.values()) == ["due", "due", "never", "ok"]
    assert states[sample.UP_TO_DATE] == "ok" and states[sample.NEVER_CHECKED] == "never"
    attention = [(c.platform, a.item_id) for c in checks for a in c.answers if a.answer is Answer.ATTENTION]
    assert attention == [sample.ATTENTION]


@pytest.mark.parametrize("today", [dt.date(2027, 1, 4), dt.date(2027, 4, 20), dt.date(2027, 7, 20)])
def test_the_mix_holds_on_any_day_even_just_after_a_term_begins(catalogue, today):
    now = dt.datetime.combine(today, dt.time(10, 0)).astimezone()
    recent, earlier = sample.sample_times(catalogue, now)
    terms = schedule_term_starts(list(catalogue.school.config.term_starts), today)
    kwargs = {
        "in_use": True,
        "snoozed_until": None,
        "term_starts": terms,
        "now": now,
        "interval_days": catalogue.school.config.reminder_interval_days,
    }
    assert not platform_status("instagram", last_checked=recent, **kwargs).due
    assert platform_status("facebook", last_checked=earlier, **kwargs).due
    assert recent <= now


def test_the_sample_fills_in_the_demo_person_for_addresses_with_parameters(catalogue):
    settings = sample.sample_settings(catalogue)
    assert settings[sample.START_AT_LOGIN] is False
    assert settings[sample.URL_PARAMETERS]["facebook"] == {"username": "sam.taylor.demo"}
    assert settings[sample.URL_PARAMETERS]["mastodon"]["server"] == "social.example.org"


def test_reset_throws_away_what_happened_in_the_demo(session, catalogue):
    from privacy_audit.store import open_record

    session.reset()
    record = open_record(session.dirs)
    record.set_platforms_in_use(["tiktok"])
    record.close()
    (session.dirs.data / "stray.txt").write_text("left by the demo")
    session.reset()
    record = open_record(session.dirs)
    try:
        assert record.platforms_in_use() == sample.sample_platforms(catalogue)
        assert len(record.checks()) == 3
    finally:
        record.close()
    assert not (session.dirs.data / "stray.txt").exists()


def test_during_a_demo_the_keyring_is_out_of_reach_and_it_comes_back_after(
    catalogue, tmp_path, memory_keyring
):
    import keyring
    from keyring.backends import fail

    with DemoSession(catalogue, parent_dir=tmp_path) as running:
        assert isinstance(keyring.get_keyring(), fail.Keyring)
        running.reset()
    assert keyring.get_keyring() is memory_keyring.backend
    assert memory_keyring.store == {}


def test_closing_the_session_deletes_its_folder_and_stops_the_server(catalogue, tmp_path):
    running = DemoSession(catalogue, parent_dir=tmp_path).start()
    running.reset()
    port = running.server.port
    home = running.home
    running.close()
    assert not home.exists()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")


def test_a_folder_without_the_demo_marker_is_never_wiped(catalogue, tmp_path):
    running = DemoSession(catalogue, parent_dir=tmp_path)
    keep = running.home / "data" / "precious.txt"
    keep.parent.mkdir(parents=True)
    keep.write_text("not the demo's")
    (running.home / MARKER).unlink()
    with pytest.raises(RuntimeError, match="not a demo folder"):
        running.reset()
    running.close()
    assert keep.read_text() == "not the demo's"
