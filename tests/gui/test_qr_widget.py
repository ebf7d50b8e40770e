"""The QR code widget: what a phone camera sees on screen is exactly the settings address, crisp at any size,
named for screen readers, and nothing at all for an item without a web address."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from privacy_audit.core.qr import QrRefused, item_qr_address
from privacy_audit.ui.qr import QrCode

pytestmark = pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) is needed"
)

FACEBOOK = "https://accountscenter.facebook.com/password_and_security"


def decode(image: QImage, path: Path) -> list[str]:
    assert image.save(str(path))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode == 4:  # no symbol found
        return []
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def colours(image: QImage) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return {image.pixel(x, y) & 0xFFFFFF for y in range(image.height()) for x in range(image.width())}


@pytest.fixture
def code(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    widget = QrCode()
    layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    yield widget
    holder.close()


@pytest.mark.parametrize("side", [132, 301, 640])
def test_the_code_on_screen_reads_back_as_exactly_the_address_and_is_crisp(code, qtbot, tmp_path, side):
    code.set_address(FACEBOOK, platform="Facebook", domains=["facebook.com"])
    code.window().resize(side, side)
    qtbot.waitUntil(lambda: code.width() == side)
    shown = code.grab().toImage()
    assert decode(shown, tmp_path / "screen.png") == [FACEBOOK]
    # Whole-pixel modules: the code's pixels are black or white, never a blurred grey.
    assert colours(shown.copy(code.code_rect())) == {0x000000, 0xFFFFFF}
    assert code.code_rect().width() >= side - code.matrix().size_with_quiet_zone


def test_the_code_keeps_a_white_quiet_zone_of_four_modules(code, tmp_path):
    code.set_address(FACEBOOK, platform="Facebook", domains=["facebook.com"])
    image = code.to_image(module_pixels=5)
    matrix = code.matrix()
    assert image.width() == image.height() == (matrix.size + 8) * 5
    border = [image.pixelColor(x, y) for x in range(image.width()) for y in range(20)]
    border += [image.pixelColor(x, y) for y in range(image.height()) for x in range(20)]
    assert {c.name() for c in border} == {QColor("white").name()}
    assert decode(image, tmp_path / "image.png") == [FACEBOOK]


def test_screen_readers_hear_what_the_code_is_for(code):
    code.set_address(FACEBOOK, platform="Facebook", domains=["facebook.com"])
    interface = QAccessible.queryAccessibleInterface(code)
    assert interface.role() == QAccessible.Role.Graphic
    assert interface.text(QAccessible.Text.Name) == "QR code for the Facebook settings page"
    assert FACEBOOK in interface.text(QAccessible.Text.Description)


def test_no_address_draws_nothing_and_hides_the_code(code, tmp_path):
    code.set_address(FACEBOOK, platform="Facebook", domains=["facebook.com"])
    assert code.isVisible()
    code.set_address(None)
    assert not code.isVisible()
    assert code.address() is None and code.to_image().isNull()
    code.show()  # even shown by mistake it draws nothing
    assert decode(code.grab().toImage(), tmp_path / "empty.png") == []


def test_an_app_only_item_has_no_code(code, catalogue, tmp_path):
    whatsapp = catalogue.checklists["whatsapp"]
    item = next(i for i in whatsapp.items if i.where.url is None)
    code.set_item(whatsapp, item)
    assert not code.isVisible() and code.address() is None


def test_every_web_item_of_a_platform_shows_its_own_address(code, catalogue, tmp_path):
    instagram = catalogue.checklists["instagram"]
    for item in instagram.items:
        code.set_item(instagram, item)
        expected = item_qr_address(instagram, item)
        if expected is None:
            assert not code.isVisible()
        else:
            assert decode(code.to_image(), tmp_path / f"{item.id}.png") == [expected]


def test_an_address_off_the_platform_is_refused_and_the_code_shown_stays(code):
    code.set_address(FACEBOOK, platform="Facebook", domains=["facebook.com"])
    with pytest.raises(QrRefused):
        code.set_address("https://facebook.com.evil.example/", platform="Facebook", domains=["facebook.com"])
    assert code.address() == FACEBOOK
