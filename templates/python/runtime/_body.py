"""Encoding an operation's request body: JSON, forms, multipart and raw content.

``add_body`` reads the body arguments of a call (a model body's fields by their
python names, or the whole body as ``body``, and ``content_type``) and puts the
encoded body on ``RequestParts``. What is sent:

- an argument left at ``NOT_GIVEN`` is not sent at all; ``None`` is JSON ``null``
  (an empty value, ``key=``, in a form, which is how form APIs clear a field);
  ``[]`` and ``{}`` are sent as they are (``key=`` in a form);
- JSON (``application/json`` and any ``application/*+json``): compact UTF-8,
  models as their ``to_dict()``, dates as ISO 8601;
- ``application/x-www-form-urlencoded``: nested objects and lists as bracketed
  keys (``metadata[plan]=pro``, ``items[0][price]=p_1``), booleans as
  ``true``/``false``;
- ``multipart/form-data``: the same keys as text parts, files as file parts,
  streamed from disk as ``_uploads`` does;
- anything else is raw: ``text/*`` from a ``str``, other types from bytes, a
  path, a binary file (streamed) or an iterator of bytes (sent once, never
  retried).
"""

from __future__ import annotations

import enum
import io
import json
import os
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any, TypeAlias
from urllib.parse import urlencode

from ._types import NOT_GIVEN

# _uploads is imported where a file is sent: it costs import time (a dataclass)
# that calls without files do not need.
if TYPE_CHECKING:
    from ._operation import Body, Operation
    from ._request import RequestParts
    from ._uploads import Upload

__all__ = [
    "RawContent",
    "add_body",
    "argument_names",
    "body_arguments",
    "media_kind",
    "request_content",
]

RawContent: TypeAlias = (
    "bytes | Upload | os.PathLike[str] | IO[bytes] | Iterable[bytes]"
)
"""What a raw (``application/octet-stream``) body accepts."""

_CHUNK = 64 * 1024


def media_kind(media_type: str) -> str:
    """``json``, ``form``, ``multipart``, ``text`` or ``binary``."""
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


def body_arguments(body: Body | None) -> tuple[str, ...]:
    """The python names of the body arguments a method takes."""
    if body is None:
        return ()
    names = [field.python for field in body.fields or ()] + ["body"]
    return (*names, "content_type")


def argument_names(op: Operation[Any]) -> tuple[str, ...]:
    """Every keyword argument of ``op``'s method, for did-you-mean hints."""
    return tuple(param.python for param in op.params) + body_arguments(op.body)


def add_body(parts: RequestParts, op: Operation[Any], args: Mapping[str, Any]) -> None:
    """Encode the body arguments of ``args`` onto ``parts``; TypeError on misuse."""
    body = op.body
    if body is None:
        return
    media_type = _media_type(op, body, args.get("content_type", NOT_GIVEN))
    value = _body_value(op, body, args)
    if value is NOT_GIVEN:
        if body.required:
            raise TypeError(f"{op.name}: missing the request body")
        return
    kind = media_kind(media_type)
    if kind == "json":
        parts.content = _json_bytes(_plain(value, body), op.name)
    elif kind == "form":
        pairs: list[tuple[str, str]] = []
        _flatten("", _plain(value, body), pairs, op.name)
        parts.content = urlencode(pairs).encode("ascii")
    elif kind == "multipart":
        _add_multipart(parts, op, body, value)
        return  # httpx writes the Content-Type with its boundary
    elif kind == "text":
        if not isinstance(value, str):
            raise TypeError(f"{op.name}: a {media_type} body is a str")
        parts.content = value.encode("utf-8")
        media_type += "; charset=utf-8"
    else:
        _add_raw(parts, op, value)
    parts.headers["Content-Type"] = media_type


def _media_type(op: Operation[Any], body: Body, chosen: object) -> str:
    if chosen is NOT_GIVEN or chosen is None:
        return body.media_types[0]
    if chosen not in body.media_types:
        accepted = ", ".join(repr(m) for m in body.media_types)
        raise ValueError(f"{op.name}: content_type={chosen!r} is not one of {accepted}")
    return str(chosen)


def _body_value(op: Operation[Any], body: Body, args: Mapping[str, Any]) -> Any:
    """The body as one value: the whole ``body=``, or a dict of the given fields."""
    whole = args.get("body", NOT_GIVEN)
    if body.fields is None:
        return whole
    given = {
        field.wire: args[field.python]
        for field in body.fields
        if args.get(field.python, NOT_GIVEN) is not NOT_GIVEN
    }
    if whole is not NOT_GIVEN:
        if given:
            names = ", ".join(f.python for f in body.fields if f.wire in given)
            raise TypeError(
                f"{op.name}: pass the body either as body= or as keyword "
                f"arguments, not both (got body= and {names})"
            )
        return whole
    if not given:
        # A required body with no required fields: every field left out is {}.
        return {} if body.required else NOT_GIVEN
    missing = [f.python for f in body.fields if f.required and f.wire not in given]
    if missing:
        raise TypeError(f"{op.name}: missing body argument(s) {', '.join(missing)}")
    return given


