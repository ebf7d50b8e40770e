"""Screenshots of a check at 200 % text and in the dark high-contrast palette, for the README (issue 17).

    python scripts/a11y_screenshots.py [--out docs/screenshots]

Writes check-200.png and check-dark-contrast.png. The look is set exactly as Settings sets it
(`widgets.apply_look`), on the real main window, with a throw-away home folder and an in-memory keyring, so
nothing touches a real record. Offscreen: no display needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def memory_keyring() -> None:
    """The record's key is held in memory for this run only (no real keyring is touched)."""
    import keyring
    from keyring.backend import KeyringBackend

    store: dict[tuple[str, str], str] = {}

    class SessionKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        name = "SecretService Keyring"

        def get_password(self, service: str, username: str) -> str | None:
            return store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            store.pop((service, username), None)

    keyring.set_keyring(SessionKeyring())


def settle(app, predicate=lambda: True, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def save(app, window, path: Path) -> None:
    from PySide6.QtGui import QImage

    settle(app)
    window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    memory_keyring()

    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from privacy_audit.app import build_services
    from privacy_audit.core.audit import Answer
    from privacy_audit.ui import widgets as w
    from privacy_audit.ui.main_window import MainWindow

    app = QApplication(["privacy-audit"])
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10)
    app.setFont(font)
    w.install_style(app)
    home = Path(tempfile.mkdtemp(prefix="privacy-audit-a11y-shots-"))
    namespace = argparse.Namespace(
        home=str(home), school_config=str(REPO / "resources" / "school.example.yaml"), demo=False
    )
    services = build_services(namespace, os_integration=False)
    window = MainWindow(services)
    window.resize(1280, 900)
    window.show()
    window.open_record()
    settle(app, lambda: window.current() == "welcome")
    window.welcome.boxes["facebook"].setChecked(True)
    window.welcome.continue_button.click()
    settle(app, lambda: window.current() == "dashboard" and services.worker.pending == 0)
    window.start_check("facebook")
    settle(app, lambda: window.current() == "check")
    window.check.answer(Answer.OK)  # the second item, with the first answer saved behind it
    w.apply_look(app, w.SYSTEM, 2.0)
    save(app, window, args.out / "check-200.png")
    w.apply_look(app, w.HIGH_DARK, 1.0)
    save(app, window, args.out / "check-dark-contrast.png")
    window.close()
    services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
