"""Whatever file is given to `privacy-audit import`, the answer is "imported" or a clear `FILE: field: why`
with the record exactly as it was - never a traceback, never half an import.

The cases start from a real export with values changed, removed, duplicated or added (where mistakes and
hand edits land), plus arbitrary bytes. They run in this process against one real record; its content is
compared as SQL text before and after each rejected file.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import sqlite3

import pytest
from helpers.fuzz import add_sibling, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import RecordError, open_record
from privacy_audit.store.exchange import ImportRejected, export_json, import_json

runs = {"cases": 0, "rejected": 0}
EDGE_TIMES = [
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "2026-13-01T00:00:00+00:00",
    "2026-09-03T10:00:00",
    "2026-09-03",
    "2026-09-03T10:00:00+00:00",
    "1970-01-01T00:00:00Z",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(
        EDGE_TIMES
        + [
            "ok",
            "changed",
            "attention",
            "facebook",
            "general",
            "<script>alert(1)</script>",
            "\u202e",
            "0" * 32,
        ]
    ),
    st.text(min_size=1, max_size=4).map(lambda t: (t * 20001)[: 20001 + len(t)]),  # past the note limit
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6,
)


def _near(parent, key, data) -> None:
    """A time or text just beside the real one (an edge date, a few more characters); other values replaced."""
    if isinstance(parent[key], str):
        parent[key] = data.draw(st.sampled_from(EDGE_TIMES) | st.text(max_size=3).map(parent[key].__add__))
    else:
        parent[key] = data.draw(values)


def _duplicate(parent, key, data) -> None:
    """The same check or draft twice; in a mapping, an unexpected key instead."""
    if isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    else:
        add_sibling(parent, data, values, key_size=10)


def mutate_export(document, data):
    """The export with 1-3 values moved near their real value, replaced, removed, duplicated or added to."""
    return mutate(
        document,
        data,
        values,
        key_size=10,
        choices=("near", "replace", "remove", "duplicate", "extra"),
        actions={"near": _near, "duplicate": _duplicate},
    )


def content(path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def base_export(tmp_path, private_home) -> dict:
    """A real export, and a record to import into that already holds the same checks."""
    document = make_export(tmp_path)
    with open_record(app_dirs(private_home)) as record:
        import_json(record, tmp_path / "export.json")
    return document


def make_export(folder) -> dict:
    now = dt.datetime(2026, 9, 8, 18, 0, tzinfo=dt.UTC)
    with open_record(app_dirs(folder / "source")) as record:
        for day in (1, 2):
            moment = now + dt.timedelta(days=day)
            record.save_check(
                CheckResult(
                    "facebook",
                    "1:2026-09-01",
                    ("private-account", "tagging"),
                    moment,
                    moment,
                    (
                        ItemAnswer("private-account", Answer.OK),
                        ItemAnswer("tagging", Answer.ATTENTION, "ask IT"),
                    ),
                    note=f"day {day}",
                )
            )
        record.set_platforms_in_use(["facebook", "x"])
        record.snooze("x", now + dt.timedelta(days=3))
        record.save_draft(Draft("x", "1:2026-09-01", now, {"a": ItemAnswer("a", Answer.CHANGED)}, 1, "half"))
        record.set_acceptance("Ann Teacher", now.date())
        record.set_setting("keep_sign_ins", False)
        export_json(record, folder / "export.json")
    return json.loads((folder / "export.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", autouse=True)
def figures():
    yield
    target = os.environ.get("RELIABILITY_FIGURES")
    if target and runs["cases"]:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"name": "fuzz_cases_imports", "value": runs["cases"]}) + "\n")


def try_import(record, path) -> None:
    """Import `path`; a rejection must be clear and leave the record as it was."""
    before = content(record.path)
    try:
        import_json(record, path)
    except ImportRejected as exc:
        runs["rejected"] += 1
        assert exc.problems and all(p.startswith(f"{path}: ") for p in exc.problems), exc.problems
        assert all(len(p) < 2000 for p in exc.problems), (
            "a problem names the field; it does not echo huge values"
        )
        assert content(record.path) == before, "a rejected import changed the record"
    except (
        RecordError
    ) as exc:  # the record is healthy: only the file can be wrong, and the checks must say how
        pytest.fail(f"the file got past the checks and failed while importing: {exc}")


fuzz = settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@fuzz
@given(data=st.data())
def test_any_changed_export_is_imported_or_rejected_clearly_with_the_record_unchanged(
    tmp_path_factory, base_export, private_home, data
):
    folder = tmp_path_factory.mktemp("import")
    document = mutate_export(base_export, data) if data.draw(st.integers(0, 9)) else data.draw(values)
    path = folder / "export.json"
    try:
        path.write_text(json.dumps(document, ensure_ascii=data.draw(st.booleans())), encoding="utf-8")
    except (UnicodeEncodeError, ValueError):
        path.write_bytes(json.dumps(document).encode("ascii", "replace"))
    runs["cases"] += 1
    with open_record(app_dirs(private_home)) as record:
        try_import(record, path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.one_of(
        st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
def test_any_bytes_are_imported_or_rejected_clearly_with_the_record_unchanged(
    tmp_path_factory, base_export, private_home, raw
):
    path = tmp_path_factory.mktemp("import") / "export.json"
    path.write_bytes(raw)
    runs["cases"] += 1
    with open_record(app_dirs(private_home)) as record:
        try_import(record, path)
