"""The guided check: one setting at a time, then a summary of what is not yet safe and whom to ask.

Each answer is kept as a draft straight away (on the worker thread), so closing the app or choosing
"Resume later" never loses what was answered. The screen has two parts: the setting, in a scroll area that
starts at its title for every new setting, and a footer that is always visible with the note, the four
answers (keys 1–4), Back, "Check on my phone" and Resume later. A setting's page opens on this laptop (the
guided browser when it is available, otherwise the default browser) or on the phone (a QR code of exactly
its address); settings that exist only in the phone app say so before anything else. "Check on my phone"
(`ui/phone_mode.py`) shows the same check one setting at a time in large print.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.core.audit import (
    Answer,
    CheckResult,
    Draft,
    ItemAnswer,
    checklist_version,
    offered_answers,
)
from privacy_audit.core.checklist import Checklist, Item, allowed_domains, fill_url
from privacy_audit.core.clock import utc_now
from privacy_audit.core.school import SchoolConfig
from privacy_audit.core.settings import PHONE, PHONES
from privacy_audit.ui import widgets as w
from privacy_audit.ui.answer_words import answer_labels, answers_for
from privacy_audit.ui.dates import long_date, month_year
from privacy_audit.ui.error_words import typed_value_refusal, url_value_words
from privacy_audit.ui.icons import platform_pixmap
from privacy_audit.ui.phone_mode import FOCUSED_HEADING, FittedScroll, PhoneModeView, needs_phone, phone_lines
from privacy_audit.ui.qr import QrCode
from privacy_audit.ui.services import URL_PARAMETERS, AppServices

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent
    from privacy_audit.ui.worker import Failure

__all__ = ["CheckView", "answer_labels", "contact_words", "freshness_line"]

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def freshness_line(item: Item, today: dt.date, checklist: Checklist | None) -> tuple[str, bool]:
    """Where the item's guidance comes from, in the reader's language, and whether to show it as a warning.

    The words come from core.provenance (one statement for every screen); each sentence is translated as
    a template (core marks every template for lupdate) and then filled in, so "verified" is never said of
    guidance nobody checked on the live site. Its dates are written as the screens write every date.
    """
    from privacy_audit.core import provenance as p

    assert checklist is not None, "an item is only shown while its checklist is open"
    status = p.guidance_status(item, today, checklist.platform, checklist.name)
    check = p.latest_check(item)
    shown_dates = {"month": month_year(item.provenance.written)}
    if check is not None:
        shown_dates["date"] = long_date(check.on)
    sentences = []
    for sentence in status.sentences:
        values = dict(sentence.values)
        values.update((key, shown) for key, shown in shown_dates.items() if key in values)
        sentences.append(QCoreApplication.translate(p.PROVENANCE_CONTEXT, sentence.template).format(**values))
    return " ".join(sentences), status.warn


def contact_words(school: SchoolConfig) -> str:
    """Whom to talk to: the one rule in `core.school.Contact.describe`."""
    return school.contact.describe()


def _count(n: int, one: str, many: str) -> str:
    """`one` or `many` (both already translated, with {n}) for the number `n`."""
    return (one if n == 1 else many).format(n=n)


# How specific each guidance message is: a later event may replace a message only with one as specific,
# except that a page shown after a failed load replaces the failure (a later page did load).
_SPECIFICITY = {"page_shown": 1, "label_found": 2, "label_missing": 2, "load_failed": 3}

ITEM, SUMMARY, PHONE_MODE = 0, 1, 2


class CheckView(QWidget):
    """Runs one platform's check. Emits `closed()` when the person leaves it (saved or kept as a draft)."""

    closed = Signal()
    saved = Signal(object)  # the saved CheckResult

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.checklist: Checklist | None = None
        self.draft: Draft | None = None
        self.previous: CheckResult | None = None
        self.only_items: list[str] | None = None
        self._guidance: tuple[str, int] = ("", 0)  # (item id, specificity) of the guidance message shown
        self._shown_item: str | None = None  # the item whose note is in the note box
        self._slots: list[Answer] = []  # the answers on keys 1–4 for the item on screen
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.item_screen = QWidget()
        self.item_page = QWidget()
        self.summary_page = QWidget()
        self._build_item_screen()
        self.pages.addWidget(self.item_screen)
        self.summary_scroll = w.scroll_page(self.summary_page)
        self.pages.addWidget(self.summary_scroll)
        self.phone = PhoneModeView()
        self.phone.answered.connect(self.answer)
        self.phone.leave.connect(self.leave_phone_mode)
        self.phone.phone_chosen.connect(self.choose_phone)
        self.pages.addWidget(self.phone)
        self._build_summary_page()
        for number in range(1, 5):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self._answer_by_key(n))

    # -- building ---------------------------------------------------------------------------------------

    def _build_item_screen(self) -> None:
        screen = QVBoxLayout(self.item_screen)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.setSpacing(0)
        self.item_scroll = FittedScroll()
        screen.addWidget(self.item_scroll, 1)
        self._build_item_page()
        self.item_scroll.setWidget(self.item_page)
        self.footer = QFrame()
        self.footer.setObjectName("page")
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setObjectName("footerRule")
        screen.addWidget(rule)
        screen.addWidget(self.footer)
        self._build_footer()

    def _build_item_page(self) -> None:
        layout = w.page_layout(self.item_page)
        layout.setContentsMargins(32, 16, 32, 12)
        header = QHBoxLayout()
        self.icon = w.QLabel()
        header.addWidget(self.icon)
        self.platform_title = w.heading("", 2)
        header.addWidget(self.platform_title, 1)
        self.progress_label = w.text("", wrap=False, muted=True)
        header.addWidget(self.progress_label)
        layout.addLayout(header)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Progress through this check"))
        self.progress.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.progress)

        item_card, body = w.card()
        self.needs_phone = w.text("", name="chip_warn")
        body.addWidget(self.needs_phone)
        self.title = w.heading("", 1)
        # Focus moves here on every new setting, so a screen reader reads "Setting 3 of 9: <title>".
        self.title.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.title.setStyleSheet(FOCUSED_HEADING)
        body.addWidget(self.title)
        self.advice = w.text(
            self.tr("Good practice, not a policy rule"), name="chip_never", selectable=False, wrap=False
        )
        body.addWidget(self.advice, 0, Qt.AlignmentFlag.AlignLeft)
        self.why = w.text("")
        body.addWidget(self.why)
        clause_row = QHBoxLayout()
        self.clauses = w.text("", muted=True)
        clause_row.addWidget(self.clauses, 1)
        self.clause_toggle = w.button(self.tr("Show the policy text"), object_name="link")
        self.clause_toggle.clicked.connect(lambda: self._toggle_clauses(self.clause_text.isHidden()))
        clause_row.addWidget(self.clause_toggle, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(clause_row)
        self.clause_text = w.text("")
        self.clause_text.setObjectName("muted")
        self.clause_text.hide()
        body.addWidget(self.clause_text)

        self.not_possible_box, not_possible_layout = w.card("notice")
        self.not_possible_text = w.text("")
        not_possible_layout.addWidget(self.not_possible_text)
        body.addWidget(self.not_possible_box)

        body.addWidget(w.text(self.tr("Where"), bold=True))
        self.where = w.text("")
        body.addWidget(self.where)
        body.addWidget(w.text(self.tr("How"), bold=True))
        self.steps = w.text("")
        body.addWidget(self.steps)
        safe_card, safe_layout = w.card("notice")
        safe_layout.addWidget(w.text(self.tr("The safe setting"), bold=True))
        self.safe_value = w.text("", factor=1.05)
        safe_layout.addWidget(self.safe_value)
        body.addWidget(safe_card)
        self.if_not_possible = w.text("", muted=True)
        body.addWidget(self.if_not_possible)
        self.freshness = w.text("", muted=True)
        body.addWidget(self.freshness)

        self.params_box = QWidget()
        params_layout = QVBoxLayout(self.params_box)
        params_layout.setContentsMargins(0, 0, 0, 0)
        self.params_why = w.text("", muted=True)
        params_layout.addWidget(self.params_why)
        self.params_form = QFormLayout()
        params_layout.addLayout(self.params_form)
        self.param_edits: dict[str, QLineEdit] = {}
        self.param_rows: dict[str, tuple[QWidget, QLineEdit]] = {}
        body.addWidget(self.params_box)

        open_row = QHBoxLayout()
        self.open_button = w.button(self.tr("&Open on this laptop"))
        self.open_button.clicked.connect(self.open_settings_page)
        open_row.addWidget(self.open_button)
        self.phone_button = w.button(self.tr("Open on my p&hone"))
        self.phone_button.clicked.connect(self.show_phone_code)
        open_row.addWidget(self.phone_button)
        self.copy_button = w.button(self.tr("&Copy link"))
        self.copy_button.clicked.connect(self.copy_link)
        open_row.addWidget(self.copy_button)
        open_row.addStretch(1)
        body.addLayout(open_row)
        self.qr = QrCode(minimum_side=180)
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
        self.qr_caption = w.text("", muted=True)
        self.qr_caption.hide()
        body.addWidget(self.qr_caption)
        self.browser_status = w.text("", muted=True)
        self.browser_status.hide()
        body.addWidget(self.browser_status)
        layout.addWidget(item_card)
        layout.addStretch(1)

    def _build_footer(self) -> None:
        layout = QVBoxLayout(self.footer)
        layout.setContentsMargins(32, 8, 32, 10)
        layout.setSpacing(6)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional; only you can see it. Type it before you answer."))
        self.note.setMaxLength(2000)
        note_row = QHBoxLayout()
        note_row.addWidget(w.labelled(self.tr("Private &note on this setting:"), self.note))
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)

        answers = QGridLayout()
        answers.setSpacing(6)
        self.answer_buttons: list[QPushButton] = []
        for index in range(4):
            button = w.answer_button(index + 1, "")
            button.clicked.connect(lambda _=False, i=index: self._answer_slot(i))
            answers.addWidget(button, index // 2, index % 2)
            self.answer_buttons.append(button)
        layout.addLayout(answers)

        nav = QHBoxLayout()
        self.back_button = w.button(self.tr("&Back"))
        self.back_button.clicked.connect(self.back)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        self.phone_mode_button = w.button(
            self.tr("Check on my &phone"),
            tooltip=self.tr("One setting at a time in large print, with a code to scan"),
        )
        self.phone_mode_button.clicked.connect(self.enter_phone_mode)
        nav.addWidget(self.phone_mode_button)
        self.later_button = w.button(
            self.tr("Resume &later"), tooltip=self.tr("Keep your answers and finish this check another time")
        )
        self.later_button.clicked.connect(self.resume_later)
        nav.addWidget(self.later_button)
        layout.addLayout(nav)

    def _build_summary_page(self) -> None:
        layout = w.page_layout(self.summary_page)
        self.summary_title = w.heading("", 1)
        layout.addWidget(self.summary_title)
        self.summary_counts = w.text("", factor=1.1)
        layout.addWidget(self.summary_counts)
        self.attention_box = QVBoxLayout()
        self.attention_box.setSpacing(10)
        layout.addLayout(self.attention_box)
        self.go_back_buttons: dict[str, QPushButton] = {}
        self.changed_label = w.text("", muted=True)
        layout.addWidget(self.changed_label)
        self.check_note = QPlainTextEdit()
        self.check_note.setAccessibleName(self.tr("Private note about this check"))
        self.check_note.setTabChangesFocus(True)
        self.check_note.setMaximumHeight(w.scaled_font().pointSize() * 8)
        # Tab into a text field scrolls only its caret into view; the whole note and its focus ring should be.
        self.check_note.installEventFilter(self)
        layout.addWidget(w.labelled(self.tr("Private &note about this check (optional)"), self.check_note))
        layout.addWidget(self.check_note)
        self.save_error = w.text("", name="chip_warn")
        self.save_error.hide()
        layout.addWidget(self.save_error)
        row = QHBoxLayout()
        self.summary_back = w.button(self.tr("&Back to the last setting"))
        self.summary_back.clicked.connect(self.back)
        row.addWidget(self.summary_back)
        row.addStretch(1)
        self.finish_button = w.button(self.tr("&Save and finish"), primary=True)
        self.finish_button.clicked.connect(self.finish)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        layout.addStretch(1)

    # -- running a check --------------------------------------------------------------------------------

    def start(
        self,
        platform: str,
        draft: Draft | None = None,
        previous: CheckResult | None = None,
        only_items: list[str] | None = None,
    ) -> None:
        """Start (or resume, with `draft`) the check of `platform`. With `only_items` (a "Fix it" flow) only
        those settings are asked; the others keep their answers from the `previous` check."""
        checklist = self.services.checklist(platform)
        self.checklist = checklist
        self.previous = previous
        known = set(checklist.item_ids)
        self.only_items = [i for i in checklist.item_ids if i in set(only_items)] if only_items else None
        version = checklist_version(checklist.schema_version, checklist.last_reviewed)
        if draft is not None and draft.platform == platform:
            draft.answers = {k: v for k, v in draft.answers.items() if k in known}
            draft.position = min(max(draft.position, 0), len(self.items))
            self.draft = draft
        else:
            self.draft = Draft(platform=platform, checklist_version=version, started=utc_now())
        if self.only_items is not None and previous is not None:
            for item_id in checklist.item_ids:
                kept = previous.answer_for(item_id)
                if item_id not in self.only_items and kept is not None:
                    self.draft.answers.setdefault(item_id, kept)
        ratio = self.devicePixelRatioF()
        size = max(28, round(w.scaled_font().pointSizeF() * 2.4))
        self.icon.setPixmap(platform_pixmap(platform, checklist.name, size, ratio))
        self.icon.setFixedSize(QSize(size, size))
        self.platform_title.setText(self.tr("{platform} check").format(platform=checklist.name))
        self._build_parameters()
        self.check_note.setPlainText(self.draft.note)
        self._shown_item = None
        self.show_position(self.draft.position)

    def _build_parameters(self) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_edits = {}
        self.param_rows = {}
        assert self.checklist is not None
        stored = (self.services.settings.get(URL_PARAMETERS) or {}).get(self.checklist.platform, {})
        for parameter in self.checklist.url_parameters:
            edit = QLineEdit(str(stored.get(parameter.name, "")))
            edit.setPlaceholderText(parameter.example)
            edit.setAccessibleName(parameter.label)
            edit.setMaxLength(253)
            label = w.text(parameter.label, selectable=False)
            label.setBuddy(edit)
            self.param_edits[parameter.name] = edit
            self.param_rows[parameter.name] = (label, edit)
            self.params_form.addRow(label, edit)

    def _show_parameters(self, item: Item) -> None:
        """Only the boxes this setting's page needs (a Mastodon server, say), with why; none elsewhere."""
        used = set(_PLACEHOLDER.findall(item.where.url or ""))
        for name, (label, edit) in self.param_rows.items():
            label.setVisible(name in used)
            edit.setVisible(name in used)
        self.params_box.setVisible(bool(used & set(self.param_rows)))
        if used:
            self.params_why.setText(
                self.tr(
                    "This setting's page is on your own server, so the app needs its name to open it. "
                    "It is kept on this computer only."
                )
                if any(p.kind == "hostname" and p.name in used for p in self.checklist.url_parameters)
                else self.tr(
                    "The app needs this to open this setting's page. It is kept on this computer only."
                )
            )

    @property
    def items(self) -> list[Item]:
        if self.checklist is None:
            return []
        if self.only_items is not None:
            return [i for i in self.checklist.items if i.id in self.only_items]
        return list(self.checklist.items)

    @property
    def position(self) -> int:
        return self.draft.position if self.draft else 0

    def current_item(self) -> Item | None:
        items = self.items
        return items[self.position] if 0 <= self.position < len(items) else None

    def phone_choice(self) -> str | None:
        chosen = self.services.settings.get(PHONE)
        return chosen if chosen in PHONES else None

    def position_words(self) -> str:
        return self.tr("Setting {n} of {total}").format(n=self.position + 1, total=len(self.items))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.check_note and event.type() == QEvent.Type.FocusIn:
            QTimer.singleShot(
                0, self._show_whole_note
            )  # after Qt's own scroll to the caret, so this one wins
        return super().eventFilter(watched, event)

    def _show_whole_note(self) -> None:
        """Scroll the summary so the whole note box and its focus ring are in view. (ensureWidgetVisible
        cannot: for a focused text field it brings only the caret into view.)"""
        bar = self.summary_scroll.verticalScrollBar()
        top = self.check_note.mapTo(self.summary_page, QPoint(0, 0)).y()
        bottom = top + self.check_note.height()
        height = self.summary_scroll.viewport().height()
        if bottom - bar.value() > height:
            bar.setValue(bottom - height)
        if top < bar.value():
            bar.setValue(top)

    def show_position(self, position: int) -> None:
        assert self.draft is not None and self.checklist is not None
        items = self.items
        self.draft.position = max(0, min(position, len(items)))
        if self.draft.position >= len(items):
            self._shown_item = None
            self._show_summary()
            return
        item = items[self.draft.position]
        self._shown_item = item.id
        if self.pages.currentIndex() != PHONE_MODE:
            self.pages.setCurrentIndex(ITEM)
        self._show_item(item)
        if self.pages.currentIndex() == PHONE_MODE:
            self._show_phone_item(item)
            w.show_focus_now(self.phone.title)
        else:
            self.item_scroll.fit()  # the new setting's text needs its own height
            self.item_scroll.verticalScrollBar().setValue(0)
            w.show_focus_now(self.title)
            self.item_scroll.ensureWidgetVisible(self.platform_title)

    def _show_item(self, item: Item) -> None:
        assert self.draft is not None and self.checklist is not None
        items = self.items
        name = self.checklist.name
        policy = self.services.catalogue.policy
        position = self.position_words()
        self.progress_label.setText(position)
        self.progress_label.setAccessibleName(position)
        self.progress.setRange(0, len(items))
        self.progress.setValue(self.draft.position)
        self.needs_phone.setText(
            self.tr("You need your phone for this setting: it is only in the {platform} app.").format(
                platform=name
            )
        )
        self.needs_phone.setVisible(needs_phone(item))
        self.title.setText(item.title)
        self.title.setAccessibleName(f"{position}: {item.title}")
        self.advice.setVisible(item.advice)
        self.why.setText(self.tr("Why: {why}").format(why=item.why))
        summaries = []
        texts = []
        for clause_id in item.clauses:
            clause = policy.clauses.get(clause_id)
            if clause is None:
                summaries.append(self.tr("Policy {id}").format(id=clause_id))
                continue
            summaries.append(self.tr("Policy {id}: {summary}").format(id=clause_id, summary=clause.summary))
            texts.append(f"{clause_id} ({clause.section}): {clause.text}")
        self.clauses.setText("\n".join(summaries))
        self.clause_text.setText("\n\n".join(texts))
        self.clause_toggle.setVisible(bool(texts))
        self._toggle_clauses(False)
        self.not_possible_text.setText(self._not_possible_words(item))
        self.not_possible_box.setVisible(bool(item.not_possible))
        where = []
        if item.where.url:
            if self._practice_url(item) is not None:  # demo mode opens the practice page instead
                where.append(
                    self.tr(
                        "On the {platform} website. In this demo, “Open on this laptop” opens a practice page "
                        "that looks like it."
                    ).format(platform=name)
                )
            else:
                where.append(
                    self.tr(
                        "On the {platform} website: “Open on this laptop” below takes you there, and “Open on "
                        "my phone” shows a code to scan."
                    ).format(platform=name)
                )
        where += phone_lines(item, name, self.phone_choice())
        self.where.setText("\n".join(where))
        self.steps.setText("\n".join(f"{i}. {step}" for i, step in enumerate(item.steps, start=1)))
        self.safe_value.setText(item.safe_value)
        if item.if_not_possible:
            self.if_not_possible.setText(
                self.tr("If it can't be made safe: {text}").format(text=item.if_not_possible)
            )
        self.if_not_possible.setVisible(bool(item.if_not_possible))
        line, stale = freshness_line(item, self.services.clock().date(), self.checklist)
        self.freshness.setText(line)
        self.freshness.setObjectName("chip_warn" if stale else "muted")
        self.freshness.style().unpolish(self.freshness)
        self.freshness.style().polish(self.freshness)
        self._show_parameters(item)
        has_page = bool(item.where.url)
        for button in (self.open_button, self.phone_button, self.copy_button):
            button.setVisible(has_page)
        self.open_button.setAccessibleName(self.tr("Open on this laptop: {title}").format(title=item.title))
        self.phone_button.setAccessibleName(self.tr("Open on my phone: {title}").format(title=item.title))
        self.copy_button.setAccessibleName(self.tr("Copy the link to: {title}").format(title=item.title))
        self.qr.set_address(None)
        self.qr_caption.hide()
        self.browser_status.hide()
        given = self.draft.answers.get(item.id)
        self._slots = [answer for answer, _ in answers_for(item)]
        for index, (answer, label) in enumerate(answers_for(item)):
            button = self.answer_buttons[index]
            button.setText(f"{index + 1}  {label}")
            button.setAccessibleName(label)
            w.mark_chosen(button, given is not None and given.answer is answer, self.tr("Your saved answer"))
        self.note.setText(given.note if given else "")
        self.back_button.setEnabled(self.draft.position > 0)

    def _not_possible_words(self, item: Item) -> str:
        if not item.not_possible or self.checklist is None:
            return ""
        return self.tr("Not possible on {platform}: {text}").format(
            platform=self.checklist.name, text=item.not_possible
        )

    def _toggle_clauses(self, shown: bool) -> None:
        """Show or hide the policy text (a plain button that changes its words, not a check box)."""
        self.clause_text.setVisible(shown)
        self.clause_toggle.setText(
            self.tr("Hide the policy text") if shown else self.tr("Show the policy text")
        )
        self.clause_toggle.setAccessibleName(self.clause_toggle.text())

    def _answer_by_key(self, number: int) -> None:
        page = self.pages.currentIndex()
        typing = self.note.hasFocus() or any(e.hasFocus() for e in self.param_edits.values())
        if page == PHONE_MODE or (page == ITEM and not typing):
            self._answer_slot(number - 1)

    def _answer_slot(self, index: int) -> None:
        if 0 <= index < len(self._slots):
            self.answer(self._slots[index])

    def answer(self, answer: Answer) -> None:
        """Record `answer` (with the note typed on this setting) for the setting on screen and move on."""
        item = self.current_item()
        if item is None or self.draft is None:
            return
        if item.id != self._shown_item:  # never record for a setting the person is not looking at
            return
        self.draft.answers[item.id] = ItemAnswer(item.id, answer, self.note.text().strip())
        self.draft.position += 1
        self._keep_draft()
        self.show_position(self.draft.position)
        said = self.tr("Saved: {answer}").format(answer=answer_labels()[answer])
        following = self.current_item()
        # Said together, so a screen reader that keeps focus where it was still hears where it is now.
        if following is not None:
            said = self.tr("{saved}. Next: {title}").format(saved=said, title=following.title)
        else:
            said = self.tr("{saved}. {summary}").format(saved=said, summary=self.summary_title.text())
        w.announce(self, said)

    def back(self) -> None:
        if self.draft is None:
            return
        self._remember_note()
        self.show_position(self.draft.position - 1)

    def go_to(self, item_id: str) -> None:
        """Show the setting `item_id` again (from the summary's "Go back to this setting")."""
        ids = [i.id for i in self.items]
        if self.draft is None or item_id not in ids:
            return
        self._remember_note()
        self.show_position(ids.index(item_id))

    def _remember_note(self) -> None:
        """The note box belongs to the setting it was typed on: keep it there when leaving that setting."""
        if self.draft is None or self._shown_item is None:
            return
        old = self.draft.answers.get(self._shown_item)
        if old is not None:
            self.draft.answers[self._shown_item] = ItemAnswer(
                old.item_id, old.answer, self.note.text().strip()
            )

    def _keep_draft(self) -> None:
        if self.draft is None:
            return
        self.draft.note = self.check_note.toPlainText().strip()
        snapshot = Draft(
            platform=self.draft.platform,
            checklist_version=self.draft.checklist_version,
            started=self.draft.started,
            answers=dict(self.draft.answers),
            position=self.draft.position,
            note=self.draft.note,
        )
        self.services.save_draft(snapshot)

    def resume_later(self) -> None:
        """Keep the answers and leave (Esc); in "Check on my phone" Esc first goes back to the full screen."""
        if self.pages.currentIndex() == PHONE_MODE:
            self.leave_phone_mode()
            return
        self._remember_note()
        self._keep_draft()
        self.closed.emit()

    def is_running(self) -> bool:
        return self.draft is not None and self.checklist is not None

    def keep_for_later(self) -> None:
        """Called when the window closes mid-check: keep the answers as a draft."""
        if self.is_running():
            self._remember_note()
            self._keep_draft()

    # -- check on my phone --------------------------------------------------------------------------------

    def enter_phone_mode(self) -> None:
        """One setting at a time in large print, with the QR code and the phone steps (Alt+P, its mnemonic)."""
        if self.current_item() is None:
            return
        self._remember_note()
        self.pages.setCurrentIndex(PHONE_MODE)
        self.show_position(self.position)

    def leave_phone_mode(self) -> None:
        if self.pages.currentIndex() != PHONE_MODE:
            return
        self.pages.setCurrentIndex(ITEM)
        self.show_position(self.position)

    def in_phone_mode(self) -> bool:
        return self.pages.currentIndex() == PHONE_MODE

    def choose_phone(self, phone: str) -> None:
        """Remember the person's phone, so its own path is shown first from now on."""
        if phone not in PHONES:
            return
        self.services.set_setting(PHONE, phone)
        item = self.current_item()
        if item is not None:
            self._show_item(item)
            if self.in_phone_mode():
                self._show_phone_item(item)

    def _show_phone_item(self, item: Item) -> None:
        assert self.checklist is not None and self.draft is not None
        given = self.draft.answers.get(item.id)
        self.phone.show_item(
            platform=self.checklist.name,
            position=self.position_words(),
            item=item,
            phone=self.phone_choice(),
            answers=answers_for(item),
            chosen=given.answer if given else None,
            not_possible=self._not_possible_words(item),
        )
        # Entering this mode is asking for the codes, so a code may carry the server the person typed.
        caption = self._set_code(self.phone.qr, item)
        self.phone.show_code_caption(caption)

    def _set_code(self, code: QrCode, item: Item) -> str:
        """Give `code` exactly the address of `item`'s page; returns the words to show under it."""
        assert self.checklist is not None
        name = self.checklist.name
        if not item.where.url:
            code.set_address(None)
            return self.tr("No code: this setting is only in the {platform} app.").format(platform=name)
        values = {n: e.text().strip() for n, e in self.param_edits.items()}
        try:
            code.set_item(self.checklist, item, values or None)
        except ValueError as exc:  # a QrRefused, or a typed value refused (`typed_value_refusal`)
            code.set_address(None)
            refused = typed_value_refusal(exc)
            if refused is not None:
                return self.tr("No code yet. {why}").format(
                    why=url_value_words(refused, self.checklist.url_parameters)
                )
            return self.tr("No code yet: fill in the box above first ({problem}).").format(problem=str(exc))
        if code.address() is None:
            return self.tr("No code yet: fill in the box above first.")
        return self.tr("Scan this with your phone's camera to open the {platform} page there.").format(
            platform=name
        )

    def show_phone_code(self) -> None:
        """ "Open on my phone": the QR code of exactly this setting's address, filled in only now."""
        item = self.current_item()
        if item is None:
            return
        caption = self._set_code(self.qr, item)
        self.qr_caption.setText(caption)
        self.qr_caption.show()
        self.item_scroll.fit()
        self.item_scroll.ensureWidgetVisible(self.qr_caption)
        w.announce(self, caption)

    def copy_link(self) -> None:
        item = self.current_item()
        if item is None:
            return
        url = self._url_or_say(item)
        if url is None:
            return
        QGuiApplication.clipboard().setText(url)
        self._browser_message(self.tr("Link copied. Paste it into a browser or a message to yourself."))
        w.announce(self, self.tr("Link copied"))

    # -- the browser ------------------------------------------------------------------------------------

    def _practice_url(self, item: Item) -> str | None:
        """In demo mode, the practice page that stands in for `item`'s settings page (else None)."""
        practice = self.services.practice
        if practice is None or self.checklist is None:
            return None
        try:
            return practice.item_url(self.checklist.platform, item.id)
        except RuntimeError:  # the practice server is not running (any more)
            return None

    def _url_or_say(self, item: Item) -> str | None:
        """`item`'s settings address filled with the typed values, or None (having said what to fill in)."""
        try:
            return self.settings_url(item)
        except ValueError as exc:
            refused = typed_value_refusal(exc)
            if refused is not None and self.checklist is not None:
                words = url_value_words(refused, self.checklist.url_parameters)
            else:
                words = self.tr("Fill in the box above first: {problem}").format(problem=str(exc))
            self._browser_message(words, problem=True)
            return None

    def settings_url(self, item: Item) -> str | None:
        if not item.where.url or self.checklist is None:
            return None
        values = {name: edit.text().strip() for name, edit in self.param_edits.items()}
        if values:
            stored = dict(self.services.settings.get(URL_PARAMETERS) or {})
            stored[self.checklist.platform] = values
            self.services.set_setting(URL_PARAMETERS, stored)
        return fill_url(item.where.url, values)

    def open_settings_page(self) -> None:
        item = self.current_item()
        if item is None or self.checklist is None:
            return
        url = self._url_or_say(item)
        if url is None:
            return
        values = {name: edit.text().strip() for name, edit in self.param_edits.items()}
        domains = allowed_domains(self.checklist, values)
        bridge = self.services.browser()
        self._guidance = (item.id, 0)  # a new page: any message may follow
        if bridge is not None:
            from privacy_audit.browser import GuidanceTarget

            target = GuidanceTarget(
                url=url,
                allowed_domains=domains,
                platform_name=self.checklist.name,
                item_id=item.id,
                title=item.title,
                safe_value=item.safe_value,
                labels=tuple(item.labels),
                answers=offered_answers(bool(item.not_possible)),  # the same four as the app's buttons
                # The same words as the check screen's provenance line, so the panel never says less.
                provenance=freshness_line(item, self.services.clock().date(), self.checklist)[0],
            )
            bridge.open(target)
            self._browser_message(self.tr("Opening the settings page in the guided browser…"))
            return
        QDesktopServices.openUrl(QUrl(url))
        self._browser_message(self.tr("Opened the settings page in your usual web browser."))

    def on_browser_event(self, event: BrowserEvent) -> None:
        """Say what the guided browser shows, in the status line under the Open button, and act on the
        panel's answers and Next exactly as on the app's own buttons."""
        from privacy_audit.browser import EventKind

        kind = event.kind
        if kind in (EventKind.ANSWERED, EventKind.NEXT):
            self._on_panel_press(event)
            return
        if kind in (EventKind.LOAD_FAILED, EventKind.FALLBACK, EventKind.ERROR) and not event.item_id:
            return  # the public view's page, which that screen reports
        if kind == EventKind.LOAD_FAILED:
            message = self._load_failure_words(event)
        elif kind in (EventKind.FALLBACK, EventKind.ERROR):
            from privacy_audit.ui.error_words import browser_problem_words

            message = browser_problem_words(event)
        else:
            messages = {
                EventKind.PAGE_SHOWN: self.tr("The settings page is open. Look for the highlighted setting."),
                EventKind.LABEL_FOUND: self.tr("The setting is highlighted on the page."),
                EventKind.LABEL_MISSING: self.tr(
                    "The setting wasn't found on the page; the platform may have moved it. "
                    'Follow the steps above, or choose "I need help with this".'
                ),
                EventKind.LOGIN_PAGE: self.tr(
                    "Sign in to your account in the browser window, then carry on."
                ),
                EventKind.OFF_DOMAIN: self.tr("The browser left the platform's own website."),
                EventKind.WINDOW_CLOSED: self.tr("The browser window was closed."),
            }
            if kind not in messages:
                return
            message = messages[kind]
        # "page shown" and "label found" come from different steps of the browser worker and may arrive in
        # either order; the less specific message must not replace the more specific one.
        level = _SPECIFICITY.get(kind, 0)
        shown_item, shown_level = self._guidance
        recovered = kind == EventKind.PAGE_SHOWN and shown_level == _SPECIFICITY["load_failed"]
        if kind in _SPECIFICITY and event.item_id == shown_item and level < shown_level and not recovered:
            return
        if kind in _SPECIFICITY:
            self._guidance = (event.item_id, level)
        self._browser_message(message, problem=kind in (EventKind.LOAD_FAILED, EventKind.ERROR))

    def _load_failure_words(self, event: BrowserEvent) -> str:
        from privacy_audit.ui.error_words import load_failure_words

        return load_failure_words(event, self.checklist.name if self.checklist else self.tr("The platform"))

    def _on_panel_press(self, event: BrowserEvent) -> None:
        """An answer or Next pressed on the page's panel: the same as the app's own buttons, for the item
        on screen only (a panel left open on an earlier item, or another platform's check, must not mark
        this one). Then the guided window is given the new item's page, so the panel and the app agree."""
        from privacy_audit.browser import EventKind

        current = self.current_item()
        if current is None or self.draft is None or event.item_id != current.id:
            self._browser_message(self.tr("That page was for an earlier setting; answer this one here."))
            return
        if event.kind == EventKind.ANSWERED:
            if event.answer is None:
                return
            self.answer(event.answer)  # records exactly this answer and moves on, as the buttons do
            said = self.tr("Saved “{answer}” for “{title}”.").format(
                answer=answer_labels().get(event.answer, event.answer.value), title=current.title
            )
        else:
            self._remember_note()
            self.show_position(self.draft.position + 1)  # moves on, recording nothing
            said = self.tr("Moved on from “{title}” without an answer.").format(title=current.title)
        following = self.current_item()
        bridge = self.services.browser()
        if following is not None and following.where.url and bridge is not None and bridge.started:
            self.open_settings_page()
            said += " " + self.tr("Opening this setting's page in the guided browser…")
        if following is not None:
            self._browser_message(said)

    def _browser_message(self, message: str, *, problem: bool = False) -> None:
        # A problem is shown in normal text, not the muted grey of progress messages.
        name = "" if problem else "muted"
        if self.browser_status.objectName() != name:
            self.browser_status.setObjectName(name)
            self.browser_status.style().unpolish(self.browser_status)
            self.browser_status.style().polish(self.browser_status)
        self.browser_status.setText(message)
        self.browser_status.show()

    # -- summary and saving -----------------------------------------------------------------------------

    def _show_summary(self) -> None:
        assert self.checklist is not None and self.draft is not None
        self.pages.setCurrentIndex(SUMMARY)
        name = self.checklist.name
        self.summary_title.setText(self.tr("{platform}: nearly done — save your check").format(platform=name))
        answers = {i.id: a for i in self.checklist.items if (a := self.draft.answers.get(i.id)) is not None}
        counts = {a: 0 for a in Answer}
        for given in answers.values():
            counts[given.answer] += 1
        parts = [
            (Answer.OK, self.tr("{n} already set correctly"), self.tr("{n} already set correctly")),
            (Answer.CHANGED, self.tr("{n} changed now"), self.tr("{n} changed now")),
            (Answer.ATTENTION, self.tr("{n} needs attention"), self.tr("{n} need attention")),
            (
                Answer.NOT_POSSIBLE,
                self.tr("{n} not possible on this platform"),
                self.tr("{n} not possible on this platform"),
            ),
            (Answer.NOT_APPLICABLE, self.tr("{n} doesn't apply"), self.tr("{n} don't apply")),
        ]
        lines = [" · ".join(_count(counts[a], one, many) for a, one, many in parts if counts[a])]
        unanswered = [i for i in self.items if i.id not in self.draft.answers]
        if unanswered:
            lines.append(
                _count(
                    len(unanswered),
                    self.tr("1 setting has no answer yet; go back to answer it."),
                    self.tr("{n} settings have no answer yet; go back to answer them."),
                )
            )
        self.summary_counts.setText("\n".join(line for line in lines if line))

        w.clear_layout(self.attention_box)
        self.go_back_buttons = {}
        contact = contact_words(self.services.school)
        attention = [
            i for i in self.checklist.items if (a := answers.get(i.id)) and a.answer is Answer.ATTENTION
        ]
        impossible = [
            i for i in self.checklist.items if (a := answers.get(i.id)) and a.answer is Answer.NOT_POSSIBLE
        ]
        if attention:
            follow = self.tr("Follow the steps again, or ask someone you trust to help.")
            self._items_card(
                "banner",
                self.tr("Left to fix"),
                [
                    (i, [self.tr("Not yet safe: {title}").format(title=i.title), i.if_not_possible or follow])
                    for i in attention
                ],
                self.tr(
                    "If you can't make these safe, or a pupil is involved, talk to {contact}. Until then, assume "
                    "what you post on {platform} could be seen by pupils."
                ).format(contact=contact, platform=name),
            )
        if impossible:
            self._items_card(
                "notice",
                self.tr("Not possible on {platform}").format(platform=name),
                # Why it is not possible, then what to do instead (when the checklist says both).
                [(i, [i.title, *filter(None, (i.not_possible, i.if_not_possible))]) for i in impossible],
                self.tr(
                    "These are not counted as set correctly. If this worries you, talk to {contact}."
                ).format(contact=contact),
            )
        if not attention and not impossible and not unanswered:
            frame, inner = w.card("notice")
            inner.addWidget(
                w.text(
                    self.tr(
                        "Everything on this checklist is as the policy asks. Save your check; nothing more to "
                        "do until next term."
                    )
                )
            )
            self.attention_box.addWidget(frame)
        if self.checklist.limitations:
            self.attention_box.addWidget(
                w.text(self.tr("Good to know: {text}").format(text=self.checklist.limitations), muted=True)
            )
        self.changed_label.setText(self._changes_since_last_time())
        self.changed_label.setVisible(bool(self.changed_label.text()))
        self.finish_button.setEnabled(not unanswered)
        self.save_error.hide()
        (self.finish_button if not unanswered else self.summary_back).setFocus(
            Qt.FocusReason.OtherFocusReason
        )
        w.announce(self, self.summary_title.text())

    def _items_card(
        self, style: str, heading: str, items: list[tuple[Item, list[str]]], closing: str
    ) -> None:
        """One of the summary's cards: its heading; each item's lines (the first in bold) and, for an item
        asked in this check, its "Go back" button; then what to do about them all."""
        frame, inner = w.card(style)
        inner.addWidget(w.heading(heading, 2))
        asked = {i.id for i in self.items}
        for item, lines in items:
            inner.addWidget(w.text(lines[0], bold=True))
            for line in lines[1:]:
                inner.addWidget(w.text(line))
            if item.id in asked:
                self._add_go_back(inner, item)
        inner.addWidget(w.text(closing))
        self.attention_box.addWidget(frame)

    def _add_go_back(self, layout: QVBoxLayout, item: Item) -> None:
        button = w.button(
            self.tr("Go back to this setting"),
            accessible=self.tr("Go back to this setting: {title}").format(title=item.title),
        )
        button.clicked.connect(lambda _=False, i=item.id: self.go_to(i))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.go_back_buttons[item.id] = button

    def _changes_since_last_time(self) -> str:
        if self.previous is None or self.draft is None:
            return ""
        worse = []
        for item in self.items:
            before = self.previous.answer_for(item.id)
            now = self.draft.answers.get(item.id)
            if before and now and before.answer.is_safe and now.answer is Answer.ATTENTION:
                worse.append(item.title)
        if not worse:
            return ""
        return self.tr("Fine last time, needs attention now: {items}").format(items="; ".join(worse))

    def result(self) -> CheckResult:
        """The check as saved: every setting with an answer, in the checklist's order (in a "Fix it" check,
        the settings not asked again keep their answers from the last check)."""
        assert self.checklist is not None and self.draft is not None
        ids = tuple(i for i in self.checklist.item_ids if i in self.draft.answers)
        return CheckResult(
            platform=self.checklist.platform,
            checklist_version=self.draft.checklist_version,
            item_ids=ids,
            started=self.draft.started,
            finished=utc_now(),
            answers=tuple(self.draft.answers[i] for i in ids),
            note=self.check_note.toPlainText().strip(),
        )

    def finish(self) -> None:
        self.finish_button.setEnabled(False)
        self.services.save_check(self.result(), on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: CheckResult) -> None:
        self.draft = None
        self.checklist = None
        self.only_items = None
        self.saved.emit(result)
        self.closed.emit()

    def _save_failed(self, failure: Failure) -> None:
        from privacy_audit.ui.error_words import failure_words

        self.finish_button.setEnabled(True)
        self.save_error.setText(
            self.tr("The check could not be saved: {problem} Your answers are kept; try again.").format(
                problem=failure_words(failure.error)
            )
        )
        self.save_error.show()
