"""The start-up cache of validated checklists gives the same catalogue as the YAML files, and is ignored
as soon as any file changes, so an edited or broken checklist is always read (and reported) afresh."""

from __future__ import annotations

import os
import shutil

from privacy_audit.core.catalogue import load_checklists
from privacy_audit.core.clauses import default_policy
from privacy_audit.core.paths import checklists_dir
from privacy_audit.ui.catalogue_cache import load_checklists_fast, write_cache


def test_a_written_cache_gives_the_same_checklists_and_policy(tmp_path):
    cache = tmp_path / "cache.json"
    checklists, problems, policy, fresh = load_checklists_fast(cache)
    assert fresh and not problems
    write_cache(cache, checklists_dir(), checklists, policy)
    again, problems, cached_policy, fresh = load_checklists_fast(cache)
    assert not fresh, "the second start reads the cache"
    assert again == checklists
    assert cached_policy == policy
    assert cache.stat().st_mode & 0o077 == 0


def test_an_edited_checklist_file_makes_the_cache_stale(tmp_path):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    cache = tmp_path / "cache.json"
    checklists, _problems = load_checklists(folder)
    write_cache(cache, folder, checklists, default_policy())
    assert not load_checklists_fast(cache, folder)[3]
    general = folder / "general.yaml"
    general.write_text(general.read_text().replace("name: All my accounts", "name: Every account"))
    os.utime(general, ns=(general.stat().st_atime_ns, general.stat().st_mtime_ns + 1_000_000))
    fresh_checklists, _p, _policy, fresh = load_checklists_fast(cache, folder)
    assert fresh
    assert fresh_checklists["general"].name == "Every account"


def test_a_broken_file_is_reported_with_its_line_and_never_cached(tmp_path):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    (folder / "general.yaml").write_text("schema_version: 1\nplatform: general\nitems: [\n")
    checklists, problems, _policy, may_cache = load_checklists_fast(tmp_path / "cache.json", folder)
    assert "general" not in checklists
    assert problems and "general.yaml:" in str(problems[0])
    assert not may_cache


def test_a_damaged_cache_file_is_ignored(tmp_path):
    cache = tmp_path / "cache.json"
    cache.write_text("{not json")
    checklists, problems, _policy, fresh = load_checklists_fast(cache)
    assert fresh and "general" in checklists and not problems
