"""Scrubbing held credentials out of error messages built from response text.

A server may quote back what it was sent: a 401 body saying "token abc123 is
expired" would put the token into ``str(exc)``, ``repr(exc)`` and every log line
that prints the error. Before an error built from a response leaves the client,
each credential the client holds is replaced in its message.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._auth import REDACTED
from ._exceptions import APIError, APIStatusError, ResponseValidationError

__all__ = ["redact_error", "redact_text"]

_MIN_SECRET = 4
"""Shorter values would scrub ordinary words; no real credential is this short."""


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """Return ``text`` with every secret replaced by the redaction marker."""
    # Longest first: a secret that contains another is replaced whole.
    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) >= _MIN_SECRET and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_error(error: BaseException, secrets: Iterable[str]) -> None:
    """Scrub ``secrets`` from the message of ``error`` (str, repr, ``.message``)."""
    held = [secret for secret in secrets if secret]
    if not held:
        return
    error.args = tuple(
        redact_text(arg, held) if isinstance(arg, str) else arg for arg in error.args
    )
    if isinstance(error, APIStatusError | ResponseValidationError):
        # ResponseValidationError builds str() from it; status errors expose it.
        error.message = redact_text(error.message, held)
    if isinstance(error, APIError) and error.url:
        error.url = redact_text(error.url, held)
