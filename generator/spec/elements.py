"""Name the part of a spec a JSON path points into, the way a person would.

Shared by the schema and semantic layers of validation, so both say
"in operation album.get" or "in model Image field 'id'" rather than a raw path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

JsonPath = tuple[str | int, ...]


def dotted(path: Sequence[str | int]) -> str:
    """``('resources', 'album', 'tags', 0)`` -> ``$.resources.album.tags[0]``."""
    return "$" + relative(path, leading_dot=True)


def relative(path: Sequence[str | int], leading_dot: bool = False) -> str:
    """``('parameters', 0, 'name')`` -> ``parameters[0].name``."""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return text if leading_dot else text.removeprefix(".")


def describe(path: Sequence[str | int], document: Any) -> tuple[str, JsonPath]:
    """Split ``path`` into the spec element it lies in and the rest of the path.

    ``('resources', 'album', 'operations', 'get', 'method')`` gives
    ``("operation album.get", ('method',))``.
    """
    match list(path):
        case ["resources", str(r), "operations", str(o), "parameters", int(i), *rest]:
            name = _parameter_name(document, r, o, i)
            return f"parameter {name} of {r}.{o}", tuple(rest)
        case ["resources", str(r), "operations", str(o), *rest]:
            return f"operation {r}.{o}", tuple(rest)
        case ["resources", str(r), *rest]:
            return f"resource {r}", tuple(rest)
        case ["models", str(m), "fields", str(f), *rest]:
            return f"model {m} field '{f}'", tuple(rest)
        case ["models", str(m), "union", "variants", int(i), *rest]:
            return f"variant #{i + 1} of union {m}", tuple(rest)
        case ["models", str(m), *rest]:
            return f"model {m}", tuple(rest)
        case ["auth", str(a), *rest]:
            return f"auth scheme '{a}'", tuple(rest)
        case ["rate_limits", int(i), *rest]:
            return f"rate limit header #{i + 1}", tuple(rest)
        case [str(section), *rest]:
            return f"section '{section}'", tuple(rest)
    return "the top level of the spec", tuple(path)


def subject(path: Sequence[str | int], document: Any) -> str:
    """``'method' in operation album.get``, or the element if the path ends on it."""
    element, rest = describe(path, document)
    return f"'{relative(rest)}' in {element}" if rest else element


def _parameter_name(document: Any, resource: str, operation: str, index: int) -> str:
    try:
        name = document["resources"][resource]["operations"][operation]["parameters"]
        name = name[index]["name"]
    except (KeyError, IndexError, TypeError):
        return f"#{index + 1}"
    return f"'{name}'" if isinstance(name, str) else f"#{index + 1}"
