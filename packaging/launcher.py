"""The packaged app's entry script: PyInstaller starts here, and it runs the same `main` as `privacy-audit`.

A separate file rather than `privacy_audit/__main__.py` so that PyInstaller does not put the package's own
folder on its search path, where `privacy_audit/commands` could be found a second time as a top-level
`commands` package.
"""

import sys

from privacy_audit.cli import main

if __name__ == "__main__":
    sys.exit(main())
