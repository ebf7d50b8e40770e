"""Sub-commands of `privacy-audit`, one module each (see `privacy_audit.cli` for the contract)."""
