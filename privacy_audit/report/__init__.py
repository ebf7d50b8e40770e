"""Documents the app writes for the person to keep or hand in (Qt for layout, no widgets)."""

# The desktop app starts itself again with only this argument, to draw a PDF in a child process
# (report/child.py). `cli.main` checks for it before argparse, so it works in the packaged app too, where
# `-m` cannot be used; it is not a command and not in --help. Kept here, not in report/child.py, so that
# `cli` imports nothing more.
CHILD_ARGUMENT = "--internal-draw-pdf"
