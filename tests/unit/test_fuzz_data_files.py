"""Near-miss school configs and checklists - a real file with one or a few fields changed to something else -
get `FILE:LINE:` problems or load, never a traceback; and the app's own lookup of a school config never
fails, it falls back to the defaults and says why.

tests/unit/test_loader_fuzz.py throws random YAML at the loaders; this file starts from the real, valid
files, which is where an IT lead's typo or a maintainer's slip actually lands, deep in valid structure.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from helpers.fuzz import mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from privacy_audit.core.catalogue import load_school_config
from privacy_audit.core.clauses import default_policy
from privacy_audit.core.loading import DataFileError, load_checklist_file, load_school_config_file
from privacy_audit.core.paths import checklists_dir, resource_path
from privacy_audit.core.platforms import PLATFORM_IDS

POLICY = default_policy()
KNOWN = frozenset(PLATFORM_IDS)
_yaml = YAML(typ="safe", pure=True)
SCHOOL = _yaml.load(resource_path("school.example.yaml").read_text(encoding="utf-8"))
SCHOOL.setdefault(
    "extra_items",
    [
        {  # an extra item, so the fuzz reaches an item's fields inside a config too
            "platform": "general",
            "id": "staff-badge",
            "title": "Your staff badge is not in any photo",
            "why": "Badges name the school.",
            "clauses": ["3.2.7"],
            "steps": ["Look through your public photos."],
            "safe_value": "No badge shows",
            "where": {"app": "Each account › Photos"},
            "provenance": {"written": "2026-11-01", "confidence": "low"},
            "priority": 2,
        }
    ],
)
CHECKLISTS = {
    p.stem: _yaml.load(p.read_text(encoding="utf-8")) for p in sorted(checklists_dir().glob("*.yaml"))
}
runs = {"school configs": 0, "checklists": 0}

HOSTILE = [
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "\u202egnp.exe",
    "&amp;",
    "javascript:alert(1)",
    "http://facebook.com/settings",
    "https://evil.example/settings",
    "9.99z",
    "",
    " ",
    "\x00",
    "\ud800",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.text(max_size=60),
    st.dates().map(str),
    st.sampled_from(HOSTILE),
    st.text(min_size=2001, max_size=2100),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=8,
)


def dump(document) -> str:
    stream = io.StringIO()
    _yaml.dump(document, stream)
    return stream.getvalue()


def assert_clear(exc: DataFileError, path: Path) -> None:
    assert exc.problems, "a rejected file must say why"
    for problem in exc.problems:
        text = str(problem)
        assert text.startswith(f"{path}:{problem.line}:") and problem.line >= 1, text
        assert len(text) < 3000, "a problem names the field; it does not echo a huge value back"


@pytest.fixture(scope="module", autouse=True)
def figures():
    yield
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            for name, value in runs.items():
                if value:
                    out.write(
                        json.dumps({"name": f"fuzz_cases_{name.replace(' ', '_')}", "value": value}) + "\n"
                    )


def fuzz(examples: int):
    # With test_loader_fuzz.py's 1,200 random documents per loader, each loader sees about 2,000 cases.
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@fuzz(800)
@given(data=st.data())
def test_a_school_config_with_fields_changed_gives_problems_with_lines_or_loads(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("school") / "school.yaml"
    try:
        path.write_text(dump(mutate(SCHOOL, data, values)), encoding="utf-8", errors="surrogatepass")
    except UnicodeEncodeError:
        return
    runs["school configs"] += 1
    try:
        load_school_config_file(path, POLICY, KNOWN)
    except DataFileError as exc:
        assert_clear(exc, path)
    # What the app and every command do with it: never fail, fall back to defaults and say which file.
    source = load_school_config(path, policy=POLICY, known_platforms=KNOWN)
    assert all(problem.startswith(str(path)) for problem in source.problems)


@fuzz(600)
@given(platform=st.sampled_from(sorted(CHECKLISTS)), data=st.data())
def test_a_checklist_with_fields_changed_gives_problems_with_lines_or_loads(tmp_path_factory, platform, data):
    path = tmp_path_factory.mktemp("checklist") / f"{platform}.yaml"
    try:
        path.write_text(
            dump(mutate(CHECKLISTS[platform], data, values)), encoding="utf-8", errors="surrogatepass"
        )
    except UnicodeEncodeError:
        return
    runs["checklists"] += 1
    try:
        load_checklist_file(path, POLICY)
    except DataFileError as exc:
        assert_clear(exc, path)


def test_the_unchanged_files_load_so_the_fuzz_starts_from_valid_ground(tmp_path):
    path = tmp_path / "school.yaml"
    path.write_text(dump(SCHOOL), encoding="utf-8")
    assert load_school_config_file(path, POLICY, KNOWN).extra_items
    for platform, document in CHECKLISTS.items():
        path = tmp_path / f"{platform}.yaml"
        path.write_text(dump(document), encoding="utf-8")
        assert load_checklist_file(path, POLICY).platform == platform
