"""The settings report: a summary page, then the latest check of every platform in use, setting by setting.

`write_pdf_report` is interface F: the desktop app calls it in a child process (`report.child`: never on
its worker thread, where PySide could deadlock against the GUI thread), and `privacy-audit export --format
pdf` calls it in its own process, which has no other thread. Both create an offscreen QGuiApplication,
because laying out text needs Qt's font database. The same document is written as an
accessible HTML file beside the PDF (`report.html`). Page 1 names the person, the school, the date and
term, and the state of each platform in use (never-checked ones included); every page says "Page n of N".
Each setting says how far its guidance has been checked (`core.provenance.guidance_status`): the report
never calls guidance "verified" without a live check.

The report is the person's to keep: the Statement of Acceptance, which the policy requires, is a separate
one-page PDF (`report.statement`). Everything in the document is escaped: checklist text and names are
data, never markup. Private notes are left out on purpose.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from privacy_audit.core.audit import Answer, CheckResult
from privacy_audit.core.due import PlatformStatus
from privacy_audit.core.files import temporary_file_beside
from privacy_audit.core.provenance import long_date

# The report's own type, the same whatever the app's look (presenter mode, text size) is at the time.
FONT_FAMILY = "DejaVu Sans"
FONT_POINTS = 10.0
FOOTER_POINTS = 8.5
# Attributes as well as the style sheet: Qt's rich text reads cell padding and borders from these.
TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"


def _data(value: str) -> str:
    """Text from a data file or the person, escaped and bidi-isolated (U+2068 … U+2069): markup stays text,
    and a right-to-left override inside it cannot reverse the report's own words around it."""
    return "\u2068" + escape(value) + "\u2069"


def _long_date(day: dt.date) -> str:
    """The report's dates: fixed English month names (`core.provenance.long_date`), whatever this computer's
    locale, so a saved report reads the same everywhere, as its guidance lines do."""
    return long_date(day)


def _ensure_gui_app() -> None:
    if QCoreApplication.instance() is None:
        # Nothing is shown: the offscreen platform works without a display (e.g. over SSH).
        QGuiApplication(["privacy-audit", "-platform", "offscreen"])


def answer_label(answer: Answer) -> str:
    """An answer as the report (and History) says it. "Not possible" is never "set correctly"."""
    return {
        Answer.OK: QCoreApplication.translate("Report", "Set correctly"),
        Answer.CHANGED: QCoreApplication.translate("Report", "Changed during the check"),
        Answer.ATTENTION: QCoreApplication.translate("Report", "Still to fix"),
        Answer.NOT_APPLICABLE: QCoreApplication.translate("Report", "Does not apply"),
        Answer.NOT_POSSIBLE: QCoreApplication.translate("Report", "Not possible on this platform"),
    }[answer]


def state_label(status: PlatformStatus | None, check: CheckResult | None) -> str:
    """A platform's state on the summary page. Without a status (the terminal's export), from its check."""
    if status is None:
        if check is None:
            return QCoreApplication.translate("Report", "Never checked")
        to_fix, impossible = len(check.needs_attention), len(check.not_possible)
        when = _long_date(check.finished.astimezone().date())
    else:
        state = status.state
        if state == "never":
            return QCoreApplication.translate("Report", "Never checked")
        when = _long_date(status.last_checked.astimezone().date())
        if state == "due":
            return QCoreApplication.translate(
                "Report", "Due: last checked {date}, before this term or too long ago"
            ).format(date=when)
        to_fix, impossible = status.to_fix or 0, status.not_possible or 0
    parts = []  # "{n}" reads the same for one and for many, in English at least
    if to_fix:
        parts.append(QCoreApplication.translate("Report", "{n} to fix").format(n=to_fix))
    if impossible:
        parts.append(QCoreApplication.translate("Report", "{n} not possible here").format(n=impossible))
    if not parts:
        parts.append(QCoreApplication.translate("Report", "Up to date"))
    return QCoreApplication.translate("Report", "Checked {date}: {state}").format(
        date=when, state=", ".join(parts)
    )


def _latest(checks: Iterable[CheckResult]) -> dict[str, CheckResult]:
    latest: dict[str, CheckResult] = {}
    for check in checks:
        if check.platform not in latest or check.finished > latest[check.platform].finished:
            latest[check.platform] = check
    return latest


def _paragraph(text: str) -> str:
    return "<p>" + escape(text) + "</p>"


def _column_heads(*titles: str) -> str:
    """A table's header row: each title a column header, for the PDF and for screen readers (scope='col')."""
    return "<tr>" + "".join(f"<th scope='col'>{escape(title)}</th>" for title in titles) + "</tr>"


