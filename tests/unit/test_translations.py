"""Translation works: the committed .ts lists exactly the strings the code translates, no module hides its
strings from Qt's lupdate, and a translation built from a .ts really changes what the screens say."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers.translation import prefixed_ts, qt_tool, translation

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "privacy_audit_en_GB.ts"
UPDATE = REPO / "resources" / "translations" / "update.sh"
SCANNED = ("ui", "desktop", "demo", "report")  # the folders update.sh reads, with core/provenance.py

Message = tuple[str, str, str]  # (context, source, disambiguation)


def messages(ts: Path) -> set[Message]:
    found: set[Message] = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return found


def _listed(items: set[Message]) -> str:
    return "\n".join(f"  [{context or '(no context)'}] {source!r}" for context, source, _ in sorted(items))


def test_the_translation_file_lists_every_string_the_app_translates(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    env = {**os.environ, "LUPDATE": qt_tool("pyside6-lupdate")}
    done = subprocess.run(
        ["bash", str(UPDATE), str(copy)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    committed, current = messages(TS), messages(copy)
    assert current, "lupdate found no strings at all"
    missing, stale = current - committed, committed - current
    assert not missing and not stale, (
        "resources/translations/privacy_audit_en_GB.ts is out of date; run resources/translations/update.sh "
        "(./dev.sh translations).\n"
        f"Translated in the code but missing from the .ts:\n{_listed(missing)}\n"
        f"In the .ts but no longer in the code:\n{_listed(stale)}"
    )


def test_every_provenance_template_is_in_the_translation_file() -> None:
    # core/provenance.py marks its templates for lupdate; a new template without the mark would be shown
    # in English on every screen, however complete the translation.
    from privacy_audit.core import provenance

    templates = {
        value
        for name, value in vars(provenance).items()
        if name.isupper() and isinstance(value, str) and name != "PROVENANCE_CONTEXT"
    }
    assert len(templates) >= 10
    listed = {source for context, source, _ in messages(TS) if context == provenance.PROVENANCE_CONTEXT}
    assert templates - listed == set()


def _is_translate(call: ast.Call) -> str | None:
    """'tr' for self.tr(text), tr(text) or _tr(text), 'translate' for QCoreApplication.translate(context, text)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "translate":
        return "translate" if ast.unparse(func.value) in ("QCoreApplication", "QApplication") else None
    if (isinstance(func, ast.Attribute) and func.attr == "tr") or (
        isinstance(func, ast.Name) and func.id in ("tr", "_tr")
    ):
        return "tr"
    return None


def _names_tr(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "tr") or (
        isinstance(node, ast.Name) and node.id == "tr"
    )


# Contexts whose texts are marked for lupdate where they are written (QT_TRANSLATE_NOOP) and translated by name.
MARKED_CONTEXTS = ("PROVENANCE_CONTEXT", "ERROR_WORDS_CONTEXT")


def hidden_strings(source: str) -> list[str]:
    """Where a module's translated strings cannot be read by lupdate: an alias of translate, a wrapper
    function that translates its parameter, tr passed around, a call inside an f-string (lupdate does not
    read into them), or a context or text that is not written out (except the provenance templates, which
    core marks where it defines them, and the error words' tables, marked entry by entry)."""
    tree = ast.parse(source)
    problems: list[str] = []
    for node in ast.walk(tree):
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Attribute) and value.attr in ("tr", "translate"):
            problems.append(f"line {node.lineno}: an alias of {value.attr}")
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _is_translate(inner):
                    problems.append(f"line {inner.lineno}: translated inside an f-string")
        if not isinstance(node, ast.Call):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            if _names_tr(arg):
                problems.append(f"line {node.lineno}: tr passed as a value")
        if isinstance(node.func, ast.Name) and node.func.id in ("tr", "_tr"):
            problems.append(
                f"line {node.lineno}: {node.func.id}() is not self.tr(), so lupdate gives no context"
            )
        kind = _is_translate(node)
        if kind is None:
            continue
        texts = node.args[:1] if kind == "tr" else node.args[:2]
        if len(texts) < (1 if kind == "tr" else 2):
            problems.append(f"line {node.lineno}: {ast.unparse(node)[:80]} lacks its context or text")
        marked = (
            kind == "translate" and bool(node.args) and ast.unparse(node.args[0]).endswith(MARKED_CONTEXTS)
        )
        if not marked and not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
            problems.append(f"line {node.lineno}: {ast.unparse(node)[:80]} is not written out")
    return problems


MODULES = sorted(
    str(path.relative_to(REPO))
    for folder in SCANNED
    for path in (REPO / "privacy_audit" / folder).glob("*.py")
)


