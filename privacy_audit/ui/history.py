"""History: every past check per platform, with its answers and notes, and what got worse since the check
before it (items that were fine then and need attention now)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from privacy_audit.core.audit import Answer, CheckResult
from privacy_audit.report.pdf import answer_label
from privacy_audit.ui import widgets as w
from privacy_audit.ui.dates import long_date
from privacy_audit.ui.icons import platform_icon
from privacy_audit.ui.services import AppServices


def outcome_parts(check: CheckResult) -> list[str]:
    """What a check left: "1 to fix", "1 not possible here" (nothing when every setting is safe)."""
    parts = []
    if check.needs_attention:
        parts.append(
            QCoreApplication.translate("HistoryView", "{n} to fix").format(n=len(check.needs_attention))
        )
    if check.not_possible:
        parts.append(
            QCoreApplication.translate("HistoryView", "{n} not possible here").format(
                n=len(check.not_possible)
            )
        )
    return parts


def got_worse(newer: CheckResult, older: CheckResult | None) -> list[str]:
    """Item ids that were safe in `older` and need attention in `newer`."""
    if older is None:
        return []
    worse = []
    for answer in newer.answers:
        before = older.answer_for(answer.item_id)
        if before is not None and before.answer.is_safe and answer.answer is Answer.ATTENTION:
            worse.append(answer.item_id)
    return worse


class HistoryView(QWidget):
    back_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.checks: list[CheckResult] = []
        layout = w.page_layout(self)
        top, self.title, self.back_button = w.page_header(self.tr("History"), self.tr("&Back to dashboard"))
        self.back_button.clicked.connect(self.back_requested)
        layout.addLayout(top)
        layout.addWidget(
            w.text(self.tr("Every check you have finished, newest first. Only you can see this."), muted=True)
        )
        body = QHBoxLayout()
        body.setSpacing(16)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Past checks"))
        self.list.setMinimumWidth(w.scaled_font().pointSize() * 22)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setIconSize(self.list.iconSize() * 1.6)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show)
        body.addWidget(self.list, 3)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Answers of the selected check"))
        self.detail.setOpenLinks(False)
        body.addWidget(self.detail, 5)
        layout.addLayout(body, 1)

    def refresh(self) -> None:
        self.services.checks(None, self._loaded)

    def _loaded(self, checks: list[CheckResult]) -> None:
        self.checks = checks
        self.list.clear()
        for check in checks:
            name = self.services.platform_name(check.platform)
            suffix = "".join(" · " + part for part in outcome_parts(check))
            entry = QListWidgetItem(
                platform_icon(check.platform, name), f"{name}\n{long_date(check.finished)}{suffix}"
            )
            self.list.addItem(entry)
        if checks:
            self.list.setCurrentRow(0)
        else:
            self.detail.setPlainText(self.tr("No checks yet. Finished checks appear here."))
        w.show_focus_now(self.list)

    def _previous_of(self, index: int) -> CheckResult | None:
        platform = self.checks[index].platform
        for check in self.checks[index + 1 :]:
            if check.platform == platform:
                return check
        return None

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.checks):
            return
        check = self.checks[index]
        self.detail.setHtml(check_html(self.services, check, self._previous_of(index)))


def check_html(services: AppServices, check: CheckResult, previous: CheckResult | None) -> str:
    """One check as escaped HTML (checklist text and notes are never trusted as markup)."""
    from html import escape

    finished = QCoreApplication.translate("HistoryView", "Finished {date}")
    left_by = QCoreApplication.translate("HistoryView", "Left by this check:")
    got_worse_words = QCoreApplication.translate("HistoryView", "Fine last time, needs attention now:")
    note_words = QCoreApplication.translate("HistoryView", "Note:")
    check_note_words = QCoreApplication.translate("HistoryView", "Note on this check:")
    name = services.platform_name(check.platform)
    try:
        checklist = services.checklist(check.platform)
        titles = {item.id: item.title for item in checklist.items}
    except KeyError:
        titles = {}
    parts = [
        f"<h2>{escape(name)}</h2>",
        f"<p>{escape(finished.format(date=long_date(check.finished)))}</p>",
    ]
    left = outcome_parts(check)
    if left:
        parts.append(f"<p><b>{escape(left_by)} {escape(', '.join(left))}</b></p>")
    worse = got_worse(check, previous)
    if worse:
        items = "".join(f"<li>{escape(titles.get(i, i))}</li>" for i in worse)
        parts.append(f"<p><b>{escape(got_worse_words)}</b></p><ul>{items}</ul>")
    parts.append("<table cellpadding='4'>")
    for answer in check.answers:
        title = titles.get(answer.item_id, answer.item_id)
        mark = "⚠ " if answer.answer in (Answer.ATTENTION, Answer.NOT_POSSIBLE) else ""
        parts.append(
            f"<tr><td>{escape(title)}</td><td><b>{mark}{escape(answer_label(answer.answer))}</b></td></tr>"
        )
        if answer.note:
            parts.append(f"<tr><td colspan='2'><i>{escape(note_words)} {escape(answer.note)}</i></td></tr>")
    parts.append("</table>")
    if check.note:
        parts.append(f"<p><i>{escape(check_note_words)} {escape(check.note)}</i></p>")
    return "".join(parts)
