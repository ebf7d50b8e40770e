"""Tools for the people who maintain Privacy Audit's guidance; never part of the app or its bundle.

Run them from a source checkout: `python -m maintainer <tool> --help`. They are the only code in the
repository allowed to open network connections (to the platforms' own pages), and they never run with a
member of staff's account. See maintainer/README.md for the monthly routine.
"""

TOOL_VERSION = "1.0"
