"""Operating-system integration: desktop reminders, start at login, and calendar (.ics) files.

Modules here may be imported by the quick `privacy-audit remind` command, so none of them imports PySide6,
Playwright, keyring, pydantic or cryptography at module level; the few that need Qt import it inside the
function that shows something.
"""
