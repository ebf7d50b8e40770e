"""The one codec for the answers part of a check or a draft: what is sealed into `payload`, and back.

Checks and drafts (saved, exported, imported) all carry the same shape: a list of answers, each with the
item, the answer and its note, plus a note for the whole check. Any shape it does not expect is reported as
`DamagedData`, never as a Python error, so a damaged row is named and left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from privacy_audit.core.audit import Answer, ItemAnswer
from privacy_audit.store.crypto import DamagedData


def answers_to_json(answers: Iterable[ItemAnswer]) -> list[dict[str, str]]:
    """Answers as plain JSON values (also the export format's `answers` list)."""
    return [{"item_id": a.item_id, "answer": Answer(a.answer).value, "note": a.note} for a in answers]


def encode(answers: Iterable[ItemAnswer], note: str) -> dict[str, Any]:
    """The payload of a check or draft, ready to seal."""
    return {"answers": answers_to_json(answers), "note": note}


def decode(data: Any) -> tuple[tuple[ItemAnswer, ...], str]:
    """The answers and the note from an opened payload. Raises DamagedData for anything unexpected."""
    try:
        answers = tuple(
            ItemAnswer(str(a["item_id"]), Answer(a["answer"]), str(a.get("note", "")))
            for a in data["answers"]
        )
        note = data.get("note", "")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DamagedData(f"unexpected content ({type(exc).__name__}: {exc})") from exc
    if not isinstance(note, str):
        raise DamagedData("unexpected content (the note is not text)")
    return answers, note
