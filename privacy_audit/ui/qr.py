"""A QR code of a settings page, to scan with the phone where the person is already signed in.

The code is made by `core.qr` (which refuses any address that is not the platform's own https settings page)
and drawn here: dark modules on white with the four-module quiet zone the QR specification asks for,
always black on white whatever the colour scheme (phone cameras read dark on light), and on whole pixels
so the edges stay crisp at any size. With no address the widget draws nothing and hides itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from privacy_audit.core.checklist import Checklist, Item, allowed_domains
from privacy_audit.core.qr import QUIET_ZONE, QrMatrix, item_qr_address, qr_matrix

DARK = QColor(0, 0, 0)
LIGHT = QColor(255, 255, 255)


def placement(matrix: QrMatrix, area: QRect) -> QRect:
    """Where `paint_matrix` draws the code (quiet zone included) in `area`: square, centred, whole pixels
    a module when there is room for one."""
    cells = matrix.size_with_quiet_zone
    side = min(area.width(), area.height())
    module = side // cells
    drawn = module * cells if module >= 1 else side
    return QRect(
        area.x() + (area.width() - drawn) // 2, area.y() + (area.height() - drawn) // 2, drawn, drawn
    )


def paint_matrix(painter: QPainter, matrix: QrMatrix, area: QRect) -> QRect:
    """Draw `matrix` with its quiet zone, as large as fits in `area` and centred; returns where it went.

    Each module is a whole number of pixels when the area allows one pixel a module or more, so no edge
    is blurred; below that (a tiny widget) modules are scaled and the code may not scan.
    """
    cells = matrix.size_with_quiet_zone
    target = placement(matrix, area)
    left, top, drawn = target.x(), target.y(), target.width()
    module = drawn // cells
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(target, LIGHT)
    if module >= 1:
        for y, row in enumerate(matrix.rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        left + (x + QUIET_ZONE) * module,
                        top + (y + QUIET_ZONE) * module,
                        module,
                        module,
                        DARK,
                    )
    else:
        scale = drawn / cells
        painter.translate(left, top)
        painter.scale(scale, scale)
        for y, row in enumerate(matrix.rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(x + QUIET_ZONE, y + QUIET_ZONE, 1, 1, DARK)
    painter.restore()
    return target


def matrix_image(matrix: QrMatrix, module_pixels: int = 8) -> QImage:
    """The code with its quiet zone as an image, `module_pixels` pixels a module (for printing or a test)."""
    side = matrix.size_with_quiet_zone * max(1, module_pixels)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_matrix(painter, matrix, QRect(0, 0, side, side))
    painter.end()
    return image


class QrCode(QWidget):
    """The QR code of one settings page; square, as large as its space allows.

    `set_address(url, platform=…, domains=…)` shows the code of `url`, which must be an https address on
    `domains` (the checklist's, or `checklist.allowed_domains(…)` for an address the person filled in);
    anything else raises `core.qr.QrRefused`. `set_address(None)` clears and hides it. `set_item` does the
    same from a checklist item.
    """

    def __init__(self, parent: QWidget | None = None, *, minimum_side: int = 132) -> None:
        super().__init__(parent)
        _install_accessibility()
        self._matrix: QrMatrix | None = None
        self._platform = ""
        self.setObjectName("qrCode")
        self.setMinimumSize(minimum_side, minimum_side)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    # -- what it shows ----------------------------------------------------------------------------------

    def set_address(self, url: str | None, *, platform: str = "", domains: Sequence[str] = ()) -> None:
        """Show the code of `url` (the `platform` name goes into the accessible name), or nothing for None."""
        if url is None:
            self._matrix = None
            self._platform = ""
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            self.setToolTip("")
            self.hide()
            self.update()
            return
        matrix = qr_matrix(url, domains)  # raises QrRefused before anything changes
        self._matrix = matrix
        self._platform = platform
        if platform:
            name = self.tr("QR code for the {platform} settings page").format(platform=platform)
        else:
            name = self.tr("QR code for the settings page")
        self.setAccessibleName(name)
        description = self.tr("Scan it with your phone's camera to open {address}").format(address=url)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.show()
        self.update()

    def set_item(self, checklist: Checklist, item: Item | None, values: dict[str, str] | None = None) -> None:
        """Show the code of `item`'s settings page; nothing when it has none, or needs a value not given.

        Pass `values` (the person's Mastodon server, say) only when the person asked for a filled code.
        """
        address = item_qr_address(checklist, item, values) if item is not None else None
        self.set_address(address, platform=checklist.name, domains=allowed_domains(checklist, values or {}))

    def address(self) -> str | None:
        """The address the code holds, or None."""
        return self._matrix.address if self._matrix is not None else None

    def matrix(self) -> QrMatrix | None:
        return self._matrix

    def code_rect(self) -> QRect:
        """Where the code is drawn in the widget, quiet zone included; empty when there is none."""
        if self._matrix is None:
            return QRect()
        return placement(self._matrix, self.contentsRect())

    def to_image(self, module_pixels: int = 8) -> QImage:
        """The code as an image, `module_pixels` a module with the quiet zone; a null image when empty."""
        if self._matrix is None:
            return QImage()
        return matrix_image(self._matrix, module_pixels)

    # -- size and painting ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        side = max(self.minimumWidth(), 200)
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), width)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._matrix is None:
            return
        painter = QPainter(self)
        paint_matrix(painter, self._matrix, self.contentsRect())
        painter.end()


class _QrAccessible(QAccessibleWidget):
    """The code as assistive technology sees it: a graphic named for the settings page it opens."""

    def __init__(self, widget: QrCode) -> None:
        super().__init__(widget, QAccessible.Role.Graphic)


# Qt's accessibility cache owns the interfaces and deletes them with their widget; the Python wrappers are
# kept here so they are not collected first (as in ui.widgets).
_KEPT: dict[int, QAccessibleWidget] = {}
_installed = False


def _factory(_class_name: str, obj: QObject) -> QAccessibleWidget | None:
    if not isinstance(obj, QrCode):
        return None
    interface = _QrAccessible(obj)
    _KEPT[id(interface)] = interface
    return interface


def _install_accessibility() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
