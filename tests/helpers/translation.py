"""A real translation for a test: a .ts written by the test (or the committed one with some contexts
"translated" by a prefix), compiled by Qt's pyside6-lrelease as the app's own are, and installed for a block.

    with translation(TINY_TS, tmp_path):
        ...  # tr() now answers from the built .qm; it is removed again when the block ends
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

COMMITTED_TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "privacy_audit_en_GB.ts"


def qt_tool(name: str) -> str:
    """A Qt tool (`pyside6-lrelease`, `pyside6-lupdate`) from the Python environment running the tests
    (PySide6 installs them beside python), else from PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name) or name


def build_qm(ts_text: str, folder: Path, name: str = "privacy_audit_nl_NL") -> Path:
    """Write `ts_text` to `folder/name.ts` and compile it to `folder/name.qm`; lrelease's failure fails."""
    source = folder / f"{name}.ts"
    source.write_text(ts_text, encoding="utf-8")
    built = folder / f"{name}.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(source), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return built


@contextmanager
def translation(
    ts_text: str, folder: Path, *, name: str = "privacy_audit_nl_NL", parent: QObject | None = None
) -> Iterator[Path]:
    """Build `ts_text` and install it as the application's translation for the block; yields the .qm path.
    `parent`: the translator's QObject parent (the app makes it a child of the application)."""
    built = build_qm(ts_text, folder, name)
    translator = QTranslator(parent)
    assert translator.load(str(built)), f"Qt could not load {built}"
    QCoreApplication.installTranslator(translator)
    try:
        yield built
    finally:
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)


def prefixed_ts(contexts: Iterable[str], prefix: str = "[nl] ", ts: Path = COMMITTED_TS) -> str:
    """The committed .ts with every message of `contexts` "translated" as `prefix` + its English, so a test
    can tell translated words from English ones. Fails when a context is missing or has no messages."""
    wanted = set(contexts)
    root = ET.parse(ts).getroot()
    found: set[str] = set()
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        if context_name not in wanted:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"a message in {context_name} has no <translation>"
            translation.text = prefix + (message.findtext("source") or "")
            translation.attrib.pop("type", None)  # "unfinished" would make lrelease leave it out
            found.add(context_name)
    assert found == wanted, f"no messages in the .ts for {sorted(wanted - found)}"
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
