"""Whatever arrives on `privacy-audit check`'s standard input, it ends with a saved check or a clear
"nothing was saved", never a traceback - and what it saves is exactly what the answers said.

The command runs in this process (thousands of runs would take minutes as child processes) against a real
record; the catalogue is loaded once and handed to every run, as it would be loaded by each child anyway.
Input is bytes, decoded as a terminal's standard input is (UTF-8, undecodable bytes escaped), so broken
encodings, control characters, NULs and Windows line ends are all covered.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.commands import check
from privacy_audit.commands.check import answer_keys
from privacy_audit.core.catalogue import load_catalogue
from privacy_audit.core.paths import app_dirs
from privacy_audit.store import open_record

CATALOGUE = load_catalogue()
PLATFORMS = ("general", "facebook", "x", "bluesky")  # bluesky: a setting that cannot be made safe
runs = {"cases": 0}

valid = st.sampled_from(["y", "c", "n", "s", "Y", " n ", "S\t", "c\r", "1", " 2", "3\t", "4", "x"])
odd = st.one_of(
    st.sampled_from(["?", "yes", "", "q", "\x1b[A", "y y", "0", "-", "\x00", "\u202ey", "ｙ"]),
    st.text(max_size=40).map(lambda t: t.replace("\n", " ").replace("\r", " ")),
)


@st.composite
def answer_streams(draw) -> bytes:
    """Some answers (often enough for a whole check, often not) with odd lines slipped in between."""
    lines = [draw(valid) for _ in range(draw(st.integers(0, 16)))]
    for _ in range(draw(st.integers(0, 6))):
        lines.insert(draw(st.integers(0, len(lines))), draw(odd))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return (end.join(lines) + (end if draw(st.booleans()) else "")).encode("utf-8", "surrogatepass")


streams = st.one_of(answer_streams(), st.binary(max_size=300))


def expected_answers(data: bytes, items: list) -> list[str] | None:
    """What the command should save for this input: the answers it reads (each item takes the keys
    `answer_keys` gives it: 1-4 and the letters), or None when input ends first."""
    text = data.decode("utf-8", "surrogateescape")
    lines = io.StringIO(text, newline=None).readlines()
    answers: list[str] = []
    for line in lines:
        key = line.strip().lower()
        keys, _prompt = answer_keys(items[len(answers)])
        if key in keys:
            answers.append(keys[key])
            if len(answers) == len(items):
                return answers
    return None


@pytest.fixture(scope="module", autouse=True)
def figures():
    """Tell benchmarks/bench_reliability.py (RELIABILITY_FIGURES) how many cases ran."""
    yield
    if os.environ.get("RELIABILITY_FIGURES") and runs["cases"]:
        with open(os.environ["RELIABILITY_FIGURES"], "a", encoding="utf-8") as out:
            out.write(json.dumps({"name": "fuzz_cases_check_answers", "value": runs["cases"]}) + "\n")


class Stdin(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def run_check(home: Path, platform: str, data: bytes) -> tuple[int, str, str]:
    stdin = Stdin(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    out, err = io.StringIO(), io.StringIO()
    previous = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = check.run(
                argparse.Namespace(
                    platform=platform, note="", accept_unencrypted=False, home=str(home), school_config=None
                )
            )
    finally:
        sys.stdin = previous
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def one_catalogue(monkeypatch):
    from privacy_audit.commands import _terminal as terminal

    real = terminal.load_catalogue_for
    loaded: list[object] = []

    def once(args, dirs, **options):
        if not loaded:
            loaded.append(real(args, dirs, **options))  # the real loader, schedule cache and all, once
        return loaded[0]

    monkeypatch.setattr(terminal, "load_catalogue_for", once)


@settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(platform=st.sampled_from(PLATFORMS), data=streams)
def test_any_input_saves_exactly_the_answers_given_or_nothing(
    tmp_path_factory, one_catalogue, platform, data
):
    checklist = CATALOGUE.get(platform)
    home = tmp_path_factory.mktemp("answers")

    code, out, err = run_check(home, platform, data)

    runs["cases"] += 1
    assert "Traceback" not in out + err
    expected = expected_answers(data, list(checklist.items))
    if expected is None:
        assert code == 1 and "nothing was saved" in err, (out, err)
        if app_dirs(home).record_file.exists():
            with open_record(app_dirs(home)) as record:
                assert record.checks() == [], "an unfinished check is not saved"
        return
    assert code == 0, (out, err)
    assert f"{checklist.name} check finished" in out
    with open_record(app_dirs(home)) as record:
        [saved] = record.checks()
        assert saved.platform == platform and saved.item_ids == checklist.item_ids
        assert [a.answer.value for a in saved.answers] == expected
        assert platform in record.platforms_in_use()
