"""`python -m privacy_audit` runs the same entry point as the `privacy-audit` command."""

import sys

from privacy_audit.cli import main

sys.exit(main())
