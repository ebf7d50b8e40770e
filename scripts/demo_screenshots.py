"""Render the demo story in presenter mode to docs/screenshots/demo-*.png, to check it reads on a projector.

    xvfb-run -s "-screen 0 1600x1000x24" python scripts/demo_screenshots.py [--out docs/screenshots]
        [--browser /usr/bin/chromium]

The app is drawn offscreen; the guided browser runs in a real Chromium window on the (virtual) X display,
which is captured with ImageMagick's `import`, so the picture shows the practice page with the panel and
the outline exactly as a trainer's audience sees them. Everything happens in a demo session: nothing
touches a real record, and no network is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, not installed
from screenshots import wait_for  # scripts/screenshots.py, beside this one

# As root (CI containers) Chromium needs --no-sandbox; the rest keep the browser off the network.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-position=0,0",
    "--window-size=1280,800",
)


def save(window, out: Path, name: str) -> Path:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    window.grab().toImage().save(str(path), "PNG")
    _shrink(path)
    print(f"{path} ({path.stat().st_size // 1024} KB)")
    return path


def capture_screen(out: Path, name: str) -> Path | None:
    """The whole X display (the guided browser's window), when there is one to capture."""
    if not os.environ.get("DISPLAY") or not shutil.which("import"):
        print(f"skipped {name}: run under xvfb-run with ImageMagick installed to capture the browser")
        return None
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", "-crop", "1280x800+0+0", str(path)], check=True)
    _shrink(path)
    print(f"{path} ({path.stat().st_size // 1024} KB)")
    return path


def _shrink(path: Path) -> None:
    # 256 colours keep flat UI text crisp and the files small.
    if shutil.which("convert"):
        subprocess.run(["convert", str(path), "-colors", "256", "+repage", f"PNG8:{path}"], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--browser", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the app is grabbed; only Chromium uses the X display

    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from privacy_audit.app import build_services
    from privacy_audit.core.audit import Answer
    from privacy_audit.core.paths import resource_path
    from privacy_audit.demo.qt import DemoController
    from privacy_audit.demo.session import DemoSession
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.widgets import install_style

    app = QApplication(["privacy-audit"])
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10)
    app.setFont(font)
    install_style(app)
    session = DemoSession()
    namespace = argparse.Namespace(
        home=str(session.home), school_config=str(resource_path("school.example.yaml")), demo=True
    )
    from privacy_audit.demo.practice_bridge import practice_wrapper

    services = build_services(namespace, os_integration=False, wrap_bridge=practice_wrapper(session))
    session.catalogue = services.catalogue
    session.start()
    window = MainWindow(services)
    controller = DemoController(window, session)
    window.resize(1280, 800)
    window.show()
    events: list[object] = []
    services.browser_event.connect(events.append)
    try:
        controller.start()
        wait_for(app, lambda: window.current() == "dashboard" and bool(window.dashboard.check_buttons))
        save(window, args.out, "demo-dashboard")

        bridge = services.browser()
        bridge.inner.reconfigure(
            choice="path",
            executable_path=args.browser,
            extra_args=CHROMIUM_ARGS,
            headless=not os.environ.get("DISPLAY"),
        )
        window.start_check("facebook")
        wait_for(app, lambda: window.current() == "check" and window.check.is_running())
        window.check.open_settings_page()
        wait_for(app, lambda: any(getattr(e, "kind", "") == "label_found" for e in events))
        time.sleep(0.5)  # let the browser paint the outline
        window.check.item_scroll.ensureWidgetVisible(window.check.browser_status)
        save(window, args.out, "demo-check")
        capture_screen(args.out, "demo-practice-page")

        for answer in [Answer.OK, Answer.ATTENTION] + [Answer.OK] * (len(window.check.items) - 2):
            window.check.answer(answer)
        wait_for(app, lambda: window.check.pages.currentIndex() == 1)
        save(window, args.out, "demo-summary")
        window.check.finish()
        wait_for(app, lambda: window.current() == "dashboard" and services.worker.pending == 0)

        controller.show_public_view()
        window.public.look()
        wait_for(app, lambda: any(getattr(e, "kind", "") == "public_view" for e in events))
        time.sleep(0.5)
        save(window, args.out, "demo-public-view")
        capture_screen(args.out, "demo-public-profile")
        services.close_browser_window()

        window.go("report")
        window.report.name.setText("Sam Taylor")
        save(window, args.out, "demo-report")
        pdf = Path(tempfile.mkdtemp(prefix="privacy-audit-demo-pdf-")) / "report.pdf"
        done: list[object] = []
        services.export_report(pdf, "Sam Taylor", dt.date.today(), on_done=done.append)
        wait_for(app, lambda: bool(done))
        if shutil.which("pdftoppm"):
            target = args.out / "demo-report-pdf"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(target)], check=True)
            _shrink(target.with_suffix(".png"))
            print(f"{target}.png")
        shutil.rmtree(pdf.parent, ignore_errors=True)
    finally:
        services.shutdown()
        controller.close()
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
