"""Which policy clauses each platform's checklist covers, as a table a DSL can read at a glance."""

from __future__ import annotations

from privacy_audit.core.checklist import Checklist, clause_sort_key


def clauses_covered(checklist: Checklist) -> set[str]:
    return {clause for item in checklist.items for clause in item.clauses}


def coverage_table(checklists: list[Checklist]) -> str:
    """Rows are clauses, columns are platforms; '✓' where at least one item cites the clause."""
    covered = {c.platform: clauses_covered(c) for c in checklists}
    clauses = sorted(set().union(*covered.values()) if covered else set(), key=clause_sort_key)
    platforms = [c.platform for c in checklists]
    width = max((len(c) for c in clauses), default=6) + 2
    header = "clause".ljust(width) + " ".join(p[:9].center(9) for p in platforms)
    rows = [header]
    for clause in clauses:
        marks = " ".join(("✓" if clause in covered[p] else "·").center(9) for p in platforms)
        rows.append(clause.ljust(width) + marks)
    return "\n".join(rows)