def _plain(value: Any, body: Body | None = None) -> Any:
    """``value`` as JSON-ready data: models as dicts, enums as values.

    ``body`` is given at the top level only: a model sent whole as the body (one
    the API returned, say) loses the fields the API sets itself (read-only),
    which it would refuse; a mapping is sent as the caller wrote it.
    """
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if v is not NOT_GIVEN}
    if hasattr(value, "to_dict") and hasattr(value, "raw"):
        data = _plain(value.to_dict())
        if body is not None and body.read_only:
            data = {k: v for k, v in data.items() if k not in body.read_only}
        return data
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _json_bytes(value: Any, op_name: str) -> bytes:
    try:
        text = json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{op_name}: the body cannot be sent as JSON: {exc}") from None
    return text.encode("utf-8")


def _flatten(key: str, value: Any, out: list[tuple[str, str]], op_name: str) -> None:
    """Form pairs of ``value`` under ``key``, nested keys in brackets."""
    if isinstance(value, Mapping):
        if not value and key:
            out.append((key, ""))
        for name, item in value.items():
            _flatten(f"{key}[{name}]" if key else str(name), item, out, op_name)
    elif isinstance(value, list):
        if not value:
            out.append((key, ""))
        for index, item in enumerate(value):
            _flatten(f"{key}[{index}]", item, out, op_name)
    elif not key:
        raise TypeError(f"{op_name}: a form body is a mapping of fields")
    else:
        out.append((key, _form_text(value, key, op_name)))


def _form_text(value: Any, key: str, op_name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise TypeError(f"{op_name}: body field {key!r} cannot be a {type(value).__name__}")


def _is_file(value: object) -> bool:
    from ._uploads import Upload

    return isinstance(value, Upload | bytes | bytearray | os.PathLike) or hasattr(
        value, "read"
    )


def _add_multipart(
    parts: RequestParts, op: Operation[Any], body: Body, value: Any
) -> None:
    from ._uploads import to_upload

    files = {f.wire for f in body.fields or () if f.file}
    if not isinstance(value, Mapping):
        value = _plain(value, body)
    if not isinstance(value, Mapping):
        raise TypeError(f"{op.name}: a multipart body is a mapping of fields")
    # Text parts go among the files, in order, as parts without a filename: httpx
    # sends ``data`` without files as a urlencoded form, not as multipart.
    for key, item in value.items():
        if item is NOT_GIVEN:
            continue
        if key in files or _is_file(item):
            _add_file_part(parts, str(key), to_upload(item, str(key)))
            continue
        pairs: list[tuple[str, str]] = []
        _flatten(str(key), _plain(item), pairs, op.name)
        parts.files.extend((name, (None, text, None)) for name, text in pairs)


def _add_file_part(parts: RequestParts, key: str, upload: Upload) -> None:
    if upload.kind != "file":  # base64 text or a URL travels as a text part
        parts.files.append((key, (None, upload.text or "", None)))
        return
    opened = upload.open()
    parts.bodies.append(opened)
    content_type = upload.content_type or "application/octet-stream"
    parts.files.append((key, (upload.filename or key, opened.content, content_type)))


def _add_raw(parts: RequestParts, op: Operation[Any], value: Any) -> None:
    from ._uploads import to_upload

    if isinstance(value, bytes | bytearray | memoryview):
        parts.content = bytes(value)
        return
    if isinstance(value, str):
        raise TypeError(f"{op.name}: a binary body is bytes, a path or a file, not str")
    if not _is_file(value) and isinstance(value, Iterable):
        value = io.BufferedReader(_IterableReader(iter(value)))
    upload = to_upload(value, "body")
    if upload.kind != "file":  # base64 text or a URL: the text is the body
        parts.content = (upload.text or "").encode("utf-8")
        return
    if upload.path is not None:
        # Known up front: sent with a length rather than chunked, which some
        # upload endpoints (object stores) refuse.
        parts.headers["Content-Length"] = str(upload.path.stat().st_size)
    opened = upload.open()
    parts.bodies.append(opened)
    parts.stream = opened


class _IterableReader(io.RawIOBase):
    """An iterator of byte chunks as a file that cannot seek (sent once)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = bytes(chunk)
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def request_content(parts: RequestParts, *, is_async: bool) -> Any:
    """What to hand httpx as ``content=`` for one attempt (None: no raw body).

    A streamed body starts from its beginning again on each attempt; the client
    only retries one that can (``parts.rewindable``).
    """
    stream = parts.stream
    if stream is None:
        return parts.content
    source = stream.content
    if stream.rewindable:
        source.seek(0)  # type: ignore[union-attr]  # every rewindable body seeks
    return _async_chunks(source) if is_async else _chunks(source)


def _chunks(source: Any) -> Iterator[bytes]:
    while chunk := source.read(_CHUNK):
        yield chunk


async def _async_chunks(source: Any) -> AsyncIterator[bytes]:
    while chunk := source.read(_CHUNK):
        yield chunk
