"""Turn document text (headings, keys, path segments) into spec names.

Headings like ``Get person``, ``album-remove-from`` or ``comment" class="textbox">``
become anchors (GitHub-style slugs) and identifiers (snake_case, keywords escaped,
never starting with a digit), so every name in the draft passes the schema.
"""

from __future__ import annotations

import re

from generator.naming import python_identifier

_MAX_IDENTIFIER = 64
_TAG = re.compile(r"<[^>]*>")
# Attribute residue left when a heading swallowed part of an HTML tag.
_ATTRIBUTES = re.compile(r"\"?(\s+[\w-]+\s*=\s*\"[^\"]*\"?)+\s*/?>?|\"\s*/?>")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def clean_heading(text: str) -> str:
    """Remove HTML tags and attribute debris from a heading."""
    cleaned = _ATTRIBUTES.sub("", _TAG.sub("", text))
    return cleaned.strip().strip("\"'<>").strip()


def words(text: str) -> list[str]:
    """Lowercase words of ``text``: camelCase, dashes, spaces and dots all split."""
    return [
        word.lower()
        for word in re.split(r"[^A-Za-z0-9]+", _CAMEL.sub(" ", text))
        if word
    ]


def snake(text: str) -> str:
    """``Get person`` -> ``get_person``; ``user-id`` -> ``user_id``."""
    return "_".join(words(text))


def slug(text: str) -> str:
    """A GitHub-style anchor: lowercase, punctuation dropped, spaces as dashes."""
    kept = re.sub(r"[^\w\s-]", "", text.strip().lower())
    return re.sub(r"\s", "-", kept)


def identifier(text: str, prefix: str) -> str:
    """A schema identifier (``^[a-z][a-z0-9_]*$``) for ``text``.

    Empty text gives ``prefix``; text starting with a digit gets ``prefix_`` in
    front; Python keywords get a trailing underscore.
    """
    name = snake(text)
    if not name:
        name = prefix
    elif name[0].isdigit():
        name = f"{prefix}_{name}"
    return python_identifier(name[: _MAX_IDENTIFIER - 1].rstrip("_"))


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3``... whichever is not yet taken."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}_{number}", number + 1
    return candidate
