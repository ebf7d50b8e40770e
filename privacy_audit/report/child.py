"""The desktop app draws its PDFs in a child process, so the app's own process never lays out text off its
GUI thread.

Why: the app writes its PDFs on its worker thread (the GUI thread never waits on I/O). With PySide, any use
of Qt objects on a second thread can deadlock against the GUI thread: once, the worker's QTextDocument
waited for Qt's signal-connection mutex while holding Python's GIL, and the GUI thread held that mutex (a
disconnect run as a Python wrapper was freed) while waiting for the GIL. In a process of its own, with one
thread, drawing cannot meet the GUI thread at all.

How: the worker does the Qt-free part (reading the record, `report.contents.report_arguments`) and calls
`draw_in_child`, which starts this same program again with the hidden argument `CHILD_ARGUMENT` (checked by
`cli.main` before argparse: not a command, not in --help), sends the job on stdin as a pickle (the sender is
this same program), and waits for it. The child makes an offscreen QGuiApplication, installs the
translations the app has installed (the same words in the same language), calls the writer that
`privacy-audit export` calls in-process (`_writer`), and answers with the writer's result or the exception
it raised, pickled on stdout. So a folder in the way or a missing permission reaches the screens as itself,
and they say what it was. A child that crashes, answers nothing or overruns `TIME_LIMIT` seconds (it is then
killed) is a `DrawingFailed`, and the end of what it wrote on stderr goes to the log.

The child is started as `sys.executable CHILD_ARGUMENT` in the packaged app (PyInstaller: `sys.executable` is
the app's own program, which runs `cli.main`) and as `python -P -m privacy_audit CHILD_ARGUMENT` from source,
with the folder this package was imported from first on its path. Nothing here opens a network connection.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from privacy_audit.report import CHILD_ARGUMENT

TIME_LIMIT = 120.0  # seconds: a guide of every platform takes a few; a child this slow is stuck
STDERR_KEPT = 2000  # characters of the child's standard error kept in the log when it fails


class DrawingFailed(Exception):
    """The child that draws a PDF gave no answer: it could not start, crashed, or took too long and was
    stopped. `could_not_start` and `too_slow` say which; the screens word it (`ui.report_view.failure_words`)."""

    def __init__(self, message: str, *, too_slow: bool = False, could_not_start: bool = False) -> None:
        super().__init__(message)
        self.too_slow = too_slow
        self.could_not_start = could_not_start


# The child drawing now, if any, so that quitting the app can stop it (`stop_drawing`) instead of leaving
# the worker thread waiting on it for up to TIME_LIMIT seconds.
_running: list[subprocess.Popen[bytes]] = []


def _writer(name: str) -> Callable[..., Any]:
    """The PDFs a child draws, by name: the same writers `privacy-audit export` calls in its own process."""
    from privacy_audit.report.guide import write_pocket_guide
    from privacy_audit.report.pdf import write_pdf_report
    from privacy_audit.report.statement import write_statement_pdf

    writers: dict[str, Callable[..., Any]] = {
        "report": write_pdf_report,
        "guide": write_pocket_guide,
        "statement": write_statement_pdf,
    }
    if name not in writers:
        raise ValueError(f"no PDF writer called {name!r}")
    return writers[name]


# -- in the app ---------------------------------------------------------------------------------------------


def app_translations() -> list[str]:
    """The .qm files of the translations the app installed (`app.install_translations` makes each one a
    child of the application). On the GUI thread only: it reads Qt objects."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return []
    return [translator.filePath() for translator in app.findChildren(QTranslator) if translator.filePath()]


