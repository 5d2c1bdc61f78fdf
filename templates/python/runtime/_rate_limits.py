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
        # Raw (bytes) names for ``_find``; it handles ASCII names, as HTTP has them.
        ascii_only = all(h.header.isascii() for h in headers)
        self._wanted = frozenset(
            h.header.lower().encode("ascii") for h in headers if ascii_only
        )

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
        if not self._headers:
            return
        found = (
            self._find(headers)
            if self._wanted and isinstance(headers, httpx.Headers)
            else {key.lower(): value for key, value in headers.items()}
        )
        for name, raw in found.items():
            specs = self._by_name.get(name)
            value = _to_int(raw) if specs else None
            if specs is None or value is None:
                continue
            for spec in specs:
                self._values[spec.attribute] = value
                if spec.reset == "epoch":
                    self._resets[spec.attribute] = datetime.fromtimestamp(value, UTC)
                elif spec.reset == "seconds":
                    reset = datetime.fromtimestamp(now + value, UTC)
                    self._resets[spec.attribute] = reset

    def _find(self, headers: httpx.Headers) -> dict[str, str]:
        """The configured headers present, by lower-cased name, as ``items()`` has them.

        ``items()`` would decode every header, which costs more than the rest of
        the update: only the configured ones are decoded here.
        """
        found: dict[str, str] = {}
        for key, value in headers.raw:
            name = key.lower()
            if name not in self._wanted:
                continue
            text = name.decode("ascii")
            if text in found or not value.isascii():
                # Repeated (joined with ", ") or not ASCII: httpx decodes it.
                found[text] = headers[text]
            else:
                found[text] = value.decode("ascii")
        return found

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
