"""What the corpus needs to know about an OpenAPI or Swagger document.

The operation count is the one every other number is measured against (what the
generated SDKs hold, what was dropped), so it is defined once, here: one operation
per HTTP method under each path item, as both specifications define it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The methods a path item may hold (OpenAPI 3.x; Swagger 2.0 has all but trace).
METHODS = frozenset(
    {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
)


def count_operations(document: Any) -> int:
    """The number of operations a parsed document declares (0 for a non-document)."""
    if not isinstance(document, Mapping):
        return 0
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, Mapping)
        for key in item
        if key in METHODS
    )


def describe_format(document: Any) -> str:
    """``openapi 3.0.3``, ``swagger 2.0``, or ``unknown``."""
    if isinstance(document, Mapping):
        for key in ("openapi", "swagger"):
            version = document.get(key)
            if isinstance(version, str):
                return f"{key} {version}"
    return "unknown"
