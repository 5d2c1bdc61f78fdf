"""The import's draft: the spec's shape as plain dicts, walked one way by every step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["draft_operations"]


def draft_operations(
    resources: dict[str, Any],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, operation) of every operation of ``resources``, resource by resource."""
    for resource in resources.values():
        yield from resource["operations"].items()
