"""Small building blocks shared by the views: headings, plain-text labels, cards, buttons, and the style.

Fonts are derived from the application font, so the whole app follows the system font size; colours in
the style sheet come from the palette (`palette(...)`), so a high-contrast theme stays high-contrast.
Every label shows plain text (Qt.PlainText): checklist text, notes and file names can never inject markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

STYLE = """
QMainWindow, QStackedWidget > QWidget#page { background: palette(window); }
QFrame#card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 10px;
}
QFrame#banner {
    background: #fff4d6; color: #3d2e00;
    border: 1px solid #d9b54a; border-radius: 8px;
}
QFrame#banner QLabel { color: #3d2e00; }
QFrame#notice {
    background: palette(alternate-base);
    border: 1px solid palette(mid); border-radius: 8px;
}
QLabel#muted { color: palette(placeholder-text); }
QLabel#chip_ok { background: #1f6e43; color: white; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_due { background: #a14a00; color: white; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_never { background: #5a5f6b; color: white; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_warn { background: #a14a00; color: white; border-radius: 6px; padding: 2px 8px; }
QPushButton {
    padding: 6px 14px; border-radius: 6px;
    border: 1px solid palette(mid); background: palette(button); color: palette(button-text);
}
QPushButton:hover { border-color: palette(highlight); }
QPushButton:focus { border: 2px solid palette(highlight); }
QPushButton:disabled { color: palette(placeholder-text); }
QPushButton:checked { border: 2px solid palette(highlight); font-weight: bold; }
QPushButton#primary {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); font-weight: bold;
}
QPushButton#primary:focus { border: 2px solid palette(text); }
QPushButton#answer { text-align: left; padding: 8px 14px; background: palette(base); }
QPushButton#link { border: none; color: palette(link); text-decoration: underline; padding: 2px; text-align: left; }
QPushButton#link:focus { border: 1px dotted palette(text); }
QListWidget, QTextBrowser, QPlainTextEdit, QLineEdit { border: 1px solid palette(mid); border-radius: 6px; }
"""


def scaled_font(factor: float = 1.0, bold: bool = False) -> QFont:
    """The application font scaled by `factor`: headings grow with the system font size."""
    font = QFont(QGuiApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def text(
    value: str = "",
    *,
    selectable: bool = True,
    wrap: bool = True,
    muted: bool = False,
    factor: float = 1.0,
    bold: bool = False,
    name: str = "",
) -> QLabel:
    """A plain-text label (never rich text), selectable with the mouse so people can copy it."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(value)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setObjectName("muted")
    elif name:
        label.setObjectName(name)
    if factor != 1.0 or bold:
        label.setFont(scaled_font(factor, bold))
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def heading(value: str, level: int = 1) -> QLabel:
    factor = {1: 1.7, 2: 1.3, 3: 1.1}.get(level, 1.0)
    label = text(value, factor=factor, bold=True)
    label.setAccessibleName(value)
    return label


def button(
    label: str,
    *,
    accessible: str | None = None,
    primary: bool = False,
    object_name: str = "",
    tooltip: str = "",
) -> QPushButton:
    widget = QPushButton(label)
    widget.setAccessibleName(accessible or label.replace("&", ""))
    if primary:
        widget.setObjectName("primary")
        widget.setDefault(False)
    elif object_name:
        widget.setObjectName(object_name)
    if tooltip:
        widget.setToolTip(tooltip)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)

    # Enter activates a focused push button in a dialog only; make it work everywhere (keyboard use).
    widget.setAutoDefault(True)
    return widget


def card(object_name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


class FitScrollArea(QScrollArea):
    """A scroll area whose page is as tall as its text needs at the current width.

    QScrollArea sizes its page from minimumSizeHint, which for word-wrapped labels is computed at a narrow
    width and so is far too tall (empty gaps, needless scroll bars); height-for-width gives the real height.
    """

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        page = self.widget()
        layout = page.layout() if page is not None else None
        if layout is None or not layout.hasHeightForWidth():
            return
        page.setMinimumHeight(max(0, layout.totalHeightForWidth(self.viewport().width())))


def scroll_page(content: QWidget) -> QScrollArea:
    """Wrap a page in a scroll area so nothing is clipped at large font sizes."""
    area = FitScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def page_layout(widget: QWidget) -> QVBoxLayout:
    widget.setObjectName("page")
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(14)
    return layout


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def install_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE)


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets under `root` without an accessible name (used by tests and a debug check)."""
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
    missing = []
    for widget in root.findChildren(QWidget):
        focusable = isinstance(widget, kinds) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if focusable and not widget.accessibleName().strip():
            missing.append(widget)
    return missing