@pytest.mark.parametrize(
    "module",
    [m for m in MODULES],
)
def test_no_module_hides_its_strings_from_lupdate(module: str) -> None:
    assert hidden_strings((REPO / module).read_text(encoding="utf-8")) == []


def test_the_hidden_string_check_sees_each_way_of_hiding() -> None:
    assert hidden_strings("tr = QCoreApplication.translate\ntr('Ctx', 'Hello')\n")
    assert hidden_strings("def _tr(text):\n    return QCoreApplication.translate('Ctx', text)\n")
    assert hidden_strings("words(check, self.tr)\n")
    assert hidden_strings("_tr('Hello')\n")
    assert hidden_strings("x = f\"<p>{self.tr('Hello')}</p>\"\n")
    assert hidden_strings("QCoreApplication.translate(CONTEXT, 'Hello')\n")
    assert hidden_strings("QCoreApplication.translate('Hello')\n")
    assert hidden_strings("QCoreApplication.translate('Ctx', 'Hello')\nself.tr('Hi')\n") == []
    assert hidden_strings("QCoreApplication.translate(p.PROVENANCE_CONTEXT, sentence.template)\n") == []


DUTCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context><name>Dates</name>
<message><source>en_GB</source><comment>{locale_comment}</comment><translation>nl_NL</translation></message>
</context>
<context><name>Provenance</name>
<message><source>Not yet checked on the live site.</source><translation>Nog niet gecontroleerd.</translation></message>
<message><source>Written in {{month}}.</source><translation>Geschreven in {{month}}.</translation></message>
</context>
<context><name>ErrorWords</name>
<message><source>{busy}</source><translation>Je dossier is in gebruik.</translation></message>
</context>
</TS>
"""


def test_a_translation_changes_the_screens_words_and_dates(qapp, tmp_path: Path) -> None:
    import datetime as dt

    from PySide6.QtCore import QCoreApplication

    from privacy_audit.core.provenance import NOT_CHECKED, WRITTEN_NO_SOURCE, Sentence
    from privacy_audit.store.errors import RecordBusy, RecordProblem
    from privacy_audit.ui.dates import long_date, month_year
    from privacy_audit.ui.error_words import record_error_words, record_problem_words

    locale_comment = next(c for ctx, s, c in messages(TS) if ctx == "Dates" and s == "en_GB")
    dutch = DUTCH_TS.format(locale_comment=locale_comment, busy=record_problem_words(RecordProblem.BUSY))
    day = dt.date(2026, 12, 1)
    assert (long_date(day), month_year(day)) == ("1 December 2026", "December 2026")
    with translation(dutch, tmp_path):
        assert long_date(day) == "1 december 2026"
        assert QCoreApplication.translate("Provenance", NOT_CHECKED) == "Nog niet gecontroleerd."
        written = Sentence(WRITTEN_NO_SOURCE, (("month", month_year(day)),))
        assert QCoreApplication.translate("Provenance", written.template).format(**dict(written.values)) == (
            "Geschreven in december 2026."
        )
        assert record_error_words(RecordBusy("Your record (/x/record.db) is in use.")) == (
            "Je dossier is in gebruik."
        )


def test_every_record_problem_and_page_failure_has_words_of_its_own(qapp) -> None:
    from privacy_audit.browser import BrowserEvent, EventKind, LoadFailure
    from privacy_audit.store import errors
    from privacy_audit.ui.error_words import load_failure_words, record_problem_words

    classes = {
        cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.RecordError)
    }
    assert {cls.code for cls in classes} == set(errors.RecordProblem), "each code is one kind of error"
    assert len({record_problem_words(code) for code in errors.RecordProblem}) == len(errors.RecordProblem)
    said = {
        load_failure_words(BrowserEvent(EventKind.LOAD_FAILED, reason=reason, status=503), "TikTok")
        for reason in LoadFailure
    }
    assert len(said) == len(LoadFailure)
    assert any("TikTok answered with an error page (error 503)." in words for words in said)


def test_a_record_error_says_what_was_set_aside_then_its_words_then_the_facts_only_they_know(qapp) -> None:
    from privacy_audit.store.errors import RecordBusy, RecordNotWritable, RecordProblem, SetAsideNotice
    from privacy_audit.ui.error_words import failure_words, record_problem_words, set_aside_words

    moved = SetAsideNotice(
        "damaged", Path("/x/set-aside/record.db"), "Your record was damaged; it is now at X."
    )
    busy = failure_words(RecordBusy("Your record (/x/record.db) is in use.", (moved,)))
    assert busy == f"{set_aside_words(moved)}\n\n{record_problem_words(RecordProblem.BUSY)}"
    assert "/x/set-aside/record.db" in busy, "the screen says where the copy went"
    full = failure_words(RecordNotWritable("The disk is full, so saving your check failed."))
    assert full.startswith(record_problem_words(RecordProblem.NOT_WRITABLE))
    assert full.endswith("Details: The disk is full, so saving your check failed.")
    assert failure_words(ValueError("not a date")) == "not a date"
    # The terminal keeps the record's own English message.
    assert str(RecordBusy("Your record (/x/record.db) is in use.")) == "Your record (/x/record.db) is in use."


def test_the_screens_write_a_moment_as_the_day_it_was_here(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import time

    from privacy_audit.ui.dates import long_date

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        late = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)  # 23:30 in London, still 31 December
        summer = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)  # 00:30 on 1 July in London (BST)
        assert (long_date(late), long_date(summer)) == ("31 December 2026", "1 July 2026")
    finally:
        monkeypatch.undo()  # this computer's own zone again, for the tests after this one
        time.tzset()


def _every_coded_words() -> dict[str, str]:
    """The screens' words for every code of the record and the guided browser, each in every case that
    chooses other words (a check's page or the public view; opened elsewhere or not), by a readable name."""
    from privacy_audit.browser import BrowserEvent, EventKind, LoadFailure
    from privacy_audit.browser.protocol import AddressRefusal, BrowserProblem, PublicViewResult, Refusal
    from privacy_audit.store.errors import RecordProblem, SetAsideNotice, SetAsideReason
    from privacy_audit.ui import error_words as words

    said = {f"record {code}": words.record_problem_words(code) for code in RecordProblem}
    for reason in SetAsideReason:
        notice = SetAsideNotice("tag", Path("/x/set-aside/record-1.db"), "English.", reason, "7")
        said[f"set aside {reason}"] = words.set_aside_words(notice)
    for failure in LoadFailure:
        event = BrowserEvent(EventKind.LOAD_FAILED, item_id="i", reason=failure, status=503)
        said[f"load {failure}"] = words.load_failure_words(event, "TikTok")
    for problem in BrowserProblem:
        refused = Refusal(AddressRefusal.OTHER_SITE, "https://x.test/", host="x.test", domains=("y.test",))
        for kind in (EventKind.FALLBACK, EventKind.ERROR) if problem.falls_back else (EventKind.ERROR,):
            for item_id in ("an-item", ""):
                event = BrowserEvent(
                    kind,
                    item_id=item_id,
                    url="https://y.test/",
                    problem=problem,
                    refused=refused,
                    browser="Edge",
                )
                said[f"{kind} {problem} {item_id or 'public view'}"] = words.browser_problem_words(event)
    for code in AddressRefusal:
        said[f"refused {code}"] = words.refusal_words(
            Refusal(code, "https://x.test:8/", "https", "x.test", (), "\\")
        )
    for result in PublicViewResult:
        for found in ((), ("Jo",)):
            event = BrowserEvent(EventKind.PUBLIC_VIEW, result=result, status=404, found=found, asked=2)
            said[f"public view {result} {len(found)} found"] = words.public_view_words(event)
    from privacy_audit.store.notices import RecordNotice, RecordNoticeKind

    for kind in RecordNoticeKind:
        notice = RecordNotice(kind, "x", "2026-09-02", "/x/backups/record-v1.db")
        said[f"record notice {kind}"] = words.record_notice_words(notice, "X (Twitter)")
    return said


def test_every_browser_and_set_aside_code_has_words_that_a_translation_changes(qapp, tmp_path: Path) -> None:

    from privacy_audit.browser.protocol import AddressRefusal, BrowserProblem
    from privacy_audit.store.errors import SetAsideReason
    from privacy_audit.ui import error_words

    english = _every_coded_words()
    # Each code says something of its own (a code with another's words would say something untrue).
    for codes, name in ((BrowserProblem, "error {} an-item"), (AddressRefusal, "refused {}")):
        assert len({english[name.format(code)] for code in codes}) == len(codes), name
    assert len({english[f"set aside {code}"] for code in SetAsideReason}) == len(SetAsideReason)
    assert all("/x/set-aside/record-1.db" in english[f"set aside {code}"] for code in SetAsideReason)
    assert "Edge did not start in time" in english["fallback start_timeout an-item"]
    assert "not installed" not in english["fallback start_timeout an-item"], (
        "a browser that hung is installed"
    )
    assert english["error chose_usual_browser an-item"].endswith(
        "open this address yourself: https://y.test/"
    )
    assert "private window" in english["fallback no_browser public view"]
    assert "private window" not in english["fallback no_browser an-item"]

    # A translation of every ErrorWords string in the .ts, built by lrelease, changes every one of them.
    with translation(prefixed_ts([error_words.ERROR_WORDS_CONTEXT], "[nl] ", TS), tmp_path):
        translated = _every_coded_words()
    untranslated = [name for name, words in translated.items() if "[nl]" not in words]
    assert untranslated == [], "these are shown in English whatever the translation"
    assert all("[nl]" not in words for words in english.values())


def test_each_browser_problem_and_set_aside_reason_has_words_of_its_own_meaning():
    """Swapped words between two codes would still all differ from each other; each code's words must say
    its own fact (a review swapped four pairs and every earlier test still passed)."""
    from pathlib import Path

    from privacy_audit.browser.protocol import BrowserEvent, BrowserProblem
    from privacy_audit.store.errors import SetAsideNotice, SetAsideReason
    from privacy_audit.ui.error_words import browser_problem_words, set_aside_words

    own = {
        BrowserProblem.CHOSE_USUAL_BROWSER: "You chose",
        BrowserProblem.AUTOMATION_FAILED: "the part of Privacy Audit that drives it",
        BrowserProblem.SIGN_INS_IN_USE: "another browser window is using the sign-ins",
        BrowserProblem.NOT_INSTALLED: "Edge is not installed",
        BrowserProblem.NO_BROWSER: "no Edge, Chrome or Chromium was found",
        BrowserProblem.START_TIMEOUT: "did not start in time",
        BrowserProblem.COULD_NOT_START: "is installed but would not start",
        BrowserProblem.STOPPED_RESPONDING: "stopped responding",
        BrowserProblem.INTERNAL: "Something went wrong",
    }
    assert set(own) == set(BrowserProblem) - {BrowserProblem.ADDRESS_REFUSED}
    for problem, phrase in own.items():
        said = browser_problem_words(
            BrowserEvent("error", item_id="x", url="https://a.example", problem=problem, browser="Edge")
        )
        assert phrase in said, (problem, said)
        assert all(other not in said for p, other in own.items() if p != problem), (problem, said)
    facts = {
        SetAsideReason.DAMAGED: ("", "was damaged"),
        SetAsideReason.NEWER_VERSION: ("7", "newer version of Privacy Audit (record version 7)"),
        SetAsideReason.PROTECTION_UNKNOWN: ("quantum", "(“quantum”) this version does not know"),
        SetAsideReason.PROTECTION_MISSING: ("", "no record of how they are protected"),
        SetAsideReason.KEY_MISSING: ("the keyring", "is missing from the keyring"),
        SetAsideReason.KEY_CHANGED: ("the keyring", "has changed and does not unlock it"),
    }
    assert set(facts) == set(SetAsideReason)
    for code, (detail, phrase) in facts.items():
        said = set_aside_words(SetAsideNotice("tag", Path("/x/r.db"), "English.", code, detail))
        assert phrase in said and "/x/r.db" in said, (code, said)


def test_each_record_notice_names_its_own_entry_and_keeps_the_english_for_the_terminal():
    """An upgrade and each kind of entry that cannot be read say what they are about on screen, with the
    platform's name (not its id); the terminal keeps the one English sentence."""
    from privacy_audit.store.notices import RecordNotice, RecordNoticeKind
    from privacy_audit.ui.error_words import record_notice_words

    own = {
        RecordNoticeKind.UPGRADED: "upgraded to this version; a copy of it as it was is kept at /x/copy.db",
        RecordNoticeKind.CHECK_UNREADABLE: "The X (Twitter) check saved on 2 September 2026 could not be read",
        RecordNoticeKind.CHECK_DATE_UNREADABLE: "A X (Twitter) check has a date that could not be read",
        RecordNoticeKind.SNOOZE_UNREADABLE: "The snooze of X (Twitter) has a date that could not be read",
        RecordNoticeKind.DRAFT_UNREADABLE: "Your unfinished X (Twitter) check could not be read",
        RecordNoticeKind.STATEMENT_UNREADABLE: "Statement of Acceptance was signed with could not be read",
    }
    assert set(own) == set(RecordNoticeKind)
    for kind, phrase in own.items():
        detail = "/x/copy.db" if kind is RecordNoticeKind.UPGRADED else "InvalidTag"
        notice = RecordNotice(kind, "x", "2026-09-02", detail)
        said = record_notice_words(notice, "X (Twitter)")
        assert phrase in said, (kind, said)
        assert all(other not in said for k, other in own.items() if k is not kind), (kind, said)
        assert notice.message.endswith(
            "/x/copy.db." if kind is RecordNoticeKind.UPGRADED else "It was left untouched in your record."
        ), notice.message
