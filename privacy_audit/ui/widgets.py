"""Small building blocks shared by the views: headings, plain-text labels, cards, buttons, the page header,
screen-reader announcements, and the app's look (palette, style sheet, text size).

Fonts are derived from the application font, so the whole app follows the system font size and the text
size chosen in Settings. Colours in the style sheet come from the palette (`palette(...)`); the palette
itself is made accessible first (`accessible_palette`): any role that would fall below WCAG 2.2 AA against
the surfaces it is drawn on (4.5:1 for text, 3:1 for control boundaries and focus rings) is moved towards
the text colour until it reaches it. Besides the system palette there are a light and a dark high-contrast
palette (`CONTRASTS`). Every label shows plain text (Qt.PlainText): checklist text, notes and file names
can never inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

R = QPalette.ColorRole

# ---------------------------------------------------------------------------------------------------------
# Contrast (WCAG 2.2: relative luminance and contrast ratio)

TEXT_RATIO = 4.5  # normal text (1.4.3)
LARGE_TEXT_RATIO = 3.0  # 18 pt, or 14 pt bold, and larger (1.4.3)
NON_TEXT_RATIO = 3.0  # control boundaries, check box indicators, focus rings (1.4.11)


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """The WCAG contrast ratio of two opaque colours, 1.0 to 21.0."""
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` of the way towards `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def reaching(colour: QColor, against: Iterable[QColor], ratio: float, towards: QColor) -> QColor:
    """`colour`, moved as little as needed towards `towards` to reach `ratio` against every colour in `against`
    (with a small margin, so rounding never lands just below the threshold)."""
    surfaces = list(against)
    target = ratio + 0.1
    for step in range(101):
        candidate = _mix(colour, towards, step / 100)
        if all(contrast(candidate, s) >= target for s in surfaces):
            return candidate
    return QColor(towards)


# ---------------------------------------------------------------------------------------------------------
# Palettes


@dataclass(frozen=True)
class Contrast:
    """One of the looks offered in Settings: the system palette made accessible, or a high-contrast one."""

    key: str
    colours: dict | None  # role -> "#rrggbb"; None: the system palette
    banner: tuple[str, str, str]  # background, text, border of the cream "banner" frames


SYSTEM = "system"
HIGH_LIGHT = "high-light"
HIGH_DARK = "high-dark"

_LIGHT_HIGH = {
    R.Window: "#ffffff",
    R.WindowText: "#000000",
    R.Base: "#ffffff",
    R.AlternateBase: "#eef2fb",
    R.Text: "#000000",
    R.Button: "#ffffff",
    R.ButtonText: "#000000",
    R.Highlight: "#0b3d91",
    R.HighlightedText: "#ffffff",
    R.PlaceholderText: "#333333",
    R.Mid: "#000000",
    R.Dark: "#000000",
    R.Light: "#ffffff",
    R.Midlight: "#ffffff",
    R.Shadow: "#000000",
    R.Link: "#0b3d91",
    R.LinkVisited: "#4b1e8a",
    R.ToolTipBase: "#ffffff",
    R.ToolTipText: "#000000",
    R.BrightText: "#ffffff",
}
_DARK_HIGH = {
    R.Window: "#000000",
    R.WindowText: "#ffffff",
    R.Base: "#000000",
    R.AlternateBase: "#1c1c1c",
    R.Text: "#ffffff",
    R.Button: "#000000",
    R.ButtonText: "#ffffff",
    R.Highlight: "#ffd60a",
    R.HighlightedText: "#000000",
    R.PlaceholderText: "#d6d6d6",
    R.Mid: "#ffffff",
    R.Dark: "#ffffff",
    R.Light: "#000000",
    R.Midlight: "#000000",
    R.Shadow: "#ffffff",
    R.Link: "#8cc8ff",
    R.LinkVisited: "#d7b4ff",
    R.ToolTipBase: "#000000",
    R.ToolTipText: "#ffffff",
    R.BrightText: "#000000",
}

CONTRASTS = {
    SYSTEM: Contrast(SYSTEM, None, ("#fff4d6", "#3d2e00", "#8a6d00")),
    HIGH_LIGHT: Contrast(HIGH_LIGHT, _LIGHT_HIGH, ("#fff4d6", "#000000", "#000000")),
    HIGH_DARK: Contrast(HIGH_DARK, _DARK_HIGH, ("#2a2200", "#ffffff", "#ffd60a")),
}
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)


def _surfaces(palette: QPalette) -> list[QColor]:
    return [palette.color(R.Window), palette.color(R.Base), palette.color(R.AlternateBase)]


_ROLES = (
    R.WindowText,
    R.Text,
    R.ButtonText,
    R.PlaceholderText,
    R.Link,
    R.LinkVisited,
    R.Mid,
    R.Highlight,
    R.HighlightedText,
    R.ToolTipText,
)


def accessible_palette(source: QPalette, colours: dict | None = None) -> QPalette:
    """`source` (or `colours` laid over it), with every role the app draws with brought up to WCAG AA.

    Text roles reach 4.5:1 against the window, base and alternate-base surfaces; Mid (control boundaries)
    and Highlight (focus rings, ticked boxes, the primary button) reach 3:1; HighlightedText reaches 4.5:1 on
    Highlight. Roles that already reach them are left as they are, so a good system theme is not touched.
    """
    palette = QPalette(source)
    if colours:
        for role, value in colours.items():
            palette.setColor(QPalette.ColorGroup.All, role, QColor(value))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):

        def get(role, group=group):
            return palette.color(group, role)

        def put(role, value, group=group):
            palette.setColor(group, role, value)

        # Colours with transparency (Fusion's placeholder text is half-transparent black) are measured, and
        # then drawn, as what they look like on the base colour.
        paper_colour = get(R.Base)
        for role in _ROLES:
            colour = get(role)
            if colour.alpha() < 255:
                put(
                    role,
                    _mix(paper_colour, QColor(colour.red(), colour.green(), colour.blue()), colour.alphaF()),
                )
        surfaces = [get(R.Window), get(R.Base), get(R.AlternateBase)]
        ink = get(R.WindowText)
        for role in (R.WindowText, R.Text):
            put(role, reaching(get(role), surfaces, TEXT_RATIO, ink))
        put(R.ButtonText, reaching(get(R.ButtonText), [get(R.Button)], TEXT_RATIO, ink))
        for role in (R.PlaceholderText, R.Link, R.LinkVisited):
            put(role, reaching(get(role), surfaces, TEXT_RATIO, ink))
        put(R.Mid, reaching(get(R.Mid), surfaces + [get(R.Button)], NON_TEXT_RATIO, ink))
        highlight = reaching(get(R.Highlight), surfaces, NON_TEXT_RATIO, ink)
        # The primary button shows highlighted text on the highlight: push the highlight further if needed.
        paper = get(R.HighlightedText)
        if contrast(highlight, paper) < TEXT_RATIO + 0.1:
            highlight = reaching(highlight, [paper], TEXT_RATIO, ink)
        put(R.Highlight, highlight)
        put(R.ToolTipText, reaching(get(R.ToolTipText), [get(R.ToolTipBase)], TEXT_RATIO, ink))
    return palette


# ---------------------------------------------------------------------------------------------------------
# The style sheet

# Chips keep their colours in every palette: their text is measured against their own background.
# A thicker border (focus, checked, a chosen answer) takes its width from the padding, so a control keeps the
# same room for its words with focus as without (Qt sizes it without focus; its words were cut off).
STYLE_TEMPLATE = """
QMainWindow, QStackedWidget > QWidget#page { background: palette(window); }
QFrame#card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 10px;
}
QFrame#banner {
    background: $banner_bg; color: $banner_fg;
    border: 2px solid $banner_border; border-radius: 8px;
}
QFrame#banner QLabel { color: $banner_fg; }
QFrame#notice {
    background: palette(alternate-base);
    border: 1px solid palette(mid); border-radius: 8px;
}
QLabel#muted { color: palette(placeholder-text); }
QLabel#chip_ok { background: #1f6e43; color: #ffffff; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_due { background: #a14a00; color: #ffffff; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_never { background: #5a5f6b; color: #ffffff; border-radius: 6px; padding: 2px 8px; }
QLabel#chip_warn { background: #a14a00; color: #ffffff; border-radius: 6px; padding: 2px 8px; }
QPushButton {
    padding: 6px 14px; border-radius: 6px;
    border: 1px solid palette(mid); background: palette(button); color: palette(button-text);
}
QPushButton:hover { border-color: palette(highlight); }
QPushButton:focus { border: 3px solid palette(highlight); padding: 4px 12px; }
QPushButton:disabled { color: palette(placeholder-text); }
QPushButton:checked { border: 2px solid palette(highlight); padding: 5px 13px; font-weight: bold; }
QPushButton#primary {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); font-weight: bold;
}
QPushButton#primary:focus { border: 3px solid palette(text); padding: 4px 12px; }
QPushButton#answer { text-align: left; padding: 8px 14px; background: palette(base); }
QPushButton#answer:focus { padding: 6px 12px; }
QPushButton#answer[chosen="true"] { border: 3px solid palette(text); padding: 6px 12px; font-weight: bold; }
QPushButton#link { border: none; color: palette(link); text-decoration: underline; padding: 2px; text-align: left; }
QPushButton#link:focus { border: 2px solid palette(highlight); padding: 0px; }
QListWidget, QTextBrowser, QPlainTextEdit, QLineEdit, QComboBox {
    border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); color: palette(text);
}
QLineEdit, QComboBox { padding: 3px 6px; }
QListWidget:focus, QTextBrowser:focus, QPlainTextEdit:focus, QLineEdit:focus, QComboBox:focus {
    border: 3px solid palette(highlight);
}
QLineEdit:focus, QComboBox:focus { padding: 1px 4px; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 4px; padding: 2px; spacing: 8px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid palette(highlight); }
QCheckBox::indicator, QRadioButton::indicator {
    width: 1em; height: 1em; border: 2px solid palette(text); background: palette(base);
}
QCheckBox::indicator { border-radius: 3px; }
QRadioButton::indicator { border-radius: 0.6em; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked {
    background: palette(highlight); border: 2px solid palette(text);
}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border: 2px dotted palette(placeholder-text); }
QCheckBox:disabled, QRadioButton:disabled { color: palette(placeholder-text); }
"""


def build_style(contrast_key: str = SYSTEM) -> str:
    """The app's style sheet for one of the `CONTRASTS` (only the banner colours differ between them)."""
    from string import Template

    banner_bg, banner_fg, banner_border = CONTRASTS[contrast_key].banner
    return Template(STYLE_TEMPLATE).substitute(
        banner_bg=banner_bg, banner_fg=banner_fg, banner_border=banner_border
    )


