"""Browser discovery, which addresses may be opened, where the window goes, and forgetting sign-ins: plain
logic, no browser."""

from __future__ import annotations

import pytest

from privacy_audit.browser import GuidedBrowser, WindowPlacement, forget_sign_ins, prepare_profile
from privacy_audit.browser.addresses import is_off_domain, is_on_platform, looks_like_login, refusal
from privacy_audit.browser.discovery import candidates

FB = ("facebook.com",)


def fake_which(name: str) -> str | None:
    return {"chromium": "/usr/bin/chromium", "google-chrome": "/opt/google/chrome/google-chrome"}.get(name)


def test_auto_tries_edge_then_chrome_then_browsers_on_the_system_then_playwrights_own():
    found = candidates("auto", which=fake_which, platform="linux")
    assert [(c.channel, c.executable, c.bundled) for c in found] == [
        ("msedge", None, False),
        ("chrome", None, False),
        (None, "/usr/bin/chromium", False),
        (None, "/opt/google/chrome/google-chrome", False),
        (None, None, True),
    ]


def test_the_usual_install_folders_are_searched_on_windows_and_macos():
    exists = {
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
    }.__contains__
    windows = candidates(
        "chromium",
        which=lambda n: None,
        exists=exists,
        platform="win32",
        env={"PROGRAMFILES": r"C:\Program Files"},
    )
    mac = candidates("chromium", which=lambda n: None, exists=exists, platform="darwin")
    assert next(c.executable for c in windows).endswith(r"Chrome\Application\chrome.exe")
    assert next(c.executable for c in mac) == "/Applications/Chromium.app/Contents/MacOS/Chromium"


def test_a_chosen_program_is_tried_alone_and_default_tries_nothing():
    assert [c.executable for c in candidates("path", "/opt/edge/msedge")] == ["/opt/edge/msedge"]
    assert [c.channel for c in candidates("msedge")] == ["msedge"]
    assert candidates("default") == []


def test_an_unknown_choice_is_refused_with_the_choices_named():
    with pytest.raises(ValueError, match="choose one of: auto, msedge, chrome, chromium, path, default"):
        GuidedBrowser(choice="firefox", on_event=print)
    with pytest.raises(ValueError, match="Choose the browser program"):
        GuidedBrowser(choice="path", on_event=print)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://www.facebook.com/settings", "Only secure (https://) pages"),
        ("https://facebook.com.evil.example/", "is not one of this platform's web addresses"),
        ("https://user:pw@www.facebook.com/", "user name or password"),
        ("javascript:alert(1)", "Only secure (https://) pages"),
        ("http://127.0.0.1:8000/demo", "Only secure (https://) pages"),
        # A browser reads '\\' as '/' and goes to evil.com; such addresses are never opened.
        ("https://evil.com\\.facebook.com/x", "backslash"),
        ("https://evil.com\\@www.facebook.com/", "backslash"),
        ("https://www.facebook.com\\..\\x", "backslash"),
        ("https://evil.com .facebook.com/", "a space"),
        ("https://evil.com\t.facebook.com/", "U+0009"),
        ("https://evil.com\u202e.facebook.com/", "U+202E"),
        ("https://www.facebook.com/{id}", "U+007B"),
        ("https://evil.com%5C.facebook.com/", "is not a web address"),
        ("https://fa%63ebook.com/", "does not have a plain web address"),
        ("https://0x7f.1/", "does not have a plain web address"),
        ("https://\uff45vil.com.facebook.com/", "does not have a plain web address"),
        ("https:evil.com/.facebook.com", "not a complete web address"),
        ("https:///evil.com/.facebook.com", "no web address after https://"),
        ("https://www.facebook.com:99999/", "is not a web address"),
        ("http://127.0.0.1\\.facebook.com/", "backslash"),
        # D23: a platform's pages never name a port, not even the usual one.
        ("https://facebook.com:8443/", "names a port"),
        ("https://www.facebook.com:443/", "names a port"),
        ("https://127.0.0.1/", "is not one of this platform's web addresses"),
    ],
)
def test_addresses_that_are_not_the_platforms_own_https_pages_are_refused(url, reason):
    assert reason in refusal(url, FB, allow_localhost=False)
    assert refusal(url, FB, allow_localhost=True) is not None or "//127.0.0.1" in url


def test_the_platforms_own_pages_and_in_demo_mode_local_pages_are_allowed():
    assert refusal("https://www.facebook.com/settings/?tab=posts", FB, allow_localhost=False) is None
    assert refusal(" https://m.facebook.com./jos\u00e9\n", FB, allow_localhost=False) is None
    assert refusal("http://127.0.0.1:8000/demo", FB, allow_localhost=True) is None
    assert refusal("http://[::1]:8000/demo", FB, allow_localhost=True) is None


def test_the_host_checked_is_the_host_chromium_loads():
    # ada_url reads addresses as the WHATWG standard (and Chromium) does.
    assert refusal("HTTPS://WWW.FACEBOOK.COM/settings", FB, allow_localhost=False) is None
    assert "is not one of" in refusal("https://facebook.com.evil.example./x", FB, allow_localhost=False)


