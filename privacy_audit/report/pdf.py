"""The printable report: the latest check of every platform and the policy's Statement of Acceptance.

`write_pdf_report` is interface F: the desktop app calls it on its worker thread, and
`privacy-audit export --format pdf` calls it from the terminal (it then creates an offscreen
QGuiApplication, because laying out text needs Qt's font database). Everything in the document is
escaped: checklist text and names are data, never markup. Private notes are left out on purpose, since
people may hand the report in.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from privacy_audit.core.audit import Answer, CheckResult

STATEMENT = "I have read and understood the Social Media Policy and agree to abide by its terms"


def _data(value: str) -> str:
    """Text from a data file or the person, escaped and bidi-isolated (U+2068 … U+2069): markup stays text,
    and a right-to-left override inside it cannot reverse the report's own words around it."""
    return "\u2068" + escape(value) + "\u2069"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _ensure_gui_app() -> None:
    if QCoreApplication.instance() is None:
        # Nothing is shown: the offscreen platform works without a display (e.g. over SSH).
        QGuiApplication(["privacy-audit", "-platform", "offscreen"])


def report_html(
    *,
    catalogue,
    checks: list[CheckResult],
    acceptance: tuple[str, dt.date] | None,
    school_name: str,
    today: dt.date | None = None,
) -> str:
    today = today or dt.date.today()
    labels = {
        Answer.OK: _tr("Set correctly"),
        Answer.CHANGED: _tr("Changed during the check"),
        Answer.ATTENTION: _tr("Needs attention"),
        Answer.NOT_APPLICABLE: _tr("Does not apply"),
    }
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        f"<h1>{escape(_tr('Privacy settings check'))}</h1>",
        f"<p>{_data(school_name)} · {escape(_tr('Staff social media policy, section 9'))}<br/>",
        f"{escape(_tr('Report made on {date}. This report was made on this computer and nothing was sent anywhere.').format(date=_long_date(today)))}</p>",
    ]
    if not checks:
        parts.append(f"<p>{escape(_tr('No checks have been finished yet.'))}</p>")
    order = list(catalogue.checklists) if catalogue is not None else []
    checks = sorted(
        checks, key=lambda c: (order.index(c.platform) if c.platform in order else len(order), c.platform)
    )
    for check in checks:
        checklist = catalogue.checklists.get(check.platform) if catalogue is not None else None
        name = checklist.name if checklist else check.platform
        titles = {item.id: item.title for item in checklist.items} if checklist else {}
        finished = check.finished.astimezone().date()
        parts.append(f"<h2>{_data(name)}</h2>")
        parts.append(f"<p>{escape(_tr('Checked on {date}').format(date=_long_date(finished)))}</p>")
        parts.append("<table border='1' cellspacing='0' cellpadding='4' width='100%'>")
        parts.append(
            f"<tr><th align='left'>{escape(_tr('Setting'))}</th><th align='left'>{escape(_tr('Result'))}</th></tr>"
        )
        for answer in check.answers:
            title = titles.get(answer.item_id, answer.item_id)
            result = labels[answer.answer]
            if answer.answer is Answer.ATTENTION:
                result = f"<b>{escape(result)}</b>"
            else:
                result = escape(result)
            parts.append(f"<tr><td>{_data(title)}</td><td>{result}</td></tr>")
        parts.append("</table>")
    parts.append(f"<h2>{escape(_tr('Statement of Acceptance'))}</h2>")
    parts.append(f"<p>{escape(_tr('Social Media Policy, clause 11.3 and Appendix 1'))}</p>")
    parts.append(f"<p><i>“{escape(_tr(STATEMENT))}”</i></p>")
    if acceptance is not None:
        name, on = acceptance
        parts.append(
            f"<p>{escape(_tr('Name'))}: <b>{_data(name)}</b><br/>{escape(_tr('Date'))}: {escape(_long_date(on))}</p>"
        )
    else:
        parts.append(
            f"<p>{escape(_tr('Name'))}: ______________________________<br/>{escape(_tr('Date'))}: ______________</p>"
        )
    parts.append(f"<p>{escape(_tr('Signature'))}: ______________________________</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf_report(
    path: Path,
    *,
    catalogue,
    checks: list[CheckResult],
    acceptance: tuple[str, dt.date] | None,
    school_name: str,
) -> None:
    """Write the report as an A4 PDF at `path`, atomically (a half-written file never replaces a good one)."""
    _ensure_gui_app()
    path = Path(path)
    html = report_html(catalogue=catalogue, checks=checks, acceptance=acceptance, school_name=school_name)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        writer = QPdfWriter(temp_name)
        writer.setTitle(_tr("Privacy settings check"))
        writer.setCreator("Privacy Audit")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setHtml(html)
        # Lay the text out at 96 dpi across the printable width; print_() then scales it to the page.
        points = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        document.setPageSize(QSizeF(points.width() * 96 / 72, points.height() * 96 / 72))
        document.print_(writer)
        del writer  # finishes the file
        with open(temp_name, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
