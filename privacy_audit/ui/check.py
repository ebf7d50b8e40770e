"""The guided check: one item at a time, then a summary of what needs attention and whom to ask.

Each answer is kept as a draft straight away (on the worker thread), so closing the app or choosing
"Resume later" never loses what was answered. The settings page opens in the guided browser when it is
available, otherwise in the default browser; items that only exist in the phone app show the app path.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
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

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer, checklist_version, utc_now
from privacy_audit.core.checklist import Checklist, Item, allowed_domains, fill_url
from privacy_audit.ui import widgets as w
from privacy_audit.ui.answer_words import answer_labels
from privacy_audit.ui.icons import platform_pixmap
from privacy_audit.ui.services import URL_PARAMETERS, AppServices

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent


def freshness_line(item: Item, today: dt.date, checklist: Checklist | None) -> tuple[str, bool]:
    """Where the item's guidance comes from, in the reader's language, and whether to show it as a warning.

    The words come from core.provenance (one statement for every screen); each sentence is translated as
    a template and then filled in, so "verified" is never said of guidance nobody checked on the live site.
    """
    from privacy_audit.core import provenance as p

    assert checklist is not None, "an item is only shown while its checklist is open"
    tr = QCoreApplication.translate
    status = p.guidance_status(item, today, checklist.platform, checklist.name)
    line = " ".join(
        tr(p.PROVENANCE_CONTEXT, sentence.template).format(**dict(sentence.values))
        for sentence in status.sentences
    )
    return line, status.warn


# How specific each guidance message is: a later event may replace a message only with one as specific,
# except that a page shown after a failed load replaces the failure (a later page did load).
_SPECIFICITY = {"page_shown": 1, "label_found": 2, "label_missing": 2, "load_failed": 3}


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
        self._guidance: tuple[str, int] = ("", 0)  # (item id, specificity) of the guidance message shown
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.item_page = QWidget()
        self.summary_page = QWidget()
        self.pages.addWidget(w.scroll_page(self.item_page))
        self.pages.addWidget(w.scroll_page(self.summary_page))
        self._build_item_page()
        self._build_summary_page()
        for number, answer in enumerate(Answer, start=1):
            shortcut = QShortcut(QKeySequence(str(number)), self.item_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda a=answer: self._answer_by_key(a))

    # -- building ---------------------------------------------------------------------------------------

    def _build_item_page(self) -> None:
        layout = w.page_layout(self.item_page)
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

        self.params_box, params_layout = w.card("notice")
        self.params_form = QFormLayout()
        params_layout.addLayout(self.params_form)
        self.param_edits: dict[str, QLineEdit] = {}
        layout.addWidget(self.params_box)

        item_card, body = w.card()
        self.title = w.heading("", 1)
        body.addWidget(self.title)
        self.why = w.text("")
        body.addWidget(self.why)
        clause_row = QHBoxLayout()
        self.clauses = w.text("", muted=True)
        clause_row.addWidget(self.clauses, 1)
        self.clause_toggle = w.button(self.tr("Show the policy text"), object_name="link")
        self.clause_toggle.setCheckable(True)
        self.clause_toggle.toggled.connect(self._toggle_clauses)
        clause_row.addWidget(self.clause_toggle, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(clause_row)
        self.clause_text = w.text("")
        self.clause_text.setObjectName("muted")
        self.clause_text.hide()
        body.addWidget(self.clause_text)

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
        self.open_button = w.button(self.tr("&Open the settings page"))
        self.open_button.clicked.connect(self.open_settings_page)
        body.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.browser_status = w.text("", muted=True)
        self.browser_status.hide()
        body.addWidget(self.browser_status)
        layout.addWidget(item_card)

        answers = QGridLayout()
        answers.setSpacing(8)
        self.answer_buttons: dict[Answer, QPushButton] = {}
        for number, (answer, label) in enumerate(answer_labels().items(), start=1):
            button = w.button(f"{number}  {label}", accessible=label, object_name="answer")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, a=answer: self.answer(a))
            answers.addWidget(button, (number - 1) // 2, (number - 1) % 2)
            self.answer_buttons[answer] = button
        layout.addLayout(answers)

        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("Private note about this setting (optional, only you can see it)")
        )
        self.note.setAccessibleName(self.tr("Private note about this setting"))
        self.note.setMaxLength(2000)
        layout.addWidget(self.note)

        nav = QHBoxLayout()
        self.back_button = w.button(self.tr("&Back"))
        self.back_button.clicked.connect(self.back)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        self.later_button = w.button(
            self.tr("Resume &later"), tooltip=self.tr("Keep your answers and finish this check another time")
        )
        self.later_button.clicked.connect(self.resume_later)
        nav.addWidget(self.later_button)
        layout.addLayout(nav)
        layout.addStretch(1)

    def _build_summary_page(self) -> None:
        layout = w.page_layout(self.summary_page)
        self.summary_title = w.heading("", 1)
        layout.addWidget(self.summary_title)
        self.summary_counts = w.text("", factor=1.1)
        layout.addWidget(self.summary_counts)
        self.attention_box = QVBoxLayout()
        self.attention_box.setSpacing(10)
        layout.addLayout(self.attention_box)
        self.changed_label = w.text("", muted=True)
        layout.addWidget(self.changed_label)
        self.check_note = QPlainTextEdit()
        self.check_note.setPlaceholderText(self.tr("A private note about this check (optional)"))
        self.check_note.setAccessibleName(self.tr("Private note about this check"))
        self.check_note.setTabChangesFocus(True)
        self.check_note.setMaximumHeight(w.scaled_font().pointSize() * 8)
        layout.addWidget(self.check_note)
        self.save_error = w.text("", name="chip_warn")
        self.save_error.hide()
        layout.addWidget(self.save_error)
        row = QHBoxLayout()
        self.summary_back = w.button(self.tr("&Back to the last item"))
        self.summary_back.clicked.connect(self.back)
        row.addWidget(self.summary_back)
        row.addStretch(1)
        self.finish_button = w.button(self.tr("&Save and finish"), primary=True)
        self.finish_button.clicked.connect(self.finish)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        layout.addStretch(1)

    # -- running a check --------------------------------------------------------------------------------

    def start(self, platform: str, draft: Draft | None = None, previous: CheckResult | None = None) -> None:
        checklist = self.services.checklist(platform)
        self.checklist = checklist
        self.previous = previous
        version = checklist_version(checklist.schema_version, checklist.last_reviewed)
        known = set(checklist.item_ids)
        if draft is not None and draft.platform == platform:
            draft.answers = {k: v for k, v in draft.answers.items() if k in known}
            draft.position = min(max(draft.position, 0), len(checklist.items))
            self.draft = draft
        else:
            self.draft = Draft(platform=platform, checklist_version=version, started=utc_now())
        ratio = self.devicePixelRatioF()
        size = max(28, round(w.scaled_font().pointSizeF() * 2.4))
        self.icon.setPixmap(platform_pixmap(platform, checklist.name, size, ratio))
        self.icon.setFixedSize(QSize(size, size))
        self.platform_title.setText(self.tr("{platform} check").format(platform=checklist.name))
        self._build_parameters()
        self.check_note.setPlainText(self.draft.note)
        self.show_position(self.draft.position)

    def _build_parameters(self) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_edits = {}
        assert self.checklist is not None
        stored = (self.services.settings.get(URL_PARAMETERS) or {}).get(self.checklist.platform, {})
        for parameter in self.checklist.url_parameters:
            edit = QLineEdit(str(stored.get(parameter.name, "")))
            edit.setPlaceholderText(parameter.example)
            edit.setAccessibleName(parameter.label)
            edit.setMaxLength(253)
            self.param_edits[parameter.name] = edit
            self.params_form.addRow(w.text(parameter.label, selectable=False), edit)
        self.params_box.setVisible(bool(self.param_edits))

    @property
    def items(self) -> list[Item]:
        return list(self.checklist.items) if self.checklist else []

    @property
    def position(self) -> int:
        return self.draft.position if self.draft else 0

    def current_item(self) -> Item | None:
        items = self.items
        return items[self.position] if 0 <= self.position < len(items) else None

    def show_position(self, position: int) -> None:
        assert self.draft is not None
        items = self.items
        self.draft.position = max(0, min(position, len(items)))
        if self.draft.position >= len(items):
            self._show_summary()
            return
        self.pages.setCurrentIndex(0)
        item = items[self.draft.position]
        policy = self.services.catalogue.policy
        self.progress_label.setText(
            self.tr("Item {n} of {total}").format(n=self.draft.position + 1, total=len(items))
        )
        self.progress_label.setAccessibleName(self.progress_label.text())
        self.progress.setRange(0, len(items))
        self.progress.setValue(self.draft.position)
        self.title.setText(item.title)
        self.title.setAccessibleName(item.title)
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
        self.clause_toggle.setChecked(False)
        where = []
        if item.where.url:
            practice = self._practice_url(item)
            if practice is not None:  # demo mode opens the practice page, so that is what we name
                where.append(self.tr("Practice page: {url}").format(url=practice))
            else:
                where.append(self.tr("Settings page: {url}").format(url=item.where.url))
        if item.where.app:
            where.append(self.tr("In the app: {path}").format(path=item.where.app))
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
        self.open_button.setVisible(bool(item.where.url))
        self.open_button.setAccessibleName(
            self.tr("Open the settings page for: {title}").format(title=item.title)
        )
        self.browser_status.hide()
        given = self.draft.answers.get(item.id)
        for answer, button in self.answer_buttons.items():
            button.setChecked(given is not None and given.answer is answer)
        self.note.setText(given.note if given else "")
        self.back_button.setEnabled(self.draft.position > 0)
        focus = self.answer_buttons[given.answer] if given else self.answer_buttons[Answer.OK]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggle_clauses(self, shown: bool) -> None:
        self.clause_text.setVisible(shown)
        self.clause_toggle.setText(
            self.tr("Hide the policy text") if shown else self.tr("Show the policy text")
        )

    def _answer_by_key(self, answer: Answer) -> None:
        if (
            self.pages.currentIndex() == 0
            and not self.note.hasFocus()
            and not any(e.hasFocus() for e in self.param_edits.values())
        ):
            self.answer(answer)

    def answer(self, answer: Answer) -> None:
        item = self.current_item()
        if item is None or self.draft is None:
            return
        self.draft.answers[item.id] = ItemAnswer(item.id, answer, self.note.text().strip())
        self.draft.position += 1
        self._keep_draft()
        self.show_position(self.draft.position)

    def back(self) -> None:
        if self.draft is None:
            return
        self._remember_note()
        self.show_position(self.draft.position - 1)

    def _remember_note(self) -> None:
        item = self.current_item()
        if item is not None and self.draft is not None and item.id in self.draft.answers:
            old = self.draft.answers[item.id]
            self.draft.answers[item.id] = ItemAnswer(item.id, old.answer, self.note.text().strip())

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
        try:
            url = self.settings_url(item)
        except ValueError as exc:
            self._browser_message(
                self.tr("Fill in the box at the top first: {problem}").format(problem=str(exc))
            )
            return
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
            )
            bridge.open(target)
            self._browser_message(self.tr("Opening the settings page in the guided browser…"))
            return
        QDesktopServices.openUrl(QUrl(url))
        self._browser_message(self.tr("Opened {url} in your web browser.").format(url=url))

    def on_browser_event(self, event: BrowserEvent) -> None:
        """Say what the guided browser shows, in the status line under the Open button, and act on the
        panel's answers and Next exactly as on the app's own buttons."""
        from privacy_audit.browser import EventKind

        kind = event.kind
        if kind in (EventKind.ANSWERED, EventKind.NEXT):
            self._on_panel_press(event)
            return
        if kind == EventKind.LOAD_FAILED:
            if not event.item_id:
                return  # the public view's page, which that screen reports
            message = self._load_failure_words(event)
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
                EventKind.FALLBACK: self.tr("Opened in your usual web browser, without guidance: {why}"),
                EventKind.ERROR: self.tr("The guided browser had a problem: {why}"),
            }
            if kind not in messages:
                return
            message = messages[kind].format(why=event.message)
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
        from privacy_audit.browser import LoadFailure

        platform = self.checklist.name if self.checklist else self.tr("The platform")
        didnt = self.tr("The {platform} settings page didn't open:").format(platform=platform)
        reasons = {
            LoadFailure.NO_CONNECTION: self.tr("this computer isn't connected to the internet."),
            LoadFailure.NAME_NOT_RESOLVED: self.tr(
                "its address couldn't be looked up. You may be offline, or this network may block {platform}."
            ),
            LoadFailure.COULD_NOT_CONNECT: self.tr(
                "the connection failed. You may be offline, or this network may block {platform}."
            ),
            LoadFailure.BLOCKED: self.tr(
                "it was blocked, probably by this network's web filter (schools often block {platform})."
            ),
            LoadFailure.INSECURE_CONNECTION: self.tr(
                "the secure connection failed. A web filter that inspects traffic, or a wrong clock on this "
                "computer, can cause this."
            ),
            LoadFailure.HTTP_ERROR: self.tr("{platform} answered with an error page (error {status})."),
            LoadFailure.TIMEOUT: self.tr(
                "it didn't load in time. The connection may be slow, or this network may block {platform}."
            ),
            LoadFailure.OTHER: self.tr("the browser shows an error page instead."),
        }
        reason = reasons.get(event.reason or LoadFailure.OTHER, reasons[LoadFailure.OTHER])
        what_now = self.tr(
            "You can follow the steps on your phone instead, or open the page later on another network "
            "(at home, say)."
        )
        return " ".join((didnt, reason.format(platform=platform, status=event.status or ""), what_now))

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
        self.pages.setCurrentIndex(1)
        self.summary_title.setText(self.tr("{platform}: check complete").format(platform=self.checklist.name))
        counts = {a: 0 for a in Answer}
        for answer in self.draft.answers.values():
            counts[answer.answer] += 1
        self.summary_counts.setText(
            self.tr(
                "{ok} already set correctly · {changed} changed now · {attention} need attention · {na} not applicable"
            ).format(
                ok=counts[Answer.OK],
                changed=counts[Answer.CHANGED],
                attention=counts[Answer.ATTENTION],
                na=counts[Answer.NOT_APPLICABLE],
            )
        )
        w.clear_layout(self.attention_box)
        contact = self.services.school.contact.describe()
        attention = [
            i for i in self.items if (a := self.draft.answers.get(i.id)) and a.answer is Answer.ATTENTION
        ]
        if attention:
            frame, inner = w.card("banner")
            inner.addWidget(w.text(self.tr("Needs attention"), bold=True, factor=1.15))
            for item in attention:
                inner.addWidget(w.text(item.title, bold=True))
                advice = item.if_not_possible or self.tr(
                    "Follow the steps again, or ask someone you trust to help."
                )
                inner.addWidget(w.text(advice))
            inner.addWidget(
                w.text(
                    self.tr(
                        "If you can't make these safe, or a pupil is involved, talk to {contact}. Until then, assume "
                        "what you post on {platform} could be seen by pupils."
                    ).format(contact=contact, platform=self.checklist.name)
                )
            )
            self.attention_box.addWidget(frame)
        else:
            frame, inner = w.card("notice")
            inner.addWidget(
                w.text(
                    self.tr(
                        "Everything on this checklist is as the policy asks. Nothing to do until next term."
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
        unanswered = [i for i in self.items if i.id not in self.draft.answers]
        self.finish_button.setEnabled(not unanswered)
        if unanswered:
            self.summary_counts.setText(
                self.summary_counts.text()
                + "\n"
                + self.tr("{n} item(s) have no answer yet; go back to answer them.").format(n=len(unanswered))
            )
        self.save_error.hide()
        (self.finish_button if not unanswered else self.summary_back).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

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
        assert self.checklist is not None and self.draft is not None
        answers = tuple(self.draft.answers[i] for i in self.checklist.item_ids)
        return CheckResult(
            platform=self.checklist.platform,
            checklist_version=self.draft.checklist_version,
            item_ids=self.checklist.item_ids,
            started=self.draft.started,
            finished=utc_now(),
            answers=answers,
            note=self.check_note.toPlainText().strip(),
        )

    def finish(self) -> None:
        self.finish_button.setEnabled(False)
        self.services.save_check(self.result(), on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: CheckResult) -> None:
        self.draft = None
        self.checklist = None
        self.saved.emit(result)
        self.closed.emit()

    def _save_failed(self, failure) -> None:
        self.finish_button.setEnabled(True)
        self.save_error.setText(
            self.tr("The check could not be saved: {problem} Your answers are kept; try again.").format(
                problem=str(failure)
            )
        )
        self.save_error.show()
