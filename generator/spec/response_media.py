"""How a response's media type and a field's type read on the wire.

``body_kind`` decides how the SDK reads a response body: JSON, bytes (binary media
types), text (text/* and XML) or nothing. ``shape_kind`` names the JSON kind a
required field must have for an object to match a union variant decided by shape.
"""

from __future__ import annotations

from generator.spec.typeexpr import TypeRef, strip_nullable

__all__ = ["BINARY_PREFIXES", "body_kind", "is_binary_media", "shape_kind"]

BINARY_PREFIXES = ("image/", "audio/", "video/")
_BINARY_TYPES = frozenset(
    {"application/octet-stream", "application/pdf", "application/zip"}
)

_SHAPE_KINDS = {
    "string": "string",
    "date": "string",
    "datetime": "string",
    "uuid": "string",
    "bytes": "string",
    "integer": "integer",
    "epoch": "integer",
    "number": "number",
    "boolean": "boolean",
}


def is_binary_media(media_type: str) -> bool:
    """Whether a body of ``media_type`` is bytes (a file, an image, a PDF)."""
    return media_type in _BINARY_TYPES or media_type.startswith(BINARY_PREFIXES)


def is_text_media(media_type: str) -> bool:
    """Whether a body of ``media_type`` is text the SDK returns as ``str``."""
    return (
        media_type.startswith("text/")
        or media_type.endswith("/xml")
        or media_type.endswith("+xml")
    )


def body_kind(media_type: str, ref: TypeRef | None) -> str:
    """How the body is read: json, bytes, text or none (no type: nothing)."""
    if ref is None:
        return "none"
    if is_binary_media(media_type) or (ref.kind, ref.name) == ("primitive", "bytes"):
        return "bytes"
    if is_text_media(media_type):
        return "text"
    return "json"


def shape_kind(ref: TypeRef, nullable: bool) -> str:
    """The JSON kinds a value of ``ref`` may have, comma-separated ("string,null")."""
    inner, wrapped = strip_nullable(ref)
    if inner.kind == "list":
        kind = "array"
    elif inner.kind in ("map", "model"):
        kind = "object"
    else:
        kind = _SHAPE_KINDS.get(inner.name, "any")
    if kind != "any" and (nullable or wrapped):
        kind += ",null"
    return kind