STYLE = build_style(SYSTEM)


# ---------------------------------------------------------------------------------------------------------
# Fonts and text size

_FACTOR = "privacy_audit_font_factor"  # a widget's own size, as a multiple of the app's text size


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
    return _setup_label(QLabel(), value, selectable, wrap, muted, factor, bold, name)


def _setup_label(label, value, selectable, wrap, muted, factor, bold, name) -> QLabel:
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
        label.setProperty(_FACTOR, factor)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


# ---------------------------------------------------------------------------------------------------------
# Headings: labels a screen reader reads as headings


_HEADING = "privacy_audit_heading_level"  # set on a QLabel that is a heading (1, 2, 3)


class _HeadingAccessible(QAccessibleWidget):
    """A heading label as assistive technology sees it: role Heading, named by its text as it is now."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


class _StackAccessible(QAccessibleWidget):
    """A stack of pages as assistive technology sees it: only the page on show. Qt exposes every page, the
    hidden ones too, and a screen reader's flat review and "where am I" then wander into screens that are
    not there (the review found the Settings lists "showing" on every screen)."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__(stack, QAccessible.Role.LayeredPane)
        self._stack = stack

    def childCount(self) -> int:
        return 1 if self._stack.currentWidget() is not None else 0

    def child(self, index: int):
        page = self._stack.currentWidget()
        if index == 0 and page is not None:
            return QAccessible.queryAccessibleInterface(page)
        return None

    def indexOfChild(self, child) -> int:
        page = self._stack.currentWidget()
        return 0 if child is not None and page is not None and child.object() is page else -1


