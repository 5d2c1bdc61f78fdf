r"""The JSON Schema ``pattern`` keyword with ECMA 262 semantics, as the spec requires.

jsonschema runs patterns through Python's ``re.search``, where ``$`` also matches
before a final newline: ``^[a-z]+$`` accepts ``"thing\n"``, and a name ending in a
newline reached the generator. In ECMA regexes (what JSON Schema specifies) ``$``
without the multiline flag matches only at the very end, which is Python's ``\Z``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError


def ecma_to_python(pattern: str) -> str:
    r"""Rewrite each ``$`` anchor (not escaped, not in a class) as ``\Z``."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return "".join(out)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """The pattern compiled with ECMA's ``$``, once per process."""
    return re.compile(ecma_to_python(pattern))


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Typed as Any: jsonschema types extend() loosely.
EcmaValidator: Any = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern}
)
