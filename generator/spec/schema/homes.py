"""Where each key of the format belongs, read from the JSON Schema.

An unknown key is often a real key written in the wrong place (``responses:`` at
the top level instead of inside an operation), not a misspelling: the schema
check then says where the key belongs instead of guessing a word that merely
looks alike (``responses`` is not a typo of ``resources``).

The homes are the ``properties`` of the schema's top level and of every object in
``$defs``; a definition this table does not name yet is described from its own
name, so keys added to the format later find their home without an edit here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from generator.resources import load_schema

TOP_LEVEL = "the top level of the spec"

# What a person calls the object each definition describes.
_WORDS = {
    "api": "the 'api' section",
    "authScheme": "an auth scheme",
    "defaults": "the 'defaults' section",
    "envelope": "the 'envelope' section",
    "errors": "the 'errors' section",
    "rateLimitHeader": "a 'rate_limits' entry",
    "model": "a model",
    "union": "a model's 'union'",
    "field": "a model field",
    "resource": "a resource",
    "operation": "an operation",
    "parameter": "a parameter",
    "uploadKind": "a parameter's 'upload_kind'",
    "pagination": "an operation's 'paginate'",
    "deprecation": "an operation's 'deprecated'",
    "departure": "an operation's 'departures' entry",
}
_MAX_NAMED = 3


def key_homes(schema: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each key of the format -> the objects that accept it, in schema order."""
    homes: dict[str, list[str]] = {}
    for key in schema.get("properties", {}):
        homes.setdefault(key, []).append(TOP_LEVEL)
    for name, definition in schema.get("$defs", {}).items():
        if not isinstance(definition, dict):
            continue
        for key in definition.get("properties", {}):
            homes.setdefault(key, []).append(_words(name))
    return {key: tuple(dict.fromkeys(places)) for key, places in homes.items()}


@cache
def _spec_homes() -> dict[str, tuple[str, ...]]:
    return key_homes(load_schema())


def elsewhere(
    key: str,
    allowed: list[str],
    homes: Mapping[str, tuple[str, ...]] | None = None,
) -> str | None:
    """Where ``key`` belongs, when other objects of the format accept it; else None.

    Args:
        key: the unknown key.
        allowed: the keys of the object it was found in.
        homes: from ``key_homes``; the spec format's own by default.
    """
    if key in allowed:
        return None
    places = (homes if homes is not None else _spec_homes()).get(key, ())
    if not places:
        return None
    named = list(places[:_MAX_NAMED])
    rest = len(places) - len(named)
    if rest:
        named.append(f"{rest} other place{'s' if rest > 1 else ''}")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return f"'{key}' belongs inside {listed}"


def _words(definition: str) -> str:
    if definition in _WORDS:
        return _WORDS[definition]
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", definition).lower()
    article = "an" if words[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {words}"
