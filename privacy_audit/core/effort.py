"""How long a check takes, worked out from the checklist itself, so the app can say it before it starts.

The figures come from the UX review of December 2026 (its "Time measurements"): reading the steps at about
200 words a minute, plus 30 to 60 seconds a setting to find it on the phone or the web (45 taken here). The
app says how it got the figure, because it is an estimate for a person, not a timing of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from privacy_audit.core.checklist import Item

WORDS_PER_MINUTE = 200
SECONDS_TO_FIND_A_SETTING = 45


def words_of(item: Item) -> int:
    """The words a person reads on one setting's screen: title, why, steps, safe value and where it is."""
    texts = [
        item.title,
        item.why,
        *item.steps,
        item.safe_value,
        item.where.app or "",
        item.not_possible or "",
    ]
    return sum(len(text.split()) for text in texts)


def minutes_for(items: Iterable[Item]) -> float:
    """About how many minutes reading and doing these settings takes."""
    items = list(items)
    reading = sum(words_of(item) for item in items) / WORDS_PER_MINUTE
    return reading + len(items) * SECONDS_TO_FIND_A_SETTING / 60
