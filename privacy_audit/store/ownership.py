"""Only the owner's files are trusted: one check for every folder and file the app reads its state from.

A record, a cache or a settings file in a folder that another user account owns, or that others may write
to, may have been put there by someone else (a planted unencrypted record, a forged cache). The app then
refuses with a clear message - except where the folder or file is the person's own and only too open: the
app's own folders and files are tightened to owner-only, since no one else should use them anyway.

Who may be trusted is one rule, `core.files.trust_problem`, shared with the catalogue cache's
`is_private_file`. Standard library only (the reminder and cache readers use it too). On Windows, where
permission bits say little and folders under the profile are private by default, the check does nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from privacy_audit.core.files import trust_problem
from privacy_audit.store.errors import NotPrivate

_OTHERS_ANY = stat.S_IRWXG | stat.S_IRWXO


def check_private(path: Path, *, kind: str = "app-folder") -> None:
    """Make sure `path` can be trusted, or raise `NotPrivate`. `kind` says what it is:

    - "app-folder": a folder the app makes and names (its data, config, state folders and those inside);
      when it is the person's own but others may read or write it, it is tightened to owner-only.
    - "file": a file the app wrote (the record, a cache); others may not write to it (refused: someone
      else could have changed it), and when others may only read it, it is tightened to owner-only.
    - "given-folder": a folder the person named (--home); others may not write to it (refused); its
      read permissions are the person's business.
    Owned by another user account: always refused. A symbolic link is judged by its target. A path that
    does not exist is left alone (the app creates it owner-only).
    """
    if os.name != "posix":
        return
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise NotPrivate(
            f"Privacy Audit cannot check {path} ({exc.strerror or exc}); nothing was changed."
        ) from exc
    problem = trust_problem(info)
    if problem == "not_mine":
        raise NotPrivate(
            f"{path} belongs to another user account on this computer, so Privacy Audit will not use it: "
            "someone else could have put files there or could read yours. Nothing was changed. Use a folder "
            "of your own (for example, run with --home pointing to a new folder in your home folder)."
        )
    if problem == "others_may_write" and kind != "app-folder":
        raise NotPrivate(
            f"Other people on this computer can change {path}, so Privacy Audit will not trust it. Nothing was "
            f"changed. If it is yours, remove their write access (`chmod go-w '{path}'`) and try again; "
            "otherwise use a folder only you can write to (--home)."
        )
    mode = stat.S_IMODE(info.st_mode)
    if kind == "given-folder" or not mode & _OTHERS_ANY:
        return
    try:
        os.chmod(path, mode & ~_OTHERS_ANY)
    except OSError as exc:
        raise NotPrivate(
            f"Other people on this computer can open {path}, and Privacy Audit could not make it private "
            f"({exc.strerror or exc}). Nothing was changed. Make it private (`chmod go-rwx '{path}'`) and try again."
        ) from exc


def check_app_dirs(dirs: object) -> None:
    """The checks for the person's folders (an `AppDirs`): the --home folder (refused if others may write to
    it), then the app's own data, config and state folders (tightened when too open). Raises NotPrivate."""
    home = getattr(dirs, "home", None)
    if home is not None:
        check_private(home, kind="given-folder")
    for folder in (dirs.data, dirs.config, dirs.state):  # type: ignore[attr-defined]
        check_private(folder, kind="app-folder")
