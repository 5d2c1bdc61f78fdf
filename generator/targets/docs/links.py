"""Anchors and links for the generated Markdown docs.

Headings get GitHub's anchors (its heading-slug rule), so links work when the
docs are read on GitHub as they are, with no HTML anchors. Only headings made of
identifiers and model names are linked to, and the page headings the templates
write around them always contain a space (so their slugs contain a hyphen, which
an identifier's slug cannot): the slugs computed here are the slugs GitHub makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["SlugAllocator", "TypeParts", "github_slug", "type_parts"]

# GitHub drops everything but letters, digits, underscores, hyphens and spaces.
_NOT_SLUG = re.compile(r"[^\w\- ]")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# (text, href) pairs; href is "" for text that links nowhere.
TypeParts = tuple[tuple[str, str], ...]


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading with this text, before de-duplication."""
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


class SlugAllocator:
    """Hands out a page's heading anchors the way GitHub numbers repeats: x, x-1."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._seen = set(taken)

    def take(self, heading: str) -> str:
        """The anchor for the next heading with this text."""
        base = github_slug(heading)
        slug, number = base, 0
        while slug in self._seen:
            number += 1
            slug = f"{base}-{number}"
        self._seen.add(slug)
        return slug


_ALIASES = re.compile(r"(?<![\w.])_(dt|uuid)\.")
_MODULES = {"dt": "datetime.", "uuid": "uuid."}


def public_annotation(text: str) -> str:
    """``text`` with ``_dt.`` and ``_uuid.`` (the SDK's import aliases) spelled out."""
    return _ALIASES.sub(lambda match: _MODULES[match[1]], text)


def type_parts(annotation: str, hrefs: Mapping[str, str]) -> TypeParts:
    """Split a Python annotation into text and links to the models it names.

    ``builtins.`` (spelled out where a method shadows a builtin) is noise to a
    reader, so it is dropped; the SDK's private module aliases read as the
    modules (``_dt.datetime`` as ``datetime.datetime``).
    """
    text = public_annotation(annotation.replace("builtins.", ""))
    parts: list[tuple[str, str]] = []
    position = 0
    for match in _TOKEN.finditer(text):
        href = hrefs.get(match[0])
        if href is None:
            continue
        if match.start() > position:
            parts.append((text[position : match.start()], ""))
        parts.append((match[0], href))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], ""))
    return tuple(parts)
