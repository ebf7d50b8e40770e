"""What the PyInstaller builds leave out, shared by `build.spec` and the bundle-size benchmark's floor.

PyInstaller's Qt hooks collect every plugin and translation that a Qt module *might* load. Privacy Audit is
a widgets app (QtCore, QtGui, QtWidgets; QPdfWriter is in QtGui), so most of that is dead weight. Each rule
below says why the thing is safe to drop. The hello-world floor in `packaging/bench_floor/` is trimmed by
the same rules, so the size benchmark measures what the app itself adds, not what trimming saved.

The smoke test (tests/packaging/test_frozen_smoke.py) starts the trimmed build offscreen and fails on any
Qt warning, so a rule that removes something needed shows up there, not on a teacher's laptop.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path, PurePath

# Python modules the app never imports. Excluding them stops a stray transitive import (e.g. a library's
# optional Qt support) from pulling a whole Qt module with its libraries and plugins into the bundle.
EXCLUDED_MODULES = [
    # QML / Qt Quick: the app is widgets only. These are the largest Qt libraries (Quick, Qml, the
    # QuickControls2 styles) and bring the qml/ folder and the qmltooling plugins with them.
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtQmlFeatures",
    "PySide6.QtLabsStyleKit",
    # Developer tools and unused engines: Designer/UiTools (the UI is written in code), Help, Test
    # (pytest-qt needs it, the app does not), Sql (the record uses Python's sqlite3), OpenGL (no GL views).
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    # Networking: the app makes no network connection of its own (DESIGN.md §6), and the guided browser
    # talks to Playwright's driver over a pipe, not through Qt. QtNetwork is not excluded: QLocalServer
    # (single-instance) lives there and speaks only to a local socket.
    "PySide6.QtWebSockets",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
    # Test tools from the development environment (hypothesis is reachable from pydantic's optional
    # plugin); the app never imports them.
    "hypothesis",
    "pytest",
    "_pytest",
    "pytestqt",
    "importlinter",
    "grimp",
    # Type checking and pretty-printing from the development environment, reached only through optional
    # imports: pydantic's mypy plugin (pydantic.mypy -> mypy -> ast_serialize) and its debug printer
    # (pydantic._internal._core_utils -> rich -> pygments, markdown_it, IPython, PIL). The app never
    # runs either; together they were about 10 MiB of the bundle.
    "pydantic.mypy",
    "pydantic.v1.mypy",
    "mypy",
    "mypyc",
    "ast_serialize",
    "rich",
    "pygments",
    "markdown_it",
    "mdurl",
    "IPython",
    "PIL",
    # Python's own GUI toolkit and test suites.
    "tkinter",
    "_tkinter",
    "test",
    "lib2to3",
    "pydoc_data",
]

# Qt plugin folders dropped whole.
EXCLUDED_PLUGIN_TYPES = {
    "designer",  # Qt Designer widget plugins
    "qmltooling",  # QML debugger and profiler
    "egldeviceintegrations",  # EGLFS on embedded boards (no window system)
    "generic",  # evdev/tuio input for embedded Linux with no window system
    "networkinformation",  # network-status backends: nothing in the app watches the network
    "sqldrivers",  # the record uses Python's sqlite3, not QtSql
    "wayland-graphics-integration-server",  # only a Wayland *compositor* loads these
    "vectorimageformats",  # Lottie/SVG-to-QML helpers for Qt Quick
    "tls",  # TLS backends for QNetworkAccessManager: the app opens no network connection through Qt
}

# Single plugins dropped: platform plugins for kiosks and embedded devices, and image formats the app
# never reads (its icons are PNG and SVG; the school logo may be PNG, JPEG, GIF, SVG or ICO).
EXCLUDED_PLUGIN_STEMS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay", "qdirect2d"},
    "imageformats": {"qtiff", "qwebp", "qwbmp", "qtga", "qpdf"}
    | (set() if sys.platform == "darwin" else {"qicns"}),
    # The virtual keyboard is a Qt Quick component.
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},
    # The GTK3 theme plugin would bundle the build machine's whole GTK/cairo/pango stack (~20 MB), which
    # then clashes with the desktop's own GTK modules and themes. Without it Qt uses its Fusion style and
    # still gets native file dialogs through the XDG desktop portal plugin, which stays.
    "platformthemes": {"qgtk3"},
}

# Qt's own translations: only `qtbase_*` (standard dialog buttons, file dialogs, print dialogs) can show in
# a widgets app. Designer, Linguist, Assistant, QML and multimedia catalogues are for tools the app lacks.
KEPT_TRANSLATION_PREFIXES = ("qtbase_",)

# A browser build inside Playwright's package (PLAYWRIGHT_BROWSERS_PATH=0 installs put one there) must
# never ship: the app drives the Edge or Chrome already installed, through Playwright's channels.
EXCLUDED_PATH_PARTS = {".local-browsers"}

# Parts of Playwright's driver that the app never runs: TypeScript declarations (for editors), and the web
# UIs of `playwright show-trace`, `show-report` and `codegen` (trace viewer, HTML report, recorder,
# dashboard). The driver the app starts (`cli.js run-driver`) loads neither; about 6 MB.
EXCLUDED_PREFIXES = ("playwright/driver/package/types/", "playwright/driver/package/lib/vite/")


def _plugin_stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem.removeprefix("lib")


def keep(dest: str) -> bool:
    """Whether a bundle entry (its destination path inside the bundle) stays."""
    posix = dest.replace("\\", "/")
    parts = PurePath(posix).parts
    if EXCLUDED_PATH_PARTS.intersection(parts) or posix.startswith(EXCLUDED_PREFIXES):
        return False
    if "Qt" in parts or "Qt6" in parts:
        if "plugins" in parts:
            index = parts.index("plugins")
            if len(parts) > index + 1:
                plugin_type = parts[index + 1]
                if plugin_type in EXCLUDED_PLUGIN_TYPES:
                    return False
                if _plugin_stem(parts[-1]) in EXCLUDED_PLUGIN_STEMS.get(plugin_type, ()):
                    return False
        if "translations" in parts and parts[-1].endswith(".qm"):
            return parts[-1].startswith(KEPT_TRANSLATION_PREFIXES)
        if "qml" in parts:
            return False
    return True


def trim(toc):
    """The PyInstaller TOC (list of (dest, source, kind) entries) without the entries `keep` rejects."""
    return [entry for entry in toc if keep(entry[0])]


def prune_unreachable_libraries(binaries, datas):
    """On Linux, drop shared libraries that only the trimmed plugins needed.

    Returns the new (binaries, datas). PyInstaller works out each plugin's libraries before the spec trims the plugin, so without this the
    libraries of a dropped plugin (EGLFS support, the GTK stack of the GTK theme) would still ship. Kept:
    every library reachable through link-time dependencies from what remains (Python extensions, kept Qt
    plugins) and the Python library, which the bootloader loads itself. On Windows and macOS the trimmed
    plugins' dependencies are Qt libraries that kept plugins share, so there is nothing to gain there.
    """
    if not sys.platform.startswith("linux"):
        return binaries, datas
    from PyInstaller.depend.bindepend import get_imports

    libraries = {}
    roots = []
    for entry in binaries:
        dest, src, kind = entry
        name = PurePath(dest).name
        is_plugin = "plugins" in PurePath(dest).parts
        if kind == "BINARY" and not is_plugin and ".so" in name and not name.startswith("libpython"):
            libraries[name] = entry
        elif kind in ("BINARY", "EXTENSION"):
            roots.append(src)
    reached = set()
    pending = list(roots)
    while pending:
        for imported, _path in get_imports(pending.pop()):
            name = PurePath(imported).name
            if name in libraries and name not in reached:
                reached.add(name)
                pending.append(libraries[name][1])
    dropped = set(libraries) - reached

    def kept(entry):
        # Also drops the SYMLINK entries PyInstaller makes for a dropped library, which would dangle.
        return PurePath(entry[0]).name not in dropped or entry[2] not in ("BINARY", "SYMLINK")

    return [e for e in binaries if kept(e)], [e for e in datas if kept(e)]


def without_debug_info(binaries, workpath):
    """On Linux, the TOC with each library that carries debug information replaced by a copy without it.

    Some wheels ship their extension unstripped: ada-url's `_ada_wrapper` is 5.7 MB with its DWARF debug
    sections and 0.6 MB without. Nobody running the app reads them. `strip --strip-debug` keeps the symbol
    table, so a native crash still names its functions. The copies go under PyInstaller's `workpath`;
    libraries without debug sections (Qt's, Python's) are left as they are. Without binutils' `strip` and
    `readelf` (PyInstaller needs binutils on Linux anyway) nothing changes.
    """
    if not sys.platform.startswith("linux") or not (shutil.which("strip") and shutil.which("readelf")):
        return binaries
    folder = Path(workpath) / "without-debug-info"
    result = []
    for dest, src, kind in binaries:
        if kind in ("BINARY", "EXTENSION") and _has_debug_info(src):
            copy = folder / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["strip", "--strip-debug", "-o", str(copy), src], check=True)
            result.append((dest, str(copy), kind))
        else:
            result.append((dest, src, kind))
    return result


def _has_debug_info(path) -> bool:
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(path)], check=False, capture_output=True, text=True
    ).stdout
    return " .debug_info " in sections
