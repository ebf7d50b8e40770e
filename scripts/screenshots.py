"""Render the app's main screens to PNG files in docs/screenshots/ (offscreen; no display needed).

    python scripts/screenshots.py [--out docs/screenshots] [--scale 1.0]

Uses a throw-away home folder with a sample record (the example school config, three platforms, a few
past checks), so nothing touches a real record. The keyring is an in-memory stand-in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def memory_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    store: dict[tuple[str, str], str] = {}

    class SessionKeyring(KeyringBackend):
        """Holds the sample record's key for this run only, standing in for GNOME Keyring (Secret Service)
        so that the screens show what most Linux users see."""

        priority = 1  # type: ignore[assignment]
        name = "SecretService Keyring"  # keyring's own name for the Secret Service backend

        def get_password(self, service: str, username: str) -> str | None:
            return store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            store.pop((service, username), None)

    keyring.set_keyring(SessionKeyring())


def wait_for(app, predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def save(window, out: Path, name: str) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    for _ in range(5):  # let queued shows and layouts settle
        QApplication.processEvents()
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # A 256-colour palette keeps text crisp (flat UI colours) and the files small.
    small = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    path = out / f"{name}.png"
    small.save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KB)")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=1.0, help="font scale, e.g. 1.5 to check large text")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    memory_keyring()

    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from privacy_audit.app import build_services
    from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer, checklist_version
    from privacy_audit.core.clock import utc_now
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.widgets import install_style

    app = QApplication(["privacy-audit"])
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10 * args.scale)
    app.setFont(font)
    install_style(app)
    home = Path(tempfile.mkdtemp(prefix="privacy-audit-shots-"))
    namespace = argparse.Namespace(
        home=str(home), school_config=str(REPO / "resources" / "school.example.yaml"), demo=False
    )
    services = build_services(namespace, os_integration=False)
    window = MainWindow(services)
    window.resize(1040, 760)
    window.show()
    window.open_record()
    wait_for(app, lambda: window.current() == "welcome")
    for platform in ("facebook", "instagram", "whatsapp"):
        window.welcome.boxes[platform].setChecked(True)
    save(window, args.out, "first-run")

    # Sample history: general checked last term (now due), Instagram checked this term with one problem.
    def past(platform: str, days_ago: int, attention: set[int] = frozenset()) -> CheckResult:
        checklist = services.checklist(platform)
        when = utc_now() - dt.timedelta(days=days_ago)
        answers = tuple(
            ItemAnswer(item.id, Answer.ATTENTION if n in attention else Answer.OK)
            for n, item in enumerate(checklist.items)
        )
        return CheckResult(
            platform,
            checklist_version(1, checklist.last_reviewed),
            checklist.item_ids,
            when - dt.timedelta(minutes=9),
            when,
            answers,
        )

    window.welcome.continue_button.click()
    wait_for(app, lambda: window.current() == "dashboard")
    for result in (past("general", 200), past("instagram", 150), past("instagram", 8, {2})):
        services.save_check(result)
    wait_for(app, lambda: services.worker.pending == 0)
    window.show_dashboard()
    wait_for(app, lambda: services.worker.pending == 0)
    save(window, args.out, "dashboard")

    window.start_check("facebook")
    wait_for(app, lambda: window.current() == "check")
    window.check.answer(Answer.OK)
    window.check.answer(Answer.CHANGED)
    save(window, args.out, "check")
    for n, _item in enumerate(window.check.items[2:]):
        window.check.answer(Answer.ATTENTION if n == 1 else Answer.OK)
    save(window, args.out, "summary")
    window.check.finish()
    wait_for(app, lambda: window.current() == "dashboard" and services.worker.pending == 0)

    window.go("history")
    wait_for(app, lambda: window.history.list.count() >= 3)
    window.history.list.setCurrentRow(1)
    save(window, args.out, "history")
    window.go("report")
    wait_for(app, lambda: services.worker.pending == 0)
    window.report.name.setText("Sam Taylor")
    save(window, args.out, "report")
    window.go("settings")
    wait_for(app, lambda: services.worker.pending == 0)
    save(window, args.out, "settings")
    window.close()
    services.shutdown()
    import shutil

    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
