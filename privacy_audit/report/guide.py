"""The printable pocket guide: one A4 page per platform to take to the phone, where the accounts really are.

For each setting: its title, the safe value, the phone steps ("On iPhone" / "On Android", or "In the app"
where the two apps agree) and, for a setting with a web address, a QR code of it to scan with the phone's
camera. The school's contact is at the foot of every page. `privacy-audit export --format guide` writes it
for the platforms the person uses (or `--all`, for a trainer printing the set for a room).

Nothing about a person is in the guide: the codes hold only the platform's own settings addresses as the
checklist gives them. An address that needs a value only the person knows (their Mastodon server) gets no
code, and is printed with that part left as "[your server]".

The pages are drawn with QPainter on a QPdfWriter: the codes as vector squares (sharp at any zoom and on
any printer), each setting's words as a small QTextDocument (real text, escaped like the report's), placed
in two columns that continue on a further page when a platform has more settings than fit on one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QTextDocument,
)

from privacy_audit.core.catalogue import Catalogue
from privacy_audit.core.checklist import Checklist, Item, has_placeholder
from privacy_audit.core.files import write_atomically
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.core.qr import QUIET_ZONE, QrMatrix, item_qr
from privacy_audit.core.school import SchoolConfig
from privacy_audit.core.settings import PHONES
from privacy_audit.report.pdf import _data, _ensure_gui_app, _long_date

RESOLUTION = 300  # dots per inch of the PDF's coordinates
MARGIN_MM = 12
COLUMN_GAP_MM = 7
QR_MM = 22  # about 0.6 mm a module for a typical address: a phone camera reads it from 10-15 cm
QR_GAP_MM = 3
ITEM_GAP_MM = 4
TEXT_PT = 8.5


def _mm(value: float) -> float:
    return value * RESOLUTION / 25.4


def guide_checklists(catalogue: Catalogue, platforms: Sequence[str] | None = None) -> list[Checklist]:
    """The checklists the guide has pages for: `platforms` (those in use), or every one the school offers.

    Platforms the catalogue does not have (a checklist that failed to load, one the school removed) are left
    out; `general` (checks for every account) comes last, after the platforms themselves.
    """
    offered = {checklist.platform: checklist for checklist in catalogue.offered()}
    wanted = list(offered) if platforms is None else [p for p in platforms if p in offered]
    ordered = sorted(set(wanted), key=lambda p: (p == ALWAYS_IN_USE, sort_key(p)))
    return [offered[p] for p in ordered]


def contact_line(school: SchoolConfig) -> str:
    """Whom to talk to: the one rule in `core.school.Contact.describe`."""
    return school.contact.describe()


def _unfilled(template: str) -> str:
    """An address with the person's own part left for them: https://[your server]/settings/privacy."""
    return re.sub(
        r"\{([a-z_][a-z0-9_]*)\}",
        lambda m: QCoreApplication.translate("Report", "[your {part}]").format(
            part=m.group(1).replace("_", " ")
        ),
        template,
    )


def phone_lines(item: Item, phone: str | None) -> list[tuple[str, str]]:
    """(label, path) of the phone steps: "On iPhone" / "On Android" where the apps differ, else "In the app"."""
    labels = {
        "iphone": QCoreApplication.translate("Report", "On iPhone"),
        "android": QCoreApplication.translate("Report", "On Android"),
        "app": QCoreApplication.translate("Report", "In the app"),
    }
    return [(labels[kind], path) for kind, path in item.where.phone_paths(phone)]


def item_html(item: Item, phone: str | None) -> str:
    """One setting's words; every piece of checklist text escaped and isolated, as in the report."""
    parts = [f"<p style='margin:0'><b>{_data(item.title)}</b></p>"]
    parts.append(
        "<p style='margin:0'>"
        + escape(QCoreApplication.translate("Report", "Safe setting"))
        + f": {_data(item.safe_value)}</p>"
    )
    for label, path in phone_lines(item, phone):
        parts.append(f"<p style='margin:0'>{escape(label)}: {_data(path)}</p>")
    if item.where.url:
        address = item.where.url if not has_placeholder(item.where.url) else _unfilled(item.where.url)
        parts.append(
            "<p style='margin:0; color:#444444'>"
            + escape(QCoreApplication.translate("Report", "On the web"))
            + f": {_data(address)}</p>"
        )
    return "".join(parts)


@dataclass
class _Block:
    item: Item
    code: QrMatrix | None
    document: QTextDocument
    height: float


