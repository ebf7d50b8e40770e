"""Demo mode (`privacy-audit --demo`) for INSET sessions: a throwaway home folder with a sample history,
practice settings pages served on 127.0.0.1, and a presenter mode for projectors. Nothing is saved.

`session` (the throwaway folder, record and server), `sample`, `pages` and `server` are Qt-free; `qt` holds
the demo bar, presenter mode and Reset demo for the desktop app.
"""
