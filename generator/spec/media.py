"""What kind of encoding a request body's media type means.

Shared by the semantic rules, the intermediate model and the OpenAPI export, so
they agree on which media types are JSON (any ``application/*+json`` is), forms,
multipart or raw content. The SDK's runtime (``_body.media_kind``) decides the
same way at call time.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["MediaKind", "media_kind"]

MediaKind = Literal["json", "form", "multipart", "text", "binary"]


def media_kind(media_type: str) -> MediaKind:
    """``json``, ``form``, ``multipart``, ``text`` (``text/*``) or ``binary``."""
    main = media_type.split(";", 1)[0].strip().lower()
    if main == "application/json" or (
        main.startswith("application/") and main.endswith("+json")
    ):
        return "json"
    if main == "application/x-www-form-urlencoded":
        return "form"
    if main == "multipart/form-data":
        return "multipart"
    return "text" if main.startswith("text/") else "binary"
