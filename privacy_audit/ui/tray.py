"""The tray icon while the app runs: shows whether a check is due and offers Open, Check now, Snooze, Quit.

Only where `ReminderTray.available()` (QSystemTrayIcon.isSystemTrayAvailable()); elsewhere the app simply
keeps its window (GNOME without an AppIndicator extension has no tray). The icon always has a context menu,
because some desktops hide a tray icon without one. The tray only emits signals; the main window decides
what they do, so the tray never touches the record.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


def shield_icon(due: bool = False, size: int = 64) -> QIcon:
    """An original shield-and-tick icon; with `due`, an amber dot says something needs checking."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    shield = QPainterPath()
    shield.moveTo(32 * s, 4 * s)
    shield.lineTo(56 * s, 13 * s)
    shield.cubicTo(56 * s, 38 * s, 46 * s, 52 * s, 32 * s, 60 * s)
    shield.cubicTo(18 * s, 52 * s, 8 * s, 38 * s, 8 * s, 13 * s)
    shield.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5f8b"))
    painter.drawPath(shield)
    tick = QPen(
        QColor("white"), 6 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    painter.setPen(tick)
    painter.drawPolyline([QPointF(21 * s, 32 * s), QPointF(29 * s, 40 * s), QPointF(44 * s, 24 * s)])
    if due:
        painter.setPen(QPen(QColor("white"), 3 * s))
        painter.setBrush(QColor("#d98c00"))
        painter.drawEllipse(QRectF(40 * s, 40 * s, 22 * s, 22 * s))
    painter.end()
    return QIcon(pixmap)


class ReminderTray(QObject):
    """Tray icon and menu. Signals: open_requested, check_requested, snooze_requested, quit_requested."""

    open_requested = Signal()
    check_requested = Signal()
    snooze_requested = Signal()
    quit_requested = Signal()

    @classmethod
    def available(cls) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def __init__(self, parent: QObject | None = None, *, icon: QIcon | None = None):
        super().__init__(parent)
        self._custom_icon = icon
        self._due: list[str] = []
        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("Privacy Audit menu"))
        self.open_action = QAction(self.tr("Open Privacy Audit"), self.menu)
        self.check_action = QAction(self.tr("Check now"), self.menu)
        self.snooze_action = QAction(self.tr("Snooze 3 days"), self.menu)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.open_action.triggered.connect(self.open_requested)
        self.check_action.triggered.connect(self.check_requested)
        self.snooze_action.triggered.connect(self.snooze_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.check_action)
        self.menu.addAction(self.snooze_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_requested)
        self.set_due([])

    def set_due(self, platform_names: list[str]) -> None:
        """Show which platforms are due (display names), or that everything is up to date."""
        self._due = list(platform_names)
        due = bool(self._due)
        self.icon.setIcon(self._custom_icon or shield_icon(due))
        if due:
            self.icon.setToolTip(self.tr("Privacy Audit: check due for %s") % ", ".join(self._due))
        else:
            self.icon.setToolTip(self.tr("Privacy Audit: all your checks are done this term"))
        self.snooze_action.setEnabled(due)

    @property
    def due(self) -> list[str]:
        return list(self._due)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click or double click opens the window; the right click shows the menu (Qt does that).
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def dispose(self) -> None:
        """Remove the icon from the tray and free the menu (call before quitting)."""
        self.icon.hide()
        self.menu.deleteLater()
