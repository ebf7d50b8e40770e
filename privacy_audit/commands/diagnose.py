"""`privacy-audit diagnose`: print what this copy of the app is made of, as JSON, for IT and for smoke tests.

It answers the questions asked when an installed copy misbehaves: which version, frozen or not, which
keyring backend it picked (and which backends it could load at all), where its bundled checklists and
resources are, which school.yaml is in force, and the Python, Qt and Playwright versions. The smoke test of
the packaged build compares this output with the unpackaged app's, so a backend or data folder that
PyInstaller left out shows up as a difference rather than as a failure on a teacher's laptop.

`--open-page URL --browser-path EXE` also opens one page in the guided browser with the given browser
and prints the browser events as JSON lines: it proves the bundled Playwright driver can drive a browser.
Nothing here contacts the network: --open-page opens only a page on this computer (http or https on
127.0.0.1, localhost or [::1]), such as one IT or the smoke test serves for the purpose.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

# The one rule for a number of seconds on the command line.
from privacy_audit.commands._terminal import seconds

NAME = "diagnose"
HELP = "print version, keyring backend, bundled data folders and library versions as JSON (for IT support)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--open-page",
        metavar="URL",
        help="also open URL in the guided browser and print its events as JSON lines; only pages on this "
        "computer (http://127.0.0.1, http://localhost or http://[::1]) are opened",
    )
    parser.add_argument(
        "--browser-path", metavar="EXE", help="the Chromium-based browser to use with --open-page"
    )
    parser.add_argument(
        "--browser-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="an extra flag for the browser with --open-page, e.g. --browser-arg=--headless=new (repeatable)",
    )
    parser.add_argument(
        "--timeout", type=seconds, default=60.0, help="seconds to wait for the page (default 60)"
    )


def run(args: argparse.Namespace) -> int:
    print(json.dumps(collect(args), indent=2, sort_keys=True))
    if args.open_page:
        return open_page(args.open_page, args.browser_path, tuple(args.browser_arg), args.timeout)
    return 0


def collect(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the report says; each part degrades to a message rather than stopping the report."""
    from privacy_audit import __version__

    info: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "platform": sys.platform,
        "executable": sys.executable,
    }
    info.update(_bundled_data())
    info.update(_keyring())
    info.update(_school_config(getattr(args, "school_config", None)))
    info.update(_guidance(getattr(args, "home", None)))
    info.update(_libraries())
    return info


def _bundled_data() -> dict[str, Any]:
    from privacy_audit.core.paths import app_dirs, bundled_dir, executable_dir

    found: dict[str, Any] = {"executable_dir": str(executable_dir())}
    for name in ("checklists", "resources"):
        try:
            folder = bundled_dir(name)
        except FileNotFoundError as exc:
            found[f"{name}_dir"] = None
            found[f"{name}_problem"] = str(exc)
            continue
        found[f"{name}_dir"] = str(folder)
        found[f"{name}_files"] = sorted(
            p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
        )
    dirs = app_dirs()
    found["user_folders"] = {"data": str(dirs.data), "config": str(dirs.config), "state": str(dirs.state)}
    found["log_file"] = str(dirs.log_file)  # the app's log for IT support (core/log.py says what is in it)
    return found


def _keyring() -> dict[str, Any]:
    try:
        import keyring
        import keyring.backend
    except ImportError as exc:  # a packaging fault: say so instead of failing the whole report
        return {"keyring_backend": None, "keyring_problem": str(exc)}
    try:
        chosen = keyring.get_keyring()
    except Exception as exc:  # e.g. a backend named in PYTHON_KEYRING_BACKEND that cannot reach D-Bus
        return {"keyring_backend": None, "keyring_problem": f"{type(exc).__name__}: {exc}"}
    # get_all_keyring() imports every backend module it can (the bundled ones, in a frozen app), which is
    # what registers their classes: the list shows a hidden import that PyInstaller missed.
    viable = keyring.backend.get_all_keyring()
    known = {f"{cls.__module__}.{cls.__qualname__}" for cls in keyring.backend.KeyringBackend._classes}
    return {
        "keyring_backend": f"{type(chosen).__module__}.{type(chosen).__qualname__}",
        "keyring_backend_name": getattr(chosen, "name", type(chosen).__name__),
        "keyring_backends_viable": sorted(f"{type(k).__module__}.{type(k).__qualname__}" for k in viable),
        "keyring_backends_known": sorted(known),
    }


def _school_config(explicit: str | None) -> dict[str, Any]:
    from privacy_audit.core.paths import candidate_paths, find_school_config

    found = find_school_config(explicit)
    return {
        "school_config": str(found) if found else None,
        "school_config_lookup": [f"{how}: {path}" for how, path in candidate_paths(explicit)],
    }


