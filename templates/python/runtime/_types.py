"""Small shared types: the "not given" sentinel and the per-call request options.

``NOT_GIVEN`` tells "the caller left this out" apart from an explicit ``None``
(``timeout=None`` means "no timeout", while a left-out timeout means "use the
default"), the way httpx and openai-python do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, Literal, TypedDict

import httpx

__all__ = [
    "NOT_GIVEN",
    "NotGiven",
    "RequestOptions",
    "TimeoutTypes",
    "check_options",
]

TimeoutTypes = float | httpx.Timeout | None


class NotGiven:
    """Sentinel type for an argument the caller did not pass; falsy."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # One instance only, so `is NOT_GIVEN` and isinstance checks agree.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final[NotGiven] = NotGiven()


class RequestOptions(TypedDict, total=False):
    """Options every generated method accepts as keyword arguments."""

    timeout: float | httpx.Timeout | None
    """Seconds (or an ``httpx.Timeout``) for this call; ``None`` waits forever."""
    max_retries: int
    """Retries for this call; ``0`` switches retrying off."""
    retry_non_idempotent: bool
    """Allow repeating a POST/PATCH after the request may have reached the server."""
    extra_headers: Mapping[str, str]
    """Headers merged last, over the ones the SDK sets."""
    extra_query: Mapping[str, str]
    """Query parameters merged last, over the ones the SDK sets."""
    auth_scheme: str
    """Send this one of the operation's auth schemes (e.g. an anonymous upload
    with the API key from a client that also holds a user's token)."""


_OPTION_NAMES = RequestOptions.__optional_keys__ | RequestOptions.__required_keys__


def check_options(
    operation: str, options: Mapping[str, object], parameters: Iterable[str]
) -> None:
    """Raise ``TypeError`` for a keyword that is neither a parameter nor an option.

    Generated methods collect unknown keywords with the options, so a misspelled
    argument (``sectoin="hot"``) would otherwise be dropped without a word.
    """
    unknown = [name for name in options if name not in _OPTION_NAMES]
    if not unknown:
        return
    import difflib  # only on this error path

    choices = sorted(_OPTION_NAMES | set(parameters))
    name = unknown[0]
    close = difflib.get_close_matches(name, choices, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise TypeError(f"{operation}() got an unexpected keyword argument {name!r}{hint}")
