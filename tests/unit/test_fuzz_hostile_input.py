"""Hostile and malformed input, generated: school configs, raw bytes and imports (issue 15, fuzz).

Three generators, 7,000 cases in all (2,000 + 2,500 + 2,500) (with test_fuzz_data_files, test_loader_fuzz, test_fuzz_imports
and test_fuzz_check_answers, well over 10,000):
- deep, wide YAML documents whose leaves are the values that broke things before (dates at the ends of the
  calendar, huge numbers, control characters, tags, booleans where numbers go) read as a school config;
- arbitrary bytes (mostly not UTF-8) read as a school config and as a YAML data file;
- JSON documents, deep and odd, and arbitrary bytes, given to the import's preflight and full check.

For what loads, the tests check what the rest of the app relies on, not only "no traceback": the config
round-trips through its model, every term date is in range and the term maths and the calendar work on it,
every platform is known, every problem names its file and a line and prints without a control character;
an import that passes preflight is version 1 with bounded lists.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.commands.import_ import MAX_LIST_ENTRIES, Refused, preflight
from privacy_audit.core.catalogue import load_checklists
from privacy_audit.core.clauses import default_policy
from privacy_audit.core.loading import read_school_config
from privacy_audit.core.platforms import PLATFORM_IDS
from privacy_audit.core.school import EARLIEST_TERM_YEAR, LATEST_TERM_YEAR, SchoolConfig
from privacy_audit.core.terms import schedule_term_starts
from privacy_audit.core.text import visible
from privacy_audit.core.yamlsource import SourceError, parse_yaml
from privacy_audit.desktop.calendar import CalendarError, build_term_calendar
from privacy_audit.store.exchange import ImportRejected, read_export

POLICY = default_policy()
CHECKLISTS = load_checklists(policy=POLICY)[0]
KNOWN = frozenset(CHECKLISTS) | frozenset(PLATFORM_IDS)
FIELDS = list(SchoolConfig.model_fields) + ["colour", "contact", "name", "email", "id", "title"]
runs = {"hostile school configs": 0, "raw bytes": 0, "hostile imports": 0}

HOSTILE_TEXT = [
    "\x1b[2J\x1b[H",
    "\x1b]8;;https://evil.example/\x07x\x1b]8;;\x07",
    "Line one\nLine two",
    "Evil\rEND:VEVENT\rSUMMARY:Injected",
    "\u202eexe.gnp",
    "\x00",
    "\x9b31m",
    "facebok",
    "general",
    "facebook",
    "{0} %s",
]
YAML_LEAVES = [
    "0001-01-01",
    "0001-03-02",
    "9999-12-31",
    "9999-11-02",
    "1969-12-31",
    "2201-01-01",
    "2026-09-03",
    "2027-02-29",
    "20260903",
    "1788393600",
    "9" * 30,
    "-" + "9" * 25,
    "0x1F",
    "1.0",
    "true",
    "'yes'",
    "~",
    ".nan",
    "!!set {a, b}",
    "!!binary aGVsbG8=",
    "!foo bar",
    "!!omap [{a: 1}]",
    "2026-09-03T10:00:00+99:00",
    '"\\U00110000"',
    '"\\e[2J"',
]


def _yaml_scalar(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value).lower()


leaves = st.one_of(
    st.sampled_from(YAML_LEAVES),
    st.sampled_from(HOSTILE_TEXT).map(lambda text: json.dumps(text)),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
    st.text(max_size=20).map(lambda text: json.dumps(text)),
)


def render(node: object, indent: int = 0) -> str:
    """A YAML text built by hand (so tags and odd scalars survive), in block style."""
    pad = "  " * indent
    if isinstance(node, dict):
        if not node:
            return "{}"
        return "\n" + "\n".join(f"{pad}{key}: {render(value, indent + 1)}" for key, value in node.items())
    if isinstance(node, list):
        if not node:
            return "[]"
        return "\n" + "\n".join(f"{pad}- {render(value, indent + 1).lstrip()}" for value in node)
    return str(node)


documents = st.dictionaries(
    st.sampled_from(FIELDS),
    st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)
        ),
        max_leaves=60,
    ),
    min_size=1,
    max_size=8,
)


def fuzz(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


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


def assert_usable(path, reading) -> None:
    """What the app, status, remind and the calendar rely on, for whatever was read from `path`."""
    config = reading.config
    assert SchoolConfig.model_validate(config.model_dump()) == config
    assert all(EARLIEST_TERM_YEAR <= day.year <= LATEST_TERM_YEAR for day in config.term_starts)
    assert set(config.platforms) <= KNOWN
    today = dt.date(2026, 12, 1)
    starts = schedule_term_starts(list(config.term_starts), today)
    assert starts == sorted(starts) and starts
    try:
        calendar = build_term_calendar(term_starts=starts, school_name=config.school_name, today=today)
    except CalendarError:
        pass
    else:
        assert b"\r" not in calendar.replace(b"\r\n", b"") and b"\n" not in calendar.replace(b"\r\n", b"")
    for problem in reading.problems:
        text = str(problem)
        assert text.startswith(f"{path}:{problem.line}:") and problem.line >= 1
        assert "Traceback" not in text and "Error(" not in text
        shown = visible(text)
        assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in shown)


@fuzz(2000)
@given(document=documents)
def test_a_hostile_school_config_loads_what_it_can_and_every_part_of_the_app_survives_it(
    tmp_path_factory, document
):
    path = tmp_path_factory.mktemp("school") / "school.yaml"
    path.write_text(render(document).lstrip("\n") + "\n", encoding="utf-8")
    runs["hostile school configs"] += 1
    assert_usable(path, read_school_config(path, POLICY, KNOWN, CHECKLISTS))


raw_bytes = st.one_of(
    st.binary(max_size=600),
    st.lists(
        st.sampled_from(
            [
                b"a: ",
                b"- ",
                b"\n",
                b"  ",
                b"\xff",
                b"\xe9",
                b"\xc3",
                b"[",
                b"{",
                b"\x00",
                b"2026-09-03",
                b"term_starts:",
                b"\xef\xbb\xbf",
                b"\r",
                b"!!",
                b"&a ",
                b"*a",
            ]
        ),
        max_size=80,
    ).map(b"".join),
    st.text(max_size=200).map(lambda text: text.encode("utf-16")),
    st.text(max_size=200).map(lambda text: text.encode("latin-1", "replace")),
)


@fuzz(2500)
@given(raw=raw_bytes)
def test_arbitrary_bytes_give_a_problem_with_a_line_or_a_usable_config(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "school.yaml"
    path.write_bytes(raw)
    runs["raw bytes"] += 1
    try:
        document = parse_yaml(path, raw)
    except SourceError as exc:
        assert exc.line >= 1 and exc.message and "Traceback" not in exc.message
    else:
        assert all(line >= 1 for line in document.lines.values())
    assert_usable(path, read_school_config(path, POLICY, KNOWN, CHECKLISTS))


json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False),
    st.sampled_from(HOSTILE_TEXT + ["privacy-audit-record", "ok", "2026-09-03T10:00:00+00:00"]),
    st.text(max_size=12),
)
json_documents = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=80,
).map(
    lambda value: (
        {"format": "privacy-audit-record", "version": 1, "checks": value}
        if isinstance(value, list)
        else value
    )
)
import_texts = st.one_of(
    json_documents.map(lambda value: json.dumps(value).encode()),
    st.integers(1, 3000).map(lambda depth: (b"[" * depth) + (b"]" * depth)),
    st.binary(max_size=300),
    st.sampled_from(
        [b"\xef\xbb\xbf{}", b'{"version": 2}', b'{"version": true}', b'{"a": 1, "a": 2}', b"NaN"]
    ),
)


@fuzz(2500)
@given(raw=import_texts)
def test_an_import_passes_preflight_only_when_it_is_bounded_and_version_1(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("import") / "export.json"
    path.write_bytes(raw)
    runs["hostile imports"] += 1
    try:
        preflight(path)
    except Refused as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    data = json.loads(raw.decode("utf-8"))
    if isinstance(data, dict):
        assert data.get("version") in (None, 0, 1) or (
            isinstance(data.get("version"), int) and data["version"] < 1
        )
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            assert len(node) <= MAX_LIST_ENTRIES
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    try:
        document = read_export(path)
    except ImportRejected as exc:
        assert exc.problems and all(problem.startswith(str(path)) for problem in exc.problems)
    else:
        assert document.version == 1
