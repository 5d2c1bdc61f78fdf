"""Recognise the format's fixed words: section labels, the Endpoint line, links.

Authors misspell labels (``Reqest:``), so a label is matched within a small edit
distance and the match says whether it was exact; the caller turns an inexact
match into a warning instead of silently dropping the function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["request", "response"]

# Two edits catch 'Reqest', 'Requets' and 'Repsonse' but not unrelated words.
_MAX_TYPO_DISTANCE = 2
_ENDPOINT = re.compile(r"^\s*Endpoint\s*:\s*<?(?P<url>[^\s<>]+)>?\s*$", re.IGNORECASE)
_SOURCE = re.compile(
    r"^\s*(?:Source|See|Docs|Documentation|Official documentation)\b.*?"
    r"<?(?P<url>https?://[^\s<>)\]]+)",
    re.IGNORECASE,
)
REQUEST_LINE = re.compile(r"^\s*(?P<method>[A-Za-z]+)\s+(?P<target>/\S*)")


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A text recognised as a Request or Response label."""

    kind: LabelKind
    exact: bool


def edit_distance(left: str, right: str) -> int:
    """Levenshtein distance, small strings only."""
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, start=1):
        current = [i]
        for j, right_char in enumerate(right, start=1):
            substitution = previous[j - 1] + (left_char != right_char)
            current.append(min(previous[j] + 1, current[j - 1] + 1, substitution))
        previous = current
    return previous[-1]


def match_label(text: str) -> LabelMatch | None:
    """Match ``Request``/``Response`` (trailing colon optional), allowing typos."""
    word = text.strip().rstrip(":").strip().lower()
    if not word.isalpha() or len(word) < 5:
        return None
    kinds: tuple[LabelKind, ...] = ("request", "response")
    for kind in kinds:
        if word == kind:
            return LabelMatch(kind=kind, exact=True)
    for kind in kinds:
        if edit_distance(word, kind) <= _MAX_TYPO_DISTANCE:
            return LabelMatch(kind=kind, exact=False)
    return None


def endpoint_url(text: str) -> str | None:
    """The URL of an ``Endpoint: <url>`` line, or None."""
    match = _ENDPOINT.match(text)
    return match.group("url") if match else None


def source_url(text: str) -> str | None:
    """The URL of a ``Source: <url>`` or ``See <url>`` line, or None."""
    match = _SOURCE.match(text)
    return match.group("url").rstrip(".,;") if match else None


def is_request_line(text: str) -> bool:
    """Whether a line looks like ``METHOD /path``."""
    return REQUEST_LINE.match(text) is not None


def api_description(paragraphs: list[str]) -> str | None:
    """The title section's prose, without the Endpoint and source-link lines."""
    kept = [
        text
        for text in paragraphs
        if endpoint_url(text) is None and source_url(text) is None
    ]
    return "\n\n".join(kept) or None
