""" "Check on my phone": one setting at a time in large print, with the QR code of its page and the phone
steps, answered on the laptop with the keys 1–4.

The screen is a page of the check screen (`ui/check.py`), which owns the check, its draft and the answers;
this module only shows one setting and says which answer, phone or way out was chosen. It is laid out to be
read on a projector mirroring a 1280×720 screen at an INSET session. The words for where a setting is on
the phone (`phone_lines`) live here and are used by the full check screen too, so both say the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from privacy_audit.core.audit import Answer
from privacy_audit.core.checklist import Item
from privacy_audit.core.settings import PHONES
from privacy_audit.ui import widgets as w
from privacy_audit.ui.qr import QrCode

# A heading that takes focus shows it, as every other focused control does (its font is left alone).
FOCUSED_HEADING = (
    "QLabel { border: 2px solid transparent; } QLabel:focus { border: 2px solid palette(highlight); }"
)


class FittedScroll(w.FitScrollArea):
    """A scroll area (up and down only) whose page is as tall as its text needs at the width it has once the
    scroll bar shows; measured at the full width, wrapped text was squeezed when the bar appeared. Call
    `fit()` after changing the page's text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit(self) -> None:
        page = self.widget()
        layout = page.layout() if page is not None else None
        if page is None or layout is None or not layout.hasHeightForWidth():
            return
        # The cards' own layouts learn their new text's height from posted layout requests: settle them first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        width = self.width() - self.verticalScrollBar().sizeHint().width()
        page.setMinimumHeight(max(0, layout.totalHeightForWidth(max(1, width))))


def phone_lines(item: Item, platform: str, phone: str | None) -> list[str]:
    """Where the setting is on the phone, in words: "On your phone, in the Facebook app: …", or "On iPhone,
    in the Facebook app: …" / "On Android, …" where the two apps differ. The person's own phone comes
    first; the other phone's path follows, so a trainer or a borrowed phone is never left without it."""
    where = item.where
    paths = where.phone_paths(phone if phone in PHONES else None)
    if phone in PHONES:
        shown = {kind for kind, _ in paths}
        paths += [
            (kind, path) for kind, path in where.phone_paths(None) if kind not in shown and kind != "app"
        ]
    words = {
        "app": QCoreApplication.translate("PhoneMode", "On your phone, in the {platform} app: {path}"),
        "iphone": QCoreApplication.translate("PhoneMode", "On iPhone, in the {platform} app: {path}"),
        "android": QCoreApplication.translate("PhoneMode", "On Android, in the {platform} app: {path}"),
    }
    return [words[kind].format(platform=platform, path=path) for kind, path in paths]


def needs_phone(item: Item) -> bool:
    """A setting with no web page: it can only be checked in the phone app."""
    return item.where.url is None


