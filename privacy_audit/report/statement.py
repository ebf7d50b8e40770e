"""The Statement of Acceptance (policy 11.3, Appendix 1) as a one-page PDF of its own.

The statement is required by the policy; the settings report is the person's to keep, so the two are separate
files (someone handing in the statement never has to hand in their settings). The app quotes only the wording
the school supplies in school.yaml (`statement_of_acceptance`); without it, it quotes nothing and tells the
person to complete the school's own Appendix 1 form and return it to the school's contact.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from privacy_audit.report.pdf import _data, _long_date, write_pdf


def statement_instructions(contact: str) -> str:
    """What to do when the school has not given the app its statement's wording."""
    return QCoreApplication.translate(
        "Report",
        "Your school has not given this app the wording of its Statement of Acceptance, so the app does not "
        "make one. Complete your school's own Appendix 1 form and return it to {contact}.",
    ).format(contact=contact)


def statement_html(*, wording: str, school_name: str, name: str, on: dt.date, contact: str) -> str:
    title = QCoreApplication.translate("Report", "Statement of Acceptance")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8"/>',
        f"<title>{escape(title)}</title></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{_data(school_name)} · "
        + escape(QCoreApplication.translate("Report", "Social Media Policy, clause 11.3 and Appendix 1"))
        + "</p>",
        "<p>"
        + escape(
            QCoreApplication.translate(
                "Report", "The wording below is your school’s own, as given in its school.yaml file."
            )
        )
        + "</p>",
        f"<blockquote><p>{_data(wording)}</p></blockquote>",
        "<p>" + escape(QCoreApplication.translate("Report", "Name")) + f": <b>{_data(name)}</b></p>"
        if name.strip()
        else "<p>"
        + escape(QCoreApplication.translate("Report", "Name"))
        + ": ______________________________</p>",
        "<p>" + escape(QCoreApplication.translate("Report", "Date")) + f": {escape(_long_date(on))}</p>",
        "<p>"
        + escape(QCoreApplication.translate("Report", "Signature"))
        + ": ______________________________</p>",
        "<p>"
        + escape(
            QCoreApplication.translate(
                "Report", "Return this statement to {contact}. It is required by the policy."
            ).format(contact=contact)
        )
        + "</p>",
        "</body></html>",
    ]
    return "".join(parts)


def write_statement_pdf(
    path: Path, *, wording: str, school_name: str, name: str, on: dt.date, contact: str
) -> Path:
    """Write the one-page statement at `path` (only when the school supplied its `wording`)."""
    if not wording.strip():
        raise ValueError(statement_instructions(contact))
    html = statement_html(wording=wording, school_name=school_name, name=name, on=on, contact=contact)
    write_pdf(
        Path(path), html, QCoreApplication.translate("Report", "Statement of Acceptance"), page_numbers=False
    )
    return Path(path)
