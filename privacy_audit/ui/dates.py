"""The one way the screens write a date: "1 December 2026", in the language the screens are in.

The screens' language is the translation's, not the computer's: only British English ships, so a French
computer shows English words and must not get "1 décembre 2026" in the middle of them. Each translation
names its own locale (the message "en_GB" below, translated to, say, "fr_FR") and its own date pattern, and
`QLocale` supplies that language's month names. The terminal and the PDF keep `core.provenance.long_date`
(fixed English month names), so a saved report reads the same on every machine.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from privacy_audit.core.clock import local_day

__all__ = ["long_date", "month_year", "screen_locale"]


def screen_locale() -> QLocale:
    """The locale of the screens' words: the loaded translation's, else British English (the source texts)."""
    name = QCoreApplication.translate(
        "Dates", "en_GB", "The locale of this translation (language_COUNTRY), for month names in dates"
    )
    return QLocale(name)


def long_date(when: dt.date | dt.datetime) -> str:
    """'1 December 2026' (a moment is given as the day it was here)."""
    day = local_day(when)
    pattern = QCoreApplication.translate(
        "Dates", "d MMMM yyyy", "A date: day, month name, year (Qt date format)"
    )
    return screen_locale().toString(QDate(day.year, day.month, day.day), pattern)


def month_year(when: dt.date | dt.datetime) -> str:
    """'December 2026'."""
    day = local_day(when)
    pattern = QCoreApplication.translate("Dates", "MMMM yyyy", "A month: month name, year (Qt date format)")
    return screen_locale().toString(QDate(day.year, day.month, day.day), pattern)
