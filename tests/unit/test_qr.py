"""QR codes of settings pages hold only the platform's own https addresses, and a real decoder reads them back;
checklist items may give separate iPhone and Android paths, and the person's phone is a remembered setting."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pydantic
import pytest

from privacy_audit.core import settings
from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.checklist import Where
from privacy_audit.core.qr import (
    QUIET_ZONE,
    QrMatrix,
    QrRefused,
    item_qr,
    item_qr_address,
    qr_address_problem,
    qr_matrix,
)

CATALOGUE = load_catalogue()
needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) is needed"
)


def write_pbm(matrix: QrMatrix, path: Path, module_pixels: int = 4) -> Path:
    """The matrix as a plain black-and-white image with its quiet zone, written with nothing but Python."""
    cells = matrix.size_with_quiet_zone
    dark = {
        (x + QUIET_ZONE, y + QUIET_ZONE)
        for y, row in enumerate(matrix.rows)
        for x, on in enumerate(row)
        if on
    }
    lines = [f"P1\n{cells * module_pixels} {cells * module_pixels}"]
    for y in range(cells * module_pixels):
        lines.append(
            " ".join(
                "1" if (x // module_pixels, y // module_pixels) in dark else "0"
                for x in range(cells * module_pixels)
            )
        )
    path.write_text("\n".join(lines) + "\n")
    return path


def decode(path: Path) -> list[str]:
    """Every QR code zbarimg finds in the image, one address each."""
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode == 4:  # zbarimg: no symbol found
        return []
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def web_items() -> list[tuple[str, str, str]]:
    """(platform, item, address) for every shipped item whose settings page needs nothing typed."""
    found = []
    for platform, checklist in CATALOGUE.checklists.items():
        for item in checklist.items:
            address = item_qr_address(checklist, item)
            if address is not None:
                found.append((platform, item.id, address))
    return found


# -- what a code may hold ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("http://www.facebook.com/settings", "https://"),
        ("https://www.facebook.com.evil.example/settings", "not one of the platform's domains"),
        ("https://evil.example/?next=https://www.facebook.com/", "not one of the platform's domains"),
        ("https://user@www.facebook.com/settings", "user name or password"),
        ("https://www.facebook.com/settings page", "spaces"),
        ("https://{server}/settings/privacy", "{parameter}"),
        ("javascript:alert(1)", "https://"),
        ("https://127.0.0.1/", "is not a web address the app accepts"),
    ],
)
def test_an_address_that_is_not_the_platforms_own_https_settings_page_is_refused(address, why):
    assert why in (qr_address_problem(address, ["facebook.com"]) or "")
    with pytest.raises(QrRefused, match="."):
        qr_matrix(address, ["facebook.com"])


def test_a_sub_domain_of_the_platform_is_its_own():
    assert (
        qr_address_problem("https://accountscenter.facebook.com/password_and_security", ["facebook.com"])
        is None
    )


def test_a_checklist_without_domains_allows_no_code():
    assert "none" in (qr_address_problem("https://www.whatsapp.com/", []) or "")


def test_the_code_is_a_full_qr_code_and_the_same_every_time():
    first = qr_matrix("https://www.facebook.com/settings/?tab=privacy", ["facebook.com"])
    again = qr_matrix("https://www.facebook.com/settings/?tab=privacy", ["facebook.com"])
    assert first == again
    assert first.size >= 21 and (first.size - 17) % 4 == 0  # version 1 is 21 modules, each version adds 4
    assert all(len(row) == first.size for row in first.rows)
    assert first.size_with_quiet_zone == first.size + 8


def test_an_item_needing_the_persons_server_has_no_code_until_they_ask():
    mastodon = CATALOGUE.checklists["mastodon"]
    item = next(i for i in mastodon.items if i.where.url and "{server}" in i.where.url)
    assert item_qr_address(mastodon, item) is None
    assert item_qr(mastodon, item) is None
    filled = item_qr(mastodon, item, {"server": "mastodon.social"})
    assert filled is not None
    assert filled.address == item.where.url.replace("{server}", "mastodon.social")
    with pytest.raises(QrRefused):
        item_qr(mastodon, item, {"server": "evil.example/x?"})


def test_an_item_without_a_web_address_has_no_code():
    whatsapp = CATALOGUE.checklists["whatsapp"]
    app_only = [item for item in whatsapp.items if item.where.url is None]
    assert app_only, "WhatsApp's settings are in the phone app"
    for item in app_only:
        assert item_qr(whatsapp, item) is None


@needs_zbar
def test_zbarimg_reads_back_exactly_each_shipped_settings_address(tmp_path):
    items = web_items()
    assert len(items) > 20
    for platform, item_id, address in items:
        matrix = item_qr(CATALOGUE.checklists[platform], CATALOGUE.checklists[platform].item(item_id))
        assert matrix is not None
        image = write_pbm(matrix, tmp_path / f"{platform}-{item_id}.pbm")
        assert decode(image) == [address], (platform, item_id)


# -- phone paths ------------------------------------------------------------------------------------------


def test_an_item_may_give_the_iphone_and_android_paths_where_they_differ():
    where = Where(ios="Settings › Privacy › Last seen", android="⋮ › Settings › Privacy › Last seen")
    assert where.phone_path("iphone") == "Settings › Privacy › Last seen"
    assert where.phone_path("android") == "⋮ › Settings › Privacy › Last seen"
    assert where.phone_paths() == [
        ("iphone", "Settings › Privacy › Last seen"),
        ("android", "⋮ › Settings › Privacy › Last seen"),
    ]
    assert where.phone_paths("android") == [("android", "⋮ › Settings › Privacy › Last seen")]
    assert where.on_phone


def test_one_phones_own_path_falls_back_to_the_shared_app_path_for_the_other():
    where = Where(app="Profile › ☰ › Privacy", android="Profile › ⋮ › Privacy")
    assert where.phone_paths("iphone") == [("app", "Profile › ☰ › Privacy")]
    assert where.phone_paths("android") == [("android", "Profile › ⋮ › Privacy")]
    assert where.phone_paths() == [("iphone", "Profile › ☰ › Privacy"), ("android", "Profile › ⋮ › Privacy")]


def test_without_phone_paths_the_shared_app_path_is_shown_and_a_web_only_item_has_none():
    assert Where(app="Settings › Privacy").phone_paths("iphone") == [("app", "Settings › Privacy")]
    assert Where(app="Settings › Privacy").phone_paths() == [("app", "Settings › Privacy")]
    web_only = Where(url="https://www.facebook.com/settings")
    assert web_only.phone_paths() == [] and web_only.phone_paths("android") == []
    assert not web_only.on_phone


def test_a_phone_path_alone_leaves_the_other_phone_without_steps_and_is_refused():
    with pytest.raises(pydantic.ValidationError, match="give the other phone's path too"):
        Where(url="https://www.facebook.com/settings", ios="Menu › Settings")


@pytest.mark.parametrize("field", ["ios", "android"])
def test_phone_paths_are_short_text_like_app(field):
    with pytest.raises(pydantic.ValidationError):
        Where(app="Settings", **{field: ""})
    with pytest.raises(pydantic.ValidationError):
        Where(app="Settings", **{field: "x" * 201})
    with pytest.raises(pydantic.ValidationError):
        Where(app="Settings", **{field: 3})
    assert getattr(Where(app="Settings", **{field: "  Settings › Privacy  "}), field) == "Settings › Privacy"


def test_the_phone_is_a_remembered_setting_read_when_the_record_opens():
    assert settings.PHONE == "phone"
    assert settings.PHONE in settings.ALL
    assert settings.PHONES == ("iphone", "android")