def child_command() -> list[str]:
    """The command that starts a child: this same program, with the hidden argument."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARGUMENT]
    # -P: the folder the app was started from is not put first on the path, so the child imports this same
    # copy of privacy_audit (from PYTHONPATH, see `_child_environment`) and nothing else of that name.
    return [sys.executable, "-P", "-m", "privacy_audit", CHILD_ARGUMENT]


def _child_environment() -> dict[str, str]:
    environment = dict(os.environ)
    if not getattr(sys, "frozen", False):
        import site

        package_root = str(Path(__file__).resolve().parents[2])
        # A checkout (or an editable install) is put first; an installed copy is found in site-packages
        # anyway, and putting site-packages on PYTHONPATH would place it before the standard library.
        installed = {*site.getsitepackages(), site.getusersitepackages()}
        if package_root not in installed:
            environment["PYTHONPATH"] = os.pathsep.join(
                p for p in (package_root, environment.get("PYTHONPATH", "")) if p
            )
    return environment


def stop_drawing() -> None:
    """Kill the child drawing now, if any (the app is quitting); its `draw_in_child` then fails."""
    for child in _running.copy():  # the worker removes a finished one meanwhile
        child.kill()


def draw_in_child(
    writer: str,
    path: Path,
    arguments: dict[str, Any],
    *,
    translations: Sequence[str] = (),
    time_limit: float | None = None,
) -> Any:
    """Write a PDF with `writer(path, **arguments)` (`_writer` names them) in a child process; return what
    it returned, or raise what it raised. Waits for the child: call it on the worker, never the GUI thread.

    `translations`: the .qm files the child installs (`app_translations`, read on the GUI thread).
    `time_limit`: seconds before the child is stopped (`TIME_LIMIT` unless given)."""
    time_limit = TIME_LIMIT if time_limit is None else time_limit
    try:
        job = pickle.dumps(
            {"writer": writer, "path": Path(path), "arguments": arguments, "translations": list(translations)}
        )
    except Exception as exc:  # noqa: BLE001 (a fault of the app's own: said as "did not finish", logged)
        _log_failure(f"was not started: its job could not be packed ({type(exc).__name__})", None)
        raise DrawingFailed("the job for the part of the app that draws PDFs could not be packed") from None
    try:
        child = subprocess.Popen(
            child_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console flashes up
        )
    except OSError as exc:  # the program itself could not be started
        _log_failure(f"could not start ({type(exc).__name__})", None)
        raise DrawingFailed(
            "the part of the app that draws PDFs could not start", could_not_start=True
        ) from None
    with child:  # its pipes are closed and it is waited for, however this ends
        _running.append(child)
        try:
            stdout, stderr = child.communicate(job, timeout=time_limit)
        except subprocess.TimeoutExpired:
            child.kill()
            _, stderr = child.communicate()
            _log_failure(f"took more than {time_limit:g} s and was stopped", stderr)
            _remove_leftovers(Path(path))
            raise DrawingFailed("drawing the PDF took too long and was stopped", too_slow=True) from None
        finally:
            _running.remove(child)
    try:
        answer = pickle.loads(stdout)
    except Exception:  # noqa: BLE001 (nothing or half an answer: the child died before it answered)
        _log_failure(f"stopped with exit code {child.returncode} and no answer", stderr)
        _remove_leftovers(Path(path))
        raise DrawingFailed("the part of the app that draws PDFs stopped before it finished") from None
    if child.returncode != 0:  # it answered, then failed on its way out: the answer stands
        _log_failure(f"answered, then stopped with exit code {child.returncode}", stderr)
    if answer[0] == "raised":
        error, child_traceback = answer[1], answer[2]
        error.add_note("Raised in the child process that draws PDFs:\n" + child_traceback)
        raise error
    return answer[1]


def _remove_leftovers(path: Path) -> None:
    """Remove the temporary files a child stopped halfway left beside `path` (and the report's HTML beside
    it): the writers write through `core.files.temporary_file_beside`."""
    from privacy_audit.core.files import leftover_temporary_files

    for target in (path, path.with_suffix(".html")):
        for leftover in leftover_temporary_files(target):
            leftover.unlink(missing_ok=True)


def _log_failure(what: str, stderr: bytes | None) -> None:
    """One line in the app's log. The child's own stderr holds failure lines without messages (`_answer`)
    and Qt's warnings, so the log still quotes no answers or names (see `core.log`)."""
    tail = (stderr or b"")[-STDERR_KEPT:].decode("utf-8", errors="replace").strip()
    logging.getLogger("privacy_audit").error(
        "PDF drawing child %s%s", what, f"; the end of its stderr:\n{tail}" if tail else ""
    )


# -- in the child -------------------------------------------------------------------------------------------


def child_main() -> int:
    """The child: read one job from stdin, draw it, answer on stdout. Returns the exit code."""
    if sys.stdin is None or sys.stdout is None or sys.stdin.isatty():
        print("This is an internal part of Privacy Audit; run privacy-audit without it.", file=sys.stderr)
        return 2
    # The answer goes to the real stdout; anything else printed (by Qt or a library) goes to stderr.
    answer_to = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        job = pickle.load(sys.stdin.buffer)
    except Exception as exc:  # noqa: BLE001 (started without a job: say so, without a traceback)
        print(f"No drawing job on stdin ({type(exc).__name__}).", file=sys.stderr)
        return 2
    answer = _answer(job)
    try:
        data = pickle.dumps(answer)
        pickle.loads(data)  # an exception with its own __init__ may pack but not unpack: found out here
    except Exception as exc:  # noqa: BLE001 (an answer that cannot travel is sent as a plain error)
        data = pickle.dumps(("raised", _plain(answer[1] if answer[0] == "raised" else exc), answer[-1]))
    answer_to.write(data)
    answer_to.close()
    return 0


def _plain(error: BaseException) -> Exception:
    """An error the parent can always unpack, keeping what its words depend on: an OSError's errno,
    strerror and file name (so "is a folder" or "disk full" is still said), else the class name."""
    if isinstance(error, OSError):
        return OSError(error.errno, error.strerror or type(error).__name__, error.filename)
    return RuntimeError(type(error).__name__)


def _answer(job: dict[str, Any]) -> tuple[Any, ...]:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from privacy_audit.core.log import failure_line
    from privacy_audit.report.pdf import _ensure_gui_app

    _ensure_gui_app()  # offscreen: the child shows nothing
    app = QCoreApplication.instance()
    for file in job["translations"]:
        translator = QTranslator(app)
        if translator.load(file):
            QCoreApplication.installTranslator(translator)
    try:
        return ("done", _writer(job["writer"])(job["path"], **job["arguments"]))
    except Exception as exc:  # noqa: BLE001 (the app says what went wrong: the exception goes back to it)
        print(failure_line(type(exc), exc.__traceback__), file=sys.stderr)
        return ("raised", exc, traceback.format_exc())