def test_a_typed_server_that_is_not_a_real_host_name_never_widens_the_platform():
    # D23: a Mastodon server of "com" must not make every .com page "on the platform".
    for server in ("com", "localhost", "127.0.0.1", "0", "_", "a" * 253, "printer.local"):
        domains = ("joinmastodon.org", server)
        assert not is_on_platform("https://evil.example.com/", domains, allow_localhost=False), server
        assert refusal(f"https://{server}/settings", domains, allow_localhost=False) is not None, server
    assert is_on_platform("https://mastodon.social/settings", ("mastodon.social",), allow_localhost=False)


def test_answers_and_next_count_only_on_the_platforms_pages():
    assert is_on_platform("https://www.facebook.com/settings", FB, allow_localhost=False)
    assert not is_on_platform("http://www.facebook.com/settings", FB, allow_localhost=False)
    assert not is_on_platform("about:blank", FB, allow_localhost=True)
    assert not is_on_platform("https://evil.example/", FB, allow_localhost=True)
    assert not is_on_platform("http://127.0.0.1:8000/", FB, allow_localhost=False)
    assert not is_on_platform("https://www.facebook.com:8443/settings", FB, allow_localhost=False)
    assert is_on_platform("http://127.0.0.1:8000/", FB, allow_localhost=True)


def test_sign_in_pages_and_other_sites_are_recognised():
    assert looks_like_login("https://www.facebook.com/login/?next=settings")
    assert looks_like_login("https://www.facebook.com/checkpoint/828281030927956/")
    assert looks_like_login("https://accounts.google.com/v3/signin/identifier")
    assert not looks_like_login("https://www.facebook.com/settings/?tab=posts")
    assert is_off_domain("https://evil.example/", FB, allow_localhost=True)
    assert not is_off_domain("https://m.facebook.com/x", FB, allow_localhost=False)
    assert not is_off_domain("about:blank", FB, allow_localhost=False)


def test_forget_sign_ins_deletes_our_profile_and_nothing_else(tmp_path):
    profile = prepare_profile(tmp_path / "browser-profile")
    (profile / "Default").mkdir()
    (profile / "Default" / "Cookies").write_bytes(b"secret")
    forget_sign_ins(profile)
    assert not profile.exists()
    forget_sign_ins(profile)  # already gone: nothing to do

    stranger = tmp_path / "documents"
    stranger.mkdir()
    (stranger / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(ValueError, match="does not look like Privacy Audit's browser profile"):
        forget_sign_ins(stranger)
    assert (stranger / "thesis.docx").exists()

    link = tmp_path / "link"
    link.symlink_to(stranger)
    forget_sign_ins(link)
    assert not link.exists() and (stranger / "thesis.docx").exists()


def test_a_platform_is_its_domain_and_its_sub_domains_only():
    from privacy_audit.core.urls import host_is_allowed

    expected = {
        "facebook.com": True,
        "www.facebook.com": True,
        "FACEBOOK.COM.": True,
        "facebook.com.evil.example": False,
        "notfacebook.com": False,
    }
    for host, allowed in expected.items():
        assert host_is_allowed(host, FB) is allowed, host


@pytest.mark.parametrize(
    ("server", "problem"),
    [
        ("mastodon.social", None),
        ("fosstodon.org", None),
        ("social.example.co.uk", None),
        ("xn--80ak6aa92e.xn--p1ai", None),
        ("com", "is not a server name"),
        ("localhost", "is not a server name"),
        ("127.0.0.1", "is not a server name"),
        ("169.254.169.254", "is not a server name"),
        ("0", "is not a server name"),
        ("_", "is not a server name"),
        ("mastodon.social.", "is not a server name"),
        ("-bad.example", "is not a server name"),
        ("a" * 254, "at most 253"),
        ("nas.local", "names a computer on this network"),
        ("dev.localhost", "names a computer on this network"),
        ("", "no server name"),
    ],
)
def test_a_typed_server_must_be_a_plain_public_host_name(server, problem):
    from privacy_audit.core.urls import host_name_problem

    found = host_name_problem(server)
    assert found is None if problem is None else problem in found


def test_the_guided_window_goes_beside_the_app_on_the_free_side():
    screen = (0, 0, 1366, 728)  # 1366x768 less a 40 px taskbar
    # The app on the left: the browser takes the rest, to its right, full height.
    assert WindowPlacement.beside((0, 0, 500, 728), screen) == WindowPlacement(500, 0, 866, 728)
    # The app on the right: the browser goes on its left.
    assert WindowPlacement.beside((700, 0, 666, 728), screen) == WindowPlacement(0, 0, 700, 728)
    # A maximised app: two-thirds of the screen, on one side, so a third of the app stays in view.
    assert WindowPlacement.beside((0, 0, 1366, 728), screen) == WindowPlacement(456, 0, 910, 728)
    # A second screen to the right of the first.
    assert WindowPlacement.beside((1920, 0, 600, 1040), (1920, 0, 1920, 1040)) == WindowPlacement(
        2520, 0, 1320, 1040
    )
    assert WindowPlacement(10, 20, 800, 600).chromium_args() == (
        "--window-position=10,20",
        "--window-size=800,600",
    )