class PhoneModeView(QWidget):
    """One setting in large print. Emits `answered(Answer)`, `phone_chosen(str)` and `leave()`; the check
    screen fills it with `show_item` and the QR code with `qr.set_item`."""

    answered = Signal(object)
    phone_chosen = Signal(str)
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 16)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.where_am_i = w.heading("", 2)
        top.addWidget(self.where_am_i, 1)
        self.leave_button = w.button(
            self.tr("Back to the full check screen (Esc)"),
            accessible=self.tr("Back to the full check screen"),
            tooltip=self.tr("The same check, with every detail"),
        )
        self.leave_button.clicked.connect(self.leave.emit)
        top.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.body = QWidget()
        self.body.setObjectName("page")
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(24)
        words = QVBoxLayout()
        words.setSpacing(10)
        self.title = w.heading("", 1)
        self.title.setFont(w.scaled_font(2.6, True))
        self.title.setProperty("privacy_audit_font_factor", 2.6)
        self.title.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.title.setStyleSheet(FOCUSED_HEADING)
        words.addWidget(self.title)
        self.phone_steps = w.text("", factor=1.8)
        words.addWidget(self.phone_steps)
        self.steps = w.text("", factor=1.5)
        words.addWidget(self.steps)
        self.safe_value = w.text("", factor=1.6, bold=True)
        words.addWidget(self.safe_value)
        self.not_possible = w.text("", factor=1.2)
        words.addWidget(self.not_possible)
        phones = QHBoxLayout()
        self.phone_question = w.text(self.tr("Your phone:"), selectable=False, wrap=False, factor=1.2)
        phones.addWidget(self.phone_question)
        self.phone_buttons: dict[str, QPushButton] = {}
        for phone, label in (("iphone", self.tr("&iPhone")), ("android", self.tr("&Android"))):
            button = w.button(label)
            button.setFont(w.scaled_font(1.2))
            button.setProperty("privacy_audit_font_factor", 1.2)
            button.clicked.connect(lambda _=False, p=phone: self.phone_chosen.emit(p))
            phones.addWidget(button)
            self.phone_buttons[phone] = button
        phones.addStretch(1)
        words.addLayout(phones)
        words.addStretch(1)
        body.addLayout(words, 1)

        code_column = QVBoxLayout()
        self.qr = QrCode(minimum_side=220)
        self.qr.setMaximumSize(320, 320)  # large enough to scan across a room, leaving the words their space
        code_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = w.text("", factor=1.2)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        code_column.addWidget(self.qr_caption)
        code_column.addStretch(1)
        body.addLayout(code_column, 0)
        self.body_scroll = FittedScroll()
        self.body_scroll.setWidget(self.body)
        outer.addWidget(self.body_scroll, 1)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.answer_buttons: list[QPushButton] = []
        self._answers: list[Answer] = []
        for index in range(4):
            button = w.answer_button(index + 1, "")
            button.setFont(w.scaled_font(1.5))
            button.setProperty("privacy_audit_font_factor", 1.5)
            button.clicked.connect(lambda _=False, i=index: self._pressed(i))
            grid.addWidget(button, index // 2, index % 2)
            self.answer_buttons.append(button)
        outer.addLayout(grid)
        self.keys_hint = w.text(
            self.tr("Press 1, 2, 3 or 4 on the laptop to answer. Esc goes back to the full check screen."),
            muted=True,
            factor=1.1,
        )
        outer.addWidget(self.keys_hint)

    def _pressed(self, index: int) -> None:
        if index < len(self._answers):
            self.answered.emit(self._answers[index])

    def show_item(
        self,
        *,
        platform: str,
        position: str,
        item: Item,
        phone: str | None,
        answers: list[tuple[Answer, str]],
        chosen: Answer | None,
        not_possible: str,
    ) -> None:
        """Show `item`; `position` is "Setting 2 of 7", `answers` the four (answer, words) in key order."""
        self.where_am_i.setText(
            self.tr("Check on my phone: {platform} · {position}").format(platform=platform, position=position)
        )
        self.title.setText(item.title)
        self.title.setAccessibleName(f"{position}: {item.title}")
        lines = phone_lines(item, platform, phone)
        if not lines:
            lines = [self.tr("This setting is on the {platform} website.").format(platform=platform)]
        self.phone_steps.setText("\n".join(lines))
        self.steps.setText("\n".join(f"{i}. {step}" for i, step in enumerate(item.steps, start=1)))
        self.safe_value.setText(self.tr("Safe: {value}").format(value=item.safe_value))
        self.not_possible.setText(not_possible)
        self.not_possible.setVisible(bool(not_possible))
        separate = item.where.ios is not None or item.where.android is not None
        self.phone_question.setVisible(separate)
        for name, button in self.phone_buttons.items():
            button.setVisible(separate)
            w.mark_chosen(button, name == phone, self.tr("Your phone"))
        self._answers = [answer for answer, _ in answers]
        for index, button in enumerate(self.answer_buttons):
            answer, label = answers[index]
            button.setText(f"{index + 1}  {label}")
            button.setAccessibleName(label)
            w.mark_chosen(button, answer is chosen, self.tr("Your saved answer"))

    def show_code_caption(self, text: str) -> None:
        self.qr_caption.setText(text)
        self.qr_caption.setVisible(bool(text))
        self.body_scroll.fit()
        self.body_scroll.verticalScrollBar().setValue(0)
