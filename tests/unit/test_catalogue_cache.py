"""The one catalogue loader (`core.catalogue.load_catalogue_with_cache`) and its cache: the cache gives the
same catalogue as the YAML files, is ignored as soon as any file changes or its contents break a checklist
rule, and one broken checklist never costs the school's config."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from privacy_audit.core.cache import CACHE_NAME, cached_platform_names, load_cached, write_cache
from privacy_audit.core.catalogue import load_catalogue, load_catalogue_with_cache, load_checklists
from privacy_audit.core.clauses import default_policy
from privacy_audit.core.paths import app_dirs, checklists_dir

SCHOOL = """\
school_name: Hermitage Primary
contact: {name: Ms Smith, role: DSL, email: dsl@hermitage.example}
term_starts: [2026-09-03, 2027-01-05, 2027-04-19]
platforms: [general, facebook, instagram]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), copy)
    return copy


@pytest.fixture
def school(tmp_path: Path) -> Path:
    path = tmp_path / "school.yaml"
    path.write_text(SCHOOL, encoding="utf-8")
    return path


def touch(path: Path) -> None:
    """Move the modification time on, as an edit on a coarse-clock file system might not."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))


def test_the_second_load_reads_the_cache_and_gives_the_same_catalogue(private_home, school):
    dirs = app_dirs(private_home)
    first = load_catalogue_with_cache(dirs, school)
    cache = dirs.state / CACHE_NAME
    assert cache.exists() and cache.stat().st_mode & 0o077 == 0
    assert load_cached(cache, checklists_dir()) is not None
    second = load_catalogue_with_cache(dirs, school)
    assert second.checklists == first.checklists
    assert second.policy == first.policy
    assert second.school.config == first.school.config
    assert first.checklists == load_catalogue(school=first.school).checklists


def test_one_broken_checklist_leaves_the_school_config_in_force(private_home, folder, school):
    # A bad checklist update: facebook.yaml now has a plain-http address.
    facebook = folder / "facebook.yaml"
    facebook.write_text(facebook.read_text().replace("https://www.facebook.com", "http://www.facebook.com"))
    catalogue = load_catalogue_with_cache(app_dirs(private_home), school, folder=folder)
    assert "facebook" not in catalogue.checklists
    assert any("facebook.yaml:" in problem for problem in catalogue.problems)
    assert catalogue.school.config.school_name == "Hermitage Primary"
    assert catalogue.school.problems == []
    assert not (app_dirs(private_home).state / CACHE_NAME).exists(), "a load with problems is never cached"


def test_an_edited_checklist_file_makes_the_cache_stale(private_home, folder):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    general = folder / "general.yaml"
    general.write_text(general.read_text().replace("name: All my accounts", "name: Every account"))
    touch(general)
    assert load_cached(dirs.state / CACHE_NAME, folder) is None
    assert load_catalogue_with_cache(dirs, folder=folder).checklists["general"].name == "Every account"


def test_a_damaged_cache_file_is_ignored(private_home):
    dirs = app_dirs(private_home)
    cache = dirs.state / CACHE_NAME
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json")
    catalogue = load_catalogue_with_cache(dirs)
    assert "general" in catalogue.checklists and not catalogue.problems
    assert load_cached(cache, checklists_dir()) is not None, "the damaged cache was replaced by a good one"


def forge(cache: Path, change) -> None:
    data = json.loads(cache.read_text())
    change(data["checklists"])
    cache.write_text(json.dumps(data))


def test_a_planted_cache_pointing_items_at_another_site_is_ignored(private_home, folder):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    cache = dirs.state / CACHE_NAME

    def elsewhere(checklists: dict) -> None:
        for item in checklists["facebook"]["items"]:
            if item["where"].get("url"):
                item["where"]["url"] = "https://facebook.com.evil.example/settings"

    forge(cache, elsewhere)  # the key (file sizes and times) still matches
    assert load_cached(cache, folder) is None
    catalogue = load_catalogue_with_cache(dirs, folder=folder)
    urls = [i.where.url for i in catalogue.get("facebook").items if i.where.url]
    assert urls and not any("evil" in url for url in urls)


def test_a_planted_cache_that_swaps_platforms_is_ignored(private_home, folder):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    cache = dirs.state / CACHE_NAME
    forge(cache, lambda checklists: checklists.update(facebook=checklists["instagram"]))
    assert load_cached(cache, folder) is None


def test_a_cache_of_other_files_is_not_used(private_home, folder):
    dirs = app_dirs(private_home)
    checklists, _problems = load_checklists(folder)
    write_cache(dirs.state / CACHE_NAME, folder, checklists, default_policy())
    assert load_cached(dirs.state / CACHE_NAME, checklists_dir()) is None


def test_the_reminder_reads_platform_names_from_the_cache(private_home):
    # Without pydantic: tests/unit/test_architecture.py::test_a_light_part_does_not_load_heavy_packages.
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs)
    names = cached_platform_names(dirs.state / CACHE_NAME)
    assert names["x"] == "X (Twitter)"
    assert names["general"] == "All my accounts"


def test_names_that_are_not_plain_short_text_are_not_shown(tmp_path):
    cache = tmp_path / CACHE_NAME
    cache.write_text(
        json.dumps(
            {"checklists": {"a": {"name": "Fine"}, "b": {"name": "\x1b]0;owned\x07"}, "c": {"name": 3}}}
        )
    )
    assert cached_platform_names(cache) == {"a": "Fine"}
    assert cached_platform_names(tmp_path / "missing.json") == {}


def _first_safe_value_changed(checklists: dict) -> None:
    for item in checklists["facebook"]["items"]:
        if "safe_value" in item:
            item["safe_value"] = "Public"
            return


def _redirector_url(checklists: dict) -> None:
    for item in checklists["facebook"]["items"]:
        if item["where"].get("url"):
            item["where"]["url"] = "https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2F"


@pytest.mark.parametrize("change", [_first_safe_value_changed, _redirector_url])
def test_a_hand_edited_cache_is_ignored_even_when_every_value_keeps_the_rules(private_home, folder, change):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    cache = dirs.state / CACHE_NAME
    forge(cache, change)
    assert load_cached(cache, folder) is None
    facebook = load_catalogue_with_cache(dirs, folder=folder).get("facebook")
    assert facebook == load_checklists(folder)[0]["facebook"]
    assert not any("l.php" in (item.where.url or "") for item in facebook.items)


@pytest.mark.parametrize("how", ["group-writable", "others-writable", "symbolic link", "another user's"])
def test_a_cache_someone_else_could_have_written_is_ignored(private_home, folder, tmp_path, how):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    cache = dirs.state / CACHE_NAME
    assert load_cached(cache, folder) is not None and cached_platform_names(cache)
    if how == "group-writable":
        cache.chmod(0o620)
    elif how == "others-writable":
        cache.chmod(0o602)
    elif how == "symbolic link":
        target = tmp_path / "elsewhere.json"
        cache.rename(target)
        cache.symlink_to(target)
    else:
        if os.geteuid() != 0:
            pytest.skip("only root can give a file to another user account")
        os.chown(cache, 12345, 12345)
    assert load_cached(cache, folder) is None
    assert cached_platform_names(cache) == {}


def test_a_checklist_edited_back_to_the_same_size_and_time_still_makes_the_cache_stale(private_home, folder):
    dirs = app_dirs(private_home)
    load_catalogue_with_cache(dirs, folder=folder)
    path = folder / "facebook.yaml"
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Facebook", "name: Facebooc", 1), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size
    assert load_cached(dirs.state / CACHE_NAME, folder) is None
