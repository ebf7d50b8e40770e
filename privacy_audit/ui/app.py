"""`privacy-audit` with no command: start the desktop app (interface G).

Start-up order matters for how fast the app feels: the catalogue (small YAML files) is loaded, the window
is shown, and only then is the record opened on the worker thread (keyring, decryption). Playwright is
never imported here; the guided browser starts on first use.

Set PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1 to print "dashboard-shown" and quit as soon as the dashboard is on
screen (used by benchmarks/bench_startup.py and the start-up test).
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_WHEN_SHOWN_ENV = "PRIVACY_AUDIT_EXIT_WHEN_SHOWN"
SHOWN_MARKER = "dashboard-shown"


def build_services(args: argparse.Namespace, *, os_integration: bool = True):
    """The catalogue and the services object for `args` (needs a QApplication for the worker's signals)."""
    from privacy_audit.core.catalogue import Catalogue, apply_school, load_school_config
    from privacy_audit.core.paths import app_dirs, checklists_dir
    from privacy_audit.ui.catalogue_cache import CACHE_NAME, load_checklists_fast, write_cache
    from privacy_audit.ui.services import AppServices

    dirs = app_dirs(getattr(args, "home", None))
    cache_file = dirs.state / CACHE_NAME
    checklists, file_problems, policy, fresh = load_checklists_fast(cache_file)
    school = load_school_config(
        getattr(args, "school_config", None), policy=policy, known_platforms=frozenset(checklists)
    )
    problems = [str(p) for p in file_problems] + list(school.problems)
    applied = {}
    for platform_id, checklist in checklists.items():
        applied[platform_id], found = apply_school(checklist, school.config)
        problems += [f"{school.describe}: {message}" for message in found]
    catalogue = Catalogue(checklists=applied, policy=policy, school=school, problems=problems)
    services = AppServices(
        dirs, catalogue, demo=bool(getattr(args, "demo", False)), os_integration=os_integration
    )
    if fresh:  # the next start can skip parsing YAML
        services.worker.submit(lambda: write_cache(cache_file, checklists_dir(), checklists, policy))
    return services


def run_app(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from privacy_audit import APP_NAME
    from privacy_audit.ui.errors import ErrorReporter
    from privacy_audit.ui.icons import app_icon
    from privacy_audit.ui.widgets import install_style

    QCoreApplication.setApplicationName("privacy-audit")
    QCoreApplication.setOrganizationName("privacy-audit")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    install_translations(app)
    install_style(app)
    reporter = ErrorReporter()
    reporter.install()
    demo = None
    if getattr(args, "demo", False):
        from privacy_audit.demo.session import DemoSession

        # Demo mode keeps every file in a throwaway folder: the real record is never opened.
        demo = DemoSession()
        args = argparse.Namespace(**{**vars(args), "home": str(demo.home)})
    try:
        services = build_services(args)
    except (OSError, ValueError) as exc:  # the app's own data is missing or broken: say so, don't crash
        print(f"Privacy Audit could not start: {exc}", file=sys.stderr)
        reporter.uninstall()
        if demo is not None:
            demo.close()
        return 1

    from privacy_audit.ui.main_window import MainWindow, show_when_ready

    window = MainWindow(services)
    controller = None
    if demo is not None:
        from privacy_audit.demo.qt import DemoController

        demo.catalogue = services.catalogue
        demo.start()
        controller = DemoController(window, demo)
    if os.environ.get(EXIT_WHEN_SHOWN_ENV) == "1":

        def shown() -> None:
            print(SHOWN_MARKER, flush=True)
            app.quit()

        show_when_ready(window, shown)
    remove_tray = attach_tray(window, services) if demo is None else None  # no reminders in a demo
    window.show()
    # Open the record once the window is on screen: the keyring may take a moment.
    QTimer.singleShot(0, window.open_record if controller is None else controller.start)
    try:
        code = app.exec()
    finally:
        if remove_tray is not None:
            remove_tray()
        services.shutdown()
        if controller is not None:
            controller.close()
        if demo is not None:
            demo.close()
        reporter.uninstall()
    return int(code)


def install_translations(app) -> None:
    """Load the app's translation for the system language, when one ships in resources/translations."""
    from PySide6.QtCore import QLocale, QTranslator

    from privacy_audit.core.paths import resource_path

    folder = resource_path("translations")
    if not folder.is_dir():
        return
    translator = QTranslator(app)
    if translator.load(QLocale.system(), "privacy_audit", "_", str(folder)):
        app.installTranslator(translator)


def attach_tray(window, services):
    """The reminder tray icon and its due-state watch, when that part of the app is installed and the
    desktop has a tray. Returns a function that removes them again (or None)."""
    try:
        from privacy_audit.ui.tray import ReminderTray
    except ImportError:
        return None
    if not ReminderTray.available():
        return None
    tray = ReminderTray(window)
    tray.open_requested.connect(window.bring_to_front)
    tray.check_requested.connect(window.check_first_due)
    tray.snooze_requested.connect(window.snooze_due)
    tray.quit_requested.connect(window.close)
    watch = None
    try:
        from privacy_audit.ui.due_watch import DueWatch
    except ImportError:
        pass
    else:
        watch = DueWatch(window.due_platforms, parent=window)
        watch.due_changed.connect(lambda ids: tray.set_due([services.platform_name(p) for p in ids]))
        window.dashboard_shown.connect(watch.refresh)
        watch.start()
    tray.show()

    def remove() -> None:
        if watch is not None:
            watch.stop()
        tray.dispose()

    return remove
