"""`privacy-audit` with no command: the desktop app, assembled from the widgets (`ui`), the demo (`demo`) and the parts they use.

Start-up comes in two phases, so that the window is on screen in about the time of a bare PySide6 window:

1. Before the first paint, only the standard library and PySide6 are imported. When the person has
   finished the first run and a current dashboard snapshot exists (`core/snapshot.py`), the dashboard is drawn
   from it and from the record's clear columns (`store.first_overview`, read before PySide6 is imported):
   platform names and due states, with its actions disabled and saying "Loading…". The cyclic garbage
   collector is off until the first paint.
2. Once the window has been painted, the worker thread loads the full catalogue (pydantic, the JSON
   cache) and opens the record (keyring, cryptography); then the dashboard is refreshed from the real
   services and its actions are enabled. The GUI thread never waits on either.

Without a usable snapshot (the first start, a changed checklist or school.yaml, a passphrase-protected
record) the window shows "Opening your record…" and goes to the welcome or the dashboard after phase 2.
Playwright is never imported here; the guided browser starts on first use.

Environment switches used by benchmarks/bench_startup.py and the start-up tests:
PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1 prints "dashboard-shown" and quits as soon as the dashboard is on screen,
or "welcome-shown" / "protection-shown" when the first screen is the first run's welcome or the choice of
how to protect the record (no keyring, or a passphrase to type); phase 2 is not started when the dashboard came from the snapshot,
since it would only delay quitting. PRIVACY_AUDIT_EXIT_WHEN_READY=1 prints "ready" and quits once phase 2
is done (or with the same markers when the welcome or the protection choice waits for the person).
PRIVACY_AUDIT_REPORT_MODULES=1 also prints, at that moment, "modules: " and the sorted names of
the top-level packages imported so far.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

EXIT_WHEN_SHOWN_ENV = "PRIVACY_AUDIT_EXIT_WHEN_SHOWN"
EXIT_WHEN_READY_ENV = "PRIVACY_AUDIT_EXIT_WHEN_READY"
REPORT_MODULES_ENV = "PRIVACY_AUDIT_REPORT_MODULES"
SHOWN_MARKER = "dashboard-shown"
WELCOME_MARKER = "welcome-shown"
PROTECTION_MARKER = "protection-shown"
READY_MARKER = "ready"
# Phase 2 starts after the first frame; if the platform never reports one (e.g. started minimised), after this.
FIRST_FRAME_FALLBACK_MS = 1500


def build_services(args: argparse.Namespace, *, os_integration: bool = True, wrap_bridge=None):
    """Services with the catalogue loaded at once (demo mode, tests); needs a QApplication."""
    from privacy_audit.core.catalogue import load_catalogue_with_cache
    from privacy_audit.core.paths import app_dirs
    from privacy_audit.ui.services import AppServices

    dirs = app_dirs(getattr(args, "home", None))
    school_config = getattr(args, "school_config", None)
    catalogue = load_catalogue_with_cache(dirs, school_config)
    return AppServices(
        dirs,
        catalogue,
        school_config=school_config,
        demo=bool(getattr(args, "demo", False)),
        os_integration=os_integration,
        wrap_bridge=wrap_bridge,
    )


def run_app(args: argparse.Namespace) -> int:
    # Start-up makes thousands of objects that live as long as the app (classes, Qt's enums, widgets), and
    # the cyclic garbage collector would walk them again and again without finding garbage: about 17 ms
    # of the first paint. It is switched on again once the window is painted (in demo mode, before it is
    # shown), or when the app ends.
    gc.disable()
    try:
        return _run_app(args)
    finally:
        gc.enable()


def _run_app(args: argparse.Namespace) -> int:
    quick = None
    if not getattr(args, "demo", False):
        from privacy_audit.core.paths import app_dirs
        from privacy_audit.desktop.single_instance import ask_running_app_to_show, instance_name
        from privacy_audit.store.first_overview import first_overview

        dirs = app_dirs(getattr(args, "home", None))
        if ask_running_app_to_show(instance_name(dirs)):
            print("Privacy Audit is already open; its window has been brought forward.", flush=True)
            return 0
        # Phase 1's reading needs no Qt, and is done before PySide6 is imported: PySide6 reads the source
        # of every module imported after it (to see whether it asks for a `__feature__`), which cost about
        # 20 ms of the start for the standard library and core modules this reading needs.
        quick = first_overview(dirs, getattr(args, "school_config", None))
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from privacy_audit import APP_ID, APP_NAME
    from privacy_audit.desktop.launcher import set_windows_app_id
    from privacy_audit.ui.errors import ErrorReporter
    from privacy_audit.ui.icons import app_icon
    from privacy_audit.ui.widgets import install_style

    set_windows_app_id()  # before the first window: Windows groups windows and notifications by this id
    QCoreApplication.setApplicationName("privacy-audit")
    QCoreApplication.setOrganizationName("privacy-audit")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and the desktop match windows to the installed entry by this
    app.setWindowIcon(app_icon())
    install_translations(app)
    install_style(app)
    reporter = ErrorReporter()
    reporter.install()
    demo = None
    overview = None
    if getattr(args, "demo", False):
        from privacy_audit.demo.practice_bridge import practice_wrapper
        from privacy_audit.demo.session import DemoSession

        # Demo mode keeps every file in a throwaway folder: the real record is never opened.
        demo = DemoSession()
        school = demo.school_config(getattr(args, "school_config", None))
        args = argparse.Namespace(**{**vars(args), "home": str(demo.home), "school_config": school})
        try:
            # The guided browser opens the demo's practice pages instead of the platforms' own sites.
            services = build_services(args, wrap_bridge=practice_wrapper(demo))
        except (OSError, ValueError) as exc:  # the app's own data is missing or broken: say so, don't crash
            print(f"Privacy Audit could not start: {exc}", file=sys.stderr)
            reporter.uninstall()
            demo.close()
            return 1
    else:
        from privacy_audit.ui.services import AppServices

        snapshot, overview = quick if quick is not None else (None, None)
        services = AppServices(
            dirs, snapshot=snapshot, school_config=getattr(args, "school_config", None), os_integration=True
        )

    from privacy_audit.ui.main_window import MainWindow, show_when_ready

    window = MainWindow(services)
    controller = None
    if demo is not None:
        from privacy_audit.demo.qt import DemoController

        demo.catalogue = services.catalogue
        demo.start()
        controller = DemoController(window, demo)
    exit_when_shown = os.environ.get(EXIT_WHEN_SHOWN_ENV) == "1"
    if exit_when_shown or os.environ.get(EXIT_WHEN_READY_ENV) == "1":

        def reached(signal_name: str) -> None:
            marker = {
                "dashboard_shown": SHOWN_MARKER,
                "welcome_shown": WELCOME_MARKER,
                "protection_shown": PROTECTION_MARKER,
            }.get(signal_name, READY_MARKER)
            print(marker, flush=True)
            if os.environ.get(REPORT_MODULES_ENV) == "1":
                print(
                    "modules: " + ",".join(sorted({name.partition(".")[0] for name in sys.modules})),
                    flush=True,
                )
            app.quit()

        # The welcome and the protection choice wait for the person: the start-up is as done as it gets.
        waiting = ("welcome_shown", "protection_shown")
        wanted = ("dashboard_shown", *waiting) if exit_when_shown else ("ready", *waiting)
        show_when_ready(window, reached, wanted)
    instance: list = []  # the InstanceServer, once listening
    remove_tray: list = []  # the tray's remover, once attached (never in a demo: no reminders there)
    if controller is not None:
        gc.enable()
        window.show()
        QTimer.singleShot(0, controller.start)
    else:
        if overview is not None:
            window.show_first(overview)  # the dashboard, drawn from the snapshot, before the first paint
        phase_two = not (exit_when_shown and overview is not None)

        def painted() -> None:
            gc.enable()
            if phase_two:
                # After the first paint, so that neither QtNetwork, logging nor the tray delays it.
                _phase_two(window, services, instance, remove_tray)

        after_first_frame(window, painted)
        window.show()
    try:
        code = app.exec()
    finally:
        if instance:
            instance[0].close()
        log = sys.modules.get("privacy_audit.core.log")  # started in phase 2 only, if at all
        if log is not None:
            log.stop_log()
        for remove in remove_tray:
            remove()
        services.shutdown()
        if controller is not None:
            controller.close()
        if demo is not None:
            demo.close()
        reporter.uninstall()
    return int(code)


def _phase_two(window, services, instance: list, remove_tray: list) -> None:
    """Start the log and the one-instance server, load the catalogue and open the record, and put up the
    reminder tray icon (its remover goes into `remove_tray`)."""
    import platform

    from PySide6 import __version__ as qt_version

    from privacy_audit import __version__
    from privacy_audit.core.log import start_log
    from privacy_audit.desktop.single_instance import instance_name
    from privacy_audit.ui.instance_server import InstanceServer

    log = start_log(services.dirs.log_file)
    log.info("Privacy Audit %s started (PySide6 %s, %s)", __version__, qt_version, platform.platform())
    server = InstanceServer(instance_name(services.dirs), window)
    if server.listen():
        server.show_requested.connect(window.bring_to_front)
        instance.append(server)
    else:
        log.warning("a second launch cannot reach this window: the local socket is not available")
    window.start()
    remover = attach_tray(window, services)
    if remover is not None:
        remove_tray.append(remover)


def after_first_frame(window, callback) -> None:
    """Call `callback()` once `window` (not yet shown) has been exposed and painted for the first time.

    Phase 2 imports pydantic and opens the record on the worker thread; started earlier, it would compete
    with the first paint for the interpreter. Qt paints a widget window while handling its first Expose
    event, so the callback runs from the event loop right after that one.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    if callback is None:
        return
    done = False

    def fire() -> None:
        nonlocal done
        if not done:
            done = True
            callback()

    class FirstExpose(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Expose and watched.isExposed():
                watched.removeEventFilter(self)
                QTimer.singleShot(0, fire)
            return False

    window.winId()  # creates the native window now, so its expose events can be watched
    watcher = FirstExpose(window)
    window.windowHandle().installEventFilter(watcher)
    QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, fire)


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
    """The reminder tray icon and its due-state watch, when the desktop has a tray. Returns a function
    that removes them again (or None)."""
    from privacy_audit.ui.tray import ReminderTray

    if not ReminderTray.available():
        return None
    tray = ReminderTray(window)
    tray.open_requested.connect(window.bring_to_front)
    tray.check_requested.connect(window.check_first_due)
    tray.snooze_requested.connect(window.snooze_due)
    tray.quit_requested.connect(window.close)
    from privacy_audit.ui.due_watch import DueWatch

    watch = DueWatch(window.due_platforms, parent=window)
    watch.due_changed.connect(lambda ids: tray.set_due([services.platform_name(p) for p in ids]))
    window.dashboard_shown.connect(watch.refresh)
    watch.start()
    tray.show()

    def remove() -> None:
        watch.stop()
        tray.dispose()

    return remove
