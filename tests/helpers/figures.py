"""Figures the privacy and reliability tests hand to benchmarks/bench_reliability.py."""

from __future__ import annotations

import json
import os


def count(name: str, value: int) -> None:
    """Hand a figure to benchmarks/bench_reliability.py when it runs these tests (RELIABILITY_FIGURES)."""
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"name": name, "value": value}) + "\n")