def report_html(
    *,
    catalogue,
    checks: list[CheckResult],
    acceptance: tuple[str, dt.date] | None = None,
    school_name: str,
    today: dt.date | None = None,
    in_use: list[str] | None = None,
    statuses: Mapping[str, PlatformStatus] | None = None,
    person: str = "",
    term_start: dt.date | None = None,
) -> str:
    """The report as one accessible HTML document (lang en-GB, headings, table headers with scope), which
    the PDF is drawn from too. `in_use` are the platforms to report (default: those with a check), each
    with its `statuses` entry when known. The person's name is `person`, else the name on `acceptance`."""
    from privacy_audit.core.provenance import guidance_status

    today = today or dt.date.today()
    latest = _latest(checks)
    order = list(catalogue.checklists) if catalogue is not None else []
    platforms = list(in_use) if in_use is not None else []
    platforms += [p for p in latest if p not in platforms]
    platforms.sort(key=lambda p: (order.index(p) if p in order else len(order), p))
    name = person.strip() or (acceptance[0] if acceptance else "")
    title = QCoreApplication.translate("Report", "Privacy settings check")

    def checklist_of(platform: str):
        return catalogue.checklists.get(platform) if catalogue is not None else None

    def name_of(platform: str) -> str:
        checklist = checklist_of(platform)
        return checklist.name if checklist else platform

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8"/>',
        f"<title>{escape(title)}</title>",
        (
            "<style>body{font-size:10pt} table{border-collapse:collapse;width:100%}"
            " th,td{border:1px solid #555;padding:4px;text-align:left;vertical-align:top}</style>"
        ),
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        TABLE,
        "<caption>" + escape(QCoreApplication.translate("Report", "Who and when")) + "</caption>",
        (
            "<tr><th scope='row'>"
            + escape(QCoreApplication.translate("Report", "Name"))
            + "</th>"
            + "<td>"
            + (_data(name) if name else escape(QCoreApplication.translate("Report", "Not given")))
            + "</td></tr>"
        ),
        "<tr><th scope='row'>"
        + escape(QCoreApplication.translate("Report", "School"))
        + f"</th><td>{_data(school_name)}</td></tr>",
        "<tr><th scope='row'>"
        + escape(QCoreApplication.translate("Report", "Date"))
        + f"</th><td>{escape(_long_date(today))}</td></tr>",
    ]
    if term_start is not None:
        parts.append(
            "<tr><th scope='row'>" + escape(QCoreApplication.translate("Report", "Term")) + "</th>"
            "<td>"
            + escape(
                QCoreApplication.translate("Report", "The term that began on {date}").format(
                    date=_long_date(term_start)
                )
            )
            + "</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<h2>" + escape(QCoreApplication.translate("Report", "Summary: each platform you use")) + "</h2>"
    )
    if platforms:
        parts.append(TABLE)
        parts.append(
            _column_heads(
                QCoreApplication.translate("Report", "Platform"),
                QCoreApplication.translate("Report", "State"),
            )
        )
        for platform in platforms:
            status = statuses.get(platform) if statuses is not None else None
            parts.append(
                f"<tr><td>{_data(name_of(platform))}</td>"
                f"<td>{escape(state_label(status, latest.get(platform)))}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(
            _paragraph(
                QCoreApplication.translate(
                    "Report", "No platforms are chosen and no checks have been finished yet."
                )
            )
        )
    parts.append(
        _paragraph(
            QCoreApplication.translate(
                "Report",
                "This report was made on this computer and nothing was sent anywhere. It is yours to keep: the policy does not ask you to hand it in. Private notes are left out.",
            )
        )
    )
    parts.append(
        _paragraph(
            QCoreApplication.translate(
                "Report",
                "Each setting below says how far its guidance has been checked. Guidance not yet checked on the live site was written from published guides or our research notes, and may differ from what you see.",
            )
        )
    )
    for index, platform in enumerate(platforms):
        checklist = checklist_of(platform)
        check = latest.get(platform)
        # The details start on page 2, after the summary.
        style = " style='page-break-before: always'" if index == 0 else ""
        parts.append(f"<h2{style}>{_data(name_of(platform))}</h2>")
        if check is None:
            parts.append(_paragraph(QCoreApplication.translate("Report", "Not checked yet.")))
            continue
        finished = check.finished.astimezone().date()
        parts.append(
            _paragraph(
                QCoreApplication.translate("Report", "Checked on {date}").format(date=_long_date(finished))
            )
        )
        parts.append(TABLE)
        parts.append(
            _column_heads(
                QCoreApplication.translate("Report", "Setting"),
                QCoreApplication.translate("Report", "Result"),
                QCoreApplication.translate("Report", "Guidance"),
            )
        )
        items = {item.id: item for item in checklist.items} if checklist else {}
        for answer in check.answers:
            item = items.get(answer.item_id)
            label = escape(answer_label(answer.answer))
            if answer.answer in (Answer.ATTENTION, Answer.NOT_POSSIBLE):
                label = f"<b>{label}</b>"
            if item is not None:
                guidance = escape(guidance_status(item, today, checklist).line)
                setting = _data(item.title)
            else:
                guidance = escape(
                    QCoreApplication.translate("Report", "This setting is no longer on the checklist.")
                )
                setting = _data(answer.item_id)
            parts.append(f"<tr><td>{setting}</td><td>{label}</td><td>{guidance}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(path: Path, html: str, title: str, *, page_numbers: bool = True) -> None:
    """Write `html` as an A4 PDF at `path`, in the report's fixed type, with "Page n of N" at the foot of each
    page; atomically (a half-written file never replaces a good one), readable by its owner only."""
    _ensure_gui_app()
    path = Path(path)
    handle, temp_name = temporary_file_beside(path)  # report.child removes it if the child drawing dies
    os.close(handle)
    try:
        writer = QPdfWriter(temp_name)
        writer.setTitle(title)
        writer.setCreator("Privacy Audit")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 16, 18, 16),
                QPageLayout.Unit.Millimeter,
            )
        )
        _draw(writer, html, page_numbers)
        del writer  # finishes the file
        with open(temp_name, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def report_font(points: float) -> QFont:
    """The report's type: a fixed family and size, without ligatures (so "fix" is found as "fix" in the PDF)."""
    font = QFont(FONT_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _draw(writer: QPdfWriter, html: str, page_numbers: bool) -> None:
    font = report_font(FONT_POINTS)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setHtml(html)
    # Lay the text out at 96 dpi across the printable width, leaving room for the page number at the foot.
    points = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    width, height = points.width() * 96 / 72, points.height() * 96 / 72
    footer = 28.0
    document.setPageSize(QSizeF(width, height - footer))
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        scale = writer.resolution() / 96
        footer_font = report_font(FOOTER_POINTS)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * (height - footer))
            document.drawContents(painter, QRectF(0, page * (height - footer), width, height - footer))
            painter.restore()
            if page_numbers:  # in the writer's own units, so the font's points are the page's points
                painter.setFont(footer_font)
                words = QCoreApplication.translate("Report", "Page {n} of {total}").format(
                    n=page + 1, total=pages
                )
                painter.drawText(
                    QRectF(
                        QPointF(0, (height - footer + 8) * scale), QSizeF(width * scale, (footer - 8) * scale)
                    ),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    words,
                )
    finally:
        painter.end()


def write_html(path: Path, html: str) -> None:
    """Write the accessible HTML report atomically, readable by its owner only."""
    from privacy_audit.core.files import write_atomically

    write_atomically(path, html.encode("utf-8"))


def write_pdf_report(
    path: Path,
    *,
    catalogue,
    checks: list[CheckResult],
    acceptance: tuple[str, dt.date] | None = None,
    school_name: str,
    in_use: list[str] | None = None,
    statuses: Mapping[str, PlatformStatus] | None = None,
    person: str = "",
    term_start: dt.date | None = None,
    today: dt.date | None = None,
    with_html: bool = True,
) -> list[Path]:
    """Write the report as an A4 PDF at `path` and (`with_html`) as accessible HTML beside it, with the same
    stem. Returns the files written.

    Both targets are checked before anything is written (`core.files.output_problem`: a folder, FIFO,
    device or symbolic link is refused with OSError), and when the HTML cannot be written the new PDF is
    removed again, so a failure never leaves half a report."""
    from privacy_audit.core.files import output_problem

    path = Path(path)
    targets = [path, path.with_suffix(".html")] if with_html else [path]
    for target in targets:
        if (problem := output_problem(target)) is not None:
            raise OSError(problem)
    html = report_html(
        catalogue=catalogue,
        checks=checks,
        acceptance=acceptance,
        school_name=school_name,
        today=today,
        in_use=in_use,
        statuses=statuses,
        person=person,
        term_start=term_start,
    )
    write_pdf(path, html, QCoreApplication.translate("Report", "Privacy settings check"))
    if with_html:
        try:
            write_html(targets[1], html)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return targets