# Qt's accessibility cache owns the interfaces it is given and deletes them with their widget; the Python
# wrappers are kept here so they are not collected first (one small object per heading ever made).
_KEPT: dict[int, QAccessibleWidget] = {}
_factory_installed = False


def _heading_factory(_class_name: str, obj: QObject):
    if isinstance(obj, QLabel) and obj.property(_HEADING):
        interface = _HeadingAccessible(obj)
    elif isinstance(obj, QStackedWidget):
        interface = _StackAccessible(obj)
    else:
        return None
    _KEPT[id(interface)] = interface
    return interface


def install_accessibility() -> None:
    """Install the factory that gives headings the Heading role and shows only the current page of a stack
    to assistive technology (once, before the first window)."""
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_heading_factory)
        _factory_installed = True


def heading(value: str, level: int = 1) -> QLabel:
    """A screen or section title: bold, larger, and a heading for screen readers (AT-SPI role "heading"),
    so they can list a screen's headings and jump between them. Its accessible name is its text, also after
    `setText` (set an accessible name only when the heading should be read differently)."""
    install_accessibility()
    factor = {1: 1.7, 2: 1.3, 3: 1.1}.get(level, 1.0)
    label = QLabel()
    label.setProperty(_HEADING, level)
    return _setup_label(label, value, True, True, False, factor, True, "")


