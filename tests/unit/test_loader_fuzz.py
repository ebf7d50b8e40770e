"""Whatever YAML (or non-YAML) a person feeds the loader, it answers with problems, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from privacy_audit.core.clauses import default_policy
from privacy_audit.core.loading import DataFileError, load_checklist_file, load_school_config_file
from privacy_audit.core.paths import checklists_dir
from privacy_audit.core.platforms import PLATFORM_IDS

KNOWN_PLATFORMS = frozenset(PLATFORM_IDS)
GENERAL = (checklists_dir() / "general.yaml").read_text(encoding="utf-8")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(
        ["https://x.com/settings", "http://x", "javascript:alert(1)", "9.1a", "general", "{server}"]
    ),
)
keys = st.one_of(
    st.sampled_from(
        [
            "schema_version",
            "platform",
            "name",
            "items",
            "id",
            "title",
            "why",
            "clauses",
            "steps",
            "safe_value",
            "where",
            "url",
            "app",
            "domains",
            "provenance",
            "written",
            "last_reviewed",
            "source",
            "school_name",
            "platforms",
            "term_starts",
            "extra_items",
            "contact",
            "labels",
            "priority",
        ]
    ),
    st.text(string.ascii_lowercase + "_", min_size=1, max_size=12),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=40,
)


def dump(value: object) -> str:
    import io

    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(value, stream)
    return stream.getvalue()


def load_both(path: Path) -> None:
    """Load the file as a checklist and as a school config; only DataFileError may come out."""
    for load in (
        lambda: load_checklist_file(path, default_policy()),
        lambda: load_school_config_file(path, default_policy(), KNOWN_PLATFORMS),
    ):
        try:
            load()
        except DataFileError as exc:
            assert exc.problems, "a rejected file must say why"
            for problem in exc.problems:
                assert problem.line >= 1 and problem.message
                assert str(problem).startswith(f"{path}:{problem.line}:")


fuzz = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@fuzz
@given(documents)
def test_random_yaml_structures_give_problems_not_tracebacks(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("fuzz") / "general.yaml"
    path.write_text(dump(value), encoding="utf-8")
    load_both(path)


@fuzz
@given(st.text(max_size=400))
def test_random_text_gives_problems_not_tracebacks(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "general.yaml"
    path.write_text(text, encoding="utf-8")
    load_both(path)


@fuzz
@given(
    st.integers(min_value=0, max_value=len(GENERAL) - 1),
    st.text(max_size=12),
    st.integers(min_value=0, max_value=8),
)
def test_a_damaged_real_checklist_gives_problems_not_tracebacks(tmp_path_factory, position, insert, delete):
    damaged = GENERAL[:position] + insert + GENERAL[position + delete :]
    path = tmp_path_factory.mktemp("fuzz") / "general.yaml"
    path.write_text(damaged, encoding="utf-8")
    load_both(path)
