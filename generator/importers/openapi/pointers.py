"""JSON pointers into a document, and the error a ``$ref`` that leads nowhere raises.

Its own module so that both the resolver (``document``) and the Swagger
converter, which ``document`` calls, can follow pointers without importing each
other.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

__all__ = ["RefError", "walk_pointer"]


class RefError(Exception):
    """A ``$ref`` that cannot be followed (remote, missing, malformed)."""


def walk_pointer(data: Any, fragment: str, ref: str = "") -> Any:
    """The value at JSON pointer ``fragment`` (``/a/b~1c``) in ``data``.

    Raises:
        RefError: the pointer leads nowhere.
    """
    if fragment in ("", "/"):
        return data
    if not fragment.startswith("/"):
        raise RefError(f"$ref {ref!r}: only JSON pointers (#/...) are followed")
    value = data
    for raw in fragment[1:].split("/"):
        token = unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise RefError(f"$ref {ref!r} points to nothing")
    return value
