"""One rule for "a file of mine that no one else may change": the catalogue cache's `is_private_file` and the
record's `check_private` trust and refuse the same files, by `core.files.trust_problem`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from privacy_audit.core.files import is_private_file, trust_problem
from privacy_audit.store import NotPrivate, check_private

NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
posix_only = pytest.mark.skipif(os.name != "posix", reason="permission bits and owners are POSIX")
pytestmark = posix_only


def a_file(folder: Path, bits: int, name: str = "cache.json") -> Path:
    path = folder / name
    path.write_text("{}", encoding="utf-8")
    path.chmod(bits)
    return path


def trusted_by_the_record(path: Path) -> bool:
    try:
        check_private(path, kind="file")
    except NotPrivate:
        return False
    return True


@pytest.mark.parametrize(
    ("bits", "problem"),
    [
        (0o600, None),
        (0o644, None),  # others may read it: the record tightens it, but no one else could have changed it
        (0o400, None),
        (0o620, "others_may_write"),
        (0o602, "others_may_write"),
        (0o666, "others_may_write"),
    ],
)
def test_the_cache_and_the_record_trust_the_same_files_of_mine(tmp_path, bits, problem):
    path = a_file(tmp_path, bits)
    assert trust_problem(os.lstat(path)) == problem
    assert is_private_file(path) is (problem is None)
    assert trusted_by_the_record(path) is (problem is None)
    if problem is not None:
        assert stat.S_IMODE(path.stat().st_mode) == bits, "a refused file is left as it is"


@as_root
def test_a_file_of_another_user_account_is_trusted_by_neither(tmp_path):
    path = a_file(tmp_path, 0o600)
    os.chown(path, NOBODY, NOBODY)
    assert trust_problem(os.lstat(path)) == "not_mine"
    assert not is_private_file(path)
    with pytest.raises(NotPrivate, match="belongs to another user account"):
        check_private(path, kind="file")


def test_the_cache_trusts_only_a_regular_file_that_is_there(tmp_path):
    target = a_file(tmp_path, 0o600, "real.json")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert is_private_file(target)
    assert not is_private_file(link), "a link could point anywhere"
    assert not is_private_file(tmp_path), "a folder"
    assert not is_private_file(tmp_path / "missing.json")
    assert not is_private_file("bad\0name")
