"""Rate-limit values read from response headers.

The config names the headers (``RateLimitHeader``); each becomes an attribute of
``RateLimits`` holding the latest integer seen, or ``None`` before any answer
carried it. Reset headers (Unix epoch or seconds from now) also feed
``reset_at``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import httpx

from ._operation import RateLimitHeader

__all__ = ["RateLimits"]


class RateLimits:
    """Latest rate-limit values; one attribute per configured header."""

    def __init__(self, headers: tuple[RateLimitHeader, ...]) -> None:
        self._headers = headers
        self._values: dict[str, int | None] = {h.attribute: None for h in headers}
        self._resets: dict[str, datetime] = {}
        self._by_name: dict[str, list[RateLimitHeader]] = {}
        for spec in headers:
            self._by_name.setdefault(spec.header.lower(), []).append(spec)
        # ``update`` reads an ``httpx.Headers`` through its raw bytes when every
        # configured name is ASCII (as HTTP header names are): lower-cased names.
        ascii_only = all(h.header.isascii() for h in headers)
        self._raw_names = {
            name.encode("ascii"): name for name in self._by_name if ascii_only
        }

    def __getattr__(self, name: str) -> int | None:
        # Only reached for names that are not real attributes.
        values = self.__dict__.get("_values", {})
        if name in values:
            value: int | None = values[name]
            return value
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    @property
    def reset_at(self) -> datetime | None:
        """When the most restrictive limit seen resets (the latest reset time)."""
        return max(self._resets.values(), default=None)

    def update(self, headers: Mapping[str, str], now: float) -> None:
        """Take the values present in ``headers``; keep the others."""
        # Runs on every call: attributes are read once (with ``__getattr__`` defined,
        # CPython does not specialize ``self.<name>`` lookups).
        by_name, raw_names = self._by_name, self._raw_names
        if not by_name:
            return
        if not (raw_names and isinstance(headers, httpx.Headers)):
            lowered = {key.lower(): raw for key, raw in headers.items()}
            for name, specs in by_name.items():
                value = _to_int(lowered.get(name))
                if value is not None:
                    self._set(specs, value, now)
            return
        # items() would decode every header, which costs more than all the rest:
        # find the configured ones among the raw bytes and read plain digits as
        # they are. Anything else (repeated, spaces, not ASCII) goes the long way,
        # through httpx's decoding, as before.
        found: dict[bytes, bytes] = {}
        repeated: set[bytes] = set()
        for key, data in headers.raw:
            lowered_key = key.lower()
            if lowered_key in raw_names:
                if lowered_key in found:
                    repeated.add(lowered_key)
                found[lowered_key] = data
        for lowered_key, data in found.items():
            text = raw_names[lowered_key]
            if data.isdigit() and lowered_key not in repeated:
                value = int(data)
            else:
                value = _to_int(headers[text])
            if value is not None:
                self._set(by_name[text], value, now)

    def _set(self, specs: list[RateLimitHeader], value: int, now: float) -> None:
        values, resets = self._values, self._resets
        for spec in specs:
            values[spec.attribute] = value
            if spec.reset == "epoch":
                resets[spec.attribute] = datetime.fromtimestamp(value, UTC)
            elif spec.reset == "seconds":
                resets[spec.attribute] = datetime.fromtimestamp(now + value, UTC)

    def snapshot(self) -> RateLimits:
        """Return an independent copy (what a ``RateLimitError`` keeps)."""
        copy = RateLimits(self._headers)
        copy._values = dict(self._values)
        copy._resets = dict(self._resets)
        return copy

    def as_dict(self) -> dict[str, int | None]:
        """Return the values by attribute name."""
        return dict(self._values)

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"RateLimits({fields})"


def _to_int(raw: str | None) -> int | None:
    if raw is None:
        return None
    try:
        return int(float(raw.strip()))
    except ValueError:
        return None
