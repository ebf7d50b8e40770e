"""The policy clauses that checklist items cite, loaded from `resources/policy_clauses.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from privacy_audit.core.paths import resource_path
from privacy_audit.core.yamlsource import load_yaml


@dataclass(frozen=True)
class Clause:
    id: str
    section: str
    text: str
    summary: str


@dataclass(frozen=True)
class Policy:
    title: str
    source: str
    clauses: dict[str, Clause]

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self.clauses

    def __getitem__(self, clause_id: str) -> Clause:
        return self.clauses[clause_id]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self.clauses)


def load_policy(path: Path | None = None) -> Policy:
    """Read the clause list; it ships with the app, so a broken one is a bug and raises."""
    document = load_yaml(path or resource_path("policy_clauses.yaml"))
    data = document.data
    clauses = {}
    for entry in data["clauses"]:
        clause = Clause(
            id=str(entry["id"]), section=entry["section"], text=entry["text"], summary=entry["summary"]
        )
        clauses[clause.id] = clause
    return Policy(title=data["policy"]["title"], source=data["policy"]["source"], clauses=clauses)


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    return load_policy()
