"""``nests_within`` against the definitions of depth and of values.

The importer holds a JSON document to its depth limit with it, and the writer's
check from memory holds its data to the loader's limits.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.spec.validate import nests_within


def _levels(value: Any) -> int:
    """The nesting depth by its definition: a scalar or an empty container is 1."""
    children = value.values() if isinstance(value, dict) else value
    if not isinstance(value, (dict, list)) or not children:
        return 1
    return 1 + max(_levels(child) for child in children)


def _values(value: Any) -> int:
    """Every value, containers and scalars, the top one included."""
    if isinstance(value, dict):
        return 1 + sum(_values(child) for child in value.values())
    if isinstance(value, list):
        return 1 + sum(_values(child) for child in value)
    return 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=40,
)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(value=JSON)
def test_the_depth_held_to_is_the_nesting(value: Any) -> None:
    levels = _levels(value)
    for depth in range(1, levels + 2):
        assert nests_within(value, depth) == (levels <= depth)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(value=JSON)
def test_the_values_held_to_are_every_value(value: Any) -> None:
    count = _values(value)
    for limit in (count - 1, count, count + 1):
        assert nests_within(value, 100, values=limit) == (count <= limit)
