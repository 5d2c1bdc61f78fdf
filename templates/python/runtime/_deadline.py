"""The per-call deadline: one time limit over every attempt, wait and body read.

A ``timeout`` given as a number of seconds is the deadline of the whole call,
retries and the waits between them included, and also caps each phase
(connect, write, pool, each read) of every attempt at the time left. An
``httpx.Timeout`` sets the per-phase limits only, as httpx does; ``None`` waits
forever.

The sync client checks the deadline before each attempt, before each wait and
after each chunk of the body, and gives each phase only the time left when the
attempt starts, so a call ends within its deadline plus at most one read that
began just before it. The async client also runs each attempt under a cancel
scope of the time left, which ends it at the deadline exactly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx

__all__ = [
    "AsyncDeadlineStream",
    "DeadlineStream",
    "call_deadline",
    "capped_timeouts",
]


def call_deadline(timeout: object, now: float) -> float | None:
    """Return when the call must end (on the ``now`` clock), or ``None``."""
    if isinstance(timeout, int | float) and not isinstance(timeout, bool):
        return now + float(timeout)
    return None


def capped_timeouts(
    phases: dict[str, float | None], deadline: float | None, now: float
) -> dict[str, float | None]:
    """Return ``phases`` with each limit cut to the time left before ``deadline``."""
    if deadline is None:
        return phases
    left = max(deadline - now, 0.0)
    return {
        name: left if limit is None or limit > left else limit
        for name, limit in phases.items()
    }


def _expired(request: httpx.Request) -> httpx.ReadTimeout:
    return httpx.ReadTimeout("the call's deadline passed", request=request)


class DeadlineStream(httpx.SyncByteStream):
    """A response body that raises ``httpx.ReadTimeout`` once the deadline passes."""

    def __init__(
        self,
        stream: httpx.SyncByteStream,
        deadline: float,
        clock: Callable[[], float],
        request: httpx.Request,
    ) -> None:
        self._stream, self._deadline = stream, deadline
        self._clock, self._request = clock, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if self._clock() > self._deadline:
                raise _expired(self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()


class AsyncDeadlineStream(httpx.AsyncByteStream):
    """The async twin of ``DeadlineStream``."""

    def __init__(
        self,
        stream: httpx.AsyncByteStream,
        deadline: float,
        clock: Callable[[], float],
        request: httpx.Request,
    ) -> None:
        self._stream, self._deadline = stream, deadline
        self._clock, self._request = clock, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            if self._clock() > self._deadline:
                raise _expired(self._request)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()
