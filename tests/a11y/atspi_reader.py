"""Reads the app's accessibility tree as a screen reader does, over AT-SPI (run with Debian's /usr/bin/python3,
which has python3-pyatspi; the app itself runs in the project's virtual environment).

A line-based JSON protocol on stdin/stdout, so the test (in the venv) can drive it:
  {"cmd": "tree"}                        -> {"tree": node} (the app's frame, every descendant)
  {"cmd": "events"}                      -> {"events": [...]} focus and announcement events since the last call
  {"cmd": "act", "name": N, "role": R}   -> {"done": true} the first showing node so named does its action 0
  {"cmd": "focused"}                     -> {"node": node or None} the node that has focus now
Each node: role, name, description, states, labelled_by (names), children.
"""

from __future__ import annotations

import contextlib
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
import pyatspi
from gi.repository import GLib

APP_NAME = "privacy-audit"
EVENTS: list[dict] = []
MAX_NODES = 4000


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        candidate = desktop.getChildAtIndex(index)
        if candidate is not None and candidate.name == APP_NAME:
            return candidate
    return None


def describe(node, depth: int = 0, budget: list[int] | None = None) -> dict:
    budget = budget if budget is not None else [MAX_NODES]
    budget[0] -= 1
    states = node.getState().getStates()
    found = {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in states),
        "labelled_by": [],
        "children": [],
    }
    with contextlib.suppress(Exception):  # a node that went away while being read has no relations
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    found["labelled_by"].append(target.name if target is not None else "")
    if depth < 60 and budget[0] > 0:
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None:
                found["children"].append(describe(child, depth + 1, budget))
    return found


def find(node, name: str, role: str):
    if node is None:
        return None
    showing = node.getState().contains(pyatspi.STATE_SHOWING)
    if showing and node.name == name and (not role or node.getRoleName() == role):
        return node
    for index in range(node.childCount):
        hit = find(node.getChildAtIndex(index), name, role)
        if hit is not None:
            return hit
    return None


def focused(node):
    if node is None:
        return None
    if node.getState().contains(pyatspi.STATE_FOCUSED) and node.getState().contains(pyatspi.STATE_SHOWING):
        return node
    for index in range(node.childCount):
        hit = focused(node.getChildAtIndex(index))
        if hit is not None:
            return hit
    return None


def on_event(event) -> None:
    try:
        if event.host_application is None or event.host_application.name != APP_NAME:
            return
    except Exception:  # noqa: BLE001
        return
    if event.type.startswith("object:state-changed:focused") and not event.detail1:
        return
    if event.type.startswith("object:property-change"):
        return  # listened to only so that libatspi keeps names up to date
    source = event.source
    EVENTS.append(
        {
            "type": str(event.type),
            "role": source.getRoleName() if source is not None else "",
            "name": (source.name or "") if source is not None else "",
            "text": str(event.any_data) if event.type.startswith("object:announcement") else "",
        }
    )


def answer(command: dict) -> dict:
    what = command.get("cmd")
    root = app()
    if root is not None:
        root.clearCache()  # read names and children as they are now, not as libatspi last cached them
    if what == "tree":
        return {"tree": describe(root) if root is not None else None}
    if what == "events":
        taken = list(EVENTS)
        EVENTS.clear()
        return {"events": taken}
    if what == "act":
        node = find(root, command["name"], command.get("role", ""))
        if node is None:
            return {"done": False}
        node.queryAction().doAction(0)
        return {"done": True}
    if what == "focused":
        node = focused(root)
        return {"node": describe(node, 59) if node is not None else None}
    return {"error": f"unknown command {what!r}"}


def on_line(channel, _condition) -> bool:
    line = channel.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    try:
        reply = answer(json.loads(line))
    except Exception as exc:  # noqa: BLE001 (reported to the test, which fails with it)
        reply = {"error": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return True


def main() -> None:
    pyatspi.Registry.registerEventListener(
        on_event,
        "object:state-changed:focused",
        "object:announcement",
        "object:property-change:accessible-name",
    )
    channel = GLib.IOChannel.unix_new(sys.stdin.fileno())
    GLib.io_add_watch(channel, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP, on_line)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