class _Pages:
    """The painter and where the next setting goes: column by column, page by page."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.column_width = (self.width - _mm(COLUMN_GAP_MM)) / 2
        self.pages = 0

    def document(self, html: str, width: float, points: float = TEXT_PT) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.writer)  # lay out in the PDF's own units
        font = QFont("DejaVu Sans")
        font.setPointSizeF(points)
        # No ligatures: "ﬀ" in "Staff" would be copied, searched and read aloud as one odd character.
        font.setFeature(QFont.Tag("liga"), 0)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setHtml(html)
        document.setTextWidth(width)
        return document

    def draw(self, document: QTextDocument, x: float, y: float) -> None:
        self.painter.save()
        self.painter.translate(x, y)
        document.drawContents(self.painter)
        self.painter.restore()

    def new_page(self) -> None:
        if self.pages:
            self.writer.newPage()
        self.pages += 1

    def draw_code(self, code: QrMatrix, x: float, y: float, side: float) -> None:
        """The code as one filled path of dark runs, on white with its quiet zone: no seams between modules."""
        module = side / code.size_with_quiet_zone
        self.painter.fillRect(QRectF(x, y, side, side), QColor("white"))
        path = QPainterPath()
        for row_index, row in enumerate(code.rows):
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.addRect(
                    QRectF(
                        x + (start + QUIET_ZONE) * module,
                        y + (row_index + QUIET_ZONE) * module,
                        (column - start) * module,
                        module,
                    )
                )
        path.setFillRule(Qt.FillRule.WindingFill)
        self.painter.fillPath(path, QColor("black"))


def _page(
    pages: _Pages,
    checklist: Checklist,
    *,
    school: SchoolConfig,
    phone: str | None,
    today: dt.date,
) -> None:
    """One platform: a header, its settings in two columns (continuing overleaf if need be), the contact."""
    qr_side = _mm(QR_MM)
    blocks = []
    for item in checklist.items:
        code = item_qr(checklist, item)
        text_width = pages.column_width - (qr_side + _mm(QR_GAP_MM) if code else 0)
        document = pages.document(item_html(item, phone), text_width)
        height = max(document.size().height(), qr_side if code else 0)
        blocks.append(_Block(item, code, document, height))

    footer = pages.document(
        "<p style='margin:0'>"
        + escape(
            QCoreApplication.translate(
                "Report", "If you can't make a setting safe, or a pupil is involved, talk to {contact}."
            )
        ).replace(escape("{contact}"), _data(contact_line(school)))
        + "</p>",
        pages.width,
        TEXT_PT,
    )
    footer_top = pages.height - footer.size().height()

    def header(continued: bool) -> float:
        pages.new_page()
        title = (
            checklist.name
            if not continued
            else QCoreApplication.translate("Report", "{platform} (continued)").format(
                platform=checklist.name
            )
        )
        if any(block.code is not None for block in blocks):
            intro = QCoreApplication.translate(
                "Report",
                "Scan a code with your phone's camera to open that settings page on your phone, in the app if "
                "you have it. The codes hold only {platform}'s own addresses, nothing about you.",
            )
        else:
            intro = QCoreApplication.translate(
                "Report", "{platform}'s settings are in its phone app: follow the steps on your phone."
            )
        printed = QCoreApplication.translate("Report", "printed {date}").format(date=_long_date(today))
        lines = [
            f"<p style='margin:0; font-size:17pt'><b>{_data(title)}</b></p>",
            "<p style='margin:0'>"
            + escape(QCoreApplication.translate("Report", "Pocket guide to the privacy settings"))
            + f" · {_data(school.school_name)} · "
            + escape(QCoreApplication.translate("Report", "Staff social media policy, section 9"))
            + f" · <span style='white-space:nowrap'>{escape(printed)}</span>"
            + "</p>",
            "<p style='margin:0; margin-top:4px'>"
            + escape(intro).replace(escape("{platform}"), _data(checklist.name))
            + "</p>",
        ]
        if phone in PHONES:
            phone_name = {
                "iphone": QCoreApplication.translate("Report", "iPhone"),
                "android": QCoreApplication.translate("Report", "Android"),
            }[phone]
            lines.append(
                "<p style='margin:0'>"
                + escape(
                    QCoreApplication.translate(
                        "Report", "The phone steps are for your phone: {phone}."
                    ).format(phone=phone_name)
                )
                + "</p>"
            )
        document = pages.document("".join(lines), pages.width, 9.5)
        pages.draw(document, 0, 0)
        pages.draw(footer, 0, footer_top)
        line_y = document.size().height() + _mm(2.5)
        pages.painter.fillRect(QRectF(0, line_y, pages.width, _mm(0.3)), QColor("#888888"))
        return line_y + _mm(4)

    top = header(continued=False)
    column, y = 0, top
    bottom = footer_top - _mm(3)
    # When the settings fit on one page, the columns are balanced: the first ends once half is placed.
    total = sum(block.height + _mm(ITEM_GAP_MM) for block in blocks)
    half = total / 2 if total <= 2 * (bottom - top) else None
    for block in blocks:
        past_half = half is not None and column == 0 and (y - top) + block.height / 2 > half
        if (y + block.height > bottom or past_half) and y > top:
            if column == 0:
                column, y = 1, top
            else:
                top = header(continued=True)
                column, y = 0, top
        x = column * (pages.column_width + _mm(COLUMN_GAP_MM))
        if block.code is not None:
            pages.draw_code(block.code, x, y, qr_side)
            pages.draw(block.document, x + qr_side + _mm(QR_GAP_MM), y)
        else:
            pages.draw(block.document, x, y)
        y += block.height + _mm(ITEM_GAP_MM)


def write_pocket_guide(
    path: Path,
    *,
    catalogue: Catalogue,
    platforms: Sequence[str] | None = None,
    phone: str | None = None,
    today: dt.date | None = None,
) -> int:
    """Write the guide as an A4 PDF at `path` (whole or not at all); returns the number of pages.

    `platforms`: the platforms in use (None: every platform the school offers, for a trainer). `phone`:
    "iphone" or "android" to print only that phone's steps; None prints both where they differ.
    """
    _ensure_gui_app()
    today = today or dt.date.today()
    checklists = guide_checklists(catalogue, platforms)
    if not checklists:
        raise ValueError("there are no platforms to print a guide for")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(QCoreApplication.translate("Report", "Pocket guide to the privacy settings"))
    writer.setCreator("Privacy Audit")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    pages = _Pages(writer, painter)
    try:
        for checklist in checklists:
            _page(pages, checklist, school=catalogue.school.config, phone=phone, today=today)
    finally:
        painter.end()
        buffer.close()
    # Nothing personal is in it, and it is made to be printed and shared: readable by others.
    write_atomically(path, bytes(data.data()), mode=0o644)
    return pages.pages