def _guidance(home: str | None) -> dict[str, Any]:
    """Which guidance the app uses (built in, or a signed pack IT placed) and why any pack was refused."""
    from privacy_audit.core.packs import current_guidance

    try:
        choice = current_guidance(home)
    except Exception as exc:
        return {"guidance": None, "guidance_problem": f"{type(exc).__name__}: {exc}"}
    return {"guidance": choice.describe(), "guidance_refused": list(choice.refused)}


def _libraries() -> dict[str, Any]:
    versions: dict[str, Any] = {}
    try:
        import PySide6
        from PySide6 import QtCore

        versions["pyside6"] = PySide6.__version__
        versions["qt"] = QtCore.qVersion()
    except ImportError as exc:
        versions["qt"] = None
        versions["qt_problem"] = str(exc)
    try:
        from importlib.metadata import version

        versions["playwright"] = version("playwright")
    except Exception as exc:  # metadata missing in a bundle is worth reporting, not crashing on
        versions["playwright"] = None
        versions["playwright_problem"] = str(exc)
    versions["playwright_driver"] = _playwright_driver()
    return versions


def _playwright_driver() -> dict[str, Any] | None:
    """Where Playwright's bundled Node.js driver is, and whether it can run (no browser is bundled)."""
    try:
        from playwright._impl._driver import compute_driver_executable
    except ImportError:
        return None
    node, cli = compute_driver_executable()
    return {
        "node": node,
        "cli": cli,
        "node_executable": os.path.isfile(node) and os.access(node, os.X_OK),
        "cli_present": os.path.isfile(cli),
    }


def _not_local(url: str) -> str | None:
    """Why `url` is not a page on this computer that --open-page may open; None when it is."""
    from privacy_audit.browser.addresses import refusal

    # With no platform domains allowed, only a well-formed http(s) address on this computer passes.
    if refusal(url, (), allow_localhost=True) is None:
        return None
    return f"{url!r} is not an http:// or https:// address on 127.0.0.1, localhost or [::1]."


def open_page(url: str, browser_path: str | None, browser_args: tuple[str, ...], timeout: float) -> int:
    """Open `url` with the guided browser and print each event as a JSON line; 0 when the page was shown."""
    import queue

    local_only = _not_local(url)
    if local_only:
        print(f"diagnose: --open-page opens only pages on this computer: {local_only}", file=sys.stderr)
        return 2
    if not browser_path or not Path(browser_path).is_file():
        print(
            f"diagnose: --open-page needs --browser-path pointing at a browser program (got {browser_path!r}).",
            file=sys.stderr,
        )
        return 2
    try:
        from privacy_audit.browser import GuidanceTarget, GuidedBrowser
    except ImportError as exc:
        print(f"diagnose: this copy of the app has no guided browser ({exc}).", file=sys.stderr)
        return 2
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").lower()
    events: queue.Queue = queue.Queue()
    browser = GuidedBrowser(
        choice="path",
        executable_path=browser_path,
        on_event=events.put,
        allow_localhost=True,
        extra_args=browser_args,
    )
    target = GuidanceTarget(
        url=url,
        allowed_domains=(host,),
        platform_name="Diagnostics",
        item_id="diagnose",
        title="Diagnostics page",
        safe_value="shown",
        labels=("Privacy Audit diagnostics",),
    )
    seen: set[str] = set()
    labels = {"label_found", "label_missing"}
    # The panel's label report and the page's load event come from different places and may arrive in
    # either order: after one, wait a little for the other so both are reported.
    other_deadline: float | None = None
    try:
        browser.open(target)
        while True:
            wait = timeout if other_deadline is None else max(0.0, other_deadline - time.monotonic())
            try:
                event = events.get(timeout=wait)
            except queue.Empty:
                if other_deadline is None:
                    print(f"diagnose: no word from the browser within {timeout:.0f} s.", file=sys.stderr)
                break
            print(
                json.dumps(
                    {
                        "event": event.kind,
                        "url": event.url,
                        "message": event.message,
                        "found": list(event.found),
                    }
                )
            )
            seen.add(event.kind)
            if event.kind in ("error", "load_failed", "fallback", "window_closed", "off_domain"):
                break
            if "page_shown" in seen and seen & labels:
                break
            if event.kind in labels or event.kind == "page_shown":
                other_deadline = other_deadline or time.monotonic() + 5
    finally:
        browser.shutdown()
    return 0 if seen & (labels | {"page_shown"}) else 1
