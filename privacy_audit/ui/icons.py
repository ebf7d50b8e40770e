"""Icons: the app's own (the launcher's shield, from resources/icons) and simple original platform icons, a
coloured rounded square with the platform's initial (no logos)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# Each platform's colour comes from its checklist (`colour:`, checked there for 4.5:1 contrast with white
# text); `AppServices` hands them over with `use_platform_colours` as soon as the snapshot or the catalogue
# is known. A platform without one gets one of these, chosen by its id so that it never changes.
_colours: dict[str, str] = {}
_FALLBACK = ["#4f6d7a", "#6b4f7a", "#7a5f4f", "#4f7a5c"]


def use_platform_colours(colours: Mapping[str, str]) -> None:
    """The platform colours to draw with from now on ("#rrggbb" by platform id)."""
    _colours.clear()
    _colours.update(colours)


def platform_colour(platform: str) -> QColor:
    if platform in _colours:
        return QColor(_colours[platform])
    return QColor(_FALLBACK[sum(map(ord, platform)) % len(_FALLBACK)])


def platform_pixmap(platform: str, name: str, size: int = 40, device_pixel_ratio: float = 1.0) -> QPixmap:
    pixels = max(1, round(size * device_pixel_ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(platform_colour(platform))
    rect = QRectF(0, 0, size, size)
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    font = QFont()
    font.setPixelSize(max(6, int(size * 0.5)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    initial = "✓" if platform == "general" else (name.strip()[:1] or platform[:1]).upper()
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initial)
    painter.end()
    return pixmap


def platform_icon(platform: str, name: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(platform_pixmap(platform, name, size))
    return icon


@functools.cache  # one QIcon: the application and the main window both ask for it before the first paint
def app_icon() -> QIcon:
    """The app's own icon, for windows and the taskbar: the same shield with a tick that the installers put
    in the launcher (`resources/icons`), so the running app looks like the icon that was clicked. Qt reads
    the file only when a size is first painted, which keeps it off the start-up path."""
    from privacy_audit.core.paths import resource_path

    return QIcon(str(resource_path("icons", "privacy-audit.png")))
