"""Mutating a parsed data file for the fuzz tests: every path to a value, and a document with a few values
replaced, removed or given an unexpected sibling."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import strategies as st

# An action of a test's own: given the value's parent, its key or index, and hypothesis's `data`, it changes
# the parent in place.
Action = Callable[[Any, Any, Any], None]
USUAL_CHOICES = ("replace", "replace", "remove", "extra")


def paths_in(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value in a parsed document (the document itself is the empty path)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths_in(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths_in(value, (*prefix, index))


def add_sibling(parent: Any, data: Any, values: st.SearchStrategy[Any], key_size: int) -> None:
    """An unexpected sibling: a new key (of up to `key_size` characters) in a mapping, a new entry in a list."""
    if isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=key_size))] = data.draw(values)
    else:
        parent.append(data.draw(values))


def mutate(
    document: Any,
    data: Any,
    values: st.SearchStrategy[Any],
    *,
    key_size: int = 12,
    choices: tuple[str, ...] = USUAL_CHOICES,
    actions: dict[str, Action] | None = None,
) -> Any:
    """A copy of `document` with 1-3 values changed, each by an action drawn from `choices`: "replace" (by one
    of `values`), "remove", "extra" (`add_sibling`), or one of the test's own `actions`."""
    own = actions or {}
    changed = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in paths_in(changed) if p]
        if not paths:
            return data.draw(values)
        path = data.draw(st.sampled_from(paths))
        parent = changed
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(choices))
        if action in own:
            own[action](parent, path[-1], data)
        elif action == "replace":
            parent[path[-1]] = data.draw(values)
        elif action == "remove":
            del parent[path[-1]]
        else:
            add_sibling(parent, data, values, key_size)
    return changed
