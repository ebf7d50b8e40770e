"""The app never opens a network connection of its own: its source and the frozen bundle's recipe import no
network client, and the maintainer tools (which do) are never collected into the bundle."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NETWORK_MODULES = ("urllib.request", "http.client", "httpx", "requests", "aiohttp", "urllib3")
# Single-instance start-up talks to the app's own local socket, never the network.
ALLOWED_QTNETWORK = {"QLocalSocket", "QLocalServer"}


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in NETWORK_MODULES)


def network_imports(source: str, filename: str = "<source>") -> list[str]:
    """Every import of a network client in `source`, as 'file:line: what'."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _forbidden(alias.name) or alias.name.endswith("QtNetwork"):
                    found.append(f"{where}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                qt_network = alias.name == "QtNetwork" or (
                    node.module.endswith("QtNetwork") and alias.name not in ALLOWED_QTNETWORK
                )
                if _forbidden(node.module) or _forbidden(full) or qt_network:
                    found.append(f"{where}: from {node.module} import {alias.name}")
        # A module named in a string, as importlib.import_module("httpx") would load it.
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and (_forbidden(node.value) or node.value.endswith(".QtNetwork"))
        ):
            found.append(f"{where}: {node.value!r}")
    return found


def test_the_checker_finds_network_clients_and_allows_the_local_socket():
    bad = (
        "import httpx\nfrom urllib import request\nfrom http.client import HTTPSConnection\n"
        "from PySide6.QtNetwork import QTcpSocket\nfrom PySide6 import QtNetwork\nimport requests.adapters\n"
        "import importlib\nimportlib.import_module('aiohttp')\n"
    )
    assert len(network_imports(bad)) == 7
    good = "import urllib.parse\nfrom PySide6.QtNetwork import QLocalServer, QLocalSocket\nimport http\n"
    assert network_imports(good) == []


def test_the_apps_source_imports_no_network_client():
    found = []
    for path in sorted((REPO / "privacy_audit").rglob("*.py")):
        found += network_imports(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    assert found == []


def test_the_app_never_imports_the_maintainer_tools():
    for path in sorted((REPO / "privacy_audit").rglob("*.py")) + [REPO / "packaging" / "launcher.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "maintainer" for a in node.names), path
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] != "maintainer", path


def test_the_bundle_recipe_collects_no_network_client_and_not_the_maintainer_tools():
    spec = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"), "build.spec")
    assert network_imports(ast.unparse(spec), "build.spec") == []
    strings = [n.value for n in ast.walk(spec) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [s for s in strings if "maintainer" in s.lower() and "/" not in s and " " not in s]
    # What is collected by name: only the app's own package, and data only from checklists/ and resources/.
    calls = [n for n in ast.walk(spec) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    collected = [ast.literal_eval(c.args[0]) for c in calls if c.func.id == "collect_submodules"]
    assert collected == ["privacy_audit"]
    datas = next(
        n.value for n in ast.walk(spec) if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "datas"
    )
    folders = [ast.unparse(e.elts[0]) for e in datas.elts if isinstance(e, ast.Tuple)]
    assert folders == ["str(ROOT / 'checklists')", "str(ROOT / 'resources')"]
    analysis = next(c for c in calls if c.func.id == "Analysis")
    pathex = next(k.value for k in analysis.keywords if k.arg == "pathex")
    assert ast.unparse(pathex) == "[str(ROOT)]"  # the root is on the path, so only imports could pull it in