def is_heading(widget: QWidget) -> bool:
    return bool(widget.property(_HEADING))


def announce(widget: QWidget, message: str, assertive: bool = False) -> None:
    """Have a screen reader say `message` now (AT-SPI "object:announcement", Qt 6.8+), e.g. "Saved: It's set
    correctly" after an answer, or the title of the next item when focus stays where it was."""
    event = QAccessibleAnnouncementEvent(widget, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def show_focus_now(widget: QWidget, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
    """Give `widget` focus with the focus ring showing straight away, also when the program moved it (without
    WA_KeyboardFocusChange the styles draw no focus frame until the first Tab)."""
    widget.setFocus(reason)
    window = widget.window()
    if window is not None:  # after setFocus, which clears it for reasons other than Tab
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)


def button(
    label: str,
    *,
    accessible: str | None = None,
    primary: bool = False,
    object_name: str = "",
    tooltip: str = "",
    description: str = "",
) -> QPushButton:
    """A push button named for screen readers (its text without the & of its shortcut, or `accessible`); a
    `description` is read after the name (e.g. a platform's status beside its "Check now")."""
    widget = QPushButton(label)
    widget.setAccessibleName(accessible or label.replace("&", ""))
    if description:
        widget.setAccessibleDescription(description)
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


def answer_button(number: int, label: str) -> QPushButton:
    """One of the four answers of a check item: a plain push button (a screen reader says "button"), not a
    checkable one (which AT-SPI reads as a check box). The saved answer is shown with `mark_chosen`."""
    widget = button(f"{number}  {label}", accessible=label, object_name="answer")
    widget.setProperty("chosen", False)
    return widget


def mark_chosen(widget: QPushButton, chosen: bool, said: str = "") -> None:
    """Show whether `widget` is the saved answer: a heavier border (style sheet, [chosen="true"]) and, for
    screen readers, its description (`said`, e.g. "Your saved answer")."""
    widget.setProperty("chosen", bool(chosen))
    widget.setAccessibleDescription(said if chosen else "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def page_header(title: str, back_label: str, back_name: str = "") -> tuple[QHBoxLayout, QLabel, QPushButton]:
    """The top row of a secondary screen: its title (a level-1 heading) and a "Back to dashboard" button,
    in reading order (title first, then the button, for Tab as for the eye). Returns the row, the heading
    and the button; connect the button's `clicked` to the screen's back signal."""
    row = QHBoxLayout()
    title_label = heading(title)
    row.addWidget(title_label, 1)
    back = button(back_label, accessible=back_name or None)
    row.addWidget(back, 0, Qt.AlignmentFlag.AlignTop)
    return row, title_label, back


def labelled(label_text: str, field: QWidget, *, muted: bool = False) -> QLabel:
    """A label tied to `field` as its buddy (Alt+letter moves there; screen readers name the field by it)."""
    label = text(label_text, selectable=False, muted=muted, wrap=False)
    label.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(label_text.replace("&", ""))
    return label


def card(object_name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


def titled_card(
    title: str, intro: str = "", *, muted: bool = False, object_name: str = "card"
) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A card that starts with a level-2 heading and, when given, a paragraph saying what the card is for
    (`muted` for a side remark). Returns the card, the layout to add its controls to, and the heading (to
    move a reader's focus to)."""
    frame, layout = card(object_name)
    title_label = heading(title, 2)
    layout.addWidget(title_label)
    if intro:
        layout.addWidget(text(intro, muted=muted))
    return frame, layout, title_label


def notices_card(title: str) -> tuple[QFrame, QLabel]:
    """A "notice" card, hidden until `show_notices` fills it, for what the person reads before anything
    else (an earlier record set aside, and where its copy is). Returns the card and its text."""
    frame, layout = card("notice")
    layout.addWidget(text(title, bold=True))
    body = text("")
    layout.addWidget(body)
    frame.hide()
    return frame, body


def show_notices(frame: QFrame, body: QLabel, notices: Iterable[str]) -> None:
    """Fill a `notices_card`, one paragraph a notice; with none it stays hidden."""
    shown = list(notices)
    body.setText("\n\n".join(shown))
    frame.setVisible(bool(shown))


def button_row(left: Iterable[QWidget] = (), right: Iterable[QWidget] = ()) -> QHBoxLayout:
    """A row of buttons: `left` ones at the left, `right` ones at the right (the main action last, where
    the eye and Tab end)."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


class FitScrollArea(QScrollArea):
    """A scroll area whose page is as tall as its text needs at the current width.

    QScrollArea sizes its page from minimumSizeHint, which for word-wrapped labels is computed at a narrow
    width and so is far too tall (empty gaps, needless scroll bars); height-for-width gives the real height.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here, in Python: the first time Python meets a widget Qt made itself (the default
        # viewport), PySide works out its type by building Python enums for most QtWidgets classes, about
        # 80 of them, which delayed the first paint (`fit` and `refit_page` both reach the viewport).
        self.setViewport(QWidget())

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


# ---------------------------------------------------------------------------------------------------------
# The look: palette, style sheet, text size (Settings; applied at start and live)

# The system's own palette and the app font's size at 100 %, taken at the first call (one app per process).
_LOOK: dict = {}


def install_style(app: QApplication, contrast_key: str = SYSTEM, text_scale: float = 1.0) -> None:
    """Give the app its accessible look: call once at start (before the first window) and again whenever
    the person changes the contrast or text size in Settings."""
    install_accessibility()
    apply_look(app, contrast_key, text_scale)


def apply_look(app: QApplication, contrast_key: str = SYSTEM, text_scale: float = 1.0) -> None:
    """Set the palette, then the style sheet (its palette(...) colours are read when it is set), then the
    fonts (setting a style sheet puts back the fonts widgets had before)."""
    if contrast_key not in CONTRASTS:
        contrast_key = SYSTEM
    if text_scale not in TEXT_SCALES:
        text_scale = 1.0
    system = _LOOK.get("system_palette")
    if system is None:  # the first call: what the system gave us, to come back to
        system = QPalette(app.palette())
        _LOOK["system_palette"] = system
    app.setPalette(accessible_palette(system, CONTRASTS[contrast_key].colours))
    style = build_style(contrast_key)
    if app.styleSheet() != style:  # re-polishing every widget is slow, and needless for the same text
        # Widgets waiting for deletion are re-polished too, and Qt crashes on some of them: delete them first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.setStyleSheet(style)
    base = _LOOK.get("base_point_size")
    if base is None:
        base = app.font().pointSizeF()
        _LOOK["base_point_size"] = base
    font = QFont(app.font())
    if base > 0:
        font.setPointSizeF(base * text_scale)
    app.setFont(font)
    # Widgets with a font of their own (headings, emphasised text) ignore a new application font, and a
    # style sheet stops the others following it: each widget is given its size directly.
    for widget in all_widgets():
        factor = widget.property(_FACTOR) or 1.0
        own = QFont(widget.font())
        if base > 0:
            own.setPointSizeF(base * text_scale * float(factor))
            widget.setFont(own)
    _LOOK["text_scale"] = text_scale
    _LOOK["contrast"] = contrast_key


def current_look() -> tuple[str, float]:
    """The contrast and text size the app shows now."""
    return _LOOK.get("contrast", SYSTEM), _LOOK.get("text_scale", 1.0)


def all_widgets() -> list[QWidget]:
    """Every widget of the app's windows (not of pop-ups and tool tips, which take their font when shown)."""
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        if top.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            continue
        found.append(top)
        found += top.findChildren(QWidget)
    return found


# ---------------------------------------------------------------------------------------------------------
# Checks used by tests


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


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def style_rules(style: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a style sheet as (selector, {property: value}) pairs, for the contrast tests."""
    rules = []
    for selector, body in _RULE.findall(style):
        declarations = {}
        for part in body.split(";"):
            name, sep, value = part.partition(":")
            if sep:
                declarations[name.strip()] = value.strip()
        rules.append((" ".join(selector.split()), declarations))
    return rules
