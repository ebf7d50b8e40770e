"""`python -m maintainer <tool>`: the maintainers' tools for keeping the guidance current (see README.md)."""

from __future__ import annotations

import argparse
import importlib
import sys

# tool name -> module in this package; each module has add_arguments(parser) and run(args) -> int.
TOOLS = {
    "links": (
        "maintainer.links",
        "check every settings address: status, final address, domain, sign-in wall",
    ),
    "help-pages": ("maintainer.help_pages", "list the labels each official help page no longer mentions"),
    "labels": ("maintainer.labels", "look for each item's labels on the live pages with a test account"),
    "manual": ("maintainer.manual", "ask about app-only items on a test phone and record the answers"),
    "make-pack": ("maintainer.make_pack", "build and sign a guidance pack from checklists/ and resources/"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m maintainer", description=__doc__)
    sub = parser.add_subparsers(dest="tool", metavar="TOOL", required=True)
    for name, (module_name, help_text) in TOOLS.items():
        module = importlib.import_module(module_name)
        tool = sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip())
        module.add_arguments(tool)
        tool.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
