"""Retry policy: constants and small pure functions, no I/O.

The clients ask ``should_retry`` after every failed attempt and wait
``retry_delay`` seconds before the next one.

Which failures are retried:

* connection failures, timeouts, 408, 429 and 5xx answers, for idempotent
  methods (GET, HEAD, OPTIONS, PUT, DELETE);
* for POST and PATCH only failures where the API cannot have acted on the
  request: the connection was never made (``httpx.ConnectError``,
  ``ConnectTimeout``, ``PoolTimeout``) or the API refused it with 429. A 5xx or a
  read error may come after the API did the work (an upload, a comment), so
  repeating it could do it twice; ``retry_non_idempotent=True`` allows it anyway.
  503 is not special-cased: a gateway may send it after the backend acted.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime

import httpx

__all__ = [
    "IDEMPOTENT_METHODS",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "MAX_TOTAL_WAIT",
    "RETRYABLE_STATUSES",
    "backoff_delay",
    "is_retryable_status",
    "parse_retry_after",
    "retry_delay",
    "should_retry",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A longer ``Retry-After`` is cut to this, so one answer cannot stall a call."""
MAX_TOTAL_WAIT = 120.0
"""Budget for all waits of one call; a retry that would exceed it is not made."""
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RETRYABLE_STATUSES = frozenset({408, 429})

# Errors raised before any byte of the request left the machine.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors worth another try at all; others (bad URL, decoding, redirect loops)
# would fail again.
_TRANSIENT_ERRORS = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)


def is_retryable_status(status: int) -> bool:
    """Return whether an answer with this status may succeed when repeated."""
    return status in RETRYABLE_STATUSES or status >= 500


def should_retry(
    method: str,
    *,
    status: int | None = None,
    error: BaseException | None = None,
    retry_non_idempotent: bool = False,
) -> bool:
    """Decide whether a failed attempt (a ``status`` or an ``error``) is repeated."""
    repeat_ok = method.upper() in IDEMPOTENT_METHODS or retry_non_idempotent
    if error is not None:
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return isinstance(error, _TRANSIENT_ERRORS) and repeat_ok
    if status is None or not is_retryable_status(status):
        return False
    # 429 means the API refused the request without acting on it.
    return status == 429 or repeat_ok


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Return the wait the answer asks for, in seconds, or ``None``.

    Reads ``retry-after-ms`` (milliseconds) or ``Retry-After`` as seconds or as an
    HTTP date; ``now`` is the current Unix time, used for the date form.
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - now, 0.0)


def backoff_delay(
    attempt: int,
    *,
    initial: float = INITIAL_RETRY_DELAY,
    maximum: float = MAX_RETRY_DELAY,
    jitter: Callable[[], float] = random.random,
) -> float:
    """Return the wait before retry number ``attempt`` (0 for the first retry).

    Doubles from ``initial`` up to ``maximum``, then takes off up to a quarter at
    random so clients that failed together do not retry together.
    """
    delay = min(initial * 2.0**attempt, maximum)
    return delay * (1 - 0.25 * jitter())


def retry_delay(
    attempt: int,
    headers: Mapping[str, str] | None,
    now: float,
    *,
    jitter: Callable[[], float] = random.random,
) -> float:
    """Return the wait before retry ``attempt``: the API's ``Retry-After`` if any."""
    asked = parse_retry_after(headers, now) if headers is not None else None
    if asked is not None:
        return min(asked, MAX_RETRY_AFTER)
    return backoff_delay(attempt, jitter=jitter)
