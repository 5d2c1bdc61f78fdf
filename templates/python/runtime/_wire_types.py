"""Wire values the SDK parses to richer Python types, and back.

The spec's ``date``, ``datetime``, ``epoch``, ``uuid`` and ``bytes`` types travel as
JSON strings or numbers; models and return values hold ``datetime.date``,
``datetime.datetime`` (always timezone aware), ``uuid.UUID`` and ``bytes``. The
wire value stays reachable: a model's ``raw`` keeps the JSON exactly as received,
and ``to_dict()`` gives the received wire value back for a field still holding
what it was built from (``wire_value``), re-encoding only values set by hand.

- ``date``: ISO 8601 ``YYYY-MM-DD``.
- ``datetime``: ISO 8601 date-time; a trailing ``Z`` means UTC, and a value without
  an offset is taken as UTC (so every datetime compares with every other).
- ``epoch``: Unix seconds (an integer, or a number with a fraction), UTC.
- ``uuid``: the canonical text form, any case.
- ``bytes``: base64 text inside JSON (a binary response body is bytes already).
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import uuid as _uuid
from collections.abc import Callable, Mapping
from typing import Any

from ._exceptions import ResponseValidationError

__all__ = [
    "WIRE_DECODERS",
    "header_parser",
    "parse_bytes",
    "parse_date",
    "parse_datetime",
    "parse_epoch",
    "parse_uuid",
    "plain_scalar",
    "wire_args",
    "wire_value",
]


def parse_date(value: Any) -> _dt.date:
    """An ISO 8601 calendar date."""
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ResponseValidationError(f"expected an ISO 8601 date, got {_describe(value)}")


def parse_datetime(value: Any) -> _dt.datetime:
    """An ISO 8601 date-time, timezone aware ('Z' and no offset both mean UTC)."""
    if isinstance(value, str):
        text = value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value
        try:
            parsed = _dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=_dt.UTC)
            return parsed
    raise ResponseValidationError(
        f"expected an ISO 8601 date-time, got {_describe(value)}"
    )


_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)


def parse_epoch(value: Any) -> _dt.datetime:
    """Unix seconds as an aware UTC datetime (integers stay exact: no float)."""
    if type(value) is not int and (
        isinstance(value, bool) or not isinstance(value, (int, float))
    ):
        raise ResponseValidationError(
            f"expected Unix seconds (a number), got {_describe(value)}"
        )
    try:
        return _EPOCH + _dt.timedelta(0, value)  # (days, seconds): no keyword
    except OverflowError:
        raise ResponseValidationError(
            f"Unix seconds out of range: {_describe(value)}"
        ) from None


def parse_uuid(value: Any) -> _uuid.UUID:
    """A UUID in its text form."""
    if isinstance(value, str):
        try:
            return _uuid.UUID(value)
        except ValueError:
            pass
    raise ResponseValidationError(f"expected a UUID, got {_describe(value)}")


def parse_bytes(value: Any) -> bytes:
    """Base64 text inside JSON."""
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            pass
    raise ResponseValidationError(f"expected base64 text, got {_describe(value)}")


def _encode_epoch(value: _dt.datetime) -> int | float:
    seconds = value.timestamp()
    return int(seconds) if seconds == int(seconds) else seconds


def _encode_datetime(value: _dt.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


WIRE_DECODERS: Mapping[str, Callable[[Any], Any]] = {
    "date": parse_date,
    "datetime": parse_datetime,
    "epoch": parse_epoch,
    "uuid": parse_uuid,
    "bytes": parse_bytes,
}
_ENCODERS: Mapping[str, Callable[[Any], Any]] = {
    "date": lambda value: value.isoformat(),
    "datetime": _encode_datetime,
    "epoch": _encode_epoch,
    "uuid": str,
    "bytes": lambda value: base64.b64encode(value).decode("ascii"),
}
_MISSING: Any = object()


def wire_value(kind: str, value: Any, received: Any = _MISSING) -> Any:
    """The JSON form of a field of wire type ``kind`` holding ``value``.

    The value received (``received``) when the field still holds what it decodes
    to, so ``to_dict()`` round-trips the API's own text ('Z' or '+00:00', an epoch
    as sent); otherwise ``value`` encoded. ``None`` stays ``None``.
    """
    if value is None:
        return None
    if received is not _MISSING:
        try:
            if WIRE_DECODERS[kind](received) == value:
                return received
        except ResponseValidationError:
            pass
    if not isinstance(value, _dt.date | _uuid.UUID | bytes):
        return value  # set by hand to its wire form already
    return _ENCODERS[kind](value)


def _header_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise ValueError(f"not a boolean: {text!r}")
    return lowered == "true"


def _header_epoch(text: str) -> _dt.datetime:
    return parse_epoch(float(text) if "." in text else int(text))


_HEADER_PARSERS: Mapping[str, Callable[[str], Any]] = {
    "string": str,
    "integer": int,  # int() of text is exact at any size
    "number": float,
    "boolean": _header_bool,
    "date": parse_date,
    "datetime": parse_datetime,
    "epoch": _header_epoch,
    "uuid": parse_uuid,
}


def header_parser(kind: str) -> Callable[[str], Any]:
    """The parser of a response header's text for the spec type ``kind``."""
    return _HEADER_PARSERS.get(kind, str)


def wire_args(op: Any, args: Mapping[str, Any]) -> Mapping[str, Any]:
    """``args`` with rich parameter values as they travel (``Param.wire_kind``).

    An epoch goes as Unix seconds, a datetime as ISO 8601, a UUID as its text; a
    value already in wire form (a str, an int) is sent as given.
    """
    if not op.wire_kinds:
        return args
    kinds = dict(op.wire_kinds)
    if not kinds.keys() & args.keys():
        return args
    out = dict(args)
    for name, kind in kinds.items():
        value = out.get(name)
        if isinstance(value, list | tuple):
            out[name] = [wire_value(kind, item) for item in value]
        elif value is not None:
            out[name] = wire_value(kind, value)
    return out


def plain_scalar(value: Any) -> Any:
    """A rich value inside a list or map as JSON (dates ISO 8601, UUID text)."""
    if isinstance(value, _dt.datetime):
        return _encode_datetime(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return _ENCODERS["bytes"](value)
    return value


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"
