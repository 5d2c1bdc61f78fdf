"""Specs drawn from spec/sdkgen.schema.json itself.

hypothesis-jsonschema does not read draft 2020-12 ($defs, if/then/else), so this
walks the schema with a small strategy per keyword. Conditional keywords (if,
then, else, not) are ignored: the specs they would exclude are still good
inputs, since validate must reject them with a location. Types and paths are
biased toward values that can be valid, so that some drawn specs get through
to generation.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.checks import REPO

SCHEMA: dict[str, Any] = json.loads(
    (REPO / "spec" / "sdkgen.schema.json").read_text("utf-8")
)

_TYPES = ["string", "integer", "number", "boolean", "any", "list[string]"]
_BIASED: dict[str, st.SearchStrategy[Any]] = {
    "#/$defs/typeExpression": st.sampled_from(_TYPES)
    | st.from_regex(SCHEMA["$defs"]["typeExpression"]["pattern"], fullmatch=True),
    "#/$defs/url": st.sampled_from(["https://api.example.test", "http://a.test/v1"])
    | st.from_regex(SCHEMA["$defs"]["url"]["pattern"], fullmatch=True),
}


def _resolve(reference: str) -> dict[str, Any]:
    node: Any = SCHEMA
    for part in reference.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _text(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    low = schema.get("minLength", 0)
    high = min(schema.get("maxLength", 12), 12)
    if "pattern" in schema:
        high_ok = schema.get("maxLength", 10**6)
        # Mostly whole matches; now and then what re.search also accepts, such as
        # a trailing newline, which validate must refuse.
        whole = st.from_regex(schema["pattern"], fullmatch=True)
        loose = st.from_regex(schema["pattern"])
        drawn = st.one_of(whole, whole, whole, whole, whole, whole, whole, loose)
        return drawn.filter(lambda s: low <= len(s) <= high_ok)
    return st.text(min_size=low, max_size=max(low, high))


def _number(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum")
    if integer:
        return st.integers(min_value=low, max_value=high)
    return st.floats(min_value=low, max_value=high, allow_nan=False)


def _object(schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {
        k: from_schema(v, depth + 1) for k, v in properties.items() if k in required
    }
    optional = {
        k: from_schema(v, depth + 1) for k, v in properties.items() if k not in required
    }
    strategy = st.fixed_dictionaries(fixed, optional=optional)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and depth < 6:
        names = from_schema(schema.get("propertyNames", {"type": "string"}), depth + 1)
        low = 1 if schema.get("minProperties") else 0
        more = st.dictionaries(
            names, from_schema(extra, depth + 1), min_size=low, max_size=2
        )
        return st.tuples(strategy, more).map(lambda pair: {**pair[1], **pair[0]})
    return strategy


def _array(schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    items = from_schema(schema.get("items", {"type": "string"}), depth + 1)
    low = schema.get("minItems", 0)
    unique = bool(schema.get("uniqueItems"))
    return st.lists(
        items, min_size=low, max_size=max(low, 3), unique_by=repr if unique else None
    )


def from_schema(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for (mostly) valid instances of ``schema``."""
    if "$ref" in schema:
        reference = schema["$ref"]
        if reference in _BIASED:
            return _BIASED[reference]
        return _deferred(reference, depth)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([from_schema(choice, depth) for choice in schema[key]])
    kinds = schema.get("type", "object" if "properties" in schema else "string")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**schema, "type": k}, depth) for k in kinds])
    if kinds == "object":
        return _object(schema, depth)
    if kinds == "array":
        return _array(schema, depth)
    if kinds == "boolean":
        return st.booleans()
    if kinds in ("integer", "number"):
        return _number(schema, kinds == "integer")
    return _text(schema)


@cache
def _referenced(reference: str, depth: int) -> st.SearchStrategy[Any]:
    return from_schema(_resolve(reference), depth)


def _deferred(reference: str, depth: int) -> st.SearchStrategy[Any]:
    return st.deferred(lambda: _referenced(reference, min(depth, 6)))


def schema_spec() -> st.SearchStrategy[dict[str, Any]]:
    """A whole spec: the top-level schema, with 'api' and 'resources' always drawn."""
    resources = {**SCHEMA["properties"]["resources"], "minProperties": 1}
    properties = {**SCHEMA["properties"], "resources": resources}
    top = {**SCHEMA, "properties": properties, "required": ["api", "resources"]}
    return _object(top, 0)
