"""Encoding an operation's arguments into the parts of an HTTP request.

Pure functions: ``build_request`` maps ``args`` (python name -> value, ``None``
meaning "not passed") onto the URL path, query string, form body, multipart
files and headers, following each ``Param``'s location and list style. GET and
DELETE carry form parameters in the query string; POST, PUT and PATCH in the
body. The result is built once per call and turned into an ``httpx.Request``
per attempt, so retries resend identical bytes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ._body import add_body
from ._operation import Operation, Param
from ._wire_types import wire_args

if TYPE_CHECKING:  # _uploads is imported where a file is sent: import time
    from ._uploads import Upload, UploadBody

__all__ = ["RequestParts", "build_request", "encode_value"]

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})

FileTuple = tuple[str | None, Any, str | None]
"""Filename, content (bytes or a file-like object httpx streams), content type;
a part without a filename (and type) is a text field of a multipart body."""


class RequestParts:
    """Everything needed to send one call, before auth and extras are added.

    A plain class: one is made per call, and a dataclass would compile methods
    nothing uses when the module is imported.
    """

    __slots__ = (
        "bodies",
        "content",
        "data",
        "files",
        "headers",
        "method",
        "params",
        "path",
        "stream",
        "url",
    )

    def __init__(self, method: str, url: str, path: str) -> None:
        self.method = method
        self.url = url
        self.path = path
        """The operation's path template, for error messages."""
        self.params: list[tuple[str, str]] = []
        self.headers: dict[str, str] = {}
        self.data: dict[str, str | list[str]] = {}
        self.files: list[tuple[str, FileTuple]] = []
        self.bodies: list[UploadBody] = []
        """The upload bodies behind ``files``; ``close`` releases files opened here."""
        self.content: bytes | None = None
        """An encoded request body (JSON, form, raw bytes); see ``_body``."""
        self.stream: UploadBody | None = None
        """A raw request body streamed from a file or iterator (also in ``bodies``)."""

    @property
    def rewindable(self) -> bool:
        """Whether the request can be sent again (every upload body can rewind)."""
        return all(body.rewindable for body in self.bodies)

    def close(self) -> None:
        """Close the files this call opened; the caller's own stay open."""
        for body in self.bodies:
            body.close()


def build_request(
    op: Operation[Any], args: Mapping[str, Any], *, base_url: str
) -> RequestParts:
    """Encode ``args`` for ``op``; raise ``TypeError``/``ValueError`` on bad input.

    Files to upload from a path are opened here: ``close()`` the result after
    the call.
    """
    known = op.known_arguments
    if not known.issuperset(args):
        unknown = sorted(set(args) - known)
        raise TypeError(f"{op.name}: unexpected argument(s) {', '.join(unknown)}")
    if op.wire_kinds:
        args = wire_args(op, args)  # dates, epochs, UUIDs as their wire text
    method = op.method.upper()
    path = _fill_path(op, args)
    parts = RequestParts(method, base_url.rstrip("/") + path, op.path)
    try:
        _add_params(parts, op, args)
        if op.body is not None:
            add_body(parts, op, args)
    except BaseException:
        parts.close()  # an upload opened before a later argument failed
        raise
    return parts


def _add_params(
    parts: RequestParts, op: Operation[Any], args: Mapping[str, Any]
) -> None:
    in_body = parts.method in _BODY_METHODS
    for param in op.params:
        value = args.get(param.python)
        if value is None and param.location == "header":
            value = param.default  # a header's default is a constant it sends
        if value is None or param.location == "path":
            continue
        if param.location == "file":
            from ._uploads import to_upload

            _add_upload(parts, param, to_upload(value, param.python), args, op)
        elif param.location == "header":
            parts.headers[param.wire] = ",".join(_encode_all(param, value, op))
        elif param.location == "form" and in_body:
            _add_field(parts.data, param, value, op)
        else:
            parts.params.extend((param.wire, v) for v in _encode_list(param, value, op))


def encode_value(value: object, name: str, op_name: str) -> str:
    """Encode one scalar the way form and query values travel."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(
        f"{op_name}: parameter {name!r} cannot be a {type(value).__name__}; "
        "expected str, int, float, bool or a list of them"
    )


def _encode_all(param: Param, value: object, op: Operation[Any]) -> list[str]:
    if isinstance(value, list | tuple | set | frozenset):
        return [_scalar(item, param, op) for item in value]
    return [encode_value(value, param.python, op.name)]


def _scalar(item: object, param: Param, op: Operation[Any]) -> str:
    if isinstance(item, list | tuple | set | frozenset | dict):
        raise TypeError(
            f"{op.name}: parameter {param.python!r} cannot hold nested lists"
        )
    return encode_value(item, param.python, op.name)


def _encode_list(param: Param, value: object, op: Operation[Any]) -> list[str]:
    values = _encode_all(param, value, op)
    if not values and param.style == "repeat":
        # Repeated keys have no spelling for "none": sending nothing would mean
        # "not given" to the API, which is not what an empty list says.
        raise ValueError(
            f"{op.name}: {param.python}=[] cannot be sent as repeated "
            f"{param.wire!r} keys; pass None to leave it out"
        )
    if param.style == "csv" and isinstance(value, list | tuple | set | frozenset):
        return [",".join(values)]
    return values


def _add_field(
    data: dict[str, str | list[str]], param: Param, value: object, op: Operation[Any]
) -> None:
    values = _encode_list(param, value, op)
    is_list = (
        isinstance(value, list | tuple | set | frozenset) and param.style == "repeat"
    )
    data[param.wire] = values if is_list else values[0]


def _fill_path(op: Operation[Any], args: Mapping[str, Any]) -> str:
    path = op.path
    for param in op.params:
        if param.location != "path":
            continue
        value = args.get(param.python)
        if value is None:
            value = param.default
        if value is None:
            raise ValueError(
                f"{op.name}: missing required path parameter {param.python!r}"
            )
        # A plain str (most ids) is its own encoding.
        text = value if type(value) is str else ",".join(_encode_all(param, value, op))
        if text == "":
            raise ValueError(f"{op.name}: path parameter {param.python!r} is empty")
        path = path.replace("{" + param.wire + "}", _quote_segment(text))
    return path


def _quote_segment(text: str) -> str:
    # quote() leaves '.' alone, and httpx resolves '.'/'..' segments: a value of
    # '..' would otherwise address the parent resource.
    if text in {".", ".."}:
        return text.replace(".", "%2E")
    if text.isascii() and text.isalnum():
        return text  # what quote() would return, without its cost
    return quote(text, safe="")


def _add_upload(
    parts: RequestParts,
    param: Param,
    upload: Upload,
    args: Mapping[str, Any],
    op: Operation[Any],
) -> None:
    if upload.kind == "file":
        content_type = upload.content_type or "application/octet-stream"
        body = upload.open()
        parts.bodies.append(body)
        file = (upload.filename or "upload", body.content, content_type)
        parts.files.append((param.wire, file))
    else:
        parts.data[param.wire] = upload.text or ""
    kind_field = param.upload_kind_param
    if kind_field is None or upload.kind not in param.upload_kind_values:
        return
    if _caller_set(op, args, kind_field):
        return
    parts.data[kind_field] = param.upload_kind_values[upload.kind]


def _caller_set(op: Operation[Any], args: Mapping[str, Any], wire: str) -> bool:
    return any(
        param.wire == wire and args.get(param.python) is not None for param in op.params
    )
