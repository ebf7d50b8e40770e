"""Demo mode in the desktop app: the "Demo — nothing is saved" bar, presenter mode and Reset demo.

`DemoController` ties a `DemoSession` (throwaway folder, sample record, practice pages) to the main window.
Presenter mode makes every text about half as large again and switches to a high-contrast palette, so the
app reads well on a projector at the back of a hall; it is on when a demo starts and can be switched off.
Reset demo closes the practice browser window and the record, recreates the sample record on the worker
thread, and opens it again: the GUI thread never waits for any of it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from privacy_audit.demo.pages import BIRTHDAY
from privacy_audit.demo.session import DemoSession

PRESENTER_SCALE = 1.5
_USUAL_SIZE = "privacy_audit_usual_point_size"  # a widget's own font size outside presenter mode

# Added to the app's style sheet in presenter mode: heavier borders and focus rings that survive a projector.
PRESENTER_STYLE = """
QFrame#card, QFrame#notice { border: 2px solid #000000; }
QFrame#banner { border: 2px solid #000000; }
QPushButton { border: 2px solid #000000; padding: 8px 18px; }
QPushButton:focus { border: 4px solid #0b3d91; }
QPushButton#primary:focus { border: 4px solid #000000; }
QPushButton#link { border: none; }
QLineEdit, QPlainTextEdit, QComboBox { border: 2px solid #000000; }
"""

BAR_STYLE = """
QWidget#demo_bar { background: #0b0c0c; }
QWidget#demo_bar QLabel { color: #ffdd00; font-weight: bold; }
QWidget#demo_bar QPushButton { background: #ffffff; color: #0b0c0c; border: 2px solid #ffdd00; border-radius: 6px;
                               padding: 4px 12px; }
QWidget#demo_bar QPushButton:checked { background: #ffdd00; font-weight: normal; }
QWidget#demo_bar QPushButton:focus { border: 3px solid #ffffff; }
"""


def high_contrast_palette() -> QPalette:
    """Black on white with a dark blue highlight; "muted" text is near-black too, since a projector washes
    out greys."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#ffffff",
        QPalette.ColorRole.WindowText: "#000000",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef2fb",
        QPalette.ColorRole.Text: "#000000",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#000000",
        QPalette.ColorRole.Highlight: "#0b3d91",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#262626",
        QPalette.ColorRole.Mid: "#000000",
        QPalette.ColorRole.Dark: "#000000",
        QPalette.ColorRole.Link: "#0b3d91",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#4d4d4d"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#4d4d4d"))
    return palette


class PresenterMode:
    """Switches the whole application between its usual look and presenter mode (and back, exactly)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.on = False
        self._font = QFont(app.font())
        self._palette = QPalette(app.palette())
        self._style = app.styleSheet()

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        if on:  # what to come back to: the look as it is now, style sheet included
            self._font = QFont(self.app.font())
            self._palette = QPalette(self.app.palette())
            self._style = self.app.styleSheet()
        # Palette, then style sheet (its palette(...) colours are read when it is set), then fonts: setting a
        # style sheet puts back the fonts widgets had before, which would undo the sizes set below.
        if on:
            self.app.setPalette(high_contrast_palette())
            self.app.setStyleSheet(self._style + PRESENTER_STYLE)
            self.app.setFont(_scaled(self._font, PRESENTER_SCALE))
        else:
            self.app.setPalette(self._palette)
            self.app.setStyleSheet(self._style)
            self.app.setFont(self._font)
        # Size every widget's font from its usual size. Headings have their own font (a multiple of the app
        # font when made) and ignore a new application font, and a style sheet stops the others following
        # it too, so each widget is given its size directly.
        factor = PRESENTER_SCALE if on else 1.0
        for widget in self._all_widgets():
            usual = widget.property(_USUAL_SIZE)
            if usual is None:  # not seen before: made in the current mode, from the current app font
                usual = widget.font().pointSizeF() / (PRESENTER_SCALE if self.on else 1.0)
                widget.setProperty(_USUAL_SIZE, usual)
            if usual > 0:
                font = QFont(widget.font())
                font.setPointSizeF(usual * factor)
                widget.setFont(font)
        self.on = on

    @staticmethod
    def _all_widgets() -> list[QWidget]:
        found: list[QWidget] = []
        for top in QApplication.topLevelWidgets():
            found.append(top)
            found += top.findChildren(QWidget)
        return found


def _scaled(font: QFont, ratio: float) -> QFont:
    scaled = QFont(font)
    if scaled.pointSizeF() > 0:
        scaled.setPointSizeF(scaled.pointSizeF() * ratio)
    elif scaled.pixelSize() > 0:
        scaled.setPixelSize(max(1, round(scaled.pixelSize() * ratio)))
    return scaled


class DemoBar(QWidget):
    """The strip across the top of the window in demo mode."""

    presenter_toggled = Signal(bool)
    public_view_requested = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BAR_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(10)
        self.label = QLabel(self.tr("Demo — nothing is saved"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # on a narrow window it takes two lines rather than losing "saved"
        self.label.setAccessibleName(self.label.text())
        row.addWidget(self.label, 1)
        self.public_button = self._button(self.tr("Public vie&w"), self.tr("See what anyone can see"))
        self.public_button.clicked.connect(self.public_view_requested)
        row.addWidget(self.public_button)
        self.presenter_button = self._button(
            self.tr("Presenter &mode"), self.tr("Presenter mode: large text and high contrast")
        )
        self.presenter_button.setCheckable(True)
        self.presenter_button.toggled.connect(self.presenter_toggled)
        row.addWidget(self.presenter_button)
        self.reset_button = self._button(
            self.tr("Reset &demo"), self.tr("Reset the demo to its starting state")
        )
        self.reset_button.clicked.connect(self.reset_requested)
        row.addWidget(self.reset_button)

    @staticmethod
    def _button(label: str, accessible: str) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAutoDefault(True)
        return button


class DemoController(QObject):
    """Runs demo mode in `window` (a MainWindow whose services were made with demo=True for `session`)."""

    reset_done = Signal()

    def __init__(self, window, session: DemoSession, *, presenter: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.session = session
        self.services.practice = session.server
        app = QApplication.instance()
        assert isinstance(app, QApplication), "demo mode needs a QApplication"
        self.presenter = PresenterMode(app)
        self.bar = DemoBar()
        window.set_banner(self.bar)
        window.setWindowTitle(self.tr("Privacy Audit — demo"))
        self.bar.presenter_toggled.connect(self.set_presenter)
        self.bar.public_view_requested.connect(self.show_public_view)
        self.bar.reset_requested.connect(self.reset)
        self.bar.presenter_button.setChecked(presenter)
        # A demo's PDF goes in the throwaway folder too (the trainer can still choose another place).
        window.report.path.setText(str(session.home / "privacy-check-demo.pdf"))
        self.reset_problem = ""
        self.services.record_opened.connect(self._record_opened)

    # -- presenter mode ----------------------------------------------------------------------------------

    def set_presenter(self, on: bool) -> None:
        self.presenter.set_on(on)
        # Presenter mode fills the screen (text half as large again needs the room); leaving it gives the
        # window back its size. Set as a state, so it also holds when the window has not been shown yet.
        state = self.window.windowState()
        maximised = Qt.WindowState.WindowMaximized
        self.window.setWindowState(state | maximised if on else state & ~maximised)
        if self.bar.presenter_button.isChecked() != on:
            self.bar.presenter_button.setChecked(on)
        if self.window.current() == "dashboard" and self.services.record_is_open:
            # Platform icons are drawn for the text size: draw them again.
            self.services.overview(self.window.dashboard.show_overview)

    # -- the story ---------------------------------------------------------------------------------------

    def start(self) -> None:
        """Create the sample record (worker thread), then open it as the app always does."""
        self.services.worker.submit(self.session.reset, None, self._reset_failed)
        self.window.open_record()

    def reset(self) -> None:
        """Back to the starting state in one click: the same dashboard as when the demo began."""
        self.bar.reset_button.setEnabled(False)
        self.window.check.draft = None  # an unfinished practice check is dropped, not kept as a draft
        self.window.check.checklist = None
        self.services.close_browser_window()
        self.services.close_record()
        self.services.worker.submit(self.session.reset, None, self._reset_failed)
        self.window.dashboard_shown.connect(self._reset_finished)
        self.window.open_record()

    def _reset_finished(self) -> None:
        self.window.dashboard_shown.disconnect(self._reset_finished)
        self.bar.reset_button.setEnabled(True)
        self.reset_done.emit()

    def _reset_failed(self, failure) -> None:
        # The record is opened straight after, as it is; the dashboard then says what went wrong, and the
        # button comes back so the trainer can try again.
        self.bar.reset_button.setEnabled(True)
        self.reset_problem = self.tr("The demo could not be reset: {problem}").format(problem=str(failure))

    def _record_opened(self) -> None:
        if self.reset_problem:
            self.services.notices.insert(0, self.reset_problem)
            self.reset_problem = ""

    def show_public_view(self) -> None:
        if self.window.current() in ("message", "protection", "welcome"):
            return  # the record is not open yet
        if self.window.current() == "check":
            self.window.check.keep_for_later()
        self.window.go("public")
        public = self.window.public
        if not public.words.text():  # what the practice profile gives away, ready to look for
            public.words.setText(f"{BIRTHDAY}, {self.services.school.school_name}")
        public.words.setFocus()

    def close(self) -> None:
        """Put the application's look back (the session itself is closed by its owner)."""
        self.presenter.set_on(False)
